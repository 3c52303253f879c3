/* response.c: filling a response. */
#include "http/response.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void http_response_init(struct http_response *res, struct arena *arena)
{
    memset(res, 0, sizeof(*res));
    res->arena = arena;
    res->status = 200;
    res->body_fd = -1;
}

void http_response_header(struct http_response *res, const char *name, const char *value)
{
    if (res->n_headers >= HTTP_MAX_HEADERS)
        abort(); /* a programming error: the fixed table is sized for every route */
    res->headers[res->n_headers++] = (struct http_header){name, value};
}

void http_response_set_header(struct http_response *res, const char *name, const char *value)
{
    for (int i = 0; i < res->n_headers; i++)
        if (strcasecmp(res->headers[i].name, name) == 0) {
            res->headers[i].value = value;
            return;
        }
    http_response_header(res, name, value);
}

const char *http_response_get_header(const struct http_response *res, const char *name)
{
    for (int i = 0; i < res->n_headers; i++)
        if (strcasecmp(res->headers[i].name, name) == 0)
            return res->headers[i].value;
    return NULL;
}

/* Accumulates jansson's output straight into the request arena. */
struct json_sink {
    char *p;
    size_t len, cap;
    struct arena *arena;
};

static int dump_cb(const char *chunk, size_t size, void *data)
{
    struct json_sink *b = data;

    if (b->len + size > b->cap) {
        size_t cap = (b->cap ? b->cap : 256) * 2;
        while (cap < b->len + size)
            cap *= 2;
        char *p = arena_alloc(b->arena, cap);
        if (b->len)
            memcpy(p, b->p, b->len);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, chunk, size);
    b->len += size;
    return 0;
}

void http_respond_json_new(struct http_response *res, int status, json_t *obj)
{
    struct json_sink b = {NULL, 0, 0, res->arena};

    json_dump_callback(obj, dump_cb, &b, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(9));
    json_decref(obj);
    res->status = status;
    res->content_type = "application/json";
    res->body = b.p ? b.p : "";
    res->body_len = b.len;
}

void http_respond_bytes(struct http_response *res, int status, const char *content_type,
                        const char *body, size_t len)
{
    res->status = status;
    res->content_type = content_type;
    res->body = body;
    res->body_len = len;
}
