/* range.c: byte ranges for resumable and partial downloads (RFC 9110 section 14). */
#include "http/range.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A run of digits at "*p" as a number; -1 when there is none or it overflows. */
static long long number(const char **p)
{
    long long v = 0;
    const char *s = *p;

    if (!isdigit((unsigned char)*s))
        return -1;
    while (isdigit((unsigned char)*s)) {
        if (v > (1LL << 52))
            return -1;
        v = v * 10 + (*s++ - '0');
    }
    *p = s;
    return v;
}

enum range_outcome range_parse(const char *header, long long size, long long *start,
                               long long *len)
{
    const char *p = header;

    if (!p || strncmp(p, "bytes=", 6) != 0 || strchr(p, ','))
        return RANGE_NONE;
    p += 6;
    long long first = number(&p), last = -1;
    if (*p++ != '-')
        return RANGE_NONE;
    if (*p)
        last = number(&p);
    if (*p != '\0' || (first < 0 && last < 0))
        return RANGE_NONE;
    if (first < 0) { /* the last "last" bytes */
        if (last == 0 || size == 0)
            return RANGE_UNSATISFIABLE;
        first = last >= size ? 0 : size - last;
        last = size - 1;
    } else if (last < 0 || last >= size) {
        last = size - 1;
    }
    if (first >= size || last < first)
        return first >= size ? RANGE_UNSATISFIABLE : RANGE_NONE;
    *start = first;
    *len = last - first + 1;
    return RANGE_OK;
}
