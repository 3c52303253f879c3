/* cart.h: a user's server-side cart, its prices and coupon, computed here and never taken
 * from the client. */
#ifndef MANGU_SERVICE_CART_H
#define MANGU_SERVICE_CART_H

#include <jansson.h>
#include <stdbool.h>

#include "app/ctx.h"
#include "store/cart.h"
#include "store/coupons.h"

#define CART_MAX_ITEMS 100

/* A priced cart; everything in the request arena. */
struct cart {
    struct cart_line *lines;
    int n;
    int n_available;            /* lines for sale: published and not owned */
    struct coupon *coupon;      /* NULL when none is applied */
    const char *coupon_problem; /* why the applied coupon gives nothing now, or NULL */
    const char *currency;       /* of the lines for sale; NULL when there are none */
    long long subtotal_cents, discount_cents, total_cents;
};

/* A line counts (is priced and bought) when its book is published and not owned. */
bool cart_line_available(const struct cart_line *l);

/* Each works on cx->user_id's cart and answers the cart as it is afterwards. */
int cart_get(struct ctx *cx, struct cart *out);
/* ERR_NOT_FOUND (no such published book), ERR_CONFLICT (owned, other currency, cart full). */
int cart_add(struct ctx *cx, long long book_id, struct cart *out);
int cart_remove(struct ctx *cx, long long book_id, struct cart *out);
/*
 * Adds the ids of "book_ids" (a JSON array, at most CART_MAX_ITEMS) as a signed-out visitor's
 * cart merges at sign-in; books that cannot be added are left out and listed in "skipped"
 * ([{book_id, reason}], caller owns).
 */
int cart_merge(struct ctx *cx, json_t *book_ids, struct cart *out, json_t **skipped);
/* ERR_NOT_FOUND (no such code), ERR_CONFLICT (expired, used up, not for these books). */
int cart_apply_coupon(struct ctx *cx, const char *code, struct cart *out);
int cart_remove_coupon(struct ctx *cx, struct cart *out);
/* cart_get() inside the caller's transaction (checkout). */
int cart_load(struct ctx *cx, long long user_id, const char *now, struct cart *out);

/* Pure rules, unit-tested. */

/* Why "c" cannot be used at "now" for "currency" (may be NULL), or NULL when it can. */
const char *coupon_problem(const struct coupon *c, const char *now, const char *currency);
/*
 * Fills the totals and each line's discount_cents from the lines for sale and "c->coupon"
 * (whose validity the caller has checked): percent coupons take that share of each eligible
 * line, rounded half up; fixed ones spread min(amount, eligible subtotal) over the eligible
 * lines in proportion to their prices, the cents left over going to the first lines. Sets
 * coupon_problem when no line is eligible.
 */
void cart_price(struct cart *c);

#endif
