/* cache.h: the cache interface; memory.c (in-process LRU) and redis.c are its drivers. */
#ifndef MANGU_CACHE_H
#define MANGU_CACHE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"

struct cache; /* process-wide, thread-safe */

/*
 * Opens Redis when "cfg->redis_url" is set (connecting lazily; a Redis that is down at start
 * is not an error), else the in-process LRU bounded by "cfg->cache_max_bytes". Keys are
 * prefixed with "cfg->cache_prefix". Returns 0 or -1 with "why". Free with cache_close().
 */
int cache_open(const struct config *cfg, struct cache **out, struct buf *why);
void cache_close(struct cache *c);
/* A process-local memory cache of "max_bytes", keys unprefixed: a helper's private memo
 * (even beside Redis). NULL when it cannot be made. */
struct cache *cache_open_local(size_t max_bytes);
const char *cache_driver_name(const struct cache *c); /* "memory" or "redis" */

/*
 * Copies the value of "key" into "arena" (followed by a NUL not counted in "len"). Returns 0,
 * ERR_NOT_FOUND on a miss, or ERR_UNAVAILABLE when the backend is down (callers then fall
 * through to the database).
 */
int cache_get(struct cache *c, struct arena *arena, const char *key, char **val, size_t *len);
/*
 * Stores a copy of "val" for "ttl_s" seconds (0 or less: until evicted). 0 or ERR_UNAVAILABLE.
 * The memory driver drops a value larger than its whole bound (and the key's old value).
 */
int cache_set(struct cache *c, const char *key, const void *val, size_t len, int ttl_s);
/*
 * Stores a copy of "val" for "ttl_s" seconds only when "key" holds nothing live (Redis's
 * SET NX): one winner across threads and processes, for "first time today" checks. Returns 0
 * when stored, ERR_CONFLICT when the key already held a value (left as it was), or
 * ERR_UNAVAILABLE.
 */
int cache_add(struct cache *c, const char *key, const void *val, size_t len, int ttl_s);
/* Removes "key". 0 (also when absent) or ERR_UNAVAILABLE. */
int cache_del(struct cache *c, const char *key);
/*
 * Atomically adds 1 to the counter "key", creating it with a lifetime of "window_s" seconds
 * when absent (no read-then-write race across threads or processes). Fills the new count and
 * the seconds until it resets (at least 1; a "window_s" below 1 is taken as 1). 0,
 * ERR_UNAVAILABLE, or ERR_INVALID when "key" holds a value that is not a counter.
 */
int cache_incr(struct cache *c, const char *key, int window_s, long long *count, int *ttl_left);
/*
 * Sends "msg" to every process subscribed to "channel" (prefixed like keys). 0 or
 * ERR_UNAVAILABLE; the memory driver has no other process to tell and answers 0.
 */
int cache_publish(struct cache *c, const char *channel, const char *msg, size_t len);

enum cache_sub_event {
    CACHE_SUB_READY,   /* (re)subscribed: anything published while away was missed */
    CACHE_SUB_MESSAGE, /* "msg" of "len" bytes arrived (borrowed for the call) */
    CACHE_SUB_LOST,    /* the subscription is gone until the next CACHE_SUB_READY */
};
/*
 * Called on the subscriber's own thread. Returning non-zero from READY or MESSAGE drops the
 * connection: LOST follows, then a new subscription after a pause.
 */
typedef int (*cache_sub_fn)(void *arg, enum cache_sub_event ev, const char *msg, size_t len);
struct cache_sub;
/*
 * Starts a thread that subscribes to "channel" (prefixed like keys) on its own connection and
 * calls "fn" with "arg" for each event, resubscribing after a failure, until
 * cache_sub_stop(). NULL for the memory driver: there are no other processes to hear.
 */
struct cache_sub *cache_subscribe(struct cache *c, const char *channel, cache_sub_fn fn, void *arg);
/* Stops and joins the thread ("fn" is not called after this returns); frees "s". NULL is fine. */
void cache_sub_stop(struct cache_sub *s);

/* A round trip to the backend; fills the latency. 0 or ERR_UNAVAILABLE. */
int cache_ping(struct cache *c, double *latency_ms);

struct cache_stats {
    unsigned long long hits;
    unsigned long long misses;
    unsigned long long errors; /* calls answered ERR_UNAVAILABLE */
    size_t bytes;              /* memory driver: bytes held; 0 for redis */
    size_t entries;            /* memory driver: keys held; 0 for redis */
};
void cache_get_stats(struct cache *c, struct cache_stats *out);

#endif
