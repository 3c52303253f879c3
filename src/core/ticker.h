/* ticker.h: a thread that calls one function at a fixed interval until it is stopped. */
#ifndef MANGU_TICKER_H
#define MANGU_TICKER_H

struct ticker;

/*
 * Starts a thread that calls fn(arg) at once and then every interval_ms, until ticker_stop.
 * NULL when the thread cannot start.
 */
struct ticker *ticker_start(void (*fn)(void *arg), void *arg, int interval_ms);
/* Wakes the thread, waits for a call in progress to end, joins it and frees the ticker. */
void ticker_stop(struct ticker *t);
/* How many times fn has been called so far (for tests). */
long ticker_calls(struct ticker *t);

#endif
