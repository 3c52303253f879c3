/* library.h (service): what readers own, where they are in it, their notes and reviews. */
#ifndef MANGU_SERVICE_LIBRARY_H
#define MANGU_SERVICE_LIBRARY_H

#include <stdbool.h>

#include "app/ctx.h"
#include "store/library.h"

/* A position report from a reader; strings borrowed. */
struct progress_in {
    const char *position; /* an EPUB CFI or "page:N" for a PDF; at most 1000 bytes */
    double progress;      /* 0..1 */
    const char *device_id;
    const char *device_name; /* may be NULL */
};

/* Adds a free, published book to the caller's library; "*added" false when already owned. */
int library_claim(struct ctx *cx, long long book_id, bool *added);
/* Saves the caller's position in an owned book; ERR_NOT_FOUND when not owned. */
int library_save_progress(struct ctx *cx, long long book_id, const struct progress_in *in);

int annotations_create(struct ctx *cx, long long book_id, json_t *body, long long *id);
int annotations_update(struct ctx *cx, long long id, json_t *body);
/* The caller's bookmarks and highlights of a book as Markdown (arena). */
int annotations_markdown(struct ctx *cx, long long book_id, const char **out);

/* Adds or changes (409 -> use update) the caller's review; only owners may review. */
int reviews_create(struct ctx *cx, long long book_id, json_t *body, struct review *out);
int reviews_update_mine(struct ctx *cx, long long book_id, json_t *body, struct review *out);
int reviews_delete_mine(struct ctx *cx, long long book_id);
int reviews_hide(struct ctx *cx, long long review_id, bool hidden);
int reviews_report(struct ctx *cx, long long review_id, const char *reason);

#endif
