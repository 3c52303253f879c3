/* timefmt.c: RFC 3339 UTC formatting and parsing. */
#include "core/timefmt.h"

#include <stdio.h>
#include <string.h>

void time_format(time_t t, char out[TIME_RFC3339_LEN])
{
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, TIME_RFC3339_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

char *time_from_now(struct arena *a, long long offset_s)
{
    char *out = arena_alloc(a, TIME_RFC3339_LEN);

    time_format(time(NULL) + (time_t)offset_s, out);
    return out;
}

int time_parse(const char *s, time_t *out)
{
    struct tm tm;

    memset(&tm, 0, sizeof(tm));
    if (!s || strlen(s) != 20)
        return -1;
    const char *end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (!end || *end != '\0')
        return -1;
    *out = timegm(&tm);
    return 0;
}

long long time_unix_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct timespec time_deadline_ms(int ms)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}
