/* cart.c: /api/cart: the cart, its items and its coupon, always answered with server prices. */
#include "api/commerce.h"
#include "api/users.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *commerce_cover_url(struct ctx *cx, const char *slug, const char *cover_key)
{
    if (cover_key && *cover_key)
        return arena_printf(cx->arena, "/static/%s", cover_key);
    return arena_printf(cx->arena, "/api/books/%s/cover.svg", slug ? slug : "unknown");
}

int commerce_param_id(struct ctx *cx, struct http_request *req, const char *name, long long *id)
{
    const char *s = http_request_param(req, name);
    char *end;

    *id = s ? strtoll(s, &end, 10) : 0;
    if (!s || !*s || *end || *id <= 0)
        return cx_fail(cx, ERR_NOT_FOUND, "no such %s", strcmp(name, "book_id") ? "item" : "book");
    return 0;
}

const char *commerce_like(struct ctx *cx, const char *q)
{
    if (!q || !*q)
        return NULL;
    size_t n = strnlen(q, 200);
    char *out = arena_alloc(cx->arena, n * 2 + 3), *o = out;

    *o++ = '%';
    for (size_t i = 0; i < n; i++) {
        if (q[i] == '%' || q[i] == '_' || q[i] == '\\')
            *o++ = '\\';
        *o++ = (char)tolower((unsigned char)q[i]);
    }
    *o++ = '%';
    *o = '\0';
    return out;
}

static json_t *book_to_json(struct ctx *cx, const struct cart_book *b)
{
    json_t *authors = json_array();

    for (int i = 0; i < b->n_authors; i++)
        json_array_append_new(authors,
                              json_pack("{s:I, s:s, s:s}", "id", (json_int_t)b->authors[i].id,
                                        "slug", b->authors[i].slug, "name", b->authors[i].name));
    return json_pack("{s:I, s:s, s:s, s:o, s:s, s:I, s:s}", "id", (json_int_t)b->id, "slug",
                     b->slug, "title", b->title, "authors", authors, "cover_url",
                     commerce_cover_url(cx, b->slug, b->cover_key), "price_cents",
                     (json_int_t)b->price_cents, "currency", b->currency);
}

static json_t *line_to_json(struct ctx *cx, const struct cart_line *l)
{
    const char *why = l->owned ? "owned" : cart_line_available(l) ? NULL : "not_for_sale";

    return json_pack("{s:o, s:s, s:b, s:s?, s:I}", "book", book_to_json(cx, &l->book), "added_at",
                     l->added_at, "available", cart_line_available(l), "unavailable_reason", why,
                     "discount_cents", (json_int_t)l->discount_cents);
}

json_t *cart_to_json(struct ctx *cx, const struct cart *c)
{
    json_t *items = json_array(), *coupon = json_null();

    for (int i = 0; i < c->n; i++)
        json_array_append_new(items, line_to_json(cx, &c->lines[i]));
    if (c->coupon) {
        json_decref(coupon);
        coupon = json_pack(
            "{s:s, s:s, s:I, s:s?, s:b, s:s?}", "code", c->coupon->code, "kind", c->coupon->kind,
            "amount", (json_int_t)c->coupon->amount, "currency", c->coupon->currency, "applies",
            !c->coupon_problem && c->discount_cents > 0, "problem", c->coupon_problem);
    }
    return json_pack("{s:o, s:I, s:I, s:I, s:s?, s:o}", "items", items, "subtotal_cents",
                     (json_int_t)c->subtotal_cents, "discount_cents", (json_int_t)c->discount_cents,
                     "total_cents", (json_int_t)c->total_cents, "currency", c->currency, "coupon",
                     coupon);
}

static int answer(struct ctx *cx, struct http_response *res, int rc, const struct cart *c)
{
    if (rc == 0)
        http_respond_json_new(res, 200, cart_to_json(cx, c));
    return rc;
}

int api_cart_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct cart c;

    return answer(cx, res, cart_get(cx, &c), &c);
}

int api_cart_add(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    json_t *id = json_object_get(req->json, "book_id");
    struct cart c;

    if (!json_is_integer(id))
        return cx_fail_details(cx, ERR_INVALID,
                               json_pack("{s:{s:s}}", "fields", "book_id", "send the book's id"),
                               "book_id must be a book's numeric id");
    return answer(cx, res, cart_add(cx, (long long)json_integer_value(id), &c), &c);
}

int api_cart_remove(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    struct cart c;
    int rc = commerce_param_id(cx, req, "book_id", &id);

    return rc ? rc : answer(cx, res, cart_remove(cx, id, &c), &c);
}

int api_cart_merge(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct cart c;
    json_t *skipped = NULL;
    int rc = cart_merge(cx, json_object_get(req->json, "book_ids"), &c, &skipped);

    if (rc == 0) {
        json_t *body = cart_to_json(cx, &c);
        json_object_set_new(body, "skipped", skipped);
        http_respond_json_new(res, 200, body);
    }
    return rc;
}

int api_cart_coupon_apply(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct cart c;

    return answer(cx, res,
                  cart_apply_coupon(cx, json_string_value(json_object_get(req->json, "code")), &c),
                  &c);
}

int api_cart_coupon_remove(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct cart c;

    return answer(cx, res, cart_remove_coupon(cx, &c), &c);
}
