/* epub.h: validating an EPUB 2 or 3 in memory and extracting its metadata and cover. */
#ifndef MANGU_MEDIA_EPUB_H
#define MANGU_MEDIA_EPUB_H

#include <stddef.h>

#include "core/arena.h"
#include "media/limits.h"
#include "media/report.h"

/*
 * Checks the EPUB in "data" (borrowed) within "l" and fills "r" (strings and cover bytes in "a").
 * Refuses (ERR_UNPROCESSABLE, reasons in "r") a broken container: an unreadable ZIP, a zip bomb
 * or unsafe entry name (see ocf_open), "mimetype" not first / compressed / wrong, a missing or
 * unparsable container.xml or OPF, an empty spine. Everything else is a warning: a malformed
 * NCX or nav document, missing files, a bad ISBN, no cover. The cover is looked for in this
 * order: EPUB 3 properties="cover-image"; EPUB 2 <meta name="cover"> naming an image item; the
 * guide's cover reference (an image, or the first image of the page it names); a <meta
 * name="cover"> page's first image; an image item with id "cover". Its bytes are read up to
 * "l->max_cover_bytes" and "r->cover_type" is the manifest's media type (the caller sniffs).
 * Runs in the calling process: use media_check_manuscript() for the isolated, bounded version.
 * Returns 0 or the refusal's code.
 */
int epub_check(struct arena *a, const unsigned char *data, size_t len, const struct media_limits *l,
               struct manuscript_report *r);

#endif
