/* demo_books.h (service): readable manuscripts for demo books, generated and stored. */
#ifndef MANGU_DEMO_BOOKS_H
#define MANGU_DEMO_BOOKS_H

#include "app/ctx.h"

/*
 * Gives every book without a manuscript a generated EPUB (chapters of prose made from the
 * book's id, so the same every run), stored through the object store and recorded as its
 * ready manuscript. Returns 0 and the count in "made", or an enum err.
 */
int demo_books_attach_manuscripts(struct ctx *cx, int *made);

#endif
