/* orders.c: checkout (server prices only), fulfilment guarded to happen once, closing, refunds. */
#include "service/orders.h"
#include "core/log.h"
#include "core/timefmt.h"
#include "service/cart.h"
#include "service/mail.h"
#include "service/payments.h"
#include "store/accounts.h"
#include "store/cart.h"
#include "store/coupons.h"
#include "store/payments.h"

#include <sodium.h>
#include <string.h>

/* "MNG-2026-7K3QX9PD": the year and 8 random Crockford base32 characters. */
static const char *new_number(struct ctx *cx, const char *now)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    char tail[9];

    for (int i = 0; i < 8; i++)
        tail[i] = alphabet[randombytes_uniform(32)];
    tail[8] = '\0';
    return arena_printf(cx->arena, "MNG-%.4s-%s", now, tail);
}

static bool is_status(const struct order *o, const char *status)
{
    return strcmp(o->status, status) == 0;
}

/* Refuses a cart that cannot become an order, naming the reason. */
static int check_cart(struct ctx *cx, const struct cart *c)
{
    if (c->n == 0)
        return cx_fail(cx, ERR_CONFLICT, "your cart is empty");
    for (int i = 0; i < c->n; i++) {
        const struct cart_line *l = &c->lines[i];
        if (!cart_line_available(l))
            return cx_fail_details(
                cx, ERR_CONFLICT, json_pack("{s:I}", "book_id", (json_int_t)l->book.id),
                l->owned ? "you already own '%s'; remove it from your cart"
                         : "'%s' is no longer for sale; remove it from your cart",
                l->book.title);
    }
    if (c->coupon && c->coupon_problem)
        return cx_fail(cx, ERR_CONFLICT, "%s; remove the coupon to check out", c->coupon_problem);
    if (c->total_cents > 0 && !payments_provider(cx->app))
        return cx_fail(cx, ERR_UNAVAILABLE, "payments are not configured on this server");
    return 0;
}

/* True when pending order "o" was made from exactly this cart (same books, prices, coupon). */
static bool same_cart(const struct order *o, const struct cart *c, const char *provider)
{
    long long coupon_id = c->coupon ? c->coupon->id : 0;

    if (o->n_items != c->n || o->coupon_id != coupon_id || o->total_cents != c->total_cents ||
        !o->provider || !provider || strcmp(o->provider, provider) != 0)
        return false;
    for (int i = 0; i < c->n; i++) {
        const struct cart_line *l = &c->lines[i];
        bool found = false;
        for (int k = 0; k < o->n_items && !found; k++)
            found = o->items[k].book_id == l->book.id &&
                    o->items[k].unit_price_cents == l->book.price_cents &&
                    o->items[k].discount_cents == l->discount_cents;
        if (!found)
            return false;
    }
    return true;
}

/* Inserts the order row under a fresh number (a taken number is drawn again). */
static int insert_order(struct ctx *cx, const struct cart *c, const char *now, long long *id)
{
    struct user u;
    int rc = store_users_find(cx, cx->user_id, &u);
    struct order o = {
        .user_id = cx->user_id,
        .email = rc == 0 ? u.email : NULL,
        .currency = c->currency,
        .subtotal_cents = c->subtotal_cents,
        .discount_cents = c->discount_cents,
        .total_cents = c->total_cents,
        .coupon_id = c->coupon && c->discount_cents > 0 ? c->coupon->id : 0,
        .coupon_code = c->coupon && c->discount_cents > 0 ? c->coupon->code : NULL,
        .provider = c->total_cents > 0 ? payments_provider(cx->app) : NULL,
        .created_at = now,
    };

    *id = 0;
    for (int tries = 0; rc == 0 && *id == 0 && tries < 5; tries++) {
        o.number = new_number(cx, now);
        rc = store_orders_insert(cx, &o, id);
    }
    if (rc == 0 && *id == 0)
        rc = cx_fail(cx, ERR_INTERNAL, "no free order number after 5 tries");
    return rc;
}

/* Lines, coupon redemption, and the user's older pending orders cancelled (into "old"). */
static int fill_order(struct ctx *cx, const struct cart *c, long long id, const char *now,
                      struct db_result **old_out)
{
    struct db_result *old;
    int rc = 0;

    for (int i = 0; rc == 0 && i < c->n; i++) {
        const struct cart_line *l = &c->lines[i];
        struct order_item it = {.book_id = l->book.id,
                                .title = l->book.title,
                                .currency = l->book.currency,
                                .unit_price_cents = l->book.price_cents,
                                .discount_cents = l->discount_cents};
        rc = store_orders_insert_item(cx, id, &it);
    }
    if (rc == 0 && c->coupon && c->discount_cents > 0) {
        rc = store_coupons_redeem(cx, c->coupon->id, now);
        if (rc == ERR_CONFLICT)
            rc = cx_fail(cx, rc, "this coupon has been used up; remove it to check out");
    }
    if (rc == 0)
        rc = store_orders_supersede(cx, cx->user_id, id, now, &old);
    for (int i = 0; rc == 0 && i < old->nrows; i++)
        if (db_get(old, i, 0))
            rc = store_coupons_release(cx, db_get_int(old, i, 0), now);
    if (rc == 0)
        *old_out = old;
    return rc;
}

/* Inside the checkout transaction: the reused or new order in "out". */
static int make_order(struct ctx *cx, const struct cart *c, const char *now,
                      struct checkout_out *out, struct db_result **superseded)
{
    long long id = 0;
    bool done;
    int rc = store_orders_latest_pending(cx, cx->user_id, time_from_now(cx->arena, -ORDERS_REUSE_S),
                                         &out->order);

    if (rc == 0 && c->total_cents > 0 && same_cart(&out->order, c, payments_provider(cx->app)))
        return 0;
    if (rc != 0 && rc != ERR_NOT_FOUND)
        return rc;
    out->created = true;
    if ((rc = insert_order(cx, c, now, &id)) == 0)
        rc = fill_order(cx, c, id, now, superseded);
    if (rc == 0)
        rc = store_orders_find(cx, id, &out->order);
    if (rc == 0 && c->total_cents == 0)
        rc = orders_fulfil(cx, &out->order, NULL, &done);
    if (rc == 0 && c->total_cents == 0)
        rc = store_orders_find(cx, id, &out->order);
    return rc;
}

/*
 * After the checkout's commit: the Stripe Checkout Sessions of the orders it cancelled are
 * expired, so an old link cannot take money for a cancelled order (a session Stripe reports
 * complete is fulfilled instead). Best effort: the new checkout stands whatever Stripe says; an
 * old session left open expires by itself, and a payment on it still arrives by webhook.
 */
static void expire_superseded(struct ctx *cx, const struct db_result *old)
{
    int code = cx->err_code;
    const char *msg = cx->err_msg;

    for (int i = 0; old && i < old->nrows; i++) {
        const char *provider = db_get(old, i, 2), *session = db_get(old, i, 3);
        if (provider && strcmp(provider, "stripe") == 0 && session)
            payments_stripe_expire(cx, db_get_int(old, i, 1), session);
    }
    cx->err_code = code;
    cx->err_msg = msg;
}

int orders_checkout(struct ctx *cx, struct checkout_out *out)
{
    const char *now = time_from_now(cx->arena, 0);
    struct db_result *superseded = NULL;
    struct cart c;
    int rc = cx_begin(cx);

    memset(out, 0, sizeof(*out));
    if (rc != 0)
        return rc;
    if ((rc = store_cart_lock(cx, cx->user_id, now)) == 0 &&
        (rc = cart_load(cx, cx->user_id, now, &c)) == 0 && (rc = check_cart(cx, &c)) == 0)
        rc = make_order(cx, &c, now, out, &superseded);
    if (rc != 0) {
        cx_rollback(cx);
        return rc;
    }
    if ((rc = cx_commit(cx)) != 0)
        return rc;
    expire_superseded(cx, superseded);
    if (out->created)
        log_json(LOG_INFO, "order created",
                 json_pack("{s:s, s:I, s:s, s:I, s:s}", "request_id", cx->request_id, "order_id",
                           (json_int_t)out->order.id, "number", out->order.number, "total_cents",
                           (json_int_t)out->order.total_cents, "currency", out->order.currency));
    if (!is_status(&out->order, "pending")) {
        out->checkout_url = payments_success_url(cx, out->order.id);
        return 0;
    }
    return payments_start(cx, &out->order, &out->checkout_url);
}

int orders_get(struct ctx *cx, long long id, struct order *out)
{
    int rc = id > 0 ? store_orders_find(cx, id, out) : ERR_NOT_FOUND;

    return rc == ERR_NOT_FOUND ? cx_fail(cx, rc, "no such order") : rc;
}

int orders_get_mine(struct ctx *cx, long long id, struct order *out)
{
    int rc = orders_get(cx, id, out);

    if (rc == 0 && out->user_id != cx->user_id)
        return cx_fail(cx, ERR_NOT_FOUND, "no such order");
    return rc;
}

/* "12.99 USD": minor units shown with two decimals. */
static const char *money(struct ctx *cx, long long cents, const char *currency)
{
    return arena_printf(cx->arena, "%lld.%02lld %s", cents / 100, cents % 100, currency);
}

/* Queues the receipt of paid order "o" in the caller's transaction. */
static int send_receipt(struct ctx *cx, const struct order *o)
{
    const char *base = cx->app->cfg->public_url;
    struct buf b = BUF_INIT;

    if (!o->email)
        return 0;
    buf_printf(&b, "Hello,\n\nthank you for your order %s at MANGU Publishing.\n\n", o->number);
    for (int i = 0; i < o->n_items; i++) {
        const struct order_item *it = &o->items[i];
        buf_printf(&b, "  %s: %s\n", it->title,
                   money(cx, it->unit_price_cents - it->discount_cents, it->currency));
    }
    buf_printf(&b, "\nSubtotal: %s\n", money(cx, o->subtotal_cents, o->currency));
    if (o->discount_cents)
        buf_printf(&b, "Discount (%s): -%s\n", o->coupon_code ? o->coupon_code : "coupon",
                   money(cx, o->discount_cents, o->currency));
    buf_printf(&b,
               "Total paid: %s\n\nYour books are in your library: %s/library\n"
               "This receipt online: %s/orders/%lld\n\nMANGU Publishing\n",
               money(cx, o->total_cents, o->currency), base, base, o->id);
    struct mail m = {.kind = "receipt",
                     .to = o->email,
                     .subject = arena_printf(cx->arena, "Your receipt for order %s", o->number),
                     .text = arena_strdup(cx->arena, b.p),
                     .user_id = o->user_id};
    buf_release(&b);
    return mail_queue(cx, &m, NULL);
}

int orders_fulfil(struct ctx *cx, const struct order *o, const char *payment_ref, bool *done)
{
    const char *now = time_from_now(cx->arena, 0);
    bool stripe = o->provider && strcmp(o->provider, "stripe") == 0;
    int rc = store_orders_mark_paid(cx, o->id, stripe ? payment_ref : NULL, now, done);

    if (rc != 0 || !*done)
        return rc;
    if (o->provider)
        rc = store_payments_record(cx, o->id, o->provider, "charge", payment_ref, o->total_cents,
                                   o->currency, "succeeded", now);
    if (rc == 0)
        rc = store_library_grant(cx, o->id, now);
    if (rc == 0)
        rc = store_sales_count(cx, o->id, arena_strndup(cx->arena, now, 10));
    if (rc == 0 && o->user_id)
        rc = store_cart_remove_ordered(cx, o->user_id, o->id);
    if (rc == 0)
        rc = send_receipt(cx, o);
    if (rc == 0)
        log_json(LOG_INFO, "order paid",
                 json_pack("{s:s, s:I, s:s, s:s?, s:s?}", "request_id", cx->request_id, "order_id",
                           (json_int_t)o->id, "number", o->number, "provider", o->provider,
                           "payment_ref", payment_ref));
    return rc;
}

int orders_close(struct ctx *cx, const struct order *o, const char *status, bool *done)
{
    const char *now = time_from_now(cx->arena, 0);
    int rc = store_orders_close(cx, o->id, status, now, done);

    if (rc == 0 && *done && o->coupon_id)
        rc = store_coupons_release(cx, o->coupon_id, now);
    if (rc == 0 && *done)
        log_json(LOG_INFO, "order closed",
                 json_pack("{s:s, s:I, s:s}", "request_id", cx->request_id, "order_id",
                           (json_int_t)o->id, "status", status));
    return rc;
}

/* Records the refund's money movement: settles a pending refund row, or writes one. */
static int record_refund(struct ctx *cx, const struct order *o, const char *ref, const char *now)
{
    long long settled = 0;
    int rc = store_payments_settle_refunds(cx, o->id, now, &settled);

    if (rc == 0 && settled == 0 && o->provider)
        rc = store_payments_record(cx, o->id, o->provider, "refund", ref, o->total_cents,
                                   o->currency, "succeeded", now);
    return rc;
}

int orders_refund_confirmed(struct ctx *cx, const struct order *o, const char *refund_ref,
                            bool *done)
{
    const char *now = time_from_now(cx->arena, 0);
    bool unpaid = false;
    int rc = store_orders_mark_refunded(cx, o->id, true, now, done);

    if (rc == 0 && *done) {
        rc = store_library_revoke(cx, o->id, now);
        if (rc == 0)
            rc = store_sales_refund(cx, o->id, arena_strndup(cx->arena, now, 10));
    } else if (rc == 0) {
        rc = store_orders_mark_refunded(cx, o->id, false, now, &unpaid);
        *done = unpaid;
        if (rc == 0 && unpaid && o->coupon_id && is_status(o, "pending"))
            rc = store_coupons_release(cx, o->coupon_id, now);
    }
    if (rc == 0 && *done)
        rc = record_refund(cx, o, refund_ref, now);
    if (rc == 0 && *done)
        log_json(LOG_INFO, "order refunded",
                 json_pack("{s:s, s:I, s:s, s:b}", "request_id", cx->request_id, "order_id",
                           (json_int_t)o->id, "number", o->number, "was_paid", !unpaid));
    return rc;
}

/* The admin's refund of a test-checkout or free order: confirmed at once. */
static int refund_now(struct ctx *cx, const struct order *o)
{
    bool done = false;
    int rc = cx_begin(cx);

    if (rc != 0)
        return rc;
    rc = orders_refund_confirmed(cx, o, arena_printf(cx->arena, "dev_refund_%lld", o->id), &done);
    if (rc == 0 && !done)
        rc = cx_fail(cx, ERR_CONFLICT, "this order changed meanwhile; reload it");
    if (rc == 0)
        rc = store_audit_insert(cx, "order.refund", "order", arena_printf(cx->arena, "%lld", o->id),
                                "{\"status\":\"paid\"}", "{\"status\":\"refunded\"}");
    if (rc == 0)
        return cx_commit(cx);
    cx_rollback(cx);
    return rc;
}

/* The admin's refund of a Stripe order: asked of Stripe, confirmed by its webhook. */
static int refund_stripe(struct ctx *cx, const struct order *o)
{
    const char *refund_id, *status, *now = time_from_now(cx->arena, 0);
    int rc;

    if (!o->payment_intent_id)
        return cx_fail(cx, ERR_CONFLICT, "stripe has not reported this order's payment yet");
    if ((rc = payments_stripe_refund(cx, o, &refund_id, &status)) != 0)
        return rc;
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    rc =
        store_payments_record(cx, o->id, "stripe", "refund", refund_id, o->total_cents, o->currency,
                              strcmp(status, "failed") == 0 ? "failed" : "pending", now);
    if (rc == 0)
        rc = store_audit_insert(cx, "order.refund", "order", arena_printf(cx->arena, "%lld", o->id),
                                "{\"status\":\"paid\"}",
                                arena_printf(cx->arena, "{\"stripe_refund\":\"%s\"}", refund_id));
    if (rc == 0)
        return cx_commit(cx);
    cx_rollback(cx);
    return rc;
}

int orders_refund(struct ctx *cx, long long id, struct order *out, bool *pending)
{
    int rc = orders_get(cx, id, out);

    *pending = false;
    if (rc != 0)
        return rc;
    if (is_status(out, "refunded"))
        return cx_fail(cx, ERR_CONFLICT, "this order is refunded already");
    if (!is_status(out, "paid"))
        return cx_fail(cx, ERR_CONFLICT, "only paid orders can be refunded (this one is %s)",
                       out->status);
    if (out->provider && strcmp(out->provider, "stripe") == 0) {
        *pending = true;
        rc = refund_stripe(cx, out);
    } else {
        rc = refund_now(cx, out);
    }
    return rc ? rc : store_orders_find(cx, id, out);
}
