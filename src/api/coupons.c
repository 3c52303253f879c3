/* coupons.c: /api/admin/coupons: admins list, create, read and edit coupons. */
#include "api/commerce.h"
#include "api/paging.h"
#include "api/users.h"
#include "service/coupons.h"

#include <string.h>

json_t *coupon_to_json(const struct coupon *c)
{
    json_t *books = json_array();

    for (int i = 0; i < c->n_books; i++)
        json_array_append_new(books, json_integer(c->book_ids[i]));
    json_t *j = json_pack("{s:I, s:s, s:s, s:I, s:s?, s:s?, s:s?, s:I, s:b, s:o, s:s, s:s}", "id",
                          (json_int_t)c->id, "code", c->code, "kind", c->kind, "amount",
                          (json_int_t)c->amount, "currency", c->currency, "starts_at", c->starts_at,
                          "ends_at", c->ends_at, "redemptions", (json_int_t)c->redemptions,
                          "active", c->active, "book_ids", books, "created_at", c->created_at,
                          "updated_at", c->updated_at);

    json_object_set_new(j, "max_redemptions",
                        c->max_redemptions ? json_integer(c->max_redemptions) : json_null());
    return j;
}

int api_admin_coupons_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long limit, offset, total;
    struct coupon *items;
    int n;
    int rc = api_page_parse(cx, req, &limit, &offset);

    if (rc == 0)
        rc = store_coupons_list(cx, commerce_like(cx, http_request_query(req, "q")), limit, offset,
                                &items, &n, &total);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, coupon_to_json(&items[i]));
    http_respond_json_new(res, 200, api_page_json(arr, total, limit, offset));
    return 0;
}

static int answer(struct http_response *res, int status, int rc, const struct coupon *c)
{
    if (rc == 0)
        http_respond_json_new(res, status, json_pack("{s:o}", "coupon", coupon_to_json(c)));
    return rc;
}

int api_admin_coupons_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct coupon c;

    return answer(res, 201, coupons_create(cx, req->json, &c), &c);
}

int api_admin_coupons_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct coupon c;
    long long id;
    int rc = commerce_param_id(cx, req, "id", &id);

    if (rc == 0 && (rc = store_coupons_find(cx, id, &c)) == ERR_NOT_FOUND)
        rc = cx_fail(cx, rc, "no such coupon");
    return answer(res, 200, rc, &c);
}

int api_admin_coupons_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct coupon c;
    long long id;
    int rc = commerce_param_id(cx, req, "id", &id);

    return answer(res, 200, rc ? rc : coupons_update(cx, id, req->json, &c), &c);
}
