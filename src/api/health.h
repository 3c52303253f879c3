/* health.h: the load balancer's check and the OpenAPI document. */
#ifndef MANGU_API_HEALTH_H
#define MANGU_API_HEALTH_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/* GET /api/health: 200 while the database answers (cache down = degraded), else 503. */
int api_health_show(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/openapi.json */
int api_openapi_show(struct ctx *cx, struct http_request *req, struct http_response *res);

/* The OpenAPI document merged from the docs/openapi folder. */
const char *openapi_document(size_t *len);

#endif
