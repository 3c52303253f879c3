/* memory.c: the in-process cache: a hash table and a segmented LRU under one mutex, bounded in
 * bytes */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache/driver.h"
#include "core/err.h"
#include "core/xalloc.h"

#define DEFAULT_MAX_BYTES (64UL << 20)
#define FIRST_BUCKETS 64
#define MMAP_THRESHOLD (128UL << 10) /* glibc's default: larger requests get their own pages */
/* The share of the bound that entries read again after their write may hold (see "hot"). */
#define HOT_SHARE 0.8
/* The table grows when it holds as many entries as slots: 1 to 2 slots per entry. */
#define SLOT_SHARE (2 * sizeof(struct entry *))

struct entry {
    struct entry *hnext;       /* bucket chain */
    struct entry *prev, *next; /* its LRU list; the head is the most recently used */
    bool hot;                  /* on the hot list: read at least once since it was written */
    uint64_t hash;
    long long expires; /* monotonic ms; 0 = never */
    char *val;         /* owned; NUL-terminated */
    size_t vlen;
    size_t klen;
    char key[]; /* NUL-terminated */
};

struct mem {
    pthread_mutex_t mu;
    struct entry **buckets;
    size_t nbuckets; /* a power of two */
    size_t entries;
    size_t bytes;
    size_t max_bytes;
    /*
     * A segmented LRU: a write enters "cold", a read moves an entry to "hot" (at most
     * HOT_SHARE of the bound; beyond it the least recent hot entries go back to cold), and
     * eviction takes from cold first. So a flood of answers written once and never read again
     * (uncached list pages, searches) cannot push out the pages every visitor reads.
     */
    struct lru_list {
        struct entry *head, *tail;
    } cold, hot;
    size_t hot_bytes;
    unsigned char seed[crypto_shorthash_KEYBYTES]; /* SipHash key: no hash flooding */
    cache_clock_fn clock;
    void *clock_arg;
};

/*
 * What glibc's malloc takes for a request of "n" bytes: the request and a size word in
 * 16-byte granules, 32 at least; a large request is mapped in whole pages with two words.
 */
static size_t chunk(size_t n)
{
    size_t word = sizeof(size_t);

    if (n >= MMAP_THRESHOLD)
        return (n + 2 * word + 4095) & ~(size_t)4095;
    n = (n + word + 15) & ~(size_t)15;
    return n < 32 ? 32 : n;
}

size_t cache_memory_entry_size(size_t klen, size_t vlen)
{
    /* entry_new()'s two allocations: header and key, value */
    return chunk(sizeof(struct entry) + klen + 1) + chunk(vlen + 1) + SLOT_SHARE;
}

static long long real_clock(void *arg)
{
    struct timespec ts;

    (void)arg;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long long now(struct mem *m)
{
    return m->clock(m->clock_arg);
}

static uint64_t hash(const struct mem *m, const char *key, size_t klen)
{
    unsigned char out[crypto_shorthash_BYTES];
    uint64_t h;

    crypto_shorthash(out, (const unsigned char *)key, klen, m->seed);
    memcpy(&h, out, sizeof(h));
    return h;
}

static size_t esize(const struct entry *e)
{
    return cache_memory_entry_size(e->klen, e->vlen);
}

static void lru_unlink(struct mem *m, struct entry *e)
{
    struct lru_list *l = e->hot ? &m->hot : &m->cold;

    if (e->prev)
        e->prev->next = e->next;
    else
        l->head = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        l->tail = e->prev;
    e->prev = e->next = NULL;
    if (e->hot)
        m->hot_bytes -= esize(e);
}

static void lru_push(struct mem *m, struct entry *e, bool hot)
{
    struct lru_list *l = hot ? &m->hot : &m->cold;

    e->hot = hot;
    e->prev = NULL;
    e->next = l->head;
    if (l->head)
        l->head->prev = e;
    l->head = e;
    if (!l->tail)
        l->tail = e;
    if (hot)
        m->hot_bytes += esize(e);
}

/* A read of "e": to the head of the hot list, whose oldest entries go back to cold past the
 * hot share. */
static void touch(struct mem *m, struct entry *e)
{
    lru_unlink(m, e);
    lru_push(m, e, true);
    while (m->hot_bytes > (size_t)((double)m->max_bytes * HOT_SHARE) && m->hot.tail != e) {
        struct entry *old = m->hot.tail;
        lru_unlink(m, old);
        lru_push(m, old, false);
    }
}

/* The chain slot that points at "key", or the chain's NULL end when it is absent. */
static struct entry **find(struct mem *m, const char *key, size_t klen, uint64_t h)
{
    struct entry **slot = &m->buckets[h & (m->nbuckets - 1)];

    for (; *slot; slot = &(*slot)->hnext) {
        struct entry *e = *slot;
        if (e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0)
            break;
    }
    return slot;
}

/* The chain slot that points at "e", which must be linked. */
static struct entry **slot_of(struct mem *m, const struct entry *e)
{
    struct entry **slot = &m->buckets[e->hash & (m->nbuckets - 1)];

    while (*slot != e) {
        if (!*slot)
            abort(); /* BUG: an entry on the LRU list is missing from the table */
        slot = &(*slot)->hnext;
    }
    return slot;
}

static void entry_free(struct entry *e)
{
    free(e->val);
    free(e);
}

static void drop(struct mem *m, struct entry **slot)
{
    struct entry *e = *slot;

    *slot = e->hnext;
    lru_unlink(m, e);
    m->entries--;
    m->bytes -= esize(e);
    entry_free(e);
}

static void grow(struct mem *m)
{
    size_t n = m->nbuckets * 2;
    struct entry **b = xcalloc(n, sizeof(*b));

    for (size_t i = 0; i < m->nbuckets; i++) {
        struct entry *e = m->buckets[i];
        while (e) {
            struct entry *next = e->hnext;
            e->hnext = b[e->hash & (n - 1)];
            b[e->hash & (n - 1)] = e;
            e = next;
        }
    }
    free(m->buckets);
    m->buckets = b;
    m->nbuckets = n;
}

/* The next entry to evict: the least recent cold one, else the least recent hot one. */
static struct entry *victim(struct mem *m, const struct entry *keep)
{
    if (m->cold.tail && m->cold.tail != keep)
        return m->cold.tail;
    if (m->hot.tail && m->hot.tail != keep)
        return m->hot.tail;
    return NULL;
}

/* Evicts until the bound holds again, sparing "keep". */
static void evict(struct mem *m, const struct entry *keep)
{
    struct entry *e;

    while (m->bytes > m->max_bytes && (e = victim(m, keep)) != NULL)
        drop(m, slot_of(m, e));
}

/* Links a new entry "e" whose key is absent, then restores the bound. */
static void insert(struct mem *m, struct entry *e)
{
    if (m->entries >= m->nbuckets)
        grow(m);
    struct entry **slot = &m->buckets[e->hash & (m->nbuckets - 1)];

    e->hnext = *slot;
    *slot = e;
    lru_push(m, e, false);
    m->entries++;
    m->bytes += esize(e);
    evict(m, e);
}

/* The live entry for "key", dropping it on the way when it has expired. */
static struct entry *live(struct mem *m, const char *key, size_t klen, uint64_t h, long long t)
{
    struct entry **slot = find(m, key, klen, h);

    if (!*slot)
        return NULL;
    if ((*slot)->expires && (*slot)->expires <= t) {
        drop(m, slot);
        return NULL;
    }
    return *slot;
}

static struct entry *entry_new(const char *key, size_t klen, uint64_t h, const void *val,
                               size_t vlen)
{
    struct entry *e = xcalloc(1, sizeof(*e) + klen + 1);

    e->hash = h;
    e->klen = klen;
    memcpy(e->key, key, klen);
    e->val = xmalloc(vlen + 1);
    if (vlen)
        memcpy(e->val, val, vlen);
    e->val[vlen] = '\0';
    e->vlen = vlen;
    return e;
}

static int mem_get(void *impl, struct arena *arena, const char *key, size_t klen, char **val,
                   size_t *len)
{
    struct mem *m = impl;
    uint64_t h = hash(m, key, klen);

    pthread_mutex_lock(&m->mu);
    struct entry *e = live(m, key, klen, h, now(m));
    if (!e) {
        pthread_mutex_unlock(&m->mu);
        return ERR_NOT_FOUND;
    }
    touch(m, e);
    char *copy = arena_alloc(arena, e->vlen + 1);
    memcpy(copy, e->val, e->vlen + 1);
    *len = e->vlen;
    pthread_mutex_unlock(&m->mu);
    *val = copy;
    return 0;
}

static int mem_set(void *impl, const char *key, size_t klen, const void *val, size_t len, int ttl_s)
{
    struct mem *m = impl;
    uint64_t h = hash(m, key, klen);
    struct entry *e = entry_new(key, klen, h, val, len);

    if (esize(e) > m->max_bytes) {
        entry_free(e);
        e = NULL;
    }
    pthread_mutex_lock(&m->mu);
    struct entry **slot = find(m, key, klen, h);
    if (*slot)
        drop(m, slot);
    if (e) {
        e->expires = ttl_s > 0 ? now(m) + (long long)ttl_s * 1000 : 0;
        insert(m, e);
    }
    pthread_mutex_unlock(&m->mu);
    return 0;
}

static int mem_add(void *impl, const char *key, size_t klen, const void *val, size_t len, int ttl_s)
{
    struct mem *m = impl;
    uint64_t h = hash(m, key, klen);
    int rc = 0;

    struct entry *e = entry_new(key, klen, h, val, len);

    if (esize(e) > m->max_bytes) {
        entry_free(e);
        return 0; /* as mem_set: too large to keep, yet "stored" */
    }
    pthread_mutex_lock(&m->mu);
    long long t = now(m);
    if (live(m, key, klen, h, t)) {
        rc = ERR_CONFLICT;
    } else {
        e->expires = ttl_s > 0 ? t + (long long)ttl_s * 1000 : 0;
        insert(m, e);
        e = NULL;
    }
    pthread_mutex_unlock(&m->mu);
    if (e)
        entry_free(e);
    return rc;
}

static int mem_del(void *impl, const char *key, size_t klen)
{
    struct mem *m = impl;
    uint64_t h = hash(m, key, klen);

    pthread_mutex_lock(&m->mu);
    struct entry **slot = find(m, key, klen, h);
    if (*slot)
        drop(m, slot);
    pthread_mutex_unlock(&m->mu);
    return 0;
}

/* Parses a counter's text; false when the value is not a whole decimal number. */
static bool parse_count(const struct entry *e, long long *out)
{
    char *end;

    if (e->vlen == 0 || e->vlen > 20)
        return false;
    errno = 0;
    *out = strtoll(e->val, &end, 10);
    return errno == 0 && end == e->val + e->vlen;
}

/* Replaces the text of counter "e" with "n", keeping the byte count right. */
static void store_count(struct mem *m, struct entry *e, long long n)
{
    char tmp[24];
    int len = snprintf(tmp, sizeof(tmp), "%lld", n);

    size_t before = esize(e);

    if ((size_t)len != e->vlen)
        e->val = xrealloc(e->val, (size_t)len + 1);
    memcpy(e->val, tmp, (size_t)len + 1);
    e->vlen = (size_t)len;
    m->bytes = m->bytes - before + esize(e);
    if (e->hot)
        m->hot_bytes = m->hot_bytes - before + esize(e);
}

static int mem_incr(void *impl, const char *key, size_t klen, int window_s, long long *count,
                    int *ttl_left)
{
    struct mem *m = impl;
    uint64_t h = hash(m, key, klen);
    long long n = 1;
    int rc = 0;

    pthread_mutex_lock(&m->mu);
    long long t = now(m);
    struct entry *e = live(m, key, klen, h, t);
    if (!e) {
        e = entry_new(key, klen, h, "1", 1);
        e->expires = t + (long long)window_s * 1000;
        insert(m, e);
    } else if (!parse_count(e, &n) || n == LLONG_MAX) {
        rc = ERR_INVALID;
    } else {
        store_count(m, e, ++n);
        if (!e->expires)
            e->expires = t + (long long)window_s * 1000;
        touch(m, e);
        evict(m, e);
    }
    if (rc == 0) {
        *count = n;
        *ttl_left = (int)((e->expires - t + 999) / 1000);
    }
    pthread_mutex_unlock(&m->mu);
    return rc;
}

static int mem_ping(void *impl)
{
    (void)impl;
    return 0;
}

static int mem_publish(void *impl, const char *channel, size_t clen, const void *msg, size_t len)
{
    (void)impl, (void)channel, (void)clen, (void)msg, (void)len;
    return 0; /* one process: nobody else to tell */
}

static void mem_usage(void *impl, size_t *bytes, size_t *entries)
{
    struct mem *m = impl;

    pthread_mutex_lock(&m->mu);
    *bytes = m->bytes;
    *entries = m->entries;
    pthread_mutex_unlock(&m->mu);
}

static void mem_set_clock(void *impl, cache_clock_fn fn, void *arg)
{
    struct mem *m = impl;

    pthread_mutex_lock(&m->mu);
    m->clock = fn ? fn : real_clock;
    m->clock_arg = fn ? arg : NULL;
    pthread_mutex_unlock(&m->mu);
}

static void free_list(struct lru_list *l)
{
    while (l->head) {
        struct entry *e = l->head;
        l->head = e->next;
        entry_free(e);
    }
}

static void mem_free(void *impl)
{
    struct mem *m = impl;

    free_list(&m->cold);
    free_list(&m->hot);
    free(m->buckets);
    pthread_mutex_destroy(&m->mu);
    free(m);
}

void *cache_memory_new(size_t max_bytes)
{
    struct mem *m = xcalloc(1, sizeof(*m));

    pthread_mutex_init(&m->mu, NULL);
    m->nbuckets = FIRST_BUCKETS;
    m->buckets = xcalloc(m->nbuckets, sizeof(*m->buckets));
    m->max_bytes = max_bytes ? max_bytes : DEFAULT_MAX_BYTES;
    m->clock = real_clock;
    if (sodium_init() < 0)
        abort();
    randombytes_buf(m->seed, sizeof(m->seed));
    return m;
}

const struct cache_driver cache_memory_driver = {
    .name = "memory",
    .get = mem_get,
    .set = mem_set,
    .add = mem_add,
    .del = mem_del,
    .incr = mem_incr,
    .ping = mem_ping,
    .publish = mem_publish,
    .usage = mem_usage,
    .set_clock = mem_set_clock,
    .free = mem_free,
};
