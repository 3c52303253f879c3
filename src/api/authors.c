/* authors.c (api): /api/authors: who writes here, an author's page, and profile edits. */
#include "api/authors.h"
#include "api/paging.h"

#include <string.h>

#include "api/catalog.h"
#include "service/authors.h"

static json_t *author_json(const struct author *a)
{
    json_t *photo =
        a->photo_key && *a->photo_key ? json_sprintf("/static/%s", a->photo_key) : json_null();

    return json_pack("{s:I, s:s, s:s, s:s?, s:o, s:I}", "id", (json_int_t)a->id, "slug", a->slug,
                     "name", a->name, "bio", a->bio, "photo_url", photo, "book_count",
                     (json_int_t)a->book_count);
}

struct list_query {
    bool by_name;
    int limit;
    long long offset;
};

static int build_list(struct ctx *cx, void *arg, json_t **out)
{
    struct list_query *q = arg;
    struct author *items;
    long long total;
    int n, rc = authors_list(cx, q->by_name, q->limit, q->offset, &items, &n, &total);
    json_t *arr;

    if (rc)
        return rc;
    arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, author_json(&items[i]));
    *out = api_page_json(arr, total, q->limit, q->offset);
    return 0;
}

int api_authors_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    json_t *fields = json_object();
    const char *sort = http_request_query(req, "sort");
    struct list_query q = {sort && strcmp(sort, "name") == 0, 0, 0};
    int rc;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    if (sort && strcmp(sort, "name") != 0 && strcmp(sort, "popular") != 0)
        json_object_set_new(fields, "sort", json_string("must be one of popular, name"));
    api_page_read(req, fields, &q.limit, &q.offset);
    if ((rc = api_params_check(cx, fields)) != 0)
        return rc;
    return api_catalog_cached(cx, req, res,
                              arena_printf(cx->arena, "authors:%s|%d|%lld",
                                           q.by_name ? "name" : "popular", q.limit, q.offset),
                              CATALOG_TTL, build_list, &q);
}

static int build_show(struct ctx *cx, void *arg, json_t **out)
{
    struct author a;
    struct book *books;
    int n, rc = authors_get(cx, arg, &a);

    if (rc == 0)
        rc = authors_books(cx, &a, &books, &n);
    if (rc == 0) {
        *out = author_json(&a);
        json_object_set_new(*out, "books", api_book_summaries(books, n));
    }
    return rc;
}

int api_authors_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *id = http_request_param(req, "id");
    long long n;

    if (!catalog_parse_id(id, &n) && !catalog_slug_valid(id))
        return cx_fail(cx, ERR_NOT_FOUND, "no author '%s'", id);
    return api_catalog_cached(cx, req, res, arena_printf(cx->arena, "author:%s", id), CATALOG_TTL,
                              build_show, (void *)id);
}

/* {name, bio, user_id}: types checked, the rest left to the service. */
static json_t *parse_input(struct ctx *cx, json_t *body, bool create, struct author_input *in)
{
    json_t *fields = json_object(), *v;
    const char *k;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    memset(in, 0, sizeof(*in));
    json_object_foreach(body, k, v)
    {
        if (!strcmp(k, "name") && json_is_string(v))
            in->has_name = true, in->name = json_string_value(v);
        else if (!strcmp(k, "bio") && (json_is_string(v) || json_is_null(v)))
            in->has_bio = true, in->bio = json_string_value(v);
        else if (create && !strcmp(k, "user_id") && json_is_integer(v))
            in->user_id = json_integer_value(v);
        else if (!strcmp(k, "name") || !strcmp(k, "bio") || (create && !strcmp(k, "user_id")))
            json_object_set_new(fields, k, json_string("has the wrong type"));
        else
            json_object_set_new(fields, k, json_string("is not a field of an author"));
    }
    return fields;
}

int api_authors_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct author_input in;
    json_t *fields = parse_input(cx, req->json, true, &in);
    struct author a;
    int rc = authors_create(cx, &in, fields, &a);

    if (rc == 0) {
        http_respond_json_new(res, 201, author_json(&a));
        http_response_header(res, "Location", arena_printf(cx->arena, "/api/authors/%s", a.slug));
    }
    return rc;
}

int api_authors_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct author_input in;
    json_t *fields = parse_input(cx, req->json, false, &in);
    struct author a;
    long long id;
    int rc = catalog_parse_id(http_request_param(req, "id"), &id)
                 ? authors_update(cx, id, &in, fields, &a)
                 : cx_fail(cx, ERR_NOT_FOUND, "no author '%s'", http_request_param(req, "id"));

    if (rc == 0)
        http_respond_json_new(res, 200, author_json(&a));
    return rc;
}
