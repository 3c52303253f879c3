/* paging.h (api): the list parameters of every list route and the list JSON they answer with. */
#ifndef MANGU_API_PAGING_H
#define MANGU_API_PAGING_H

#include <jansson.h>

#include "app/ctx.h"
#include "http/request.h"

#define API_LIMIT_DEFAULT 24
#define API_LIMIT_MAX 100 /* above it: 400, as in every list of the API */
#define API_OFFSET_MAX 100000000LL

/*
 * Reads "limit" (1..100, default 24) and "offset" (0.., default 0) from the query; each bad
 * value is added to "fields" (borrowed) under its name and leaves the default in place.
 */
void api_page_read(struct http_request *req, json_t *fields, int *limit, long long *offset);
/* api_page_read for routes with no other parameters to check: 0 or ERR_INVALID (recorded). */
int api_page_parse(struct ctx *cx, struct http_request *req, long long *limit, long long *offset);
/* Fails with ERR_INVALID listing "fields" (borrowed) when it holds any problem; else 0. */
int api_params_check(struct ctx *cx, json_t *fields);
/* {"items", "total", "limit", "offset"}; steals "items". */
json_t *api_page_json(json_t *items, long long total, long long limit, long long offset);

#endif
