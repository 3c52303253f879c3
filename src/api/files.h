/* files.h (api): upload targets, completion, versions, and reading what was uploaded. */
#ifndef MANGU_API_FILES_H
#define MANGU_API_FILES_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

int api_files_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_files_complete(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_files_list(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/library/{book_id}/content: the owner's copy (S3: a redirect of at most 5 min). */
int api_library_content(struct ctx *cx, struct http_request *req, struct http_response *res);
/*
 * GET /api/library/{book_id}/content/link: the owner's copy as {url, expires_at, content_type,
 * size}, a link of at most 5 minutes to fetch without credentials (what the web reader uses).
 */
int api_library_content_link(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/books/{id}/sample: anyone's, for a published book with a sample. */
int api_books_sample(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/books/{id}/sample/link: the same as a link. */
int api_books_sample_link(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /static/<thumbnail key>: public cover images, cached a day. */
void api_static_serve(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
