/* orders.h: checkout from the server's cart, fulfilment exactly once, closing and refunds. */
#ifndef MANGU_SERVICE_ORDERS_H
#define MANGU_SERVICE_ORDERS_H

#include <stdbool.h>

#include "app/ctx.h"
#include "store/orders.h"

/* Pending orders younger than this are reused by a checkout of the same cart. */
#define ORDERS_REUSE_S (23LL * 3600)

struct checkout_out {
    struct order order;
    const char *checkout_url; /* where to pay, or the success page when nothing is owed */
    bool created;             /* false: the pending order of the same cart was reused */
};

/*
 * Turns cx->user_id's cart into an order: prices copied from the books now, the coupon checked
 * and redeemed (guarded), the user's other pending orders cancelled. A cart identical to the
 * newest pending order's reuses it, so a double click (or two tabs) makes one order. A total
 * of 0 is fulfilled at once, without a payment. Then asks the payment provider where to pay
 * (outside the transaction). ERR_CONFLICT (empty cart, a book no longer for sale, a coupon
 * problem), ERR_UNAVAILABLE (database or provider down: retrying is safe).
 */
int orders_checkout(struct ctx *cx, struct checkout_out *out);

/* The caller's own order; another user's is ERR_NOT_FOUND. */
int orders_get_mine(struct ctx *cx, long long id, struct order *out);
int orders_get(struct ctx *cx, long long id, struct order *out);

/*
 * Inside the caller's transaction. orders_fulfil() marks "o" paid with a conditional UPDATE
 * (pending, or cancelled/expired/failed: money that arrived is honoured) and only when that
 * matched a row grants the library entries, counts the sales, records the charge (reference
 * "payment_ref", the payment intent on Stripe), empties those books from the cart and queues
 * the receipt. "done" false means it had been done before: nothing was written.
 */
int orders_fulfil(struct ctx *cx, const struct order *o, const char *payment_ref, bool *done);
/* pending -> "status" (cancelled, expired, failed), giving the coupon redemption back. */
int orders_close(struct ctx *cx, const struct order *o, const char *status, bool *done);
/*
 * A refund is confirmed: paid -> refunded with the library access revoked and the sales
 * counted back, or, for a refund that overtook the payment, unpaid -> refunded with nothing
 * granted. "refund_ref" (or NULL) names the provider's refund.
 */
int orders_refund_confirmed(struct ctx *cx, const struct order *o, const char *refund_ref,
                            bool *done);

/*
 * An admin refunds order "id": in the test checkout (and for free orders) at once; on Stripe
 * through its refund API, confirmed later by the charge.refunded webhook ("pending" true).
 * Writes an audit row. ERR_NOT_FOUND, ERR_CONFLICT (not paid).
 */
int orders_refund(struct ctx *cx, long long id, struct order *out, bool *pending);

#endif
