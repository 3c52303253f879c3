/* demo_books.h (service): readable manuscripts for demo books, generated and stored. */
#ifndef MANGU_DEMO_BOOKS_H
#define MANGU_DEMO_BOOKS_H

#include "app/ctx.h"

/*
 * Gives every book without a manuscript a generated EPUB (chapters of prose made from the
 * book's id, so the same every run) and a free sample (its opening chapters), stored through
 * the object store and recorded as ready; the book's format becomes "epub" to match. Returns 0
 * and the count in "made", or an enum err.
 */
int demo_books_attach_manuscripts(struct ctx *cx, int *made);

#endif
