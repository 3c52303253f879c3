/* catalog_front.c (service): the catalog generation in the process (kept by pub/sub) and the LRU */
#include "service/catalog_front.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache/driver.h"
#include "core/err.h"
#include "core/timefmt.h"
#include "core/xalloc.h"

#define GEN_KEY "catalog_gen" /* the counter, and the channel its new values go out on */
#define GEN_TTL (30 * 86400)

struct catalog_front {
    struct cache *shared; /* borrowed */
    struct cache *lru;    /* owned; NULL when disabled */
    atomic_llong gen;     /* this process's copy of the generation */
    atomic_bool live;     /* "gen" follows the shared counter: subscribed and caught up */
    atomic_uint owed;     /* bumps that failed; one is made before the cache is used again */
    struct cache_sub *sub;
    bool copies; /* keeps copies of shared answers (Redis); else only this process's own */
};

/*
 * The shared generation. A missing counter starts at the current time in milliseconds, so a
 * counter lost to a restart or an eviction never returns to a number used before.
 */
static int read_gen(struct cache *shared, struct arena *a, long long *gen)
{
    char *val, start[24];
    size_t len;
    int rc = cache_get(shared, a, GEN_KEY, &val, &len);

    if (rc == ERR_NOT_FOUND) {
        snprintf(start, sizeof(start), "%lld", time_unix_ms());
        rc = cache_add(shared, GEN_KEY, start, strlen(start), GEN_TTL);
        if (rc == 0 || rc == ERR_CONFLICT)
            rc = cache_get(shared, a, GEN_KEY, &val, &len);
    }
    if (rc == 0)
        *gen = strtoll(val, NULL, 10);
    return rc;
}

/* Increments the shared generation and publishes its new value "gen". 0 or ERR_UNAVAILABLE. */
static int bump(struct cache *shared, long long *gen)
{
    char txt[24];
    int ttl;
    int rc = cache_incr(shared, GEN_KEY, GEN_TTL, gen, &ttl);

    if (rc != 0)
        return rc;
    if (*gen == 1) { /* the counter was missing: start it above any number it held before */
        *gen = time_unix_ms();
        snprintf(txt, sizeof(txt), "%lld", *gen);
        rc = cache_set(shared, GEN_KEY, txt, strlen(txt), GEN_TTL);
    }
    snprintf(txt, sizeof(txt), "%lld", *gen);
    return rc ? rc : cache_publish(shared, GEN_KEY, txt, strlen(txt));
}

/* Raises the copy to "gen" (a concurrent writer may have raised it further already). */
static void advance(struct catalog_front *f, long long gen)
{
    long long seen = atomic_load(&f->gen);

    while (seen < gen && !atomic_compare_exchange_weak(&f->gen, &seen, gen))
        ;
}

/*
 * Sets the copy to the shared value, which may also have gone down (a counter lost and
 * started again). A writer that moved the copy meanwhile made a new value: read again.
 */
static int catch_up(struct catalog_front *f)
{
    struct arena *a = arena_new();
    long long seen, now;
    int rc;

    do {
        seen = atomic_load(&f->gen);
        rc = read_gen(f->shared, a, &now);
    } while (rc == 0 && !atomic_compare_exchange_strong(&f->gen, &seen, now));
    arena_free(a);
    atomic_store(&f->live, rc == 0);
    return rc;
}

/* On the subscriber's thread: every published bump, and every (re)subscription, reads again. */
static int on_event(void *arg, enum cache_sub_event ev, const char *msg, size_t len)
{
    struct catalog_front *f = arg;

    (void)msg, (void)len; /* the value is a hint; the counter itself is the truth */
    if (ev == CACHE_SUB_LOST) {
        atomic_store(&f->live, false);
        return 0;
    }
    return catch_up(f);
}

/*
 * Makes the bump this process owes; 0 once it is made. The debt is cleared only when no bump
 * failed meanwhile, and only after this one succeeded: until then every thread bypasses the
 * cache (several may bump at once; an extra bump only drops more answers).
 */
static int settle(struct catalog_front *f)
{
    unsigned seen = atomic_load(&f->owed);
    long long gen;

    if (!seen)
        return 0;
    if (bump(f->shared, &gen) != 0)
        return ERR_UNAVAILABLE;
    advance(f, gen);
    atomic_compare_exchange_strong(&f->owed, &seen, 0);
    return 0;
}

int catalog_front_generation(struct catalog_front *f, struct cache *shared, struct arena *a,
                             long long *gen)
{
    if (f && atomic_load(&f->owed) && settle(f) != 0)
        return ERR_UNAVAILABLE;
    if (f && atomic_load(&f->live)) {
        *gen = atomic_load(&f->gen);
        return 0;
    }
    return read_gen(shared, a, gen);
}

void catalog_front_bump(struct catalog_front *f, struct cache *shared)
{
    long long gen;

    if (bump(shared, &gen) != 0) {
        if (f)
            atomic_fetch_add(&f->owed, 1);
        return;
    }
    if (f)
        advance(f, gen);
}

int catalog_front_get(struct catalog_front *f, struct arena *a, const char *key, char **val,
                      size_t *len)
{
    if (!f || !f->lru)
        return ERR_NOT_FOUND;
    return cache_get(f->lru, a, key, val, len);
}

bool catalog_front_has_lru(const struct catalog_front *f)
{
    return f && f->lru;
}

void catalog_front_put(struct catalog_front *f, const char *key, const char *val, size_t len,
                       int ttl_s)
{
    if (!f || !f->lru)
        return;
    if (ttl_s <= 0 || ttl_s > CATALOG_FRONT_TTL)
        ttl_s = CATALOG_FRONT_TTL;
    cache_set(f->lru, key, val, len, ttl_s);
}

void catalog_front_get_stats(struct catalog_front *f, struct catalog_front_stats *out)
{
    struct cache_stats st;

    memset(out, 0, sizeof(*out));
    if (!f)
        return;
    out->following = atomic_load(&f->live);
    if (!f->lru)
        return;
    cache_get_stats(f->lru, &st);
    out->hits = st.hits;
    out->misses = st.misses;
    out->bytes = st.bytes;
}

static struct cache *open_lru(size_t bytes)
{
    struct cache *lru = cache_open_local(bytes);

    if (!lru) /* the memory driver cannot fail */
        abort();
    return lru;
}

static struct catalog_front *front_new(struct cache *shared, size_t lru_bytes, bool copies)
{
    struct catalog_front *f = xcalloc(1, sizeof(*f));

    f->shared = shared;
    f->copies = copies;
    f->lru = lru_bytes ? open_lru(lru_bytes) : NULL;
    atomic_init(&f->gen, 0);
    atomic_init(&f->live, false);
    atomic_init(&f->owed, 0);
    f->sub = cache_subscribe(shared, GEN_KEY, on_event, f); /* NULL for the memory cache */
    return f;
}

struct catalog_front *catalog_front_start(struct cache *shared, size_t lru_bytes)
{
    bool redis = strcmp(cache_driver_name(shared), "redis") == 0;

    if (!redis && lru_bytes == 0)
        return NULL;
    return front_new(shared, lru_bytes, redis);
}

bool catalog_front_copies(const struct catalog_front *f)
{
    return f && f->copies;
}

struct catalog_front *catalog_front_test_new(struct cache *shared, size_t lru_bytes)
{
    return front_new(shared, lru_bytes, true);
}

void catalog_front_test_set_clock(struct catalog_front *f, long long (*fn)(void *), void *arg)
{
    if (f->lru)
        cache_test_set_clock(f->lru, fn, arg);
}

bool catalog_front_test_live(struct catalog_front *f)
{
    return atomic_load(&f->live);
}

void catalog_front_stop(struct catalog_front *f)
{
    if (!f)
        return;
    cache_sub_stop(f->sub);
    cache_close(f->lru);
    free(f);
}
