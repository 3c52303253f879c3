/* uploads.h (api): the disk driver's signed upload and download URLs. */
#ifndef MANGU_API_UPLOADS_H
#define MANGU_API_UPLOADS_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/*
 * Checks the token of PUT /api/uploads/{token} before any of the body is read, and returns a
 * sink writing it straight to storage (a temporary file, fsync, rename); NULL with an error
 * recorded in "cx" when the token, type or length do not match what was signed.
 */
struct http_sink *api_uploads_open_sink(struct ctx *cx, struct http_request *req);
/* PUT /api/uploads/{token}: commits the streamed body. */
int api_uploads_put(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/downloads/{token}: streams a stored object (with Range) to whoever holds the URL. */
int api_downloads_get(struct ctx *cx, struct http_request *req, struct http_response *res);

/* Answers the open object "fd" of "size" bytes with Range support; closes "fd" in any case. */
int api_send_fd(struct ctx *cx, struct http_request *req, struct http_response *res, int fd,
                long long size, const char *type);

#endif
