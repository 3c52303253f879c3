/* commerce.h: the JSON of carts, coupons and orders, and the commerce routes' handlers. */
#ifndef MANGU_API_COMMERCE_H
#define MANGU_API_COMMERCE_H

#include <stdbool.h>

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"
#include "service/cart.h"
#include "store/coupons.h"
#include "store/orders.h"

/* Each returns a new object the caller owns; strings are copied. */
json_t *cart_to_json(struct ctx *cx, const struct cart *c);
json_t *coupon_to_json(const struct coupon *c);
/* "admin" adds the buyer and the provider's references. */
json_t *order_to_json(struct ctx *cx, const struct order *o, bool admin);
/* "/static/<cover_key>" when there is a cover, else the generated "/api/books/<slug>/cover.svg". */
const char *commerce_cover_url(struct ctx *cx, const char *slug, const char *cover_key);
/* The positive integer in route parameter "name"; ERR_NOT_FOUND (recorded) otherwise. */
int commerce_param_id(struct ctx *cx, struct http_request *req, const char *name, long long *id);

/* A lower-case LIKE pattern matching "q" anywhere (% and _ literal), or NULL for none. */
const char *commerce_like(struct ctx *cx, const char *q);

/* cart.c: /api/cart... */
int api_cart_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_cart_add(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_cart_remove(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_cart_merge(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_cart_coupon_apply(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_cart_coupon_remove(struct ctx *cx, struct http_request *req, struct http_response *res);

/* coupons.c: /api/admin/coupons... */
int api_admin_coupons_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_coupons_create(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_coupons_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_coupons_update(struct ctx *cx, struct http_request *req, struct http_response *res);

/* orders.c: /api/checkout, /api/orders..., /api/admin/orders... */
int api_orders_checkout(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_orders_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_orders_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_orders_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_orders_show(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_orders_refund(struct ctx *cx, struct http_request *req, struct http_response *res);

/* payments.c: /api/payments..., and the test checkout page */
int api_payments_stripe_webhook(struct ctx *cx, struct http_request *req,
                                struct http_response *res);
int api_payments_dev_pay(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_payments_dev_cancel(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /checkout/test/{id}?token=: the test checkout page (HTML), answered errors included. */
void api_payments_dev_page(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
