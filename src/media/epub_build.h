/* epub_build.h: writing a small valid EPUB 3 (with an EPUB 2 NCX) in memory. */
#ifndef MANGU_EPUB_BUILD_H
#define MANGU_EPUB_BUILD_H

#include <stddef.h>

#include "core/arena.h"

struct epub_chapter {
    const char *title;
    const char *const *paragraphs; /* plain text, escaped here */
    int n_paragraphs;
};

struct epub_book {
    const char *identifier; /* urn:uuid:... or urn:isbn:... */
    const char *title;
    const char *author;
    const char *language;
    const char *description; /* may be NULL */
    const char *modified;    /* RFC 3339 UTC, seconds */
    const struct epub_chapter *chapters;
    int n_chapters;
};

/*
 * Builds the EPUB: "mimetype" first and stored, META-INF/container.xml, the package document,
 * a navigation document, toc.ncx and one XHTML file per chapter. The bytes go into "a".
 * Returns 0 or -1 (libzip failure).
 */
int epub_build(struct arena *a, const struct epub_book *b, unsigned char **out, size_t *len);

#endif
