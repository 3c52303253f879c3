/* redis_sub.c: one pub/sub subscription on its own connection and thread, renewed after failures */
#include <errno.h>
#include <hiredis/hiredis.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "cache/driver.h"
#include "core/timefmt.h"
#include "cache/redis_link.h"
#include "core/xalloc.h"

#define RETRY_MS 1000 /* pause before dialing again, as the pool's down window */

struct cache_sub {
    void *rds; /* the redis driver's state: URL, credentials, log name */
    char *channel;
    size_t clen;
    cache_sub_fn fn;
    void *arg;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv; /* on CLOCK_MONOTONIC; signalled by cache_redis_sub_stop */
    bool stop;
    int fd;    /* the live connection's socket, -1 when none; shut down to wake a blocked read */
    bool away; /* logged as lost and not yet as back; the thread's own */
};

/* Waits RETRY_MS unless stopped first; true when stopping. */
static bool pause_unless_stopped(struct cache_sub *s)
{
    struct timespec until = time_deadline_ms(RETRY_MS);

    pthread_mutex_lock(&s->mu);
    while (!s->stop && pthread_cond_timedwait(&s->cv, &s->mu, &until) != ETIMEDOUT)
        ;
    bool stop = s->stop;
    pthread_mutex_unlock(&s->mu);
    return stop;
}

static bool stopping(struct cache_sub *s)
{
    pthread_mutex_lock(&s->mu);
    bool stop = s->stop;
    pthread_mutex_unlock(&s->mu);
    return stop;
}

/* Shows the socket to cache_redis_sub_stop ("fd" -1 hides it); false when already stopping. */
static bool expose(struct cache_sub *s, int fd)
{
    pthread_mutex_lock(&s->mu);
    s->fd = fd;
    bool go = !s->stop;
    pthread_mutex_unlock(&s->mu);
    return go;
}

/* True for the confirmation ["subscribe", channel, count]. */
static bool confirmed(const redisReply *rep)
{
    return rep->type == REDIS_REPLY_ARRAY && rep->elements == 3 &&
           rep->element[0]->type == REDIS_REPLY_STRING &&
           strcmp(rep->element[0]->str, "subscribe") == 0;
}

/* The payload of ["message", channel, payload], else NULL. */
static const redisReply *payload(const redisReply *rep)
{
    if (rep->type != REDIS_REPLY_ARRAY || rep->elements != 3 ||
        rep->element[0]->type != REDIS_REPLY_STRING || strcmp(rep->element[0]->str, "message") ||
        rep->element[2]->type != REDIS_REPLY_STRING)
        return NULL;
    return rep->element[2];
}

static void came_back(struct cache_sub *s)
{
    if (!s->away)
        return;
    s->away = false;
    cache_redis_log(s->rds, LOG_INFO, "redis subscription restored", NULL);
}

/*
 * Subscribes on "ctx", tells "fn" it is ready, then hands it every message until the
 * connection fails or "fn" gives up. Always returns with the reason in "why".
 */
static void listen_on(struct cache_sub *s, redisContext *ctx, char *why, size_t n)
{
    static const struct timeval forever = {0, 0};
    redisReply *rep = redisCommand(ctx, "SUBSCRIBE %b", s->channel, s->clen);
    void *next;

    if (!rep) {
        snprintf(why, n, "subscribe: %s", ctx->errstr);
        return;
    }
    bool ok = confirmed(rep);
    freeReplyObject(rep);
    if (!ok || redisSetTimeout(ctx, forever) != REDIS_OK) { /* messages come when they come */
        snprintf(why, n, "subscribe: unexpected answer");
        return;
    }
    if (s->fn(s->arg, CACHE_SUB_READY, NULL, 0) != 0) {
        snprintf(why, n, "the subscriber could not catch up");
        return;
    }
    came_back(s);
    while (redisGetReply(ctx, &next) == REDIS_OK) {
        const redisReply *msg = payload(next);
        int rc = msg ? s->fn(s->arg, CACHE_SUB_MESSAGE, msg->str, (size_t)msg->len) : 0;

        freeReplyObject(next);
        if (rc) {
            snprintf(why, n, "the subscriber could not follow a message");
            return;
        }
    }
    snprintf(why, n, "%s", ctx->errstr);
}

/* One connection's life: dial, listen, report the loss. */
static void session(struct cache_sub *s, char *why, size_t n)
{
    struct buf err = BUF_INIT;
    redisContext *ctx = cache_redis_dial(s->rds, &err);

    if (!ctx) {
        snprintf(why, n, "%s", err.p ? err.p : "connect failed");
        buf_release(&err);
        return;
    }
    buf_release(&err);
    if (expose(s, ctx->fd)) {
        listen_on(s, ctx, why, n);
        expose(s, -1);
        s->fn(s->arg, CACHE_SUB_LOST, NULL, 0);
    }
    redisFree(ctx);
}

static void *on_thread(void *arg)
{
    struct cache_sub *s = arg;
    char why[200];

    for (;;) {
        session(s, why, sizeof(why));
        if (stopping(s))
            break;
        if (!s->away) {
            s->away = true;
            cache_redis_log(s->rds, LOG_WARN, "redis subscription lost; retrying every second",
                            why);
        }
        if (pause_unless_stopped(s))
            break;
    }
    return NULL;
}

struct cache_sub *cache_redis_subscribe(void *impl, const char *channel, size_t clen,
                                        cache_sub_fn fn, void *arg)
{
    struct cache_sub *s = xcalloc(1, sizeof(*s));
    pthread_condattr_t ca;

    s->rds = impl;
    s->channel = xstrndup(channel, clen);
    s->clen = clen;
    s->fn = fn;
    s->arg = arg;
    s->fd = -1;
    pthread_mutex_init(&s->mu, NULL);
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->cv, &ca);
    pthread_condattr_destroy(&ca);
    if (pthread_create(&s->thread, NULL, on_thread, s) != 0) {
        cache_redis_log(impl, LOG_WARN, "cannot start the redis subscriber thread", NULL);
        pthread_cond_destroy(&s->cv);
        pthread_mutex_destroy(&s->mu);
        free(s->channel);
        free(s);
        return NULL;
    }
    return s;
}

void cache_redis_sub_stop(struct cache_sub *s)
{
    pthread_mutex_lock(&s->mu);
    s->stop = true;
    if (s->fd >= 0)
        shutdown(s->fd, SHUT_RDWR); /* wakes the blocked read; the thread closes the socket */
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
    pthread_join(s->thread, NULL);
    pthread_cond_destroy(&s->cv);
    pthread_mutex_destroy(&s->mu);
    free(s->channel);
    free(s);
}
