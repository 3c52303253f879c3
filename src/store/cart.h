/* cart.h (store): the SQL of carts and cart items, and of the book data they show. */
#ifndef MANGU_STORE_CART_H
#define MANGU_STORE_CART_H

#include <stdbool.h>

#include "app/ctx.h"

struct cart_author {
    long long id;
    const char *slug, *name;
};

/* A book as the cart shows it; strings in the request arena. */
struct cart_book {
    long long id;
    const char *slug, *title, *cover_key, *currency, *status;
    long long price_cents;
    struct cart_author *authors; /* in display order */
    int n_authors;
};

struct cart_line {
    struct cart_book book;
    const char *added_at;
    bool owned;               /* the user already has it in the library (not revoked) */
    long long discount_cents; /* filled by the pricing in service/cart.c */
};

/* Each returns 0 or an enum err recorded in "cx" (ERR_NOT_FOUND where said). */

/* The user's cart items with their books and authors, oldest first. */
int store_cart_lines(struct ctx *cx, long long user_id, struct cart_line **lines, int *n);
/* One book with its authors; ERR_NOT_FOUND when there is no such id. */
int store_cart_book(struct ctx *cx, long long book_id, struct cart_book *out);
/* Whether "user_id" owns "book_id" (a library entry that is not revoked). */
int store_cart_owns(struct ctx *cx, long long user_id, long long book_id, bool *owned);
/* Adds the item (nothing when it is there already); "added" says whether a row was new. */
int store_cart_add(struct ctx *cx, long long user_id, long long book_id, const char *now,
                   bool *added);
/* ERR_NOT_FOUND when the book was not in the cart. */
int store_cart_remove(struct ctx *cx, long long user_id, long long book_id);
int store_cart_count(struct ctx *cx, long long user_id, long long *count);
/*
 * Creates or touches the user's carts row, which also locks it until the transaction ends
 * (on PostgreSQL; SQLite's write transaction is already exclusive): checkouts of one cart
 * run one after the other.
 */
int store_cart_lock(struct ctx *cx, long long user_id, const char *now);
/* The cart's coupon id, 0 when none. */
int store_cart_coupon_id(struct ctx *cx, long long user_id, long long *coupon_id);
/* Sets the cart's coupon; 0 removes it. */
int store_cart_set_coupon(struct ctx *cx, long long user_id, long long coupon_id, const char *now);
/* Removes the books of "order_id" from the cart, and the cart's coupon when the order used it. */
int store_cart_remove_ordered(struct ctx *cx, long long user_id, long long order_id);

#endif
