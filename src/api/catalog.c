/* catalog.c (api): slug parameters, book summaries, ETags and cached answers of catalog reads. */
#include "api/catalog.h"

#include <math.h>
#include <string.h>

#include "api/refresh.h"
#include "core/flight.h"

const char *api_catalog_slug(struct http_request *req, const char *name, json_t *fields)
{
    const char *v = http_request_query(req, name);

    if (v && !catalog_slug_valid(v)) {
        json_object_set_new(fields, name,
                            json_string("must be a slug such as \"science-fiction\""));
        return NULL;
    }
    return v;
}

json_t *api_catalog_ref(const struct ref *r)
{
    if (!r->id)
        return json_null();
    return json_pack("{s:I, s:s?, s:s?}", "id", (json_int_t)r->id, "slug", r->slug, "name",
                     r->name);
}

/* The uploaded cover when there is one, else the generated SVG. */
static json_t *cover_url(const struct book *b)
{
    if (b->cover_key && *b->cover_key)
        return json_sprintf("/static/%s", b->cover_key);
    return json_sprintf("/api/books/%s/cover.svg", b->slug);
}

json_t *api_book_summary(const struct book *b)
{
    json_t *authors = json_array();

    for (int i = 0; i < b->n_authors; i++)
        json_array_append_new(authors, api_catalog_ref(&b->authors[i]));
    return json_pack("{s:I, s:s, s:s, s:s?, s:o, s:o, s:I, s:s, s:b, s:f, s:I, s:s?, s:s, s:s?, "
                     "s:b}",
                     "id", (json_int_t)b->id, "slug", b->slug, "title", b->title, "subtitle",
                     b->subtitle, "authors", authors, "cover_url", cover_url(b), "price_cents",
                     (json_int_t)b->price_cents, "currency", b->currency, "is_free",
                     b->price_cents == 0, "rating_avg", round(b->rating_avg * 100) / 100,
                     "rating_count", (json_int_t)b->rating_count, "format", b->format, "language",
                     b->language, "published_at", b->published_at, "featured", b->featured);
}

json_t *api_book_summaries(const struct book *items, int n)
{
    json_t *arr = json_array();

    for (int i = 0; i < n; i++)
        json_array_append_new(arr, api_book_summary(&items[i]));
    return arr;
}

/* True when the If-None-Match header lists "etag" (or is "*"). */
static bool not_modified(struct http_request *req, const char *etag)
{
    const char *inm = http_request_header(req, "If-None-Match");

    return inm && (strstr(inm, etag) || strcmp(inm, "*") == 0);
}

void api_catalog_send_doc(struct ctx *cx, struct http_request *req, struct http_response *res,
                          const struct catalog_doc *doc)
{
    if (not_modified(req, doc->etag))
        http_respond_bytes(res, 304, NULL, "", 0);
    else
        http_respond_bytes(res, 200, "application/json", doc->body, doc->len);
    http_response_set_header(res, "ETag", doc->etag);
    http_response_set_header(res, "Cache-Control",
                             cx->user_id ? "private, no-store" : "public, max-age=60");
    http_response_set_header(res, "Vary", "Authorization");
}

void api_catalog_doc(struct http_response *res, json_t *obj, struct catalog_doc *doc)
{
    http_respond_json_new(res, 200, obj);
    *doc = (struct catalog_doc){.etag = catalog_etag(res->arena, res->body, res->body_len),
                                .body = res->body,
                                .len = res->body_len};
}

void api_catalog_send(struct ctx *cx, struct http_request *req, struct http_response *res,
                      json_t *obj, struct catalog_doc *doc)
{
    struct catalog_doc sent;

    api_catalog_doc(res, obj, &sent);
    api_catalog_send_doc(cx, req, res, &sent);
    if (doc)
        *doc = sent;
}

/* api_catalog_lookup() in the shared cache or ("local") in this process only. */
static int lookup(struct ctx *cx, const char *key, int ttl_s, bool local, struct catalog_doc *doc,
                  int *slot)
{
    int (*get)(struct ctx *, const char *, int, struct catalog_doc *) =
        local ? catalog_local_get : catalog_cache_get;

    *slot = -1;
    /* One thread rebuilds an entry (trending at 100k books takes 200 ms under load). While
     * it does, the others serve the stale copy when there is one, else wait for it and read
     * what it stored. */
    if (get(cx, key, ttl_s, doc) == 0) {
        if (!doc->stale || !flight_try(key, slot))
            return 0;
        return ERR_NOT_FOUND; /* stale: this thread rebuilds it */
    }
    if (flight_enter(key, slot) == FLIGHT_WAITED && get(cx, key, ttl_s, doc) == 0)
        return 0;
    return ERR_NOT_FOUND;
}

int api_catalog_lookup(struct ctx *cx, const char *key, int ttl_s, struct catalog_doc *doc,
                       int *slot)
{
    return lookup(cx, key, ttl_s, false, doc, slot);
}

/* A build's argument, copied when the refresher rebuilds the answer ahead of its expiry. */
struct ahead {
    const void *arg;
    size_t size;
};

/* Hands "key" to the refresher unless another thread of this process rebuilds it already. */
static void refresh_ahead(const char *key, int ttl_s, api_catalog_build_fn build,
                          const struct ahead *ahead)
{
    int slot;

    if (flight_try(key, &slot) &&
        !api_refresh_queue(key, ttl_s, build, ahead->arg, ahead->size, slot))
        flight_leave(slot);
}

/* api_catalog_cached(), the answer kept in the shared cache or ("local") in this process only. */
static int cached_in(struct ctx *cx, struct http_request *req, struct http_response *res,
                     const char *name, int ttl_s, bool local, api_catalog_build_fn build, void *arg,
                     const struct ahead *ahead)
{
    const char *key = catalog_cache_key(cx, name);
    struct catalog_doc doc;
    json_t *obj = NULL;
    int rc, slot;

    if (lookup(cx, key, ttl_s, local, &doc, &slot) == 0) {
        if (doc.due && ahead)
            refresh_ahead(key, ttl_s, build, ahead);
        api_catalog_send_doc(cx, req, res, &doc);
        return 0;
    }
    rc = build(cx, arg, &obj);
    if (rc == 0) {
        api_catalog_send(cx, req, res, obj, &doc);
        (local ? catalog_local_put : catalog_cache_put)(cx, key, &doc, ttl_s);
    }
    flight_leave(slot);
    return rc;
}

int api_catalog_cached(struct ctx *cx, struct http_request *req, struct http_response *res,
                       const char *name, int ttl_s, api_catalog_build_fn build, void *arg)
{
    return cached_in(cx, req, res, name, ttl_s, false, build, arg, NULL);
}

int api_catalog_cached_ahead(struct ctx *cx, struct http_request *req, struct http_response *res,
                             const char *name, int ttl_s, api_catalog_build_fn build, void *arg,
                             size_t arg_size)
{
    struct ahead ahead = {arg, arg_size};

    return cached_in(cx, req, res, name, ttl_s, false, build, arg, &ahead);
}

int api_catalog_cached_local(struct ctx *cx, struct http_request *req, struct http_response *res,
                             const char *name, int ttl_s, api_catalog_build_fn build, void *arg)
{
    return cached_in(cx, req, res, name, ttl_s, true, build, arg, NULL);
}
