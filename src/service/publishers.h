/* publishers.h (service): publishers as the catalog shows them, and their admin edits. */
#ifndef MANGU_SERVICE_PUBLISHERS_H
#define MANGU_SERVICE_PUBLISHERS_H

#include <jansson.h>
#include <stdbool.h>

#include "app/ctx.h"
#include "store/publishers.h"

/* A publisher by id or slug; ERR_NOT_FOUND recorded. */
int publishers_get(struct ctx *cx, const char *id_or_slug, struct publisher *out);
/* A page of publishers by name, and how many there are. */
int publishers_list(struct ctx *cx, int limit, long long offset, struct publisher **items, int *n,
                    long long *total);

/* A create or an edit; NULL clears "description" / "website" when given. */
struct publisher_input {
    bool has_name, has_description, has_website;
    const char *name, *description, *website;
};
/* Admins only; "fields" as in books_create(). */
int publishers_create(struct ctx *cx, const struct publisher_input *in, json_t *fields,
                      struct publisher *out);
int publishers_update(struct ctx *cx, long long id, const struct publisher_input *in,
                      json_t *fields, struct publisher *out);

#endif
