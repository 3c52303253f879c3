/* refresh.h (api): cached catalog answers rebuilt on a thread of their own before they expire. */
#ifndef MANGU_API_REFRESH_H
#define MANGU_API_REFRESH_H

#include <stdbool.h>
#include <stddef.h>

#include "api/catalog.h"

#define REFRESH_ARG_MAX 32 /* bytes of a build's argument */
#define REFRESH_QUEUE_MAX 16

/*
 * Hands the rebuild of "key" to the refresher: build(arg) on its own context, stored for
 * "ttl_s" seconds, then flight_leave(slot); skipped when another process sharing the cache
 * claimed it first (catalog_refresh_claim). "arg" (arg_size bytes) is copied, so nothing in
 * it may point into the request. False when the refresher is not running, the queue is full
 * or "arg" is too big: the caller keeps the slot and leaves the flight itself.
 */
bool api_refresh_queue(const char *key, int ttl_s, api_catalog_build_fn build, const void *arg,
                       size_t arg_size, int slot);
/* Rebuilds everything queued so far, on "app"; how many answers were stored. */
int api_refresh_run(struct app *app);
/* The refresher: a thread that runs the queue every REFRESH_INTERVAL_MS. 0 or -1. */
int api_refresh_start(struct app *app);
/* Stops taking jobs, joins the thread and runs what is still queued. */
void api_refresh_stop(void);
/* Answers the refresher has stored since the process started (for /metrics). */
unsigned long long api_refresh_count(void);

#endif
