/* payments.c: the Stripe webhook, the test checkout's buttons and its page (HTML). */
#include "api/commerce.h"
#include "api/json.h"
#include "service/payments.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int api_payments_stripe_webhook(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct webhook_result r;
    int rc = webhooks_stripe(cx, http_request_header(req, "Stripe-Signature"), req->body, &r);

    if (rc == 0)
        http_respond_json_new(res, 200,
                              json_pack("{s:b, s:b, s:b, s:b}", "received", 1, "duplicate",
                                        r.duplicate, "ignored", r.ignored, "deferred", r.deferred));
    return rc;
}

static bool is_form(struct http_request *req)
{
    const char *ct = http_request_header(req, "Content-Type");

    return ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0;
}

/* JSON {order} for the web client; a 303 to the success or cancel page for the HTML form. */
static int dev_answer(struct ctx *cx, struct http_request *req, struct http_response *res, int rc,
                      const struct order *o, bool pay)
{
    if (rc != 0)
        return rc;
    if (is_form(req)) {
        http_response_header(res, "Location",
                             pay ? payments_success_url(cx, o->id)
                                 : payments_cancel_url(cx, o->id));
        http_respond_bytes(res, 303, NULL, "", 0);
        return 0;
    }
    http_respond_json_new(res, 200, json_pack("{s:o}", "order", order_to_json(cx, o, false)));
    return 0;
}

int api_payments_dev_pay(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct order o;
    long long id;
    int rc = commerce_param_id(cx, req, "id", &id);

    if (rc == 0)
        rc = payments_dev_pay(cx, id, http_request_query(req, "token"), &o);
    return dev_answer(cx, req, res, rc, &o, true);
}

int api_payments_dev_cancel(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct order o;
    long long id;
    int rc = commerce_param_id(cx, req, "id", &id);

    if (rc == 0)
        rc = payments_dev_cancel(cx, id, http_request_query(req, "token"), &o);
    return dev_answer(cx, req, res, rc, &o, false);
}

static void add_html(struct buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<':
            buf_adds(b, "&lt;");
            break;
        case '>':
            buf_adds(b, "&gt;");
            break;
        case '&':
            buf_adds(b, "&amp;");
            break;
        case '"':
            buf_adds(b, "&quot;");
            break;
        case '\'':
            buf_adds(b, "&#39;");
            break;
        default:
            buf_addc(b, *s);
        }
    }
}

static void add_money(struct buf *b, long long cents, const char *currency)
{
    buf_printf(b, "%lld.%02lld %s", cents / 100, cents % 100, currency);
}

static const char PAGE_HEAD[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>TEST MODE checkout - MANGU Publishing</title><style>"
    "body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}"
    ".banner{background:#b45309;color:#fff;font-weight:700;text-align:center;padding:.7em;"
    "letter-spacing:.05em}main{max-width:34em;margin:2em auto;background:#fff;padding:1.5em 2em;"
    "border-radius:8px;box-shadow:0 1px 4px #0002}td{padding:.3em 0}td.p{text-align:right}"
    "table{width:100%;border-collapse:collapse}tr.t td{border-top:1px solid #ddd;font-weight:700}"
    "form{display:inline}button{font-size:1em;padding:.6em 1.4em;margin:1em .5em 0 0;"
    "border-radius:6px;border:1px solid #444;cursor:pointer}button.pay{background:#15803d;"
    "color:#fff;border-color:#15803d}</style></head><body>"
    "<div class=\"banner\" role=\"alert\">TEST MODE: no real payment is made</div><main>";

static void page_lines(struct buf *b, const struct order *o)
{
    buf_adds(b, "<table>");
    for (int i = 0; i < o->n_items; i++) {
        buf_adds(b, "<tr><td>");
        add_html(b, o->items[i].title);
        buf_adds(b, "</td><td class=\"p\">");
        add_money(b, o->items[i].unit_price_cents - o->items[i].discount_cents,
                  o->items[i].currency);
        buf_adds(b, "</td></tr>");
    }
    if (o->discount_cents) {
        buf_adds(b, "<tr><td>Discount (");
        add_html(b, o->coupon_code);
        buf_adds(b, ")</td><td class=\"p\">-");
        add_money(b, o->discount_cents, o->currency);
        buf_adds(b, "</td></tr>");
    }
    buf_adds(b, "<tr class=\"t\"><td>Total</td><td class=\"p\">");
    add_money(b, o->total_cents, o->currency);
    buf_adds(b, "</td></tr></table>");
}

static void page_body(struct buf *b, const struct order *o, const char *token)
{
    buf_adds(b, "<h1>Test checkout</h1><p>Order <strong>");
    add_html(b, o->number);
    buf_adds(b, "</strong></p>");
    page_lines(b, o);
    if (strcmp(o->status, "pending") != 0) {
        buf_adds(b, "<p>This order is <strong>");
        add_html(b, o->status);
        buf_printf(b, "</strong>. <a href=\"/orders/%lld\">See the order</a></p>", o->id);
        return;
    }
    buf_printf(b, "<form method=\"post\" action=\"/api/payments/dev/%lld/pay?token=", o->id);
    add_html(b, token);
    buf_adds(b, "\"><button class=\"pay\" type=\"submit\">Pay ");
    add_money(b, o->total_cents, o->currency);
    buf_printf(b,
               " (test)</button></form><form method=\"post\" "
               "action=\"/api/payments/dev/%lld/cancel?token=",
               o->id);
    add_html(b, token);
    buf_adds(b, "\"><button type=\"submit\">Cancel</button></form>");
}

void api_payments_dev_page(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *tail = req->path + strlen("/checkout/test/"), *token;
    char *end;
    long long id = strtoll(tail, &end, 10);
    struct order o = {0};
    struct buf b = BUF_INIT;

    cx->route = "/checkout/test/{id}";
    token = http_request_query(req, "token");
    int rc = *tail && !*end && id > 0 ? payments_dev_order(cx, id, token, &o)
                                      : cx_fail(cx, ERR_NOT_FOUND, "no such order");
    if (rc != 0) {
        api_respond_error(cx, res, rc);
        return;
    }
    buf_adds(&b, PAGE_HEAD);
    page_body(&b, &o, token ? token : "");
    buf_adds(&b, "</main></body></html>\n");
    http_response_header(res, "Cache-Control", "no-store");
    http_response_header(res, "X-Robots-Tag", "noindex");
    http_respond_bytes(res, 200, "text/html; charset=utf-8", arena_strdup(cx->arena, b.p), b.len);
    buf_release(&b);
}
