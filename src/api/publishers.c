/* publishers.c (api): /api/publishers: imprints credited on books, and their admin edits. */
#include "api/publishers.h"
#include "api/paging.h"

#include <string.h>

#include "api/catalog.h"
#include "service/publishers.h"

static json_t *publisher_json(const struct publisher *p)
{
    return json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:I}", "id", (json_int_t)p->id, "slug", p->slug,
                     "name", p->name, "description", p->description, "website", p->website,
                     "book_count", (json_int_t)p->book_count);
}

struct page {
    int limit;
    long long offset;
};

static int build_list(struct ctx *cx, void *arg, json_t **out)
{
    struct page *q = arg;
    struct publisher *items;
    long long total;
    int n, rc = publishers_list(cx, q->limit, q->offset, &items, &n, &total);
    json_t *arr;

    if (rc)
        return rc;
    arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, publisher_json(&items[i]));
    *out = api_page_json(arr, total, q->limit, q->offset);
    return 0;
}

int api_publishers_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    json_t *fields = json_object();
    struct page q;
    int rc;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    api_page_read(req, fields, &q.limit, &q.offset);
    if ((rc = api_params_check(cx, fields)) != 0)
        return rc;
    return api_catalog_cached(cx, req, res,
                              arena_printf(cx->arena, "publishers:%d|%lld", q.limit, q.offset),
                              CATALOG_TTL, build_list, &q);
}

static int build_show(struct ctx *cx, void *arg, json_t **out)
{
    struct publisher p;
    int rc = publishers_get(cx, arg, &p);

    if (rc == 0)
        *out = publisher_json(&p);
    return rc;
}

int api_publishers_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *id = http_request_param(req, "id");
    long long n;

    if (!catalog_parse_id(id, &n) && !catalog_slug_valid(id))
        return cx_fail(cx, ERR_NOT_FOUND, "no publisher '%s'", id);
    return api_catalog_cached(cx, req, res, arena_printf(cx->arena, "publisher:%s", id),
                              CATALOG_TTL, build_show, (void *)id);
}

static json_t *parse_input(struct ctx *cx, json_t *body, struct publisher_input *in)
{
    json_t *fields = json_object(), *v;
    const char *k;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    memset(in, 0, sizeof(*in));
    json_object_foreach(body, k, v)
    {
        bool text = json_is_string(v), nullable = text || json_is_null(v);

        if (!strcmp(k, "name") && text)
            in->has_name = true, in->name = json_string_value(v);
        else if (!strcmp(k, "description") && nullable)
            in->has_description = true, in->description = json_string_value(v);
        else if (!strcmp(k, "website") && nullable)
            in->has_website = true, in->website = json_string_value(v);
        else if (!strcmp(k, "name") || !strcmp(k, "description") || !strcmp(k, "website"))
            json_object_set_new(fields, k, json_string("has the wrong type"));
        else
            json_object_set_new(fields, k, json_string("is not a field of a publisher"));
    }
    return fields;
}

int api_publishers_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct publisher_input in;
    json_t *fields = parse_input(cx, req->json, &in);
    struct publisher p;
    int rc = publishers_create(cx, &in, fields, &p);

    if (rc == 0) {
        http_respond_json_new(res, 201, publisher_json(&p));
        http_response_header(res, "Location",
                             arena_printf(cx->arena, "/api/publishers/%s", p.slug));
    }
    return rc;
}

int api_publishers_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct publisher_input in;
    json_t *fields = parse_input(cx, req->json, &in);
    struct publisher p;
    long long id;
    const char *param = http_request_param(req, "id");
    int rc = catalog_parse_id(param, &id) ? publishers_update(cx, id, &in, fields, &p)
                                          : cx_fail(cx, ERR_NOT_FOUND, "no publisher '%s'", param);

    if (rc == 0)
        http_respond_json_new(res, 200, publisher_json(&p));
    return rc;
}
