/* config_media.c: the upload limits: largest manuscript, largest cover, widest cover. */
#include "core/config_media.h"

#include <errno.h>
#include <stdlib.h>

/* A whole number from "lo" to "hi" into "*out"; -1 with the accepted range in "why". */
static int parse_range(const char *val, unsigned long long lo, unsigned long long hi,
                       unsigned long long *out, struct buf *why)
{
    char *end;

    errno = 0;
    unsigned long long v = strtoull(val, &end, 10);
    if (*val < '0' || *val > '9' || *end != '\0' || errno || v < lo || v > hi) {
        buf_printf(why, "expected an integer from %llu to %llu, got '%s'", lo, hi, val);
        return -1;
    }
    *out = v;
    return 0;
}

int config_parse_max_manuscript(struct config *c, const char *val, struct buf *why)
{
    unsigned long long v;

    if (parse_range(val, 1ULL << 20, 1ULL << 34, &v, why) != 0)
        return -1;
    c->max_manuscript_bytes = (size_t)v;
    return 0;
}

int config_parse_max_cover_bytes(struct config *c, const char *val, struct buf *why)
{
    unsigned long long v;

    if (parse_range(val, 1ULL << 16, 100ULL << 20, &v, why) != 0)
        return -1;
    c->max_cover_bytes = (size_t)v;
    return 0;
}

int config_parse_max_cover_px(struct config *c, const char *val, struct buf *why)
{
    unsigned long long v;

    if (parse_range(val, 100, 32768, &v, why) != 0)
        return -1;
    c->max_cover_px = (int)v;
    return 0;
}

void config_media_describe(const struct config *c, struct buf *out)
{
    buf_printf(out, "MANGU_MAX_MANUSCRIPT_BYTES=%zu\n", c->max_manuscript_bytes);
    buf_printf(out, "MANGU_MAX_COVER_BYTES=%zu\n", c->max_cover_bytes);
    buf_printf(out, "MANGU_MAX_COVER_PIXELS=%d\n", c->max_cover_px);
}
