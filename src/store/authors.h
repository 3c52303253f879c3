/* authors.h (store): the SQL of author profiles and their published-book counts. */
#ifndef MANGU_STORE_AUTHORS_H
#define MANGU_STORE_AUTHORS_H

#include <stdbool.h>

#include "app/ctx.h"

/* An author profile; strings in the request's arena, NULL when the column is NULL. */
struct author {
    long long id;
    const char *slug, *name, *bio, *photo_key;
    long long user_id;    /* 0 when no account is linked */
    long long book_count; /* published books */
};

int store_authors_find(struct ctx *cx, long long id, struct author *out);
int store_authors_find_slug(struct ctx *cx, const char *slug, struct author *out);
/* The profile linked to the account "user_id". 0 or ERR_NOT_FOUND. */
int store_authors_find_user(struct ctx *cx, long long user_id, struct author *out);

/*
 * A page of the authors who have published books, by popularity (purchases and views of
 * their books) or by name, and how many there are in all.
 */
int store_authors_list(struct ctx *cx, bool by_name, int limit, long long offset,
                       struct author **items, int *n);
int store_authors_count(struct ctx *cx, long long *total);

/* Which of "ids" name no author: fills "missing" (arena) and its length. */
int store_authors_missing(struct ctx *cx, const long long *ids, int n, long long **missing,
                          int *n_missing);
/* The slugs taken among "base" and "base-N". */
int store_authors_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n);

/* Writes; ERR_CONFLICT when the slug or the account is taken. */
int store_authors_add(struct ctx *cx, const struct author *a, const char *now, long long *id);
int store_authors_update(struct ctx *cx, const struct author *a, const char *now);

#endif
