/* limits.c: the media limits' defaults and the operator's overrides (no media library needed). */
#include "core/config.h"
#include "media/media.h"

#define MIB ((size_t)1 << 20)

void media_limits_default(struct media_limits *l)
{
    *l = (struct media_limits){
        .max_manuscript_bytes = 200 * MIB,
        .max_unpacked_bytes = 1024 * MIB,
        .max_ratio = 100,
        .ratio_min_bytes = MIB,
        .max_entries = 10000,
        .max_xml_bytes = 8 * MIB,
        .max_cover_bytes = 10 * MIB,
        .max_cover_px = 8000,
        .isolate = true,
        .timeout_ms = 30000,
        .cpu_s = 20,
        .mem_bytes = 1024 * MIB,
    };
}

void media_limits_from_config(struct media_limits *l, const struct config *c)
{
    media_limits_default(l);
    l->max_manuscript_bytes = c->max_manuscript_bytes;
    l->max_cover_bytes = c->max_cover_bytes;
    l->max_cover_px = c->max_cover_px;
    if (2 * l->max_manuscript_bytes > l->max_unpacked_bytes)
        l->max_unpacked_bytes = 2 * l->max_manuscript_bytes;
}
