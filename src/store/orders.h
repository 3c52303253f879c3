/* orders.h (store): the SQL of orders, their lines, the library grants and sales counters. */
#ifndef MANGU_STORE_ORDERS_H
#define MANGU_STORE_ORDERS_H

#include <stdbool.h>

#include "app/ctx.h"

/* An order line: title and price as they were at checkout; slug and cover from the book now. */
struct order_item {
    long long book_id;
    const char *title, *currency, *slug, *cover_key;
    long long unit_price_cents, discount_cents;
};

/* An order row and its lines; strings in the request arena, NULL for SQL NULL. */
struct order {
    long long id;
    const char *number;
    long long user_id; /* 0 once the account is deleted */
    const char *email;
    const char *status; /* pending paid refunded cancelled expired failed */
    const char *currency;
    long long subtotal_cents, discount_cents, total_cents;
    long long refunded_cents; /* the largest refund that succeeded (cumulative), 0 when none */
    long long coupon_id;      /* 0 when none */
    const char *coupon_code;
    const char *provider; /* "dev", "stripe" or NULL (nothing to pay) */
    const char *provider_session_id, *payment_intent_id, *checkout_url;
    const char *created_at, *updated_at, *paid_at, *refunded_at, *closed_at;
    struct order_item *items;
    int n_items;
};

/* What lists filter on; 0 / NULL mean any. */
struct order_filter {
    long long user_id;
    const char *status;
    const char *q; /* lower-case LIKE pattern on the number or e-mail */
    long long limit, offset;
};

/* Each returns 0 or an enum err recorded in "cx"; ERR_NOT_FOUND where said. */

/* Inserts the order row of "o" (items apart); "id" is 0 when the number is taken. */
int store_orders_insert(struct ctx *cx, const struct order *o, long long *id);
int store_orders_insert_item(struct ctx *cx, long long order_id, const struct order_item *it);
/* With its items; ERR_NOT_FOUND. */
int store_orders_find(struct ctx *cx, long long id, struct order *out);
/* The Stripe order with this Checkout Session or payment intent id; ERR_NOT_FOUND. */
int store_orders_find_by_session(struct ctx *cx, const char *session_id, struct order *out);
int store_orders_find_by_intent(struct ctx *cx, const char *payment_intent, struct order *out);
/* The user's newest pending order created after "since"; ERR_NOT_FOUND. */
int store_orders_latest_pending(struct ctx *cx, long long user_id, const char *since,
                                struct order *out);
/* A page of orders with their items, newest first. */
int store_orders_list(struct ctx *cx, const struct order_filter *f, struct order **items, int *n,
                      long long *total);

int store_orders_set_session(struct ctx *cx, long long id, const char *session_id, const char *url,
                             const char *now);
/* Fills the session and payment intent ids when they are still NULL. */
int store_orders_set_refs(struct ctx *cx, long long id, const char *session_id,
                          const char *payment_intent, const char *now);
/*
 * The guard of fulfilment: status becomes paid only from pending (or from cancelled, expired or
 * failed: money that arrived is honoured). "changed" false: already paid or refunded.
 */
int store_orders_mark_paid(struct ctx *cx, long long id, const char *payment_intent,
                           const char *now, bool *changed);
/* pending -> "status" (cancelled, expired, failed); "changed" false when it was not pending. */
int store_orders_close(struct ctx *cx, long long id, const char *status, const char *now,
                       bool *changed);
/*
 * Cancels the user's other pending orders; one row each comes back in "cancelled": coupon_id
 * (may be NULL), id, provider, provider_session_id (may be NULL).
 */
int store_orders_supersede(struct ctx *cx, long long user_id, long long keep_id, const char *now,
                           struct db_result **cancelled);
/*
 * -> refunded. "was_paid" true: only from paid (access was granted); false: from any unpaid
 * state (a refund that overtook the payment). "changed" false when the guard did not match.
 */
int store_orders_mark_refunded(struct ctx *cx, long long id, bool was_paid, const char *now,
                               bool *changed);

/* Library entries for each line (source purchase, or free for a 0 price); revoked ones revive. */
int store_library_grant(struct ctx *cx, long long order_id, const char *now);
/* Revokes the entries this order granted. */
int store_library_revoke(struct ctx *cx, long long order_id, const char *now);
/* Sales counters of each line: books.purchases_count and book_daily_stats of "day". */
int store_sales_count(struct ctx *cx, long long order_id, const char *day);
int store_sales_refund(struct ctx *cx, long long order_id, const char *day);

#endif
