/* slug.h: URL slugs from titles and names ("Esperánza & Co." -> "esperanza-co"). */
#ifndef MANGU_SLUG_H
#define MANGU_SLUG_H

#include <stddef.h>

#include "core/arena.h"

/*
 * Lower-case ASCII letters, digits and single hyphens, at most "max" bytes, folding common
 * Latin accents; always contains a letter (so a slug never looks like an id). In "a".
 */
char *slug_from(struct arena *a, const char *text, size_t max);
/* Appends "-n" for the n-th candidate when the plain slug is taken (n >= 2). */
char *slug_with_suffix(struct arena *a, const char *slug, int n, size_t max);

#endif
