/* flight.h: at most one thread per process rebuilds a missing cache entry; the rest wait. */
#ifndef MANGU_FLIGHT_H
#define MANGU_FLIGHT_H

#include <stdbool.h>

enum flight {
    FLIGHT_LEAD,    /* build it, then flight_leave(slot) */
    FLIGHT_WAITED,  /* another thread built it (or gave up): read the cache again */
};

/*
 * Joins the flight for "key". The first caller leads; later callers wait until it leaves (at
 * most FLIGHT_WAIT_MS) and are told to read the cache again. When every slot is taken the
 * caller leads without one (*slot = -1), as it would without this module.
 */
enum flight flight_enter(const char *key, int *slot);
/*
 * Leads the flight for "key" only if nobody does and a slot is free: true (then
 * flight_leave(slot)), else false at once. For rebuilding a stale entry that others may keep
 * serving meanwhile.
 */
bool flight_try(const char *key, int *slot);
void flight_leave(int slot);
/* How many threads wait right now (for tests). */
int flight_waiting(void);

#define FLIGHT_WAIT_MS 5000

#endif
