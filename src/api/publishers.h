/* publishers.h (api): /api/publishers: the list, one publisher, admin edits. */
#ifndef MANGU_API_PUBLISHERS_H
#define MANGU_API_PUBLISHERS_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

int api_publishers_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_publishers_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_publishers_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_publishers_update(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
