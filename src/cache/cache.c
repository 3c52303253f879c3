/* cache.c: the generic front: picks a driver, prefixes keys, counts hits, misses and errors. */
#include "cache/cache.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache/driver.h"
#include "core/err.h"
#include "core/xalloc.h"

struct cache {
    const struct cache_driver *drv;
    void *impl;
    char *prefix; /* owned */
    size_t prefix_len;
    atomic_ullong hits;
    atomic_ullong misses;
    atomic_ullong errors;
};

/* A prefixed key: on the stack when short, else on the heap. */
struct pkey {
    char small[256];
    char *p;
    size_t len;
};

static void pkey_make(struct pkey *k, const struct cache *c, const char *key)
{
    size_t n = strlen(key);

    k->len = c->prefix_len + n;
    k->p = k->len < sizeof(k->small) ? k->small : xmalloc(k->len + 1);
    memcpy(k->p, c->prefix, c->prefix_len);
    memcpy(k->p + c->prefix_len, key, n + 1);
}

static void pkey_release(struct pkey *k)
{
    if (k->p != k->small)
        free(k->p);
}

static int count(struct cache *c, int rc)
{
    if (rc == ERR_UNAVAILABLE)
        atomic_fetch_add_explicit(&c->errors, 1, memory_order_relaxed);
    return rc;
}

int cache_open(const struct config *cfg, struct cache **out, struct buf *why)
{
    const struct cache_driver *drv = &cache_memory_driver;
    void *impl;

    if (cfg->redis_url && *cfg->redis_url) {
        drv = &cache_redis_driver;
        impl = cache_redis_new(cfg->redis_url, why);
        if (!impl)
            return -1;
    } else {
        impl = cache_memory_new(cfg->cache_max_bytes);
    }
    struct cache *c = xcalloc(1, sizeof(*c));
    c->drv = drv;
    c->impl = impl;
    c->prefix = xstrdup(cfg->cache_prefix ? cfg->cache_prefix : "");
    c->prefix_len = strlen(c->prefix);
    atomic_init(&c->hits, 0);
    atomic_init(&c->misses, 0);
    atomic_init(&c->errors, 0);
    *out = c;
    return 0;
}

struct cache *cache_open_local(size_t max_bytes)
{
    struct config cfg;
    struct buf why = BUF_INIT;
    struct cache *c = NULL;

    memset(&cfg, 0, sizeof(cfg));
    cfg.cache_max_bytes = max_bytes;
    cfg.cache_prefix = "";
    if (cache_open(&cfg, &c, &why) != 0)
        c = NULL;
    buf_release(&why);
    return c;
}

void cache_close(struct cache *c)
{
    if (!c)
        return;
    c->drv->free(c->impl);
    free(c->prefix);
    free(c);
}

const char *cache_driver_name(const struct cache *c)
{
    return c->drv->name;
}

int cache_get(struct cache *c, struct arena *arena, const char *key, char **val, size_t *len)
{
    struct pkey k;

    pkey_make(&k, c, key);
    int rc = c->drv->get(c->impl, arena, k.p, k.len, val, len);
    pkey_release(&k);
    if (rc == 0)
        atomic_fetch_add_explicit(&c->hits, 1, memory_order_relaxed);
    else if (rc == ERR_NOT_FOUND)
        atomic_fetch_add_explicit(&c->misses, 1, memory_order_relaxed);
    return count(c, rc);
}

int cache_set(struct cache *c, const char *key, const void *val, size_t len, int ttl_s)
{
    struct pkey k;

    pkey_make(&k, c, key);
    int rc = c->drv->set(c->impl, k.p, k.len, val, len, ttl_s);
    pkey_release(&k);
    return count(c, rc);
}

int cache_add(struct cache *c, const char *key, const void *val, size_t len, int ttl_s)
{
    struct pkey k;

    pkey_make(&k, c, key);
    int rc = c->drv->add(c->impl, k.p, k.len, val, len, ttl_s);
    pkey_release(&k);
    return count(c, rc);
}

int cache_del(struct cache *c, const char *key)
{
    struct pkey k;

    pkey_make(&k, c, key);
    int rc = c->drv->del(c->impl, k.p, k.len);
    pkey_release(&k);
    return count(c, rc);
}

int cache_incr(struct cache *c, const char *key, int window_s, long long *count_out, int *ttl_left)
{
    struct pkey k;

    if (window_s < 1)
        window_s = 1;
    pkey_make(&k, c, key);
    int rc = c->drv->incr(c->impl, k.p, k.len, window_s, count_out, ttl_left);
    pkey_release(&k);
    return count(c, rc);
}

int cache_publish(struct cache *c, const char *channel, const char *msg, size_t len)
{
    struct pkey k;

    pkey_make(&k, c, channel);
    int rc = c->drv->publish(c->impl, k.p, k.len, msg, len);
    pkey_release(&k);
    return count(c, rc);
}

struct cache_sub *cache_subscribe(struct cache *c, const char *channel, cache_sub_fn fn, void *arg)
{
    struct pkey k;

    if (c->drv != &cache_redis_driver)
        return NULL;
    pkey_make(&k, c, channel);
    struct cache_sub *s = cache_redis_subscribe(c->impl, k.p, k.len, fn, arg);
    pkey_release(&k);
    return s;
}

void cache_sub_stop(struct cache_sub *s)
{
    if (s)
        cache_redis_sub_stop(s);
}

int cache_ping(struct cache *c, double *latency_ms)
{
    struct timespec t0, t1;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = c->drv->ping(c->impl);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (latency_ms)
        *latency_ms =
            (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    return count(c, rc);
}

void cache_get_stats(struct cache *c, struct cache_stats *out)
{
    memset(out, 0, sizeof(*out));
    out->hits = atomic_load_explicit(&c->hits, memory_order_relaxed);
    out->misses = atomic_load_explicit(&c->misses, memory_order_relaxed);
    out->errors = atomic_load_explicit(&c->errors, memory_order_relaxed);
    if (c->drv->usage)
        c->drv->usage(c->impl, &out->bytes, &out->entries);
}

void cache_test_set_clock(struct cache *c, cache_clock_fn fn, void *arg)
{
    if (c->drv->set_clock)
        c->drv->set_clock(c->impl, fn, arg);
}
