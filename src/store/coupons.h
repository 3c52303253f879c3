/* coupons.h (store): the SQL of coupons, the books they are limited to, and redemptions. */
#ifndef MANGU_STORE_COUPONS_H
#define MANGU_STORE_COUPONS_H

#include <stdbool.h>

#include "app/ctx.h"

/* A coupon row; strings in the request arena, NULL for SQL NULL. */
struct coupon {
    long long id;
    const char *code;
    const char *kind; /* "percent" (amount 1..100) or "fixed" (amount in cents) */
    long long amount;
    const char *currency; /* fixed only */
    const char *starts_at, *ends_at;
    long long max_redemptions; /* 0: no limit */
    long long redemptions;
    bool active;
    long long *book_ids; /* when n_books > 0 the coupon applies to these books only */
    int n_books;
    const char *created_at, *updated_at;
};

/* Each returns 0 or an enum err recorded in "cx"; ERR_NOT_FOUND where said. */

int store_coupons_find(struct ctx *cx, long long id, struct coupon *out);
/* "code_lower" is the code with ASCII letters lower-cased. */
int store_coupons_find_by_code(struct ctx *cx, const char *code_lower, struct coupon *out);
/* ERR_CONFLICT when the code is taken (ignoring case). */
int store_coupons_insert(struct ctx *cx, const struct coupon *c, long long *id);
/* Writes every column of "c" but the redemptions; ERR_CONFLICT as above. */
int store_coupons_update(struct ctx *cx, const struct coupon *c, const char *now);
/* Replaces the coupon's book list. */
int store_coupons_set_books(struct ctx *cx, long long id, const long long *book_ids, int n);
/* How many of "book_ids" exist. */
int store_coupons_count_books(struct ctx *cx, const long long *book_ids, int n, long long *count);
/* Newest first; "q" (or NULL) is a lower-case LIKE pattern on the code. */
int store_coupons_list(struct ctx *cx, const char *q, long long limit, long long offset,
                       struct coupon **items, int *n, long long *total);
/*
 * Counts one redemption with a guarded UPDATE, so redemptions never exceed the maximum:
 * ERR_CONFLICT when the coupon is inactive or used up.
 */
int store_coupons_redeem(struct ctx *cx, long long id, const char *now);
/* Gives a redemption back (an order that was never paid). */
int store_coupons_release(struct ctx *cx, long long id, const char *now);

#endif
