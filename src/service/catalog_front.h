/*
 * catalog_front.h (service): what this process keeps in front of a shared (Redis) cache for
 * the catalog: its copy of the catalog generation, followed through pub/sub, and a small LRU
 * of cached answers, so that a cached read costs no round trip. Over the in-process memory
 * cache the front is only an LRU for the answers kept in this process alone (searches), so
 * that their numbers cannot push the catalog's pages out of the memory cache.
 */
#ifndef MANGU_CATALOG_FRONT_H
#define MANGU_CATALOG_FRONT_H

#include <stdbool.h>
#include <stddef.h>

#include "cache/cache.h"
#include "core/arena.h"

#define CATALOG_FRONT_TTL 10 /* seconds an answer stays in the LRU at most */

struct catalog_front; /* process-wide, thread-safe */

/*
 * Starts the front of "shared". On Redis a subscriber thread keeps this process's copy of the
 * generation and, when "lru_bytes" is not 0, an LRU of that many bytes holds answers: copies
 * of shared ones and this process's own. On the memory cache (whose generation is in the
 * process already) it is only the LRU of this process's own answers, or NULL when
 * "lru_bytes" is 0. Start it after the stop signals are blocked; free with
 * catalog_front_stop().
 */
struct catalog_front *catalog_front_start(struct cache *shared, size_t lru_bytes);
/* Whether "f" keeps copies of the shared cache's answers (on Redis), not only its own. */
bool catalog_front_copies(const struct catalog_front *f);
/* Stops the subscriber and frees the LRU; no request may be using "f". NULL is fine. */
void catalog_front_stop(struct catalog_front *f);

/*
 * The current catalog generation: "f"'s copy while its subscription is live and caught up,
 * else read from "shared" (created when missing), as without a front. "f" may be NULL.
 * 0, or ERR_UNAVAILABLE: the cache is down, or a bump this process owes cannot be made yet
 * (callers then bypass the cache).
 */
int catalog_front_generation(struct catalog_front *f, struct cache *shared, struct arena *a,
                             long long *gen);
/*
 * After a catalog write: increments the shared generation, publishes it to the other
 * processes and moves this process's copy at once. When the cache fails, the bump is owed
 * and catalog_front_generation() answers ERR_UNAVAILABLE until it has been made.
 */
void catalog_front_bump(struct catalog_front *f, struct cache *shared);

/* The LRU's copy of "key" in "a"; ERR_NOT_FOUND on a miss or without an LRU ("f" NULL). */
int catalog_front_get(struct catalog_front *f, struct arena *a, const char *key, char **val,
                      size_t *len);
/* Whether "f" keeps answers (it exists, with MANGU_CACHE_LOCAL_BYTES above 0). */
bool catalog_front_has_lru(const struct catalog_front *f);
/* Keeps a copy of "val" for "ttl_s" seconds, at most CATALOG_FRONT_TTL. */
void catalog_front_put(struct catalog_front *f, const char *key, const char *val, size_t len,
                       int ttl_s);

struct catalog_front_stats {
    bool following;          /* the copy of the generation follows pub/sub (no GET per read) */
    unsigned long long hits; /* answers found in the LRU */
    unsigned long long misses;
    size_t bytes; /* held by the LRU */
};
/* Fills "out"; all zero for a NULL "f". */
void catalog_front_get_stats(struct catalog_front *f, struct catalog_front_stats *out);

/* Test hooks: a front over any cache (no subscriber: the generation is read each time), the
 * LRU's clock, and whether the copy of the generation is live. */
struct catalog_front *catalog_front_test_new(struct cache *shared, size_t lru_bytes);
void catalog_front_test_set_clock(struct catalog_front *f, long long (*fn)(void *), void *arg);
bool catalog_front_test_live(struct catalog_front *f);

#endif
