/* media.h: checking uploaded manuscripts (EPUB, PDF) and covers, and making cover thumbnails. */
#ifndef MANGU_MEDIA_H
#define MANGU_MEDIA_H

#include <stddef.h>

#include "core/arena.h"
#include "media/image.h"
#include "media/limits.h"
#include "media/report.h"

struct config;

/* The defaults of limits.h (200 MiB manuscripts, 10 MiB and 8000 px covers, isolation on). */
void media_limits_default(struct media_limits *l);
/*
 * The defaults with the operator's MANGU_MAX_MANUSCRIPT_BYTES, MANGU_MAX_COVER_BYTES and
 * MANGU_MAX_COVER_PIXELS; the unpacked-EPUB cap grows to twice the manuscript cap when that is
 * above 1 GiB.
 */
void media_limits_from_config(struct media_limits *l, const struct config *c);

/*
 * Starts libmagic, libxml2 and libvips once per process, before any thread (main.c's `serve`).
 * 0, or -1 when one of them cannot start. media_release() undoes it at exit, in mirror order.
 */
int media_init(void);
void media_release(void);

/*
 * Checks the manuscript open at "fd" (read-only, not moved; the caller keeps it) that the
 * uploader declared as "declared_type" ("application/epub+zip", "application/pdf", optionally
 * with parameters; NULL or "" or application/octet-stream: decide from the content) and fills
 * "r" in "a". In order: size (ERR_TOO_LARGE above "l->max_manuscript_bytes"); libmagic's view of
 * the bytes must match the declaration (ERR_MEDIA_TYPE: a JPEG named .epub); then the EPUB or PDF
 * rules of epub.h and pdf.h (ERR_UNPROCESSABLE). With "l->isolate" (the default) the parse runs
 * in a forked child bounded by "l->timeout_ms", "l->cpu_s" and "l->mem_bytes", and comes back as
 * JSON through a pipe; a child that overruns or dies refuses the file ("parse_timeout",
 * "parse_failed"). An extracted cover is sniffed: only JPEG, PNG and WebP are kept. Returns 0
 * when accepted (warnings may remain), else the refusal's code (also in "r->status"), or
 * ERR_UNAVAILABLE when no child could be started, ERR_INTERNAL when "fd" cannot be read.
 */
int media_check_manuscript(struct arena *a, const struct media_limits *l, int fd,
                           const char *declared_type, struct manuscript_report *r);
/* As media_check_manuscript() on the file at "path" (a path the server made). */
int media_check_manuscript_file(struct arena *a, const struct media_limits *l, const char *path,
                                const char *declared_type, struct manuscript_report *r);

/*
 * Checks a cover image in memory: at most "l->max_cover_bytes" (ERR_TOO_LARGE); JPEG, PNG or
 * WebP by its bytes and matching "declared_type" when one is given (ERR_MEDIA_TYPE); a readable
 * header at most "l->max_cover_px" wide and high, read without decoding pixels
 * (ERR_UNPROCESSABLE). Fills "r" in "a". Returns 0 or the refusal's code.
 */
int media_check_cover(struct arena *a, const struct media_limits *l, const unsigned char *data,
                      size_t len, const char *declared_type, struct cover_report *r);

/*
 * Checks the cover as media_check_cover() does, then makes its thumbnail set (image.h: WebP and
 * JPEG at 160, 320, 640 px) in "a". Returns 0, a refusal, or ERR_UNPROCESSABLE recorded in "r"
 * when the pixels cannot be decoded ("image_corrupt").
 */
int media_cover_thumbnails(struct arena *a, const struct media_limits *l, const unsigned char *data,
                           size_t len, const char *declared_type, struct cover_report *r,
                           struct thumbnail out[IMAGE_N_THUMBS]);

#endif
