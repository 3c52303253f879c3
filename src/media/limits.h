/* limits.h: the bounds every media check works within (sizes, ratios, time, memory). */
#ifndef MANGU_MEDIA_LIMITS_H
#define MANGU_MEDIA_LIMITS_H

#include <stdbool.h>
#include <stddef.h>

struct media_limits {
    size_t max_manuscript_bytes; /* file size (MANGU_MAX_MANUSCRIPT_BYTES, 200 MiB) */
    size_t max_unpacked_bytes;   /* EPUB: sum of declared uncompressed sizes (1 GiB) */
    unsigned max_ratio;          /* EPUB: uncompressed/compressed above this refuses... */
    size_t ratio_min_bytes;      /* ...an entry at least this large (100:1 from 1 MiB) */
    size_t max_entries;          /* EPUB: entries in the ZIP directory (10000) */
    size_t max_xml_bytes;        /* one XML document (container, OPF, NCX, nav): 8 MiB */
    size_t max_cover_bytes;      /* cover image file (MANGU_MAX_COVER_BYTES, 10 MiB) */
    int max_cover_px;            /* cover width and height (MANGU_MAX_COVER_PIXELS, 8000) */
    bool isolate; /* parse EPUB and PDF in a forked, rlimited child (default); off: tests, bench */
    int timeout_ms;   /* child: wall clock (30 s) */
    int cpu_s;        /* child: RLIMIT_CPU (20 s) */
    size_t mem_bytes; /* child: address space it may add, besides the file (1 GiB) */
};

#endif
