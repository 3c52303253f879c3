/* ticker.c: a periodic thread, woken early only to stop. */
#include "core/ticker.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "core/timefmt.h"
#include "core/xalloc.h"

struct ticker {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    long calls;
    int interval_ms;
    void (*fn)(void *arg);
    void *arg;
};

static void *ticker_main(void *arg)
{
    struct ticker *t = arg;

    pthread_mutex_lock(&t->lock);
    while (!t->stop) {
        pthread_mutex_unlock(&t->lock);
        t->fn(t->arg);
        pthread_mutex_lock(&t->lock);
        t->calls++;
        struct timespec until = time_deadline_ms(t->interval_ms);
        while (!t->stop && pthread_cond_timedwait(&t->wake, &t->lock, &until) == 0)
            ;
    }
    pthread_mutex_unlock(&t->lock);
    return NULL;
}

struct ticker *ticker_start(void (*fn)(void *arg), void *arg, int interval_ms)
{
    struct ticker *t = xcalloc(1, sizeof(*t));
    pthread_condattr_t attr;

    t->fn = fn;
    t->arg = arg;
    t->interval_ms = interval_ms > 0 ? interval_ms : 1;
    pthread_mutex_init(&t->lock, NULL);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC); /* a clock step must not stall it */
    pthread_cond_init(&t->wake, &attr);
    pthread_condattr_destroy(&attr);
    if (pthread_create(&t->thread, NULL, ticker_main, t) != 0) {
        pthread_cond_destroy(&t->wake);
        pthread_mutex_destroy(&t->lock);
        free(t);
        return NULL;
    }
    return t;
}

void ticker_stop(struct ticker *t)
{
    if (!t)
        return;
    pthread_mutex_lock(&t->lock);
    t->stop = true;
    pthread_cond_signal(&t->wake);
    pthread_mutex_unlock(&t->lock);
    pthread_join(t->thread, NULL);
    pthread_cond_destroy(&t->wake);
    pthread_mutex_destroy(&t->lock);
    free(t);
}

long ticker_calls(struct ticker *t)
{
    pthread_mutex_lock(&t->lock);
    long n = t->calls;
    pthread_mutex_unlock(&t->lock);
    return n;
}
