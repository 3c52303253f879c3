/* authors.h (api): /api/authors: the authors list, an author's page, profile edits. */
#ifndef MANGU_API_AUTHORS_H
#define MANGU_API_AUTHORS_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

int api_authors_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_authors_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_authors_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_authors_update(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
