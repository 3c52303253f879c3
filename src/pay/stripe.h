/* stripe.h: the few Stripe REST calls the shop makes (Checkout Sessions, refunds), on libcurl. */
#ifndef MANGU_PAY_STRIPE_H
#define MANGU_PAY_STRIPE_H

#include <jansson.h>

#include "app/ctx.h"

/* One line of a Checkout Session: quantity 1, price in the currency's minor unit. */
struct stripe_line {
    const char *name;
    long long unit_amount;
};

/* What a Checkout Session is made from; everything borrowed for the call. */
struct stripe_session_in {
    long long order_id;
    const char *order_number;
    const char *currency; /* ISO upper-case; sent lower-case */
    const char *email;    /* may be NULL */
    const struct stripe_line *lines;
    int n_lines;
    const char *success_url, *cancel_url;
};

/* Strings in cx->arena. */
struct stripe_session {
    const char *id;
    const char *url;
};

/*
 * The calls below use STRIPE_API_BASE and STRIPE_SECRET_KEY from cx's config, send an
 * Idempotency-Key, and return 0, ERR_UNAVAILABLE recorded in "cx" (network failure, timeout,
 * 429 or 5xx: worth retrying) or ERR_INTERNAL (Stripe refused the request; its message is
 * logged, never the key).
 */

/* POST /v1/checkout/sessions, mode=payment, Idempotency-Key "order-<id>". */
int stripe_session_create(struct ctx *cx, const struct stripe_session_in *in,
                          struct stripe_session *out);
/*
 * POST /v1/refunds for the whole "payment_intent", Idempotency-Key "refund-<order_id>".
 * "refund_id" and "status" (pending, succeeded, ...) live in cx->arena.
 */
int stripe_refund_create(struct ctx *cx, const char *payment_intent, long long order_id,
                         const char **refund_id, const char **status);
/*
 * POST /v1/checkout/sessions/{id}/expire, so an open session can no longer be paid. Stripe
 * refuses (ERR_INTERNAL) a session that is not open, such as one already completed; ask
 * stripe_session_get() what it is then. "session" is Stripe's object, owned by cx->arena.
 */
int stripe_session_expire(struct ctx *cx, const char *session_id, json_t **session);
/* GET /v1/checkout/sessions/{id}; "session" owned by cx->arena. */
int stripe_session_get(struct ctx *cx, const char *session_id, json_t **session);
/*
 * GET /v1/checkout/sessions?status=complete&created[gte]=<since>&limit=100, continuing after
 * the session id "starting_after" (NULL for the first page). "page" is Stripe's list object,
 * owned by cx->arena.
 */
int stripe_sessions_list(struct ctx *cx, long long since, const char *starting_after,
                         json_t **page);

#endif
