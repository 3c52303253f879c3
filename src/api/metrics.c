/* metrics.c: lock-free counters per route and status, rendered in Prometheus text format. */
#include "api/metrics.h"
#include "api/dispatch.h"
#include "api/refresh.h"
#include "cache/cache.h"
#include "service/catalog_front.h"
#include "core/buf.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "http/router.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_STATUS 600
static const double bucket_le[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                   0.05,   0.1,   0.25,   0.5,   1,    2.5};
#define N_BUCKETS (sizeof(bucket_le) / sizeof(bucket_le[0]))

struct slot {
    atomic_ullong by_status[N_STATUS];
    atomic_ullong buckets[N_BUCKETS + 1]; /* the last is +Inf */
    atomic_ullong micros_sum;
};

struct metrics {
    size_t n_slots;
    struct slot *slots;
    atomic_ullong rate_limited;
};

struct metrics *metrics_new(size_t n_routes)
{
    struct metrics *m = xcalloc(1, sizeof(*m));

    m->n_slots = n_routes + 1;
    m->slots = xcalloc(m->n_slots, sizeof(*m->slots));
    return m;
}

void metrics_free(struct metrics *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m);
}

void metrics_observe(struct ctx *cx, int status, double seconds)
{
    struct metrics *m = cx->app->metrics;
    size_t i = (size_t)cx->route_slot;

    if (!m || i >= m->n_slots)
        return;
    struct slot *s = &m->slots[i];
    if (status >= 100 && status < N_STATUS)
        atomic_fetch_add_explicit(&s->by_status[status], 1, memory_order_relaxed);
    size_t b = 0;
    while (b < N_BUCKETS && seconds > bucket_le[b])
        b++;
    atomic_fetch_add_explicit(&s->buckets[b], 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&s->micros_sum, (unsigned long long)(seconds * 1e6),
                              memory_order_relaxed);
}

void metrics_rate_limited(struct app *app)
{
    if (app->metrics)
        atomic_fetch_add(&app->metrics->rate_limited, 1);
}

static void slot_labels(struct app *app, size_t i, char *out, size_t cap)
{
    const struct route *r = i ? router_route(app->router, i - 1) : NULL;
    static const char *const methods[] = {"GET",   "HEAD",   "POST",    "PUT",
                                          "PATCH", "DELETE", "OPTIONS", "OTHER"};

    if (r)
        snprintf(out, cap, "route=\"%s\",method=\"%s\"", r->pattern, methods[r->method]);
    else
        snprintf(out, cap, "route=\"other\",method=\"any\"");
}

static void render_slot(struct app *app, struct buf *b, size_t i)
{
    struct slot *s = &app->metrics->slots[i];
    char labels[160];
    unsigned long long total = 0;

    slot_labels(app, i, labels, sizeof(labels));
    for (int st = 100; st < N_STATUS; st++) {
        unsigned long long n = atomic_load_explicit(&s->by_status[st], memory_order_relaxed);
        if (n)
            buf_printf(b, "mangu_http_requests_total{%s,status=\"%d\"} %llu\n", labels, st, n);
    }
    for (size_t k = 0; k <= N_BUCKETS; k++)
        total += atomic_load_explicit(&s->buckets[k], memory_order_relaxed);
    if (!total)
        return;
    unsigned long long cum = 0;
    for (size_t k = 0; k < N_BUCKETS; k++) {
        cum += atomic_load_explicit(&s->buckets[k], memory_order_relaxed);
        buf_printf(b, "mangu_http_request_duration_seconds_bucket{%s,le=\"%g\"} %llu\n", labels,
                   bucket_le[k], cum);
    }
    buf_printf(b, "mangu_http_request_duration_seconds_bucket{%s,le=\"+Inf\"} %llu\n", labels,
               total);
    buf_printf(b, "mangu_http_request_duration_seconds_sum{%s} %.6f\n", labels,
               (double)atomic_load(&s->micros_sum) / 1e6);
    buf_printf(b, "mangu_http_request_duration_seconds_count{%s} %llu\n", labels, total);
}

/* With Redis: the LRU in front of it, and whether the generation follows pub/sub. */
static void render_catalog_front(struct app *app, struct buf *b)
{
    struct catalog_front_stats fs;

    if (!app->catalog_front)
        return;
    catalog_front_get_stats(app->catalog_front, &fs);
    buf_printf(b,
               "# TYPE mangu_catalog_front_requests_total counter\n"
               "mangu_catalog_front_requests_total{result=\"hit\"} %llu\n"
               "mangu_catalog_front_requests_total{result=\"miss\"} %llu\n"
               "# TYPE mangu_catalog_front_bytes gauge\nmangu_catalog_front_bytes %zu\n"
               "# TYPE mangu_catalog_generation_followed gauge\n"
               "mangu_catalog_generation_followed %d\n",
               fs.hits, fs.misses, fs.bytes, fs.following ? 1 : 0);
}

static void render_backends(struct app *app, struct buf *b)
{
    int open = 0, in_use = 0, max = 0;
    struct cache_stats cs;

    db_pool_stats(app->db, &open, &in_use, &max);
    buf_printf(b,
               "# TYPE mangu_db_pool_connections gauge\n"
               "mangu_db_pool_connections{state=\"open\"} %d\n"
               "mangu_db_pool_connections{state=\"in_use\"} %d\n"
               "mangu_db_pool_connections{state=\"max\"} %d\n",
               open, in_use, max);
    cache_get_stats(app->cache, &cs);
    buf_printf(b,
               "# TYPE mangu_cache_requests_total counter\n"
               "mangu_cache_requests_total{result=\"hit\"} %llu\n"
               "mangu_cache_requests_total{result=\"miss\"} %llu\n"
               "mangu_cache_requests_total{result=\"error\"} %llu\n"
               "# TYPE mangu_cache_bytes gauge\nmangu_cache_bytes %zu\n",
               cs.hits, cs.misses, cs.errors, cs.bytes);
    render_catalog_front(app, b);
    buf_printf(b, "# TYPE mangu_rate_limited_total counter\nmangu_rate_limited_total %llu\n",
               atomic_load(&app->metrics->rate_limited));
    buf_printf(b,
               "# TYPE mangu_catalog_refreshes_total counter\nmangu_catalog_refreshes_total %llu\n",
               api_refresh_count());
}

int api_metrics_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct app *app = cx->app;
    struct buf b = BUF_INIT;

    buf_adds(&b, "# TYPE mangu_http_requests_total counter\n"
                 "# TYPE mangu_http_request_duration_seconds histogram\n");
    for (size_t i = 0; i < app->metrics->n_slots; i++)
        render_slot(app, &b, i);
    render_backends(app, &b);
    buf_printf(&b, "# TYPE mangu_uptime_seconds gauge\nmangu_uptime_seconds %lld\n",
               (long long)(time(NULL) - app->started));
    char *text = arena_strndup(cx->arena, b.p, b.len);
    http_respond_bytes(res, 200, "text/plain; version=0.0.4; charset=utf-8", text, b.len);
    buf_release(&b);
    return 0;
}
