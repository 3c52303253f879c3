/* ratelimit.c: fixed-window limits counted in the cache, per process while the cache is down. */
#include "service/ratelimit.h"
#include "cache/cache.h"
#include "core/log.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#define KEY_MAX 256
#define LOCAL_MAX_BYTES (16UL << 20)

/* The per-process fallback: created on first need, kept for the life of the process. */
static pthread_once_t local_once = PTHREAD_ONCE_INIT;
static struct cache *local;
static atomic_bool degraded;

static void open_local(void)
{
    local = cache_open_local(LOCAL_MAX_BYTES); /* NULL: hits are then allowed */
}

static struct cache *local_cache(void)
{
    pthread_once(&local_once, open_local);
    return local;
}

/* Logs the switch to per-process counting, once per outage. */
static void note_down(void)
{
    if (!atomic_exchange(&degraded, true))
        log_json(LOG_WARN, "rate limits are per process now: the shared cache is unavailable",
                 NULL);
}

static void note_up(void)
{
    if (atomic_load_explicit(&degraded, memory_order_relaxed) && atomic_exchange(&degraded, false))
        log_json(LOG_INFO, "rate limits are shared again: the cache answers", NULL);
}

/* cache_incr() on the shared cache, else on the local one; allows the hit when both fail. */
static void incr(struct app *app, const char *k, int window_s, long long *n, int *ttl)
{
    int rc = cache_incr(app->cache, k, window_s, n, ttl);

    if (rc == 0) {
        note_up();
        return;
    }
    if (rc == ERR_UNAVAILABLE)
        note_down();
    if (!local_cache() || cache_incr(local_cache(), k, window_s, n, ttl) != 0) {
        *n = 1;
        *ttl = window_s;
    }
}

static void set(struct app *app, const char *k, const char *val, int ttl_s)
{
    if (cache_set(app->cache, k, val, strlen(val), ttl_s) == ERR_UNAVAILABLE && local_cache())
        cache_set(local_cache(), k, val, strlen(val), ttl_s);
}

/* The stored integer at "k" (0 when absent or unreadable). */
static long long get(struct app *app, struct arena *a, const char *k)
{
    char *val = NULL;
    size_t len;
    int rc = cache_get(app->cache, a, k, &val, &len);

    if (rc == ERR_UNAVAILABLE) {
        note_down();
        rc = local_cache() ? cache_get(local_cache(), a, k, &val, &len) : rc;
    } else {
        note_up();
    }
    return rc == 0 ? strtoll(val, NULL, 10) : 0;
}

static void key_of(char *out, const char *scope, const char *key, const char *suffix)
{
    snprintf(out, KEY_MAX, "rl:%s:%s%s", scope, key ? key : "", suffix);
}

static int verdict(const struct rate_rule *rule, long long n, int reset_s,
                   struct ratelimit_result *out)
{
    out->limit = rule->limit;
    out->allowed = n <= rule->limit;
    out->remaining = n < rule->limit ? rule->limit - n : 0;
    out->reset_s = reset_s > 0 ? reset_s : 1;
    return out->allowed ? 0 : ERR_RATE_LIMITED;
}

static int off(struct ratelimit_result *out)
{
    memset(out, 0, sizeof(*out));
    out->allowed = true;
    return 0;
}

int ratelimit_hit(struct app *app, const char *scope, const char *key, const struct rate_rule *rule,
                  struct ratelimit_result *out)
{
    char k[KEY_MAX];
    long long n = 0;
    int ttl = 0;

    if (!rule->limit)
        return off(out);
    key_of(k, scope, key, "");
    incr(app, k, rule->window_s, &n, &ttl);
    if (n == rule->limit) { /* the window is now full: remember when it ends, for peeks */
        char until[24], kb[KEY_MAX];
        snprintf(until, sizeof(until), "%lld", (long long)time(NULL) + ttl);
        key_of(kb, scope, key, ":until");
        set(app, kb, until, ttl);
    }
    return verdict(rule, n, ttl, out);
}

int ratelimit_peek(struct app *app, const char *scope, const char *key,
                   const struct rate_rule *rule, struct ratelimit_result *out)
{
    char k[KEY_MAX];
    struct arena *a;
    int reset = rule->window_s;

    if (!rule->limit)
        return off(out);
    a = arena_new();
    key_of(k, scope, key, "");
    long long n = get(app, a, k);
    if (n >= rule->limit) {
        key_of(k, scope, key, ":until");
        long long until = get(app, a, k);
        if (until > 0)
            reset = (int)(until - (long long)time(NULL));
    }
    arena_free(a);
    /* peeking asks "may one more come?": that is n + 1 against the limit */
    int rc = verdict(rule, n + 1, reset, out);
    out->remaining = n < rule->limit ? rule->limit - n : 0;
    return rc;
}

void ratelimit_clear(struct app *app, const char *scope, const char *key)
{
    char k[KEY_MAX];

    key_of(k, scope, key, "");
    if (cache_del(app->cache, k) == ERR_UNAVAILABLE && local_cache())
        cache_del(local_cache(), k);
    key_of(k, scope, key, ":until");
    if (cache_del(app->cache, k) == ERR_UNAVAILABLE && local_cache())
        cache_del(local_cache(), k);
}

static int refuse(struct ctx *cx, const struct ratelimit_result *r)
{
    return cx_fail(cx, ERR_RATE_LIMITED, "too many requests; try again in %d seconds", r->reset_s);
}

int ratelimit_enforce(struct ctx *cx, const char *scope, const char *key,
                      const struct rate_rule *rule, struct ratelimit_result *out)
{
    int rc = ratelimit_hit(cx->app, scope, key, rule, out);

    return rc ? refuse(cx, out) : 0;
}

/* An IPv6 client counts by its /64 (one host usually holds a whole /64); others as they are. */
static const char *client_key(struct ctx *cx)
{
    const char *ip = cx->client_ip;
    struct in6_addr a;
    char out[INET6_ADDRSTRLEN];

    if (!ip || !*ip)
        return "unknown";
    if (!strchr(ip, ':') || inet_pton(AF_INET6, ip, &a) != 1 || IN6_IS_ADDR_V4MAPPED(&a))
        return ip;
    memset(a.s6_addr + 8, 0, 8);
    if (!inet_ntop(AF_INET6, &a, out, sizeof(out)))
        return ip;
    return arena_printf(cx->arena, "%s/64", out);
}

int ratelimit_request(struct ctx *cx, struct ratelimit_result *out)
{
    return ratelimit_enforce(cx, "api", client_key(cx), &cx->app->cfg->rate_limit, out);
}

int ratelimit_check_failures(struct ctx *cx, const char *scope, const char *key,
                             const struct rate_rule *rule, struct ratelimit_result *out)
{
    int rc = ratelimit_peek(cx->app, scope, key, rule, out);

    return rc ? refuse(cx, out) : 0;
}

void ratelimit_fail(struct ctx *cx, const char *scope, const char *key,
                    const struct rate_rule *rule)
{
    struct ratelimit_result r;

    ratelimit_hit(cx->app, scope, key, rule, &r);
}

const char *ratelimit_account_key(struct ctx *cx, const char *email)
{
    unsigned char h[16];
    char hex[33];
    size_t n = strlen(email);
    char *low = arena_strndup(cx->arena, email, n);

    for (size_t i = 0; i < n; i++)
        if (low[i] >= 'A' && low[i] <= 'Z')
            low[i] = (char)(low[i] - 'A' + 'a');
    crypto_generichash(h, sizeof(h), (const unsigned char *)low, n, NULL, 0);
    sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
    return arena_printf(cx->arena, "%s@%s", hex, client_key(cx));
}
