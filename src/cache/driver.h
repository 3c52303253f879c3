/* driver.h: the contract between cache.c and its drivers (memory.c, redis.c); not for callers. */
#ifndef MANGU_CACHE_DRIVER_H
#define MANGU_CACHE_DRIVER_H

#include <stddef.h>

#include "cache/cache.h"

/* Monotonic milliseconds; tests replace the memory driver's clock to avoid sleeping. */
typedef long long (*cache_clock_fn)(void *arg);

/*
 * One backend. Every key arrives already prefixed, as "key" (NUL-terminated) and its length
 * "klen". Return codes are those of cache.h; cache.c counts hits, misses and errors.
 */
struct cache_driver {
    const char *name;
    int (*get)(void *impl, struct arena *arena, const char *key, size_t klen, char **val,
               size_t *len);
    int (*set)(void *impl, const char *key, size_t klen, const void *val, size_t len, int ttl_s);
    /* Set-if-absent: 0 when stored, ERR_CONFLICT when the key was live. */
    int (*add)(void *impl, const char *key, size_t klen, const void *val, size_t len, int ttl_s);
    int (*del)(void *impl, const char *key, size_t klen);
    int (*incr)(void *impl, const char *key, size_t klen, int window_s, long long *count,
                int *ttl_left);
    int (*ping)(void *impl);
    int (*publish)(void *impl, const char *channel, size_t clen, const void *msg, size_t len);
    /* Fills "bytes" and "entries" when the driver knows them; may be NULL. */
    void (*usage)(void *impl, size_t *bytes, size_t *entries);
    /* Replaces the clock; NULL when the driver cannot (redis keeps time on the server). */
    void (*set_clock)(void *impl, cache_clock_fn fn, void *arg);
    void (*free)(void *impl);
};

extern const struct cache_driver cache_memory_driver;
extern const struct cache_driver cache_redis_driver;

/* The in-process LRU holding at most "max_bytes" (0 = 64 MiB). Free with its ->free. */
void *cache_memory_new(size_t max_bytes);
/*
 * Parses "url" and prepares a pool without connecting. Returns the driver's state, or NULL
 * with one line in "why" (never containing the password).
 */
void *cache_redis_new(const char *url, struct buf *why);

/*
 * The redis subscriber (redis_sub.c): a thread on its own connection to the URL "impl" (a
 * cache_redis_new() state) was made from; "channel" arrives prefixed.
 */
struct cache_sub *cache_redis_subscribe(void *impl, const char *channel, size_t clen,
                                        cache_sub_fn fn, void *arg);
void cache_redis_sub_stop(struct cache_sub *s);

/*
 * The bytes one memory-driver entry is charged: the chunks glibc's malloc takes for its two
 * allocations (header and key, value), and its share of the hash table.
 */
size_t cache_memory_entry_size(size_t klen, size_t vlen);

/* Test hook: gives the memory driver a fake clock (no effect on redis). */
void cache_test_set_clock(struct cache *c, cache_clock_fn fn, void *arg);

#endif
