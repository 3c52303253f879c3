/* web.h: the built web client, loaded into memory at start and served with its cache rules. */
#ifndef MANGU_WEB_H
#define MANGU_WEB_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/*
 * Loads every file under "dir" (the Vite build). A missing folder is not an error: the site
 * then answers a page saying how to build the client. Caller owns; free with web_free().
 */
struct web_files *web_load(const char *dir);
void web_free(struct web_files *w);
size_t web_count(const struct web_files *w);

/*
 * Answers a non-API path: files under /assets/ (immutable, 404 when missing), other existing files,
 * and index.html for every other path (the client's router decides), with ETag revalidation.
 */
void web_serve(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
