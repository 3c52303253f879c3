/* str.c: comparisons and parsing on borrowed slices. */
#include "core/str.h"

#include <string.h>
#include <strings.h>

struct str str_from(const char *s)
{
    return (struct str){s, s ? strlen(s) : 0};
}

bool str_eq(struct str a, struct str b)
{
    return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

bool str_eq_cstr(struct str a, const char *s)
{
    return str_eq(a, str_from(s));
}

bool str_starts_with(struct str a, const char *prefix)
{
    size_t n = strlen(prefix);

    return a.len >= n && memcmp(a.p, prefix, n) == 0;
}

bool str_case_eq_cstr(struct str a, const char *s)
{
    size_t n = strlen(s);

    return a.len == n && strncasecmp(a.p, s, n) == 0;
}

bool str_to_u64(struct str a, unsigned long long *out)
{
    unsigned long long v = 0;

    if (a.len == 0 || a.len > 19)
        return false;
    for (size_t i = 0; i < a.len; i++) {
        if (a.p[i] < '0' || a.p[i] > '9')
            return false;
        v = v * 10 + (unsigned long long)(a.p[i] - '0');
    }
    *out = v;
    return true;
}
