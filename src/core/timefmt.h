/* timefmt.h: the one time format stored and sent: RFC 3339 UTC with whole seconds. */
#ifndef MANGU_TIMEFMT_H
#define MANGU_TIMEFMT_H

#include <time.h>

#include "core/arena.h"

#define TIME_RFC3339_LEN 21 /* "2026-11-26T02:00:00Z" plus the NUL */

/* Writes "t" as "YYYY-MM-DDTHH:MM:SSZ" into "out". */
void time_format(time_t t, char out[TIME_RFC3339_LEN]);
/* The current time plus "offset_s" seconds, formatted into the arena. */
char *time_from_now(struct arena *a, long long offset_s);
/* Parses the stored format; returns -1 on anything else. */
int time_parse(const char *s, time_t *out);
/* The wall clock in milliseconds since the Unix epoch (comparable across processes). */
long long time_unix_ms(void);
/* CLOCK_MONOTONIC now plus "ms" milliseconds, for pthread_cond_timedwait on such a clock. */
struct timespec time_deadline_ms(int ms);

#endif
