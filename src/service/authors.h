/* authors.h (service): author pages and lists, and who may edit an author profile. */
#ifndef MANGU_SERVICE_AUTHORS_H
#define MANGU_SERVICE_AUTHORS_H

#include <jansson.h>
#include <stdbool.h>

#include "app/ctx.h"
#include "store/authors.h"
#include "store/books.h"

#define AUTHORS_BOOKS_MAX 100 /* books shown on an author's page */

/* An author by id or slug. ERR_NOT_FOUND recorded in "cx". */
int authors_get(struct ctx *cx, const char *id_or_slug, struct author *out);
/* The author's published books, newest first, with their authors. */
int authors_books(struct ctx *cx, const struct author *a, struct book **items, int *n);
/* Authors with published books, "popular" first or by name, and how many there are. */
int authors_list(struct ctx *cx, bool by_name, int limit, long long offset, struct author **items,
                 int *n, long long *total);

/* A create or an edit: "name" and "bio" (NULL bio clears it) when "has_*"; "user_id" > 0 links
 * an account (create only). */
struct author_input {
    bool has_name, has_bio;
    const char *name, *bio;
    long long user_id;
};
/*
 * Admins create profiles (for authors without accounts); an author edits their own profile,
 * an admin any. "fields" as in books_create(). ERR_FORBIDDEN, ERR_NOT_FOUND, ERR_CONFLICT
 * (the account already has a profile).
 */
int authors_create(struct ctx *cx, const struct author_input *in, json_t *fields,
                   struct author *out);
int authors_update(struct ctx *cx, long long id, const struct author_input *in, json_t *fields,
                   struct author *out);

#endif
