/* categories.h (store): the SQL of the nested genres and their published-book counts. */
#ifndef MANGU_STORE_CATEGORIES_H
#define MANGU_STORE_CATEGORIES_H

#include "app/ctx.h"

/* A category; strings in the request's arena. */
struct category {
    long long id;
    long long parent_id; /* 0 at the top */
    const char *slug, *name, *description;
    long long position;
    long long book_count; /* distinct published books here or in any subcategory */
};

/* Every category, siblings by position then name, with its book count. */
int store_categories_all(struct ctx *cx, struct category **items, int *n);
int store_categories_find(struct ctx *cx, long long id, struct category *out);
/* Which of "ids" name no category: fills "missing" (arena) and its length. */
int store_categories_missing(struct ctx *cx, const long long *ids, int n, long long **missing,
                             int *n_missing);
/*
 * PostgreSQL only: the ids of the category "slug" and its descendants as "id,id,..." ("" for
 * an unknown slug), for statements that filter on them with string_to_array (their values are
 * then constants when the call is planned, which a recursive CTE's are not).
 */
int store_categories_subtree_ids(struct ctx *cx, const char *slug, const char **ids);
/* The slugs taken among "base" and "base-N". */
int store_categories_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n);
/* Writes; ERR_CONFLICT on a taken slug, or (delete) when the category has children. */
int store_categories_insert(struct ctx *cx, const struct category *c, const char *now,
                            long long *id);
int store_categories_update(struct ctx *cx, const struct category *c, const char *now);
int store_categories_delete(struct ctx *cx, long long id);

#endif
