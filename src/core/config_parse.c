/* config_parse.c: the small parsers the config_*.c files share (numbers, strings, origins). */
#include "core/config_parse.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

int config_parse_long(const char *val, long lo, long hi, long *out)
{
    char *end;

    errno = 0;
    long v = strtol(val, &end, 10);
    if (*val == '\0' || *end != '\0' || errno || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

int config_parse_int_field(int *field, const char *val, long lo, long hi, struct buf *why)
{
    long v;

    if (config_parse_long(val, lo, hi, &v) != 0) {
        buf_printf(why, "expected an integer from %ld to %ld, got '%s'", lo, hi, val);
        return -1;
    }
    *field = (int)v;
    return 0;
}

int config_parse_bytes(const char *val, size_t lo, size_t hi, size_t *out, struct buf *why)
{
    long v;

    if (config_parse_long(val, (long)lo, (long)hi, &v) != 0) {
        buf_printf(why, "expected a byte count from %zu to %zu, got '%s'", lo, hi, val);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

void config_set_str(char **field, const char *val)
{
    free(*field);
    *field = xstrdup(val);
}

int config_parse_text(char **field, const char *val, const char *what, struct buf *why)
{
    if (!*val) {
        buf_printf(why, "expected %s, got ''", what);
        return -1;
    }
    config_set_str(field, val);
    return 0;
}

bool config_is_origin(const char *s, size_t n)
{
    size_t scheme = strncmp(s, "https://", 8) == 0 ? 8 : strncmp(s, "http://", 7) == 0 ? 7 : 0;

    if (!scheme || n <= scheme || s[n - 1] == '/')
        return false;
    for (size_t i = scheme; i < n; i++)
        if (s[i] == '/' || s[i] == ' ' || s[i] == '*')
            return false;
    return true;
}
