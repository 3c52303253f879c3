/* router.c: the route table compiled into segments, matched by specificity. */
#include "http/router.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEGMENTS 12

struct segment {
    const char *text; /* literal text, or the parameter name */
    size_t len;
    int is_param;
};

struct compiled {
    const struct route *route;
    struct segment segs[MAX_SEGMENTS];
    int n;
    unsigned specificity; /* one bit per literal segment, earlier segments weigh more */
};

struct router {
    struct compiled *routes;
    size_t n;
};

static int split(const char *path, struct segment *segs, int max)
{
    int n = 0;
    const char *p = path;

    while (*p == '/')
        p++;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (n == max)
            return -1;
        segs[n++] = (struct segment){p, len, 0};
        p += len;
        while (*p == '/')
            p++;
    }
    return n;
}

static void compile(struct compiled *c, const struct route *route)
{
    c->route = route;
    c->n = split(route->pattern, c->segs, MAX_SEGMENTS);
    if (c->n < 0) {
        fprintf(stderr, "route '%s' has too many segments\n", route->pattern);
        abort();
    }
    c->specificity = 0;
    for (int i = 0; i < c->n; i++) {
        struct segment *s = &c->segs[i];
        if (s->len > 2 && s->text[0] == '{' && s->text[s->len - 1] == '}') {
            s->is_param = 1;
            s->text++;
            s->len -= 2;
        } else {
            c->specificity |= 1u << (MAX_SEGMENTS - i);
        }
    }
}

struct router *router_new(const struct route *table, size_t n)
{
    struct router *r = xmalloc(sizeof(*r));

    r->routes = xcalloc(n, sizeof(*r->routes));
    r->n = n;
    for (size_t i = 0; i < n; i++)
        compile(&r->routes[i], &table[i]);
    return r;
}

void router_free(struct router *r)
{
    if (!r)
        return;
    free(r->routes);
    free(r);
}

size_t router_size(const struct router *r)
{
    return r->n;
}

const struct route *router_route(const struct router *r, size_t index)
{
    return index < r->n ? r->routes[index].route : NULL;
}

static int path_matches(const struct compiled *c, const struct segment *segs, int n)
{
    if (c->n != n)
        return 0;
    for (int i = 0; i < n; i++) {
        if (c->segs[i].is_param)
            continue;
        if (c->segs[i].len != segs[i].len || memcmp(c->segs[i].text, segs[i].text, segs[i].len))
            return 0;
    }
    return 1;
}

static void add_allow(char *allow, size_t cap, const char *name)
{
    if (strstr(allow, name))
        return;
    size_t used = strlen(allow);
    snprintf(allow + used, cap - used, "%s%s", used ? ", " : "", name);
}

static const char *method_name(enum http_method m)
{
    static const char *const names[] = {"GET",   "HEAD",   "POST",    "PUT",
                                        "PATCH", "DELETE", "OPTIONS", "OTHER"};

    return names[m];
}

static void fill_params(const struct compiled *c, const struct segment *segs, struct arena *arena,
                        struct http_request *req)
{
    req->n_params = 0;
    for (int i = 0; i < c->n && req->n_params < HTTP_MAX_PARAMS; i++) {
        if (!c->segs[i].is_param)
            continue;
        req->params[req->n_params].name = arena_strndup(arena, c->segs[i].text, c->segs[i].len);
        req->params[req->n_params].value = arena_strndup(arena, segs[i].text, segs[i].len);
        req->n_params++;
    }
}

enum router_outcome router_match(const struct router *r, enum http_method method, const char *path,
                                 struct arena *arena, struct http_request *req,
                                 struct router_match *out)
{
    struct segment segs[MAX_SEGMENTS];
    int n = split(path, segs, MAX_SEGMENTS);
    const struct compiled *best = NULL;
    enum http_method want = method == HTTP_HEAD ? HTTP_GET : method;

    out->route = NULL;
    out->index = -1;
    out->allow[0] = '\0';
    if (n < 0)
        return ROUTER_NOT_FOUND;
    unsigned top = 0;
    int any = 0;
    for (size_t i = 0; i < r->n; i++)
        if (path_matches(&r->routes[i], segs, n) && (!any || r->routes[i].specificity > top)) {
            top = r->routes[i].specificity;
            any = 1;
        }
    /* only the most specific pattern decides between a match and 405 */
    for (size_t i = 0; any && i < r->n; i++) {
        const struct compiled *c = &r->routes[i];
        if (c->specificity != top || !path_matches(c, segs, n))
            continue;
        if (c->route->method == want) {
            best = c;
            out->index = (int)i;
            break;
        }
        add_allow(out->allow, sizeof(out->allow), method_name(c->route->method));
    }
    if (!best)
        return out->allow[0] ? ROUTER_METHOD_NOT_ALLOWED : ROUTER_NOT_FOUND;
    out->route = best->route;
    fill_params(best, segs, arena, req);
    return ROUTER_FOUND;
}
