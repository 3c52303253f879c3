/* search.h (api): GET /api/books/search and GET /api/books/suggest. */
#ifndef MANGU_API_SEARCH_H
#define MANGU_API_SEARCH_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

int api_search_books(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_search_suggest(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
