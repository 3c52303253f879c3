/* search.c (api): search results with facets and highlight segments, and the typeahead. */
#include "api/search.h"
#include "api/paging.h"

#include <string.h>

#include "core/buf.h"

#include "api/catalog.h"
#include "service/books.h"
#include "service/search.h"
#include "service/text.h"

static json_t *segments(const struct search_segment *s, int n)
{
    json_t *arr = json_array();

    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s, s:b}", "text", s[i].text, "match", s[i].match));
    return arr;
}

/* Facet values as [{<value_key>, <label_key>?, count}]. */
static json_t *buckets(const struct search_bucket *b, int n, const char *value_key,
                       const char *label_key)
{
    json_t *arr = json_array();

    for (int i = 0; i < n; i++) {
        json_t *o = json_pack("{s:s, s:I}", value_key, b[i].value, "count", (json_int_t)b[i].count);
        if (label_key)
            json_object_set_new(o, label_key, json_string(b[i].label ? b[i].label : ""));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *result_json(const struct search_result *r, const struct search_request *rq)
{
    json_t *items = json_array();

    for (int i = 0; i < r->n; i++) {
        json_t *o = api_book_summary(&r->items[i]);
        const struct search_highlight *h = &r->highlights[i];

        json_object_set_new(o, "highlight",
                            json_pack("{s:o, s:o}", "title", segments(h->title, h->n_title),
                                      "snippet", segments(h->snippet, h->n_snippet)));
        json_array_append_new(items, o);
    }
    json_t *out = api_page_json(items, r->total, rq->limit, rq->offset);
    json_object_set_new(out, "facets",
                        json_pack("{s:o, s:o, s:o, s:o}", "categories",
                                  buckets(r->categories, r->n_categories, "slug", "name"),
                                  "authors", buckets(r->authors, r->n_authors, "slug", "name"),
                                  "languages", buckets(r->languages, r->n_languages, "value", NULL),
                                  "price_bands", buckets(r->bands, r->n_bands, "value", "label")));
    json_object_set_new(out, "did_you_mean",
                        r->did_you_mean ? json_string(r->did_you_mean) : json_null());
    json_object_set_new(out, "approximate", json_boolean(r->approximate));
    return out;
}

static int build_search(struct ctx *cx, void *arg, json_t **out)
{
    struct search_request *rq = arg;
    struct search_result r;
    int rc = search_books(cx, rq, &r);

    if (rc == 0)
        *out = result_json(&r, rq);
    return rc;
}

/* q, category, author, language, price, limit, offset. */
static int parse(struct ctx *cx, struct http_request *req, struct search_request *rq,
                 const char **band)
{
    json_t *fields = json_object();
    const char *lang = http_request_query(req, "language");
    char *norm = arena_alloc(cx->arena, 36);
    const struct search_band *b = NULL;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    memset(rq, 0, sizeof(*rq));
    rq->q = http_request_query(req, "q");
    if (!rq->q || rq->q[strspn(rq->q, " \t\r\n")] == '\0')
        json_object_set_new(fields, "q", json_string("is required"));
    else if (!text_utf8_valid(rq->q, strlen(rq->q)))
        json_object_set_new(fields, "q", json_string("must be valid UTF-8"));
    rq->filter = (struct book_filter){.price_min = -1, .price_max = -1};
    rq->filter.category = api_catalog_slug(req, "category", fields);
    rq->filter.author = api_catalog_slug(req, "author", fields);
    if (lang && !books_language_normalize(lang, norm, 36))
        json_object_set_new(fields, "language",
                            json_string("must be a language tag such as "
                                        "\"en\""));
    rq->filter.language = lang ? norm : NULL;
    *band = http_request_query(req, "price");
    if (*band && !(b = search_band_find(*band)))
        json_object_set_new(fields, "price",
                            json_string("must be one of free, under-5, 5-10, "
                                        "10-20, over-20"));
    if (b) {
        rq->filter.price_min = b->min;
        rq->filter.price_max = b->max;
        rq->filter.price_band = b->value;
    }
    api_page_read(req, fields, &rq->limit, &rq->offset);
    return api_params_check(cx, fields);
}

/* The query as the service reads it (folded words, space-separated): queries that differ
 * only in case, accents or punctuation share one cache entry. */
static const char *normalised(struct ctx *cx, const char *q, size_t max_chars, int max_tokens)
{
    const char **tok;
    int n = text_tokens(cx->arena, q, strlen(q), max_chars, max_tokens, &tok);
    struct buf b = BUF_INIT;
    const char *out;

    for (int i = 0; i < n; i++)
        buf_printf(&b, i ? " %s" : "%s", tok[i]);
    out = arena_strdup(cx->arena, b.p ? b.p : "");
    buf_release(&b);
    return out;
}

int api_search_books(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct search_request rq;
    const char *band;
    int rc = parse(cx, req, &rq, &band);
    const struct book_filter *f = &rq.filter;

    if (rc)
        return rc;
    const char *name = arena_printf(
        cx->arena, "search:%d|%lld|c=%s|a=%s|l=%s|p=%s|q=%s", rq.limit, rq.offset,
        f->category ? f->category : "", f->author ? f->author : "", f->language ? f->language : "",
        band ? band : "", normalised(cx, rq.q, SEARCH_MAX_CHARS, SEARCH_MAX_TOKENS));
    return api_catalog_cached_local(cx, req, res, name, CATALOG_TTL, build_search, &rq);
}

static json_t *suggestion_json(const struct search_suggest_item *it)
{
    const struct search_suggestion *s = &it->s;

    if (it->author)
        return json_pack("{s:s, s:I, s:s, s:s}", "type", "author", "id", (json_int_t)s->id, "slug",
                         s->slug, "name", s->name);
    return json_pack("{s:s, s:I, s:s, s:s, s:s?, s:o}", "type", "book", "id", (json_int_t)s->id,
                     "slug", s->slug, "title", s->name, "author", s->author, "cover_url",
                     s->cover_key && *s->cover_key
                         ? json_sprintf("/static/%s", s->cover_key)
                         : json_sprintf("/api/books/%s/cover.svg", s->slug));
}

static int build_suggest(struct ctx *cx, void *arg, json_t **out)
{
    struct search_suggest_item *items;
    int n, rc = search_suggest(cx, arg, &items, &n);
    json_t *arr;

    if (rc)
        return rc;
    arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, suggestion_json(&items[i]));
    *out = json_pack("{s:o}", "items", arr);
    return 0;
}

int api_search_suggest(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *q = http_request_query(req, "q");

    if (!q)
        return cx_fail_details(
            cx, ERR_INVALID, json_pack("{s:{s:s}}", "fields", "q", "is required"), "q is required");
    if (!text_utf8_valid(q, strlen(q)))
        return cx_fail_details(cx, ERR_INVALID,
                               json_pack("{s:{s:s}}", "fields", "q", "must be valid UTF-8"),
                               "q must be valid UTF-8");
    return api_catalog_cached(
        cx, req, res,
        arena_printf(cx->arena, "suggest:%s",
                     normalised(cx, q, SUGGEST_MAX_CHARS, SUGGEST_MAX_TOKENS)),
        CATALOG_TTL, build_suggest, (void *)q);
}
