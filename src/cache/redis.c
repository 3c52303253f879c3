/* redis.c: the Redis driver: a lazy pool of hiredis contexts, failing fast while Redis is down */
#include <hiredis/hiredis.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "cache/driver.h"
#include "cache/redis_link.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

#define POOL_MAX 16
#define TIMEOUT_MS 250 /* connect and each command */
#define DOWN_MS 1000   /* after a failure, answer ERR_UNAVAILABLE this long without trying */
#define NOISE_MS 10000 /* at most one log line per this long for error replies */
#define MAX_DB 1000000

/* INCR, giving a lifetime to a new counter or to one that lost it; returns {count, ms left}. */
static const char INCR_LUA[] =
    "local n = redis.call('INCR', KEYS[1]) "
    "local t = redis.call('PTTL', KEYS[1]) "
    "if t < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) t = tonumber(ARGV[1]) * 1000 end "
    "return {n, t}";

struct rurl {
    char *host; /* owned */
    int port;
    char *user; /* owned; NULL = none */
    char *pass; /* owned; NULL = none; never logged */
    int db;
};

struct rds {
    struct rurl u;
    char *where; /* "host:port/db" for log lines; owned */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    redisContext *idle[POOL_MAX];
    int nidle;
    int open;             /* contexts in existence: idle plus lent */
    long long down_until; /* monotonic ms */
    bool down;            /* logged as down and not yet as back */
    bool probing;         /* one caller is retrying after the window */
    long long noise_at;   /* last error-reply log line */
};

static long long mono_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* URL parsing */

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Copies "n" bytes of "s", undoing %XX escapes; NULL when an escape is malformed. */
static char *unescape(const char *s, size_t n)
{
    char *out = xmalloc(n + 1);
    size_t j = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] != '%') {
            out[j++] = s[i];
            continue;
        }
        int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
        int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
            free(out);
            return NULL;
        }
        out[j++] = (char)(hi * 16 + lo);
        i += 2;
    }
    out[j] = '\0';
    return out;
}

/* Splits "user:password" (or just "password", the older form) from "s" of length "n". */
static int parse_userinfo(struct rurl *u, const char *s, size_t n, struct buf *why)
{
    const char *colon = memchr(s, ':', n);

    if (colon) {
        if (colon > s)
            u->user = unescape(s, (size_t)(colon - s));
        u->pass = unescape(colon + 1, n - (size_t)(colon - s) - 1);
        if ((colon > s && !u->user) || !u->pass)
            goto bad;
    } else if (!(u->pass = unescape(s, n))) {
        goto bad;
    }
    return 0;
bad:
    buf_adds(why, "bad %-escape in the user or password of MANGU_REDIS_URL");
    return -1;
}

static int parse_number(const char *s, size_t n, int max, int *out)
{
    long v = 0;

    if (n == 0 || n > 9)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (v > max)
        return -1;
    *out = (int)v;
    return 0;
}

/* Parses "host", "host:port", "[v6]" or "[v6]:port" of length "n". */
static int parse_hostport(struct rurl *u, const char *s, size_t n, struct buf *why)
{
    const char *end = s + n, *port = NULL, *host = s, *host_end;

    if (n && *s == '[') {
        host = s + 1;
        host_end = memchr(s, ']', n);
        if (!host_end || (host_end + 1 < end && host_end[1] != ':'))
            goto bad;
        port = host_end + 1 < end ? host_end + 2 : NULL;
    } else {
        host_end = memchr(s, ':', n);
        if (host_end)
            port = host_end + 1;
        else
            host_end = end;
    }
    if (host_end == host)
        goto bad;
    u->host = xstrndup(host, (size_t)(host_end - host));
    u->port = 6379;
    if (port && (parse_number(port, (size_t)(end - port), 65535, &u->port) < 0 || !u->port))
        goto bad;
    return 0;
bad:
    buf_adds(why, "MANGU_REDIS_URL needs a host and an optional port from 1 to 65535");
    return -1;
}

/*
 * Parses "redis://[[user]:password@]host[:port][/db]" into "u". The password may also stand
 * alone before the '@'. Returns 0 or -1 with "why", which never repeats the URL.
 */
static int parse_url(struct rurl *u, const char *url, struct buf *why)
{
    if (strncmp(url, "rediss://", 9) == 0) {
        buf_adds(why, "rediss:// needs hiredis built with TLS (Debian 12's hiredis 0.14 has "
                      "none); use redis:// on a private network or a local TLS tunnel");
        return -1;
    }
    if (strncmp(url, "redis://", 8) != 0) {
        buf_adds(why, "MANGU_REDIS_URL must start with redis://");
        return -1;
    }
    const char *s = url + 8, *path = s + strcspn(s, "/?#");
    const char *at = NULL;

    for (const char *p = s; p < path; p++)
        if (*p == '@')
            at = p;
    if (at && parse_userinfo(u, s, (size_t)(at - s), why) < 0)
        return -1;
    if (parse_hostport(u, at ? at + 1 : s, (size_t)(path - (at ? at + 1 : s)), why) < 0)
        return -1;
    if (*path == '?' || *path == '#' || (*path == '/' && strpbrk(path, "?#"))) {
        buf_adds(why, "MANGU_REDIS_URL takes no query string or fragment");
        return -1;
    }
    if (*path == '/' && path[1] && parse_number(path + 1, strlen(path + 1), MAX_DB, &u->db) < 0) {
        buf_adds(why, "the path of MANGU_REDIS_URL must be a database number, as in /0");
        return -1;
    }
    return 0;
}

static void url_release(struct rurl *u)
{
    free(u->host);
    free(u->user);
    if (u->pass)
        memset(u->pass, 0, strlen(u->pass));
    free(u->pass);
}

/* Connecting */

/* Sends one handshake command; 0, or -1 with the server's answer in "err". */
static int handshake(redisContext *ctx, struct buf *err, const char *what, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    redisReply *rep = redisvCommand(ctx, fmt, ap);
    va_end(ap);
    if (!rep) {
        buf_printf(err, "%s: %s", what, ctx->errstr);
        return -1;
    }
    int rc = rep->type == REDIS_REPLY_ERROR ? -1 : 0;
    if (rc)
        buf_printf(err, "%s: %.200s", what, rep->str);
    freeReplyObject(rep);
    return rc;
}

/* Connects, authenticates and selects the database; NULL with the reason in "err". */
static redisContext *dial(struct rds *r, struct buf *err)
{
    struct timeval tv = {TIMEOUT_MS / 1000, (TIMEOUT_MS % 1000) * 1000};
    redisContext *ctx = redisConnectWithTimeout(r->u.host, r->u.port, tv);

    if (!ctx) {
        buf_adds(err, "cannot allocate a redis context");
        return NULL;
    }
    if (ctx->err) {
        buf_printf(err, "connect: %s", ctx->errstr);
        goto fail;
    }
    if (redisSetTimeout(ctx, tv) != REDIS_OK || redisEnableKeepAlive(ctx) != REDIS_OK) {
        buf_printf(err, "socket options: %s", ctx->errstr);
        goto fail;
    }
    if (r->u.pass && r->u.user &&
        handshake(ctx, err, "auth", "AUTH %s %s", r->u.user, r->u.pass) < 0)
        goto fail;
    if (r->u.pass && !r->u.user && handshake(ctx, err, "auth", "AUTH %s", r->u.pass) < 0)
        goto fail;
    if (r->u.db && handshake(ctx, err, "select", "SELECT %d", r->u.db) < 0)
        goto fail;
    return ctx;
fail:
    redisFree(ctx);
    return NULL;
}

/* The pool and the down window */

static void log_at(const struct rds *r, enum log_level level, const char *msg, const char *reason)
{
    json_t *f = json_pack("{s:s}", "redis", r->where);

    if (f && reason)
        json_object_set_new(f, "error", json_string(reason));
    log_json(level, msg, f);
}

static void log_state(const struct rds *r, const char *msg, const char *reason)
{
    log_at(r, LOG_WARN, msg, reason);
}

redisContext *cache_redis_dial(void *impl, struct buf *err)
{
    return dial(impl, err);
}

void cache_redis_log(void *impl, enum log_level level, const char *msg, const char *reason)
{
    log_at(impl, level, msg, reason);
}

/* Enters or extends the down window; the caller holds the lock. True when newly down. */
static bool mark_down(struct rds *r)
{
    bool first = !r->down;

    r->down = true;
    r->probing = false;
    r->down_until = mono_ms() + DOWN_MS;
    while (r->nidle) {
        redisFree(r->idle[--r->nidle]);
        r->open--;
    }
    pthread_cond_broadcast(&r->cv);
    return first;
}

static int failed(struct rds *r, const char *reason)
{
    pthread_mutex_lock(&r->mu);
    bool first = mark_down(r);
    pthread_mutex_unlock(&r->mu);
    if (first)
        log_state(r, "redis unavailable; cache calls fail fast", reason);
    return ERR_UNAVAILABLE;
}

/* A new context for a slot the caller has reserved in "open". */
static int connect_slot(struct rds *r, redisContext **out)
{
    struct buf err = BUF_INIT;

    *out = dial(r, &err);
    if (*out) {
        buf_release(&err);
        return 0;
    }
    pthread_mutex_lock(&r->mu);
    r->open--;
    pthread_mutex_unlock(&r->mu);
    failed(r, err.p);
    buf_release(&err);
    return ERR_UNAVAILABLE;
}

/*
 * Lends a context: an idle one, a new one while fewer than POOL_MAX exist, or the next one
 * returned. While Redis is down, answers ERR_UNAVAILABLE at once, except that the first caller
 * after the window dials again.
 */
static int acquire(struct rds *r, redisContext **out)
{
    pthread_mutex_lock(&r->mu);
    for (;;) {
        if (r->down) {
            if (r->probing || mono_ms() < r->down_until) {
                pthread_mutex_unlock(&r->mu);
                return ERR_UNAVAILABLE;
            }
            r->probing = true;
            break;
        }
        if (r->nidle) {
            *out = r->idle[--r->nidle];
            pthread_mutex_unlock(&r->mu);
            return 0;
        }
        if (r->open < POOL_MAX)
            break;
        pthread_cond_wait(&r->cv, &r->mu);
    }
    r->open++;
    pthread_mutex_unlock(&r->mu);
    return connect_slot(r, out);
}

/* Takes a context back. One that saw an error, or that "discard" condemns, is freed. */
static void release(struct rds *r, redisContext *ctx, bool discard)
{
    if (ctx->err) {
        char reason[128];

        snprintf(reason, sizeof(reason), "%s", ctx->errstr);
        redisFree(ctx);
        pthread_mutex_lock(&r->mu);
        r->open--;
        pthread_mutex_unlock(&r->mu);
        failed(r, reason);
        return;
    }
    pthread_mutex_lock(&r->mu);
    bool back = r->down;
    r->down = r->probing = false;
    if (discard || r->nidle == POOL_MAX) {
        redisFree(ctx);
        r->open--;
    } else {
        r->idle[r->nidle++] = ctx;
    }
    pthread_cond_signal(&r->cv);
    pthread_mutex_unlock(&r->mu);
    if (back)
        log_state(r, "redis available again", NULL);
}

/* Commands */

/* True for errors after which the connection should be dropped (failover, restart). */
static bool stale(const redisReply *rep)
{
    return !strncmp(rep->str, "READONLY", 8) || !strncmp(rep->str, "LOADING", 7) ||
           !strncmp(rep->str, "MASTERDOWN", 10) || !strncmp(rep->str, "NOAUTH", 6);
}

static void log_noise(struct rds *r, const redisReply *rep)
{
    long long t = mono_ms();

    pthread_mutex_lock(&r->mu);
    bool quiet = r->noise_at && t - r->noise_at < NOISE_MS;
    if (!quiet)
        r->noise_at = t;
    pthread_mutex_unlock(&r->mu);
    if (!quiet)
        log_state(r, "redis answered an error", rep->str);
}

/*
 * Runs one command on a pooled context. Returns 0 with "*rep" (caller frees it with
 * freeReplyObject), ERR_UNAVAILABLE, or ERR_INVALID when the value is not an integer.
 */
static int run(struct rds *r, redisReply **rep, const char *fmt, ...)
{
    redisContext *ctx;
    va_list ap;
    int rc = acquire(r, &ctx);

    if (rc)
        return rc;
    va_start(ap, fmt);
    *rep = redisvCommand(ctx, fmt, ap);
    va_end(ap);
    if (!*rep) {
        release(r, ctx, true);
        return ERR_UNAVAILABLE;
    }
    bool error = (*rep)->type == REDIS_REPLY_ERROR;
    release(r, ctx, error && stale(*rep));
    if (!error)
        return 0;
    rc = strstr((*rep)->str, "not an integer") ? ERR_INVALID : ERR_UNAVAILABLE;
    if (rc == ERR_UNAVAILABLE)
        log_noise(r, *rep);
    freeReplyObject(*rep);
    *rep = NULL;
    return rc;
}

static int r_get(void *impl, struct arena *arena, const char *key, size_t klen, char **val,
                 size_t *len)
{
    redisReply *rep;
    int rc = run(impl, &rep, "GET %b", key, klen);

    if (rc)
        return rc;
    if (rep->type == REDIS_REPLY_STRING) {
        *val = arena_alloc(arena, (size_t)rep->len + 1);
        memcpy(*val, rep->str, (size_t)rep->len);
        (*val)[rep->len] = '\0';
        *len = (size_t)rep->len;
    } else {
        rc = rep->type == REDIS_REPLY_NIL ? ERR_NOT_FOUND : ERR_UNAVAILABLE;
    }
    freeReplyObject(rep);
    return rc;
}

static int r_set(void *impl, const char *key, size_t klen, const void *val, size_t len, int ttl_s)
{
    redisReply *rep;
    int rc;

    if (ttl_s > 0)
        rc = run(impl, &rep, "SET %b %b EX %d", key, klen, val, len, ttl_s);
    else
        rc = run(impl, &rep, "SET %b %b", key, klen, val, len);
    if (rc == 0)
        freeReplyObject(rep);
    return rc;
}

static int r_add(void *impl, const char *key, size_t klen, const void *val, size_t len, int ttl_s)
{
    redisReply *rep;
    int rc;

    if (ttl_s > 0)
        rc = run(impl, &rep, "SET %b %b EX %d NX", key, klen, val, len, ttl_s);
    else
        rc = run(impl, &rep, "SET %b %b NX", key, klen, val, len);
    if (rc)
        return rc;
    rc = rep->type == REDIS_REPLY_NIL ? ERR_CONFLICT : 0;
    freeReplyObject(rep);
    return rc;
}

static int r_del(void *impl, const char *key, size_t klen)
{
    redisReply *rep;
    int rc = run(impl, &rep, "DEL %b", key, klen);

    if (rc == 0)
        freeReplyObject(rep);
    return rc;
}

static int r_incr(void *impl, const char *key, size_t klen, int window_s, long long *count,
                  int *ttl_left)
{
    redisReply *rep;
    int rc = run(impl, &rep, "EVAL %s 1 %b %d", INCR_LUA, key, klen, window_s);

    if (rc)
        return rc;
    if (rep->type != REDIS_REPLY_ARRAY || rep->elements != 2 ||
        rep->element[0]->type != REDIS_REPLY_INTEGER ||
        rep->element[1]->type != REDIS_REPLY_INTEGER) {
        freeReplyObject(rep);
        return ERR_UNAVAILABLE;
    }
    long long ms = rep->element[1]->integer;

    *count = rep->element[0]->integer;
    *ttl_left = ms > 1000 ? (int)((ms + 999) / 1000) : 1;
    freeReplyObject(rep);
    return 0;
}

static int r_ping(void *impl)
{
    redisReply *rep;
    int rc = run(impl, &rep, "PING");

    if (rc == 0)
        freeReplyObject(rep);
    return rc;
}

static int r_publish(void *impl, const char *channel, size_t clen, const void *msg, size_t len)
{
    redisReply *rep;
    int rc = run(impl, &rep, "PUBLISH %b %b", channel, clen, msg, len);

    if (rc == 0)
        freeReplyObject(rep);
    return rc;
}

static void r_free(void *impl)
{
    struct rds *r = impl;

    while (r->nidle)
        redisFree(r->idle[--r->nidle]);
    pthread_cond_destroy(&r->cv);
    pthread_mutex_destroy(&r->mu);
    url_release(&r->u);
    free(r->where);
    free(r);
}

void *cache_redis_new(const char *url, struct buf *why)
{
    struct rds *r = xcalloc(1, sizeof(*r));
    struct buf where = BUF_INIT;

    if (parse_url(&r->u, url, why) < 0) {
        url_release(&r->u);
        free(r);
        return NULL;
    }
    buf_printf(&where, strchr(r->u.host, ':') ? "[%s]:%d/%d" : "%s:%d/%d", r->u.host, r->u.port,
               r->u.db);
    r->where = buf_detach(&where, NULL);
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->cv, NULL);
    return r;
}

const struct cache_driver cache_redis_driver = {
    .name = "redis",
    .get = r_get,
    .set = r_set,
    .add = r_add,
    .del = r_del,
    .incr = r_incr,
    .ping = r_ping,
    .publish = r_publish,
    .free = r_free,
};
