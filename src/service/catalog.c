/* catalog.c (service): the generation-keyed answer cache, slugs, roles and time for the catalog. */
#include "service/catalog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache/cache.h"
#include "core/slug.h"
#include "core/timefmt.h"
#include "service/catalog_front.h"

#define ETAG_LEN 18 /* "\"" + 16 hex digits + "\"" */
/* After the ETag, "@" and the time (Unix ms, 13 digits) the document stops being fresh. */
#define FRESH_LEN 14
#define REFRESH_AHEAD 4 /* "due" in the last quarter of an answer's lifetime */

static long long (*clock_fn)(void *);
static void *clock_arg;

void catalog_test_set_clock(long long (*fn)(void *), void *arg)
{
    clock_fn = fn;
    clock_arg = arg;
}

static long long now_ms(void)
{
    return clock_fn ? clock_fn(clock_arg) : time_unix_ms();
}

/* The time "val" stops being fresh, and where its body starts; 0 for a value without one. */
static long long fresh_until(const char *val, size_t len, size_t *body)
{
    long long t = 0;

    *body = ETAG_LEN;
    if (len < ETAG_LEN + FRESH_LEN || val[ETAG_LEN] != '@')
        return 0;
    for (size_t i = ETAG_LEN + 1; i < ETAG_LEN + FRESH_LEN; i++) {
        if (val[i] < '0' || val[i] > '9')
            return 0;
        t = t * 10 + (val[i] - '0');
    }
    *body = ETAG_LEN + FRESH_LEN;
    return t;
}

const char *catalog_cache_key(struct ctx *cx, const char *name)
{
    long long gen;

    if (catalog_front_generation(cx->app->catalog_front, cx->app->cache, cx->arena, &gen) != 0)
        return NULL;
    const char *colon = strchr(name, ':');
    if (!colon)
        return arena_printf(cx->arena, "%s:v%lld", name, gen);
    return arena_printf(cx->arena, "%.*s:v%lld%s", (int)(colon - name), name, gen, colon);
}

static bool ours(const char *val, size_t len)
{
    return len >= ETAG_LEN && val[0] == '"' && val[ETAG_LEN - 1] == '"';
}

/* Only this process's LRU holds "local" answers, when it has one. */
static bool only_lru(struct ctx *cx, bool local)
{
    return local && catalog_front_has_lru(cx->app->catalog_front);
}

/* Whether the LRU is where "local" (or, in front of Redis, any) answers are looked for. */
static bool in_lru(struct ctx *cx, bool local)
{
    return local || catalog_front_copies(cx->app->catalog_front);
}

static int get_in(struct ctx *cx, const char *key, int ttl_s, bool local, struct catalog_doc *out)
{
    struct catalog_front *front = cx->app->catalog_front;
    char *val;
    size_t len;
    int rc;

    if (!key)
        return ERR_NOT_FOUND;
    rc = in_lru(cx, local) ? catalog_front_get(front, cx->arena, key, &val, &len) : ERR_NOT_FOUND;
    if (rc == ERR_NOT_FOUND && !only_lru(cx, local)) {
        rc = cache_get(cx->app->cache, cx->arena, key, &val, &len);
        if (rc == 0 && ours(val, len) && in_lru(cx, local))
            catalog_front_put(front, key, val, len, ttl_s);
    }
    if (rc)
        return rc;
    if (!ours(val, len))
        return ERR_NOT_FOUND; /* not ours: treat as a miss */
    size_t body;
    long long until = fresh_until(val, len, &body);
    out->etag = arena_strndup(cx->arena, val, ETAG_LEN);
    out->body = val + body;
    out->len = len - body;
    long long now = now_ms();
    out->stale = until > 0 && now >= until;
    out->due = until > 0 && !out->stale && (until - now) * REFRESH_AHEAD < ttl_s * 1000LL;
    return 0;
}

static void put_in(struct ctx *cx, const char *key, const struct catalog_doc *doc, int ttl_s,
                   bool local)
{
    if (!key || strlen(doc->etag) != ETAG_LEN)
        return;
    size_t len = ETAG_LEN + FRESH_LEN + doc->len;
    char *val = arena_alloc(cx->arena, len + 1);
    memcpy(val, doc->etag, ETAG_LEN);
    snprintf(val + ETAG_LEN, FRESH_LEN + 1, "@%013lld", now_ms() + (long long)ttl_s * 1000);
    memcpy(val + ETAG_LEN + FRESH_LEN, doc->body, doc->len);
    if (!only_lru(cx, local)) /* kept stale as long again, for serving during its rebuild */
        cache_set(cx->app->cache, key, val, len, 2 * ttl_s);
    if (in_lru(cx, local))
        catalog_front_put(cx->app->catalog_front, key, val, len, 2 * ttl_s);
}

int catalog_cache_get(struct ctx *cx, const char *key, int ttl_s, struct catalog_doc *out)
{
    return get_in(cx, key, ttl_s, false, out);
}

void catalog_cache_put(struct ctx *cx, const char *key, const struct catalog_doc *doc, int ttl_s)
{
    put_in(cx, key, doc, ttl_s, false);
}

int catalog_local_get(struct ctx *cx, const char *key, int ttl_s, struct catalog_doc *out)
{
    return get_in(cx, key, ttl_s, true, out);
}

void catalog_local_put(struct ctx *cx, const char *key, const struct catalog_doc *doc, int ttl_s)
{
    put_in(cx, key, doc, ttl_s, true);
}

bool catalog_refresh_claim(struct ctx *cx, const char *key, int ttl_s)
{
    const char *claim = arena_printf(cx->arena, "refresh:%s", key);
    int window = ttl_s / REFRESH_AHEAD > 1 ? ttl_s / REFRESH_AHEAD : 1;

    return cache_add(cx->app->cache, claim, "1", 1, window) != ERR_CONFLICT;
}

const char *catalog_etag(struct arena *a, const char *body, size_t len)
{
    unsigned long long h = 1469598103934665603ULL;

    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)body[i]) * 1099511628211ULL;
    return arena_printf(a, "\"%016llx\"", h);
}

void catalog_changed(struct ctx *cx)
{
    catalog_front_bump(cx->app->catalog_front, cx->app->cache);
}

bool catalog_is_admin(const struct ctx *cx)
{
    return cx->user_id > 0 && cx->role && strcmp(cx->role, "admin") == 0;
}

static bool listed(const char *s, const char *const *list, int n)
{
    for (int i = 0; list && (n < 0 ? list[i] != NULL : i < n); i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

const char *catalog_unique_slug(struct arena *a, const char *base, const char *const *taken,
                                int n_taken, const char *const *reserved, size_t max)
{
    const char *slug = base;

    for (int n = 2; listed(slug, taken, n_taken) || listed(slug, reserved, -1); n++)
        slug = slug_with_suffix(a, base, n, max);
    return slug;
}

bool catalog_slug_valid(const char *s)
{
    size_t n = strlen(s);
    bool letter = false;

    if (n == 0 || n > 200 || s[0] == '-' || s[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '-' && s[i + 1] == '-')
            return false;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
        letter |= c >= 'a' && c <= 'z';
    }
    return letter;
}

bool catalog_parse_id(const char *s, long long *out)
{
    long long v = 0;

    if (!s || !*s || strlen(s) > 16)
        return false;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (*p - '0');
    }
    if (v < 1 || v > (1LL << 53))
        return false;
    *out = v;
    return true;
}
