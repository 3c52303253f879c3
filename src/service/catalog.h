/* catalog.h (service): what the catalog services share: cached answers, slugs, roles. */
#ifndef MANGU_CATALOG_H
#define MANGU_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "app/ctx.h"

/*
 * Cached catalog answers. Every key carries the catalog's generation ("featured_books:v7:24"),
 * a counter in the cache that any catalog write bumps (catalog_changed), so one increment
 * drops every cached answer at once, in every server sharing the cache. With the cache down
 * nothing is cached and every answer comes from the database. On Redis, each process keeps
 * a copy of the generation (told of bumps by pub/sub) and an LRU of answers in front of Redis
 * (service/catalog_front.h), so a cached read usually costs no round trip.
 */

/* A serialised answer and its ETag (a quoted hash of the body). Arena memory. */
struct catalog_doc {
    const char *etag;
    const char *body;
    size_t len;
    bool stale; /* its lifetime ran out: served only while one thread rebuilds it */
    bool due;   /* fresh, in the last quarter of its lifetime: time to rebuild it ahead */
};

/*
 * The cache key for "name" in the current generation, in the arena; NULL when the cache
 * cannot be reached (then callers neither read nor write it).
 */
const char *catalog_cache_key(struct ctx *cx, const char *name);
/*
 * 0 with the document, ERR_NOT_FOUND on a miss (or "key" NULL), ERR_UNAVAILABLE. Looks in
 * this process's LRU first; a document found in the shared cache is kept there for at most
 * "ttl_s" (the answer's own lifetime) and CATALOG_FRONT_TTL seconds. A document is kept for
 * twice its lifetime and marked "stale" in the second half (api_catalog_lookup serves it
 * while one thread rebuilds it), and "due" in the last quarter of the first.
 */
int catalog_cache_get(struct ctx *cx, const char *key, int ttl_s, struct catalog_doc *out);
/* Stores "doc" under "key" for "ttl_s" seconds; nothing when "key" is NULL; failures ignored. */
void catalog_cache_put(struct ctx *cx, const char *key, const struct catalog_doc *doc, int ttl_s);
/*
 * The same for answers kept in this process only: on Redis, in its LRU (when it has one,
 * MANGU_CACHE_LOCAL_BYTES), never in Redis. For searches: so many distinct ones that sharing
 * them paid two Redis round trips per search for few hits (a fifth of uncached search
 * throughput at 100,000 books on PostgreSQL + Redis).
 */
int catalog_local_get(struct ctx *cx, const char *key, int ttl_s, struct catalog_doc *out);
void catalog_local_put(struct ctx *cx, const char *key, const struct catalog_doc *doc, int ttl_s);
/*
 * Whether this process should rebuild "key" ahead of its expiry: true for the first caller
 * in the answer's last quarter across every process sharing the cache (and when the cache
 * cannot tell), false for the rest, which read the winner's copy when theirs runs out.
 */
bool catalog_refresh_claim(struct ctx *cx, const char *key, int ttl_s);
/* Test hook: the clock that decides staleness (milliseconds; NULL: the real one). */
void catalog_test_set_clock(long long (*fn)(void *), void *arg);
/* The ETag of "body": a quoted 64-bit FNV-1a hash in hex. Arena memory. */
const char *catalog_etag(struct arena *a, const char *body, size_t len);
/*
 * Call after every write that changes what readers see (books, authors, categories,
 * publishers, ratings, purchases): cached catalog answers are gone on the next request.
 * Other modules (reviews, orders) call it too.
 */
void catalog_changed(struct ctx *cx);

/* The caller's role is admin. */
bool catalog_is_admin(const struct ctx *cx);
/*
 * "base" if no taken slug equals it, else the first free "base-N" (N >= 2), within "max"
 * bytes. "reserved" (NULL-terminated, may be NULL) count as taken: route words.
 */
const char *catalog_unique_slug(struct arena *a, const char *base, const char *const *taken,
                                int n_taken, const char *const *reserved, size_t max);
/* True when "s" has the shape of a slug: [a-z0-9]+(-[a-z0-9]+)* with a letter, <= 200 bytes. */
bool catalog_slug_valid(const char *s);
/* Parses a whole decimal id (1 .. 2^53); false on anything else. */
bool catalog_parse_id(const char *s, long long *out);

#endif
