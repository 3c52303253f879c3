/* categories.h (api): /api/categories: the genre tree, one genre, and admin edits. */
#ifndef MANGU_API_CATEGORIES_H
#define MANGU_API_CATEGORIES_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

int api_categories_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_categories_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_categories_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_categories_update(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_categories_delete(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
