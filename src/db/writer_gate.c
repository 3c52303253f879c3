/* writer_gate.c: a FIFO hand-off lock with a timeout, one per SQLite file in the process. */
#include "db/writer_gate.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/timefmt.h"
#include "core/xalloc.h"

/* One thread in line; lives on that thread's stack while it waits. */
struct waiter {
    pthread_cond_t cv;
    bool granted; /* the lock was handed to it */
    struct waiter *next;
};

struct writer_gate {
    char *path;
    int refs; /* guarded by gates_mu */
    struct writer_gate *next;
    pthread_mutex_t mu;
    bool held;
    struct waiter *head, *tail; /* FIFO of threads waiting for the lock */
};

static pthread_mutex_t gates_mu = PTHREAD_MUTEX_INITIALIZER;
static struct writer_gate *gates;

struct writer_gate *writer_gate_get(const char *path)
{
    struct writer_gate *g;

    pthread_mutex_lock(&gates_mu);
    for (g = gates; g && strcmp(g->path, path) != 0; g = g->next)
        ;
    if (!g) {
        g = xcalloc(1, sizeof(*g));
        g->path = xstrdup(path);
        pthread_mutex_init(&g->mu, NULL);
        g->next = gates;
        gates = g;
    }
    g->refs++;
    pthread_mutex_unlock(&gates_mu);
    return g;
}

void writer_gate_put(struct writer_gate *g)
{
    struct writer_gate **p;

    if (!g)
        return;
    pthread_mutex_lock(&gates_mu);
    if (--g->refs > 0) {
        pthread_mutex_unlock(&gates_mu);
        return;
    }
    for (p = &gates; *p != g; p = &(*p)->next)
        ;
    *p = g->next;
    pthread_mutex_unlock(&gates_mu);
    pthread_mutex_destroy(&g->mu);
    free(g->path);
    free(g);
}

static void enqueue(struct writer_gate *g, struct waiter *w)
{
    if (g->tail)
        g->tail->next = w;
    else
        g->head = w;
    g->tail = w;
}

static void unlink_waiter(struct writer_gate *g, struct waiter *w)
{
    struct waiter *prev = NULL;

    for (struct waiter *it = g->head; it; prev = it, it = it->next) {
        if (it != w)
            continue;
        if (prev)
            prev->next = w->next;
        else
            g->head = w->next;
        if (g->tail == w)
            g->tail = prev;
        return;
    }
}

/* Waits (holding g->mu) until "w" is granted or the deadline passes. */
static void wait_turn(struct writer_gate *g, struct waiter *w, int timeout_ms)
{
    struct timespec until = time_deadline_ms(timeout_ms);
    int rc = 0;

    while (!w->granted && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&w->cv, &g->mu, &until);
    if (!w->granted)
        unlink_waiter(g, w);
}

int writer_gate_enter(struct writer_gate *g, int timeout_ms)
{
    struct waiter w = {.granted = false};
    pthread_condattr_t attr;

    pthread_mutex_lock(&g->mu);
    if (!g->held && !g->head) {
        g->held = true;
        pthread_mutex_unlock(&g->mu);
        return 0;
    }
    if (timeout_ms <= 0) {
        pthread_mutex_unlock(&g->mu);
        return -1;
    }
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w.cv, &attr);
    pthread_condattr_destroy(&attr);
    enqueue(g, &w);
    wait_turn(g, &w, timeout_ms);
    pthread_mutex_unlock(&g->mu);
    pthread_cond_destroy(&w.cv);
    return w.granted ? 0 : -1;
}

void writer_gate_leave(struct writer_gate *g)
{
    pthread_mutex_lock(&g->mu);
    struct waiter *next = g->head;

    if (next) {
        g->head = next->next;
        if (!g->head)
            g->tail = NULL;
        next->granted = true; /* handed over: "held" stays true */
        pthread_cond_signal(&next->cv);
    } else {
        g->held = false;
    }
    pthread_mutex_unlock(&g->mu);
}

int writer_gate_waiting(struct writer_gate *g)
{
    int n = 0;

    pthread_mutex_lock(&g->mu);
    for (struct waiter *w = g->head; w; w = w->next)
        n++;
    pthread_mutex_unlock(&g->mu);
    return n;
}
