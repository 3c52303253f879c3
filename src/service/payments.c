/* payments.c: choosing the provider, starting a payment, Stripe refunds, the test checkout. */
#include "service/payments.h"
#include "core/config.h"
#include "core/log.h"
#include "core/secret.h"
#include "core/timefmt.h"
#include "pay/stripe.h"
#include "service/orders.h"
#include "store/payments.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

const char *payments_provider(const struct app *app)
{
    if (app->cfg->stripe_secret_key)
        return "stripe";
    return payments_dev_allowed(app) ? "dev" : NULL;
}

bool payments_dev_allowed(const struct app *app)
{
    return app->cfg->env != ENV_PRODUCTION;
}

const char *payments_success_url(struct ctx *cx, long long order_id)
{
    return arena_printf(cx->arena, "%s/checkout/success?order=%lld", cx->app->cfg->public_url,
                        order_id);
}

const char *payments_cancel_url(struct ctx *cx, long long order_id)
{
    return arena_printf(cx->arena, "%s/checkout/cancel?order=%lld", cx->app->cfg->public_url,
                        order_id);
}

void payments_dev_token(const struct app *app, long long order_id, char out[PAYMENTS_DEV_TOKEN_LEN])
{
    crypto_auth_hmacsha256_state st;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    char msg[48];
    int n = snprintf(msg, sizeof(msg), "dev-checkout:%lld", order_id);
    const char *key = app->cfg->jwt_secret ? app->cfg->jwt_secret : "";

    crypto_auth_hmacsha256_init(&st, (const unsigned char *)key, strlen(key));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, (unsigned long long)n);
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2hex(out, PAYMENTS_DEV_TOKEN_LEN, mac, 16);
}

/* A Stripe Checkout Session for "o": one line per book at the price after its discount. */
static int start_stripe(struct ctx *cx, const struct order *o, const char **url)
{
    struct stripe_line *lines = arena_zalloc(cx->arena, sizeof(*lines) * (size_t)(o->n_items + 1));
    struct stripe_session s;

    for (int i = 0; i < o->n_items; i++) {
        lines[i].name = o->items[i].title;
        lines[i].unit_amount = o->items[i].unit_price_cents - o->items[i].discount_cents;
    }
    struct stripe_session_in in = {
        .order_id = o->id,
        .order_number = o->number,
        .currency = o->currency,
        .email = o->email,
        .lines = lines,
        .n_lines = o->n_items,
        .success_url = arena_printf(cx->arena, "%s&session_id={CHECKOUT_SESSION_ID}",
                                    payments_success_url(cx, o->id)),
        .cancel_url = payments_cancel_url(cx, o->id)};
    int rc = stripe_session_create(cx, &in, &s);
    if (rc != 0)
        return rc;
    *url = s.url;
    return store_orders_set_session(cx, o->id, s.id, s.url, time_from_now(cx->arena, 0));
}

/* Stripe refused to make a session: the order cannot be paid; it fails, freeing its coupon. */
static void fail_order(struct ctx *cx, const struct order *o)
{
    int code = cx->err_code;
    const char *msg = cx->err_msg;
    bool done;

    if (cx_begin(cx) == 0 && orders_close(cx, o, "failed", &done) == 0)
        cx_commit(cx);
    else
        cx_rollback(cx);
    cx->err_code = code;
    cx->err_msg = msg;
}

int payments_start(struct ctx *cx, struct order *o, const char **url)
{
    char token[PAYMENTS_DEV_TOKEN_LEN];
    int rc;

    if (o->checkout_url) {
        *url = o->checkout_url;
        return 0;
    }
    if (o->provider && strcmp(o->provider, "stripe") == 0) {
        if (!cx->app->cfg->stripe_secret_key)
            return cx_fail(cx, ERR_UNAVAILABLE, "stripe is not configured on this server");
        rc = start_stripe(cx, o, url);
        if (rc == ERR_INTERNAL)
            fail_order(cx, o);
    } else {
        payments_dev_token(cx->app, o->id, token);
        *url = arena_printf(cx->arena, "%s/checkout/test/%lld?token=%s", cx->app->cfg->public_url,
                            o->id, token);
        rc = store_orders_set_session(cx, o->id, NULL, *url, time_from_now(cx->arena, 0));
    }
    if (rc == 0)
        o->checkout_url = *url;
    return rc;
}

int payments_stripe_refund(struct ctx *cx, const struct order *o, const char **refund_id,
                           const char **status)
{
    if (!cx->app->cfg->stripe_secret_key)
        return cx_fail(cx, ERR_UNAVAILABLE, "stripe is not configured on this server");
    return stripe_refund_create(cx, o->payment_intent_id, o->id, refund_id, status);
}

/* Logs what became of a superseded order's session. */
static void log_expiry(struct ctx *cx, long long order_id, const char *session, const char *what)
{
    log_json(LOG_INFO, "superseded checkout session",
             json_pack("{s:s, s:I, s:s, s:s}", "request_id", cx->request_id, "order_id",
                       (json_int_t)order_id, "session", session, "outcome", what));
}

int payments_stripe_expire(struct ctx *cx, long long order_id, const char *session_id)
{
    json_t *s = NULL;
    long long paid_order = 0;
    bool fulfilled = false;
    int rc;

    if (!cx->app->cfg->stripe_secret_key)
        return 0;
    rc = stripe_session_expire(cx, session_id, &s);
    if (rc == 0) {
        log_expiry(cx, order_id, session_id, "expired");
        return 0;
    }
    if (rc != ERR_INTERNAL) /* unreachable: it expires by itself; a payment comes by webhook */
        return rc;
    if ((rc = stripe_session_get(cx, session_id, &s)) != 0)
        return rc;
    const char *status = json_string_value(json_object_get(s, "status"));
    if (!status || strcmp(status, "complete") != 0) {
        log_expiry(cx, order_id, session_id, status ? status : "unknown");
        return 0;
    }
    rc = webhooks_stripe_session_completed(cx, s, &paid_order, &fulfilled);
    if (rc == 0)
        log_expiry(cx, order_id, session_id, fulfilled ? "completed: fulfilled" : "completed");
    return rc;
}

/* The test-checkout order "id" if the caller may act on it: token, owner or admin. */
static int dev_order(struct ctx *cx, long long id, const char *token, struct order *out)
{
    char want[PAYMENTS_DEV_TOKEN_LEN];
    int rc = payments_dev_allowed(cx->app) ? orders_get(cx, id, out) : ERR_NOT_FOUND;

    if (rc != 0)
        return rc == ERR_NOT_FOUND ? cx_fail(cx, rc, "no such order") : rc;
    payments_dev_token(cx->app, id, want);
    bool allowed = (token && secret_equal(token, want)) ||
                   (cx->user_id && cx->user_id == out->user_id) ||
                   (cx->role && strcmp(cx->role, "admin") == 0);
    if (!allowed)
        return cx_fail(cx, ERR_NOT_FOUND, "no such order");
    if (!out->provider || strcmp(out->provider, "dev") != 0)
        return cx_fail(cx, ERR_CONFLICT, "this order is not paid in the test checkout");
    return 0;
}

int payments_dev_order(struct ctx *cx, long long order_id, const char *token, struct order *out)
{
    return dev_order(cx, order_id, token, out);
}

/*
 * Applies a test-checkout button as a provider event ("pay-<id>" or "cancel-<id>") in one
 * transaction with its record, exactly as a webhook would.
 */
static int dev_event(struct ctx *cx, long long id, const char *token, bool pay, struct order *out)
{
    const char *now = time_from_now(cx->arena, 0);
    char ev_name[40];
    long long ev = 0;
    bool done = false;
    int rc = dev_order(cx, id, token, out);

    snprintf(ev_name, sizeof(ev_name), "%s-%lld", pay ? "pay" : "cancel", id);
    if (rc == 0)
        rc = cx_begin(cx);
    if (rc != 0)
        return rc;
    rc = store_payment_events_insert(cx, "dev", ev_name, pay ? "dev.pay" : "dev.cancel", NULL, now,
                                     &ev);
    if (rc == 0 && ev && (rc = store_orders_find(cx, id, out)) == 0 &&
        strcmp(out->status, "pending") != 0)
        rc = cx_fail(cx, ERR_CONFLICT, "this order is %s", out->status);
    if (rc == 0 && ev)
        rc = pay ? orders_fulfil(cx, out, arena_printf(cx->arena, "dev_%lld", id), &done)
                 : orders_close(cx, out, "cancelled", &done);
    if (rc == 0 && ev)
        rc = store_payment_events_done(cx, ev, id, now);
    if (rc != 0 || !ev) {
        cx_rollback(cx);
        return rc ? rc : store_orders_find(cx, id, out);
    }
    return (rc = cx_commit(cx)) ? rc : store_orders_find(cx, id, out);
}

int payments_dev_pay(struct ctx *cx, long long order_id, const char *token, struct order *out)
{
    return dev_event(cx, order_id, token, true, out);
}

int payments_dev_cancel(struct ctx *cx, long long order_id, const char *token, struct order *out)
{
    return dev_event(cx, order_id, token, false, out);
}
