/* books.h (api): the /api/books routes: lists, storefront rows, a book, and its writes. */
#ifndef MANGU_API_BOOKS_H
#define MANGU_API_BOOKS_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

int api_books_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_featured(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_trending(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_new(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_top_rated(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_update(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_delete(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_publish(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_books_unpublish(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
