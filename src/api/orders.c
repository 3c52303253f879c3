/* orders.c: /api/checkout, the buyer's orders, and the admins' orders with refunds. */
#include "api/commerce.h"
#include "api/paging.h"
#include "api/users.h"
#include "service/orders.h"

#include <string.h>

static json_t *item_to_json(struct ctx *cx, const struct order_item *it)
{
    return json_pack("{s:I, s:s, s:I, s:I, s:I, s:s, s:{s:I, s:s?, s:s, s:s}}", "book_id",
                     (json_int_t)it->book_id, "title", it->title, "unit_price_cents",
                     (json_int_t)it->unit_price_cents, "discount_cents",
                     (json_int_t)it->discount_cents, "price_cents",
                     (json_int_t)(it->unit_price_cents - it->discount_cents), "currency",
                     it->currency, "book", "id", (json_int_t)it->book_id, "slug", it->slug, "title",
                     it->title, "cover_url", commerce_cover_url(cx, it->slug, it->cover_key));
}

json_t *order_to_json(struct ctx *cx, const struct order *o, bool admin)
{
    json_t *items = json_array();
    bool pending = strcmp(o->status, "pending") == 0;

    for (int i = 0; i < o->n_items; i++)
        json_array_append_new(items, item_to_json(cx, &o->items[i]));
    json_t *j = json_pack(
        "{s:I, s:s, s:s, s:s, s:I, s:I, s:I, s:s?, s:s?, s:o, s:s?, s:s, s:s, s:s?, s:s?, s:s?}",
        "id", (json_int_t)o->id, "number", o->number, "status", o->status, "currency", o->currency,
        "subtotal_cents", (json_int_t)o->subtotal_cents, "discount_cents",
        (json_int_t)o->discount_cents, "total_cents", (json_int_t)o->total_cents, "coupon_code",
        o->coupon_code, "provider", o->provider, "items", items, "checkout_url",
        pending ? o->checkout_url : NULL, "created_at", o->created_at, "updated_at", o->updated_at,
        "paid_at", o->paid_at, "refunded_at", o->refunded_at, "closed_at", o->closed_at);

    json_object_set_new(j, "refunded_cents", json_integer(o->refunded_cents));

    if (admin) {
        json_object_set_new(j, "user_id", o->user_id ? json_integer(o->user_id) : json_null());
        json_object_set_new(j, "email", o->email ? json_string(o->email) : json_null());
        json_object_set_new(j, "provider_session_id",
                            o->provider_session_id ? json_string(o->provider_session_id)
                                                   : json_null());
        json_object_set_new(j, "payment_intent_id",
                            o->payment_intent_id ? json_string(o->payment_intent_id) : json_null());
    }
    return j;
}

int api_orders_checkout(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct checkout_out out;
    int rc = orders_checkout(cx, &out);

    if (rc == 0)
        http_respond_json_new(res, out.created ? 201 : 200,
                              json_pack("{s:o, s:s}", "order", order_to_json(cx, &out.order, false),
                                        "checkout_url", out.checkout_url));
    return rc;
}

static int list(struct ctx *cx, struct http_request *req, struct http_response *res,
                struct order_filter *f, bool admin)
{
    struct order *items;
    int n;
    long long total;
    int rc = api_page_parse(cx, req, &f->limit, &f->offset);

    if (rc == 0)
        rc = store_orders_list(cx, f, &items, &n, &total);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, order_to_json(cx, &items[i], admin));
    http_respond_json_new(res, 200, api_page_json(arr, total, f->limit, f->offset));
    return 0;
}

int api_orders_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct order_filter f = {.user_id = cx->user_id};

    return list(cx, req, res, &f, false);
}

static int answer(struct ctx *cx, struct http_response *res, int rc, const struct order *o,
                  bool admin)
{
    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:o}", "order", order_to_json(cx, o, admin)));
    return rc;
}

int api_orders_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct order o;
    long long id;
    int rc = commerce_param_id(cx, req, "id", &id);

    return answer(cx, res, rc ? rc : orders_get_mine(cx, id, &o), &o, false);
}

int api_admin_orders_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    static const char *const statuses[] = {"pending",   "paid",    "refunded",
                                           "cancelled", "expired", "failed"};
    struct order_filter f = {.status = http_request_query(req, "status"),
                             .q = commerce_like(cx, http_request_query(req, "q"))};
    bool ok = !f.status;

    for (size_t i = 0; !ok && i < sizeof(statuses) / sizeof(statuses[0]); i++)
        ok = strcmp(f.status, statuses[i]) == 0;
    if (!ok)
        return cx_fail(cx, ERR_INVALID,
                       "status must be pending, paid, refunded, cancelled, expired or failed");
    return list(cx, req, res, &f, true);
}

int api_admin_orders_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct order o;
    long long id;
    int rc = commerce_param_id(cx, req, "id", &id);

    return answer(cx, res, rc ? rc : orders_get(cx, id, &o), &o, true);
}

int api_admin_orders_refund(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct order o;
    long long id;
    bool pending = false;
    int rc = commerce_param_id(cx, req, "id", &id);

    if (rc == 0)
        rc = orders_refund(cx, id, &o, &pending);
    if (rc == 0)
        http_respond_json_new(res, pending ? 202 : 200,
                              json_pack("{s:o, s:s}", "order", order_to_json(cx, &o, true),
                                        "refund", pending ? "requested" : "refunded"));
    return rc;
}
