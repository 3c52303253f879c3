/* library.h (api): /api/library, /api/wishlist and reviews. */
#ifndef MANGU_API_LIBRARY_H
#define MANGU_API_LIBRARY_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

int api_library_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_library_continue(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_library_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_library_claim(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_library_progress_show(struct ctx *cx, struct http_request *req,
                              struct http_response *res);
int api_library_progress_update(struct ctx *cx, struct http_request *req,
                                struct http_response *res);
int api_annotations_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_annotations_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_annotations_update(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_annotations_delete(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_annotations_export(struct ctx *cx, struct http_request *req, struct http_response *res);

int api_wishlist_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_wishlist_add(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_wishlist_remove(struct ctx *cx, struct http_request *req, struct http_response *res);

int api_reviews_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_reviews_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_reviews_update_mine(struct ctx *cx, struct http_request *req,
                            struct http_response *res);
int api_reviews_delete_mine(struct ctx *cx, struct http_request *req,
                            struct http_response *res);
int api_reviews_report(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_reviews_update(struct ctx *cx, struct http_request *req,
                             struct http_response *res);

#endif
