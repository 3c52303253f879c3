/* categories.h (service): the genre tree, a genre with its breadcrumb, and admin edits. */
#ifndef MANGU_SERVICE_CATEGORIES_H
#define MANGU_SERVICE_CATEGORIES_H

#include <jansson.h>

#include "app/ctx.h"
#include "store/categories.h"

/* Every category (siblings in order), each with its published-book count (subtree included). */
int categories_all(struct ctx *cx, struct category **items, int *n);
/* The index in "all" of the category named by "id_or_slug"; ERR_NOT_FOUND recorded. */
int categories_find(struct ctx *cx, const struct category *all, int n, const char *id_or_slug,
                    int *index);

/* A create or an edit; "has_*" says which fields were given. parent_id 0 = top level. */
struct category_input {
    bool has_name, has_slug, has_parent, has_description, has_position;
    const char *name, *slug, *description;
    long long parent_id, position;
};
/*
 * Admins only (ERR_FORBIDDEN otherwise). "fields" as in books_create(). A category cannot
 * become its own descendant; ERR_CONFLICT for a taken slug, or deleting one with children.
 */
int categories_create(struct ctx *cx, const struct category_input *in, json_t *fields,
                      struct category *out);
int categories_update(struct ctx *cx, long long id, const struct category_input *in, json_t *fields,
                      struct category *out);
int categories_delete(struct ctx *cx, long long id);

#endif
