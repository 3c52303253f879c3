/* reviews.c (api): a book's reviews; owners write one each; admins hide, readers report. */
#include "api/catalog.h"
#include "api/paging.h"
#include "api/library.h"
#include "api/users.h"
#include "service/library.h"

static int book_param(struct ctx *cx, struct http_request *req, long long *id)
{
    if (!catalog_parse_id(http_request_param(req, "id"), id))
        return cx_fail(cx, ERR_NOT_FOUND, "no such book");
    return 0;
}

static json_t *review_json(const struct review *r)
{
    return json_pack("{s:I, s:I, s:i, s:s?, s:s?, s:{s:I, s:s}, s:b, s:s, s:s}", "id",
                     (json_int_t)r->id, "book_id", (json_int_t)r->book_id, "rating", r->rating,
                     "title", r->title, "body", r->body, "author", "id", (json_int_t)r->user_id,
                     "display_name", r->author_name, "verified_purchase", r->verified,
                     "created_at", r->created_at, "updated_at", r->updated_at);
}

int api_reviews_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id, limit, offset, total;
    struct review *items;
    int n, rc = book_param(cx, req, &id);

    if (rc == 0)
        rc = api_page_parse(cx, req, &limit, &offset);
    if (rc == 0)
        rc = store_reviews_list(cx, id, (int)limit, offset, &items, &n, &total);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, review_json(&items[i]));
    http_respond_json_new(res, 200, api_page_json(arr, total, limit, offset));
    return 0;
}

int api_reviews_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    struct review r;
    int rc = book_param(cx, req, &id);

    if (rc == 0)
        rc = reviews_create(cx, id, req->json, &r);
    if (rc == 0)
        http_respond_json_new(res, 201, review_json(&r));
    return rc;
}

int api_reviews_update_mine(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    struct review r;
    int rc = book_param(cx, req, &id);

    if (rc == 0)
        rc = reviews_update_mine(cx, id, req->json, &r);
    if (rc == 0)
        http_respond_json_new(res, 200, review_json(&r));
    return rc;
}

int api_reviews_delete_mine(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    int rc = book_param(cx, req, &id);

    if (rc == 0)
        rc = reviews_delete_mine(cx, id);
    if (rc == 0)
        http_respond_bytes(res, 204, NULL, "", 0);
    return rc;
}

int api_reviews_report(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    int rc = catalog_parse_id(http_request_param(req, "id"), &id)
                 ? 0
                 : cx_fail(cx, ERR_NOT_FOUND, "no such review");

    if (rc == 0)
        rc = reviews_report(cx, id, json_string_value(json_object_get(req->json, "reason")));
    if (rc == 0)
        http_respond_json_new(res, 202, json_pack("{s:s}", "message", "thank you; we will look"));
    return rc;
}

int api_admin_reviews_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    json_t *hidden = json_object_get(req->json, "hidden");
    int rc = catalog_parse_id(http_request_param(req, "id"), &id)
                 ? 0
                 : cx_fail(cx, ERR_NOT_FOUND, "no such review");

    if (rc == 0 && !json_is_boolean(hidden))
        rc = cx_fail_details(cx, ERR_INVALID,
                             json_pack("{s:{s:s}}", "fields", "hidden", "true or false"),
                             "hidden must be true or false");
    if (rc == 0)
        rc = reviews_hide(cx, id, json_is_true(hidden));
    if (rc == 0)
        http_respond_bytes(res, 204, NULL, "", 0);
    return rc;
}
