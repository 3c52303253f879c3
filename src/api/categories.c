/* categories.c (api): /api/categories: the nested genres with book counts, and admin edits. */
#include "api/categories.h"

#include <string.h>

#include "api/catalog.h"
#include "service/categories.h"

#define TREE_TTL 300

static json_t *category_json(const struct category *c)
{
    return json_pack("{s:I, s:s, s:s, s:s?, s:o, s:I, s:I}", "id", (json_int_t)c->id, "slug",
                     c->slug, "name", c->name, "description", c->description, "parent_id",
                     c->parent_id ? json_integer(c->parent_id) : json_null(), "position",
                     (json_int_t)c->position, "book_count", (json_int_t)c->book_count);
}

/* The category at "i" with its subtree; "depth" guards against a cycle in bad data. */
static json_t *node(const struct category *all, int n, int i, int depth)
{
    json_t *o = category_json(&all[i]), *children = json_array();

    for (int k = 0; k < n && depth < 32; k++)
        if (all[k].parent_id == all[i].id)
            json_array_append_new(children, node(all, n, k, depth + 1));
    json_object_set_new(o, "children", children);
    return o;
}

static int build_tree(struct ctx *cx, void *arg, json_t **out)
{
    struct category *all;
    json_t *items;
    int n, rc = categories_all(cx, &all, &n);

    if (rc)
        return rc;
    items = json_array();
    for (int i = 0; i < n; i++)
        if (all[i].parent_id == 0)
            json_array_append_new(items, node(all, n, i, 0));
    *out = json_pack("{s:o}", "items", items);
    return 0;
}

int api_categories_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return api_catalog_cached_ahead(cx, req, res, "categories", TREE_TTL, build_tree, NULL, 0);
}

/* From the top of the tree down to the category at "i", itself included. */
static json_t *breadcrumb(const struct category *all, int n, int i)
{
    json_t *trail = json_array();

    for (int hops = 0; i >= 0 && hops <= n; hops++) {
        struct ref r = {all[i].id, all[i].slug, all[i].name};
        long long parent = all[i].parent_id;

        json_array_insert_new(trail, 0, api_catalog_ref(&r));
        i = -1;
        for (int k = 0; k < n && parent; k++)
            if (all[k].id == parent)
                i = k;
    }
    return trail;
}

static int build_show(struct ctx *cx, void *arg, json_t **out)
{
    struct category *all;
    int n, i, rc = categories_all(cx, &all, &n);

    if (rc == 0)
        rc = categories_find(cx, all, n, arg, &i);
    if (rc == 0) {
        *out = node(all, n, i, 0);
        json_object_set_new(*out, "breadcrumb", breadcrumb(all, n, i));
    }
    return rc;
}

int api_categories_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *id = http_request_param(req, "id");
    long long n;

    if (!catalog_parse_id(id, &n) && !catalog_slug_valid(id))
        return cx_fail(cx, ERR_NOT_FOUND, "no category '%s'", id);
    return api_catalog_cached(cx, req, res, arena_printf(cx->arena, "category:%s", id), TREE_TTL,
                              build_show, (void *)id);
}

/* One field of a category body; false when "k" is not one. */
static bool one_field(const char *k, json_t *v, json_t *fields, struct category_input *in)
{
    bool ok;

    if (!strcmp(k, "name")) {
        ok = in->has_name = json_is_string(v);
        in->name = json_string_value(v);
    } else if (!strcmp(k, "slug")) {
        ok = in->has_slug = json_is_string(v);
        in->slug = json_string_value(v);
    } else if (!strcmp(k, "description")) {
        ok = in->has_description = json_is_string(v) || json_is_null(v);
        in->description = json_string_value(v);
    } else if (!strcmp(k, "parent_id")) {
        ok = in->has_parent = (json_is_integer(v) && json_integer_value(v) > 0) || json_is_null(v);
        in->parent_id = json_is_integer(v) ? json_integer_value(v) : 0;
    } else if (!strcmp(k, "position")) {
        ok = in->has_position = json_is_integer(v);
        in->position = json_integer_value(v);
    } else {
        return false;
    }
    if (!ok)
        json_object_set_new(fields, k, json_string("has the wrong type"));
    return true;
}

static json_t *parse_input(struct ctx *cx, json_t *body, struct category_input *in)
{
    json_t *fields = json_object(), *v;
    const char *k;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    memset(in, 0, sizeof(*in));
    json_object_foreach(body, k, v)
    {
        if (!one_field(k, v, fields, in))
            json_object_set_new(fields, k, json_string("is not a field of a category"));
    }
    return fields;
}

int api_categories_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct category_input in;
    json_t *fields = parse_input(cx, req->json, &in);
    struct category c;
    int rc = categories_create(cx, &in, fields, &c);

    if (rc == 0) {
        http_respond_json_new(res, 201, category_json(&c));
        http_response_header(res, "Location",
                             arena_printf(cx->arena, "/api/categories/%s", c.slug));
    }
    return rc;
}

static int category_id(struct ctx *cx, struct http_request *req, long long *id)
{
    const char *p = http_request_param(req, "id");

    return catalog_parse_id(p, id) ? 0 : cx_fail(cx, ERR_NOT_FOUND, "no category '%s'", p);
}

int api_categories_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct category_input in;
    json_t *fields = parse_input(cx, req->json, &in);
    struct category c;
    long long id;
    int rc = category_id(cx, req, &id);

    if (rc == 0)
        rc = categories_update(cx, id, &in, fields, &c);
    if (rc == 0)
        http_respond_json_new(res, 200, category_json(&c));
    return rc;
}

int api_categories_delete(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    int rc = category_id(cx, req, &id);

    if (rc == 0)
        rc = categories_delete(cx, id);
    if (rc == 0)
        http_respond_bytes(res, 204, NULL, "", 0);
    return rc;
}
