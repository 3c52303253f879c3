/* response.h: the response a handler fills; http/server.c turns it into bytes. */
#ifndef MANGU_RESPONSE_H
#define MANGU_RESPONSE_H

#include <jansson.h>
#include <stddef.h>

#include "core/arena.h"

#define HTTP_MAX_HEADERS 24

struct http_header {
    const char *name; /* borrowed: a literal or arena string */
    const char *value;
};

struct http_response {
    struct arena *arena; /* the request's arena; body and headers live here */
    int status;
    const char *content_type;
    const char *body; /* arena memory or a process-lifetime buffer; never freed by us */
    size_t body_len;
    int body_fd; /* >= 0: stream this file instead of "body" (closed after) */
    long long fd_offset;
    long long fd_len;
    struct http_header headers[HTTP_MAX_HEADERS];
    int n_headers;
};

void http_response_init(struct http_response *res, struct arena *arena);
/* Adds a header; both strings must outlive the request (literal or arena). */
void http_response_header(struct http_response *res, const char *name, const char *value);
/* Replaces a header if present, else adds it. */
void http_response_set_header(struct http_response *res, const char *name, const char *value);
const char *http_response_get_header(const struct http_response *res, const char *name);
/* Serialises "obj" into the arena as the body and sets the status; steals "obj". */
void http_respond_json_new(struct http_response *res, int status, json_t *obj);
/* Uses "body" (borrowed for the request's lifetime) as-is. */
void http_respond_bytes(struct http_response *res, int status, const char *content_type,
                        const char *body, size_t len);

#endif
