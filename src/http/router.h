/* router.h: matching a method and path against the route table ("{name}" parameters). */
#ifndef MANGU_ROUTER_H
#define MANGU_ROUTER_H

#include <stddef.h>

#include "core/arena.h"
#include "http/request.h"
#include "http/response.h"

struct ctx;

enum route_flags {
    ROUTE_AUTH = 1 << 0,      /* a signed-in user */
    ROUTE_AUTHOR = 1 << 1,    /* role author or admin */
    ROUTE_ADMIN = 1 << 2,     /* role admin */
    ROUTE_JSON_BODY = 1 << 3, /* body must be a JSON object; parsed into req->json */
    ROUTE_NO_LIMIT = 1 << 4,  /* exempt from the general rate limit (health) */
    ROUTE_RAW_BODY = 1 << 5,  /* handler reads req->body itself (webhooks) */
};

typedef int (*route_handler_fn)(struct ctx *cx, struct http_request *req,
                                struct http_response *res);

struct route {
    enum http_method method;
    const char *pattern; /* "/api/books/{id}" */
    route_handler_fn handler;
    unsigned flags;
};

enum router_outcome { ROUTER_FOUND, ROUTER_NOT_FOUND, ROUTER_METHOD_NOT_ALLOWED };

struct router_match {
    const struct route *route; /* when FOUND */
    int index;                 /* position in the table, for metrics */
    char allow[96];            /* when METHOD_NOT_ALLOWED: "GET, POST" */
};

/* Compiles "table" (borrowed; must outlive the router). Caller owns; free with router_free(). */
struct router *router_new(const struct route *table, size_t n);
void router_free(struct router *r);
size_t router_size(const struct router *r);
const struct route *router_route(const struct router *r, size_t index);

/*
 * Finds the route for "method" and "path"; a literal segment wins over a parameter at the same
 * position. On FOUND, fills req->params with values copied into "arena". HEAD matches GET.
 */
enum router_outcome router_match(const struct router *r, enum http_method method, const char *path,
                                 struct arena *arena, struct http_request *req,
                                 struct router_match *out);

#endif
