/* payments.h: the payment providers: Stripe Checkout, or the built-in test checkout ("dev"). */
#ifndef MANGU_SERVICE_PAYMENTS_H
#define MANGU_SERVICE_PAYMENTS_H

#include <stdbool.h>

#include "app/ctx.h"
#include "core/str.h"
#include "store/orders.h"

#define PAYMENTS_DEV_TOKEN_LEN 33 /* 128 bits of HMAC in hex plus the NUL */

/* "stripe" when STRIPE_SECRET_KEY is set, else "dev"; NULL when neither may take money
 * (the test checkout in production). */
const char *payments_provider(const struct app *app);
/* The test checkout exists everywhere but in production. */
bool payments_dev_allowed(const struct app *app);

/* <public>/checkout/success?order=<id> and /checkout/cancel?order=<id>, in the arena. */
const char *payments_success_url(struct ctx *cx, long long order_id);
const char *payments_cancel_url(struct ctx *cx, long long order_id);

/*
 * Where the buyer pays pending order "o": its stored URL when there is one, else a new Stripe
 * Checkout Session (idempotent per order, so a retry after a failure is safe) or the test
 * checkout page; the URL is stored on the order. ERR_UNAVAILABLE when Stripe cannot be
 * reached (the order stays pending); ERR_INTERNAL when Stripe refuses (the order fails).
 */
int payments_start(struct ctx *cx, struct order *o, const char **url);
/*
 * Expires the open Stripe Checkout Session "session_id" of cancelled order "order_id". When
 * Stripe refuses because the session was completed meanwhile, the payment is applied through
 * webhooks_stripe_session_completed() rather than lost. 0 or an enum err (logged).
 */
int payments_stripe_expire(struct ctx *cx, long long order_id, const char *session_id);
/* Asks Stripe to refund "o"'s payment intent in full. */
int payments_stripe_refund(struct ctx *cx, const struct order *o, const char **refund_id,
                           const char **status);

/* The capability in the test checkout's links: HMAC of the order id under the JWT key. */
void payments_dev_token(const struct app *app, long long order_id,
                        char out[PAYMENTS_DEV_TOKEN_LEN]);
/*
 * The test checkout's buttons, for the buyer (bearer), an admin, or whoever holds the page's
 * "token": pay runs the same fulfilment as a Stripe payment; cancel closes the order.
 * ERR_NOT_FOUND (no such order, not allowed, or production), ERR_CONFLICT (not pending, or not
 * a test-checkout order). A repeated pay or cancel answers the order as it is.
 */
int payments_dev_pay(struct ctx *cx, long long order_id, const char *token, struct order *out);
int payments_dev_cancel(struct ctx *cx, long long order_id, const char *token, struct order *out);
/* The order for the test checkout page; ERR_NOT_FOUND unless "token" fits and dev is allowed. */
int payments_dev_order(struct ctx *cx, long long order_id, const char *token, struct order *out);

/* What a webhook delivery did. */
struct webhook_result {
    bool duplicate; /* the event was processed before: nothing done */
    bool ignored;   /* an event type the shop does not use */
    bool deferred;  /* kept until the order it needs catches up */
    bool fulfilled; /* an order was paid by it */
    long long order_id;
};

/*
 * POST /api/payments/stripe/webhook: checks "signature" over the raw "body", then applies the
 * event in one transaction with its id recorded (a duplicate does nothing) and returns 0 only
 * after the commit. ERR_BAD_REQUEST (signature or payload; nothing written), ERR_NOT_FOUND
 * (Stripe not configured), ERR_UNAVAILABLE / ERR_INTERNAL (so Stripe retries).
 */
int webhooks_stripe(struct ctx *cx, const char *signature, struct str body,
                    struct webhook_result *out);

/*
 * Applies Stripe Checkout Session object "session" as its checkout.session.completed event
 * would be (a session not paid does nothing), in one transaction recorded under the event id
 * "reconcile:<session id>". "*fulfilled" says whether this call paid the order.
 */
int webhooks_stripe_session_completed(struct ctx *cx, json_t *session, long long *order_id,
                                      bool *fulfilled);

struct reconcile_report {
    int checked;   /* completed sessions Stripe listed */
    int fulfilled; /* orders paid by this run */
};

/* Fulfils the completed, paid Checkout Sessions created since "since" that are not yet. */
int webhooks_reconcile(struct ctx *cx, long long since, struct reconcile_report *out);

#endif
