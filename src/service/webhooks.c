/* webhooks.c: Stripe's events applied exactly once and in any order, and reconciliation. */
#include "core/config.h"
#include "core/log.h"
#include "core/timefmt.h"
#include "pay/signature.h"
#include "pay/stripe.h"
#include "service/orders.h"
#include "service/payments.h"
#include "store/payments.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define REFUNDED "charge.refunded"

/* One event being applied. */
struct event {
    long long row; /* payment_events id */
    const char *type;
    json_t *object;      /* data.object */
    const char *payload; /* the raw event, kept when it must wait */
    const char *now;
    struct webhook_result *out;
};

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static bool is(const char *a, const char *b)
{
    return a && strcmp(a, b) == 0;
}

/* The order a Stripe object names through metadata.order_id or client_reference_id. */
static int order_by_reference(struct ctx *cx, json_t *obj, struct order *o)
{
    const char *ref = str(json_object_get(obj, "metadata"), "order_id");
    char *end;

    if (!ref)
        ref = str(obj, "client_reference_id");
    long long id = ref ? strtoll(ref, &end, 10) : 0;
    if (!ref || *end || id <= 0)
        return ERR_NOT_FOUND;
    int rc = store_orders_find(cx, id, o);
    if (rc == 0 && !is(o->provider, "stripe"))
        return ERR_NOT_FOUND;
    return rc;
}

static int done(struct ctx *cx, struct event *ev, long long order_id)
{
    ev->out->order_id = order_id;
    return store_payment_events_done(cx, ev->row, order_id, ev->now);
}

/*
 * Part of the charge was refunded: the amount is recorded (shown as the order's refunded_cents)
 * and the order stays paid with its books; only a full refund revokes access.
 */
static int partial_refund(struct ctx *cx, json_t *ch, const struct order *o, const char *now)
{
    json_t *amount = json_object_get(ch, "amount_refunded");
    const char *charge = str(ch, "id");

    if (!charge || !json_is_integer(amount) || json_integer_value(amount) <= 0)
        return 0;
    log_json(LOG_INFO, "partial refund recorded; the order stays paid",
             json_pack("{s:s, s:I, s:I}", "request_id", cx->request_id, "order_id",
                       (json_int_t)o->id, "amount_refunded", json_integer_value(amount)));
    return store_payments_partial_refund(cx, o->id, arena_printf(cx->arena, "%s:refunded", charge),
                                         json_integer_value(amount), o->currency, now);
}

/* Refunds that came before this payment was confirmed: a full one ends the order refunded, a
 * partial one is recorded as partial_refund() records it. */
static int deferred_refund(struct ctx *cx, struct event *ev, const struct order *o,
                           const char *intent, bool *applied)
{
    struct deferred_event *d;
    int n, rc = intent ? store_payment_events_deferred(cx, REFUNDED, intent, &d, &n) : 0;
    bool changed;

    *applied = false;
    for (int i = 0; rc == 0 && intent && i < n; i++) {
        json_t *doc = d[i].payload ? json_loads(d[i].payload, 0, NULL) : NULL;
        json_t *charge = json_object_get(json_object_get(doc, "data"), "object");
        if (json_is_true(json_object_get(charge, "refunded"))) {
            rc = orders_refund_confirmed(cx, o, NULL, &changed);
            *applied = true;
        } else if (charge) {
            rc = partial_refund(cx, charge, o, ev->now);
        }
        json_decref(doc);
        if (rc == 0)
            rc = store_payment_events_done(cx, d[i].id, o->id, ev->now);
    }
    return rc;
}

/* The session's money arrived: check it against the order, then fulfil. */
static int session_paid(struct ctx *cx, struct event *ev, const struct order *o)
{
    json_t *s = ev->object;
    const char *intent = str(s, "payment_intent"), *cur = str(s, "currency");
    json_t *amount = json_object_get(s, "amount_total");
    bool refunded, fulfilled = false;

    if (!json_is_integer(amount) || json_integer_value(amount) != o->total_cents || !cur ||
        strcasecmp(cur, o->currency) != 0) {
        log_json(LOG_ERROR, "stripe session amount differs from the order; not fulfilled",
                 json_pack("{s:s, s:I, s:s?}", "request_id", cx->request_id, "order_id",
                           (json_int_t)o->id, "session", str(s, "id")));
        return 0;
    }
    int rc = deferred_refund(cx, ev, o, intent, &refunded);
    if (rc == 0 && !refunded)
        rc = orders_fulfil(cx, o, intent, &fulfilled);
    ev->out->fulfilled = fulfilled;
    return rc;
}

static int on_session(struct ctx *cx, struct event *ev)
{
    json_t *s = ev->object;
    const char *sid = str(s, "id"), *paid = str(s, "payment_status");
    struct order o;
    bool changed;
    int rc = sid ? store_orders_find_by_session(cx, sid, &o) : ERR_NOT_FOUND;

    if (rc == ERR_NOT_FOUND)
        rc = order_by_reference(cx, s, &o);
    if (rc == ERR_NOT_FOUND) {
        log_json(LOG_WARN, "stripe event for an unknown order; ignored",
                 json_pack("{s:s, s:s, s:s?}", "request_id", cx->request_id, "type", ev->type,
                           "session", sid));
        return done(cx, ev, 0);
    }
    if (rc == 0)
        rc = store_orders_set_refs(cx, o.id, sid, str(s, "payment_intent"), ev->now);
    if (rc != 0)
        return rc;
    if (is(ev->type, "checkout.session.completed") &&
        (is(paid, "paid") || is(paid, "no_payment_required")))
        rc = session_paid(cx, ev, &o);
    else if (is(ev->type, "checkout.session.async_payment_succeeded"))
        rc = session_paid(cx, ev, &o);
    else if (is(ev->type, "checkout.session.async_payment_failed"))
        rc = orders_close(cx, &o, "failed", &changed);
    else if (is(ev->type, "checkout.session.expired"))
        rc = orders_close(cx, &o, "expired", &changed);
    return rc ? rc : done(cx, ev, o.id);
}

static int on_refunded(struct ctx *cx, struct event *ev)
{
    json_t *ch = ev->object;
    const char *intent = str(ch, "payment_intent");
    struct order o;
    bool changed;
    int rc = intent ? store_orders_find_by_intent(cx, intent, &o) : ERR_NOT_FOUND;

    if (rc == ERR_NOT_FOUND)
        rc = order_by_reference(cx, ch, &o);
    if (rc == ERR_NOT_FOUND && intent) {
        ev->out->deferred = true; /* its payment is not known yet: kept for it */
        return store_payment_events_defer(cx, ev->row, ev->payload);
    }
    if (rc == ERR_NOT_FOUND)
        return done(cx, ev, 0);
    if (rc != 0)
        return rc;
    if (json_is_true(json_object_get(ch, "refunded")))
        rc = orders_refund_confirmed(cx, &o, NULL, &changed);
    else
        rc = partial_refund(cx, ch, &o, ev->now);
    return rc ? rc : done(cx, ev, o.id);
}

typedef int (*event_fn)(struct ctx *cx, struct event *ev);

static event_fn handler_for(const char *type)
{
    static const char *const session_types[] = {
        "checkout.session.completed", "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed", "checkout.session.expired"};

    for (size_t i = 0; i < sizeof(session_types) / sizeof(session_types[0]); i++)
        if (is(type, session_types[i]))
            return on_session;
    return is(type, REFUNDED) ? on_refunded : NULL;
}

/*
 * Applies event "event_id" in one transaction: the lock on its payment, the record of its id
 * (a duplicate stops here, writing nothing), its effects, and the commit.
 */
static int apply(struct ctx *cx, const char *event_id, struct event *ev, event_fn fn)
{
    const char *intent = str(ev->object, "payment_intent"), *oid = str(ev->object, "id");
    const char *ref = is(ev->type, REFUNDED) ? intent : oid;
    int rc = cx_begin(cx);

    if (rc != 0)
        return rc;
    rc = store_payments_lock(cx, intent ? intent : oid);
    if (rc == 0)
        rc = store_payment_events_insert(cx, "stripe", event_id, ev->type, ref, ev->now, &ev->row);
    if (rc == 0 && ev->row == 0) {
        ev->out->duplicate = true;
        cx_rollback(cx);
        return 0;
    }
    if (rc == 0)
        rc = fn(cx, ev);
    if (rc != 0) {
        cx_rollback(cx);
        return rc;
    }
    return cx_commit(cx);
}

int webhooks_stripe(struct ctx *cx, const char *signature, struct str body,
                    struct webhook_result *out)
{
    const char *secrets = cx->app->cfg->stripe_webhook_secret;
    struct event ev = {.now = time_from_now(cx->arena, 0), .out = out};

    memset(out, 0, sizeof(*out));
    if (!secrets)
        return cx_fail(cx, ERR_NOT_FOUND, "stripe payments are not configured on this server");
    enum stripe_sig_result sig = stripe_signature_check(
        signature, body.p, body.len, secrets, (long long)time(NULL), STRIPE_SIG_TOLERANCE);
    if (sig != STRIPE_SIG_OK) {
        log_json(LOG_WARN, "stripe webhook refused",
                 json_pack("{s:s, s:s}", "request_id", cx->request_id, "reason",
                           stripe_signature_reason(sig)));
        return cx_fail(cx, ERR_BAD_REQUEST, "%s", stripe_signature_reason(sig));
    }
    json_t *doc = json_loadb(body.p, body.len, 0, NULL);
    if (doc)
        arena_defer(cx->arena, (arena_cleanup_fn)json_decref, doc);
    const char *id = str(doc, "id");
    ev.type = str(doc, "type");
    ev.object = json_object_get(json_object_get(doc, "data"), "object");
    if (!id || !ev.type || !json_is_object(ev.object))
        return cx_fail(cx, ERR_BAD_REQUEST, "not a Stripe event");
    event_fn fn = handler_for(ev.type);
    if (!fn) {
        out->ignored = true;
        return 0;
    }
    bool seen = false;
    int rc = store_payment_events_seen(cx, "stripe", id, &seen);
    if (rc != 0 || seen) {
        out->duplicate = seen;
        return rc; /* a redelivery: answered without taking the write lock */
    }
    ev.payload = arena_strndup(cx->arena, body.p, body.len);
    return apply(cx, id, &ev, fn);
}

int webhooks_stripe_session_completed(struct ctx *cx, json_t *session, long long *order_id,
                                      bool *fulfilled)
{
    struct webhook_result r = {0};
    struct event ev = {.type = "checkout.session.completed",
                       .object = session,
                       .now = time_from_now(cx->arena, 0),
                       .out = &r};
    const char *sid = str(session, "id"), *paid = str(session, "payment_status");
    int rc = 0;

    *fulfilled = false;
    *order_id = 0;
    if (!sid || !(is(paid, "paid") || is(paid, "no_payment_required")))
        return 0;
    /* the id reconciliation uses too: whichever comes first applies it, the other is a duplicate */
    rc = apply(cx, arena_printf(cx->arena, "reconcile:%s", sid), &ev, on_session);
    *fulfilled = rc == 0 && r.fulfilled;
    *order_id = r.order_id;
    return rc;
}

/* Applies one listed session as if its checkout.session.completed had arrived. */
static int reconcile_one(struct ctx *cx, json_t *s, struct reconcile_report *out)
{
    long long order_id;
    bool fulfilled;
    int rc = webhooks_stripe_session_completed(cx, s, &order_id, &fulfilled);

    out->checked++;
    if (rc == 0 && fulfilled) {
        out->fulfilled++;
        log_json(LOG_WARN, "reconciliation fulfilled an order whose webhook never came",
                 json_pack("{s:I, s:s?}", "order_id", (json_int_t)order_id, "session",
                           str(s, "id")));
    }
    return rc;
}

int webhooks_reconcile(struct ctx *cx, long long since, struct reconcile_report *out)
{
    const char *after = NULL;
    json_t *page;
    int rc = 0;

    memset(out, 0, sizeof(*out));
    if (!cx->app->cfg->stripe_secret_key)
        return cx_fail(cx, ERR_INVALID, "STRIPE_SECRET_KEY is not set: nothing to reconcile");
    for (int pages = 0; rc == 0 && pages < 100; pages++) {
        if ((rc = stripe_sessions_list(cx, since, after, &page)) != 0)
            break;
        json_t *data = json_object_get(page, "data"), *s;
        size_t i;
        json_array_foreach(data, i, s)
        {
            if (rc == 0 && json_is_object(s))
                rc = reconcile_one(cx, s, out);
            after = str(s, "id");
        }
        if (!json_is_true(json_object_get(page, "has_more")) || json_array_size(data) == 0)
            break;
    }
    return rc;
}
