/* publishers.h (store): the SQL of publishers (imprints credited on books). */
#ifndef MANGU_STORE_PUBLISHERS_H
#define MANGU_STORE_PUBLISHERS_H

#include "app/ctx.h"

/* A publisher; strings in the request's arena. */
struct publisher {
    long long id;
    const char *slug, *name, *description, *website;
    long long book_count; /* published books */
};

int store_publishers_find(struct ctx *cx, long long id, struct publisher *out);
int store_publishers_find_slug(struct ctx *cx, const char *slug, struct publisher *out);
/* A page of publishers by name, and how many there are. */
int store_publishers_list(struct ctx *cx, int limit, long long offset, struct publisher **items,
                          int *n);
int store_publishers_count(struct ctx *cx, long long *total);
/* The slugs taken among "base" and "base-N". */
int store_publishers_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n);
/* Writes; ERR_CONFLICT on a taken slug. */
int store_publishers_insert(struct ctx *cx, const struct publisher *p, const char *now,
                            long long *id);
int store_publishers_update(struct ctx *cx, const struct publisher *p, const char *now);

#endif
