/* flight.c: single-flight rebuilds of cache entries within one process. */
#include "core/flight.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/xalloc.h"

#define SLOTS 64

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t left = PTHREAD_COND_INITIALIZER;
static char *keys[SLOTS]; /* the keys being rebuilt; NULL = free */
static int waiting;

static int find(const char *key)
{
    for (int i = 0; i < SLOTS; i++)
        if (keys[i] && strcmp(keys[i], key) == 0)
            return i;
    return -1;
}

static void deadline(struct timespec *ts)
{
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_sec += FLIGHT_WAIT_MS / 1000;
    ts->tv_nsec += (long)(FLIGHT_WAIT_MS % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

/* Waits while "key" is in flight, up to the deadline. Holds "mu". */
static void wait_for(const char *key)
{
    struct timespec until;
    int rc = 0;

    deadline(&until);
    waiting++;
    while (find(key) >= 0 && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&left, &mu, &until);
    waiting--;
}

/* Takes a free slot for "key" into *slot (-1 when none is free). Holds "mu". */
static void take(const char *key, int *slot)
{
    for (int i = 0; i < SLOTS && *slot < 0; i++)
        if (!keys[i]) {
            keys[i] = xstrdup(key);
            *slot = i;
        }
}

enum flight flight_enter(const char *key, int *slot)
{
    *slot = -1;
    if (!key)
        return FLIGHT_LEAD;
    pthread_mutex_lock(&mu);
    if (find(key) >= 0) {
        wait_for(key);
        pthread_mutex_unlock(&mu);
        return FLIGHT_WAITED;
    }
    take(key, slot);
    pthread_mutex_unlock(&mu);
    return FLIGHT_LEAD;
}

bool flight_try(const char *key, int *slot)
{
    *slot = -1;
    if (!key)
        return false;
    pthread_mutex_lock(&mu);
    if (find(key) < 0)
        take(key, slot);
    pthread_mutex_unlock(&mu);
    return *slot >= 0;
}

void flight_leave(int slot)
{
    if (slot < 0 || slot >= SLOTS)
        return;
    pthread_mutex_lock(&mu);
    free(keys[slot]);
    keys[slot] = NULL;
    pthread_cond_broadcast(&left);
    pthread_mutex_unlock(&mu);
}

int flight_waiting(void)
{
    pthread_mutex_lock(&mu);
    int n = waiting;
    pthread_mutex_unlock(&mu);
    return n;
}
