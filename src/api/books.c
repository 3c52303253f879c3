/* books.c (api): /api/books: filters and sorts, the storefront rows, a book's page, and writes. */
#include "api/books.h"
#include "api/paging.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "api/catalog.h"
#include "core/flight.h"
#include "core/str.h"
#include "service/books.h"
#include "service/views.h"
#include "store/library.h"

#define FEATURED_TTL 300 /* the seed's featured_books lifetime */
#define TRENDING_TTL 180 /* the seed's trending_books lifetime */
#define ROWS_TTL 300     /* new releases, top rated */

/* ---- lists ------------------------------------------------------------------------------ */

struct list_query {
    struct book_filter f;
    enum book_sort sort;
    int limit;
    long long offset;
};

static void parse_price(struct http_request *req, const char *name, json_t *fields, long long *out)
{
    const char *v = http_request_query(req, name);
    unsigned long long n;

    *out = -1;
    if (!v)
        return;
    if (!str_to_u64(str_from(v), &n) || n > (unsigned long long)BOOKS_PRICE_MAX)
        json_object_set_new(fields, name,
                            json_string("must be a whole number of cents from 0 "
                                        "to 100000000"));
    else
        *out = (long long)n;
}

static void parse_sort(struct http_request *req, json_t *fields, enum book_sort *sort)
{
    const char *v = http_request_query(req, "sort");

    *sort = BOOK_SORT_NEWEST;
    if (!v)
        return;
    for (int i = 0; books_sort_names[i]; i++)
        if (strcmp(v, books_sort_names[i]) == 0) {
            *sort = (enum book_sort)i;
            return;
        }
    json_object_set_new(fields, "sort",
                        json_string("must be one of newest, popular, rating, price_asc, "
                                    "price_desc, title"));
}

/* language, format, free and the price range. */
static void parse_narrowing(struct ctx *cx, struct http_request *req, json_t *fields,
                            struct book_filter *f)
{
    const char *lang = http_request_query(req, "language"), *fmt, *free_;
    char *norm = arena_alloc(cx->arena, 36);

    if (lang && !books_language_normalize(lang, norm, 36))
        json_object_set_new(fields, "language",
                            json_string("must be a language tag such as "
                                        "\"en\" or \"pt-BR\""));
    f->language = lang ? norm : NULL;
    fmt = http_request_query(req, "format");
    if (fmt && strcmp(fmt, "epub") != 0 && strcmp(fmt, "pdf") != 0)
        json_object_set_new(fields, "format", json_string("must be \"epub\" or \"pdf\""));
    f->format = fmt;
    parse_price(req, "price_min", fields, &f->price_min);
    parse_price(req, "price_max", fields, &f->price_max);
    free_ = http_request_query(req, "free");
    if (free_ && strcmp(free_, "true") != 0 && strcmp(free_, "false") != 0)
        json_object_set_new(fields, "free", json_string("must be true or false"));
    else if (free_ && strcmp(free_, "true") == 0)
        f->price_max = 0;
    if (f->price_min >= 0 && f->price_max >= 0 && f->price_min > f->price_max &&
        !json_object_get(fields, "price_min"))
        json_object_set_new(fields, "price_min", json_string("must not exceed price_max"));
}

static int parse_list(struct ctx *cx, struct http_request *req, struct list_query *q)
{
    json_t *fields = json_object();

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    memset(q, 0, sizeof(*q));
    q->f.category = api_catalog_slug(req, "category", fields);
    q->f.author = api_catalog_slug(req, "author", fields);
    q->f.publisher = api_catalog_slug(req, "publisher", fields);
    parse_narrowing(cx, req, fields, &q->f);
    parse_sort(req, fields, &q->sort);
    api_page_read(req, fields, &q->limit, &q->offset);
    return api_params_check(cx, fields);
}

static int build_list(struct ctx *cx, void *arg, json_t **out)
{
    struct list_query *q = arg;
    struct book *items;
    long long total;
    int n, rc = books_list(cx, &q->f, q->sort, q->limit, q->offset, &items, &n, &total);

    if (rc == 0)
        *out = api_page_json(api_book_summaries(items, n), total, q->limit, q->offset);
    return rc;
}

int api_books_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct list_query q;
    int rc = parse_list(cx, req, &q);
    const struct book_filter *f = &q.f;

    if (rc)
        return rc;
    const char *name = arena_printf(
        cx->arena, "books:%s|%d|%lld|c=%s|a=%s|p=%s|l=%s|f=%s|%lld|%lld", books_sort_names[q.sort],
        q.limit, q.offset, f->category ? f->category : "", f->author ? f->author : "",
        f->publisher ? f->publisher : "", f->language ? f->language : "",
        f->format ? f->format : "", f->price_min, f->price_max);
    return api_catalog_cached(cx, req, res, name, CATALOG_TTL, build_list, &q);
}

/* ---- storefront rows ----------------------------------------------------------------------- */

typedef int (*row_fn)(struct ctx *cx, int limit, struct book **items, int *n);

struct row_query {
    row_fn fn;
    int limit;
};

static int build_row(struct ctx *cx, void *arg, json_t **out)
{
    struct row_query *q = arg;
    struct book *items;
    int n, rc = q->fn(cx, q->limit, &items, &n);

    if (rc == 0)
        *out = json_pack("{s:o}", "items", api_book_summaries(items, n));
    return rc;
}

/* A storefront row cached under "key" ("featured_books", as the seed named it) per limit. */
static int row(struct ctx *cx, struct http_request *req, struct http_response *res, const char *key,
               int ttl, row_fn fn)
{
    json_t *fields = json_object();
    struct row_query q = {fn, 0};
    long long offset;
    int rc;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    api_page_read(req, fields, &q.limit, &offset);
    if ((rc = api_params_check(cx, fields)) != 0)
        return rc;
    return api_catalog_cached_ahead(cx, req, res, arena_printf(cx->arena, "%s:%d", key, q.limit),
                                    ttl, build_row, &q, sizeof(q));
}

int api_books_featured(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return row(cx, req, res, "featured_books", FEATURED_TTL, books_featured);
}

int api_books_trending(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return row(cx, req, res, "trending_books", TRENDING_TTL, books_trending);
}

int api_books_new(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return row(cx, req, res, "new_books", ROWS_TTL, books_new);
}

int api_books_top_rated(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return row(cx, req, res, "top_rated_books", ROWS_TTL, books_top_rated);
}

/* ---- one book ----------------------------------------------------------------------------- */

static json_t *detail_json(struct ctx *cx, const struct book *b, bool can_edit)
{
    json_t *o = api_book_summary(b), *cats = json_array();
    struct book *related;
    int n = 0;

    bool has_sample = false;

    for (int i = 0; i < b->n_categories; i++)
        json_array_append_new(cats, api_catalog_ref(&b->categories[i]));
    if (books_related(cx, b, &related, &n) != 0)
        n = 0; /* a page without suggestions beats no page */
    if (store_library_has_sample(cx, b->id, &has_sample) != 0)
        has_sample = false; /* no "Read a sample" link beats no page */
    json_object_set_new(o, "has_sample", json_boolean(has_sample));
    json_object_update_new(
        o,
        json_pack("{s:s?, s:s?, s:o, s:o, s:o, s:s, s:I, s:I, s:s, s:s, s:o, s:b}", "description",
                  b->description, "isbn", b->isbn, "page_count",
                  b->page_count > 0 ? json_integer(b->page_count) : json_null(), "publisher",
                  api_catalog_ref(&b->publisher), "categories", cats, "status", b->status,
                  "views_count", (json_int_t)b->views_count, "purchases_count",
                  (json_int_t)b->purchases_count, "created_at", b->created_at, "updated_at",
                  b->updated_at, "related", api_book_summaries(related, n), "can_edit", can_edit));
    return o;
}

/* The book id a cached detail starts with ({"id":42,...}: jansson keeps insertion order). */
static long long id_of(const struct catalog_doc *doc)
{
    return doc->len > 6 && strncmp(doc->body, "{\"id\":", 6) == 0 ? atoll(doc->body + 6) : 0;
}

/* A book's detail from the database; cached under "key" (when not NULL) if anyone may see it. */
static int show_fresh(struct ctx *cx, struct http_request *req, struct http_response *res,
                      const char *id, const char *key)
{
    struct catalog_doc doc;
    struct book b;
    bool can_edit = false;
    int rc;

    if ((rc = books_get(cx, id, &b, &can_edit)) != 0)
        return rc;
    bool published = strcmp(b.status, "published") == 0;
    if (published && !can_edit)
        views_record(cx, b.id);
    api_catalog_send(cx, req, res, detail_json(cx, &b, can_edit), &doc);
    if (published && !cx->user_id)
        catalog_cache_put(cx, key, &doc, CATALOG_TTL);
    return 0;
}

int api_books_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *id = http_request_param(req, "id");
    long long n;
    bool named = catalog_parse_id(id, &n) || catalog_slug_valid(id);
    const char *key = cx->user_id || !named
                          ? NULL
                          : catalog_cache_key(cx, arena_printf(cx->arena, "book:%s", id));
    struct catalog_doc doc;
    int rc, slot;

    if (api_catalog_lookup(cx, key, CATALOG_TTL, &doc, &slot) == 0) { /* anonymous, published */
        if (id_of(&doc) > 0)
            views_record(cx, id_of(&doc));
        api_catalog_send_doc(cx, req, res, &doc);
        return 0;
    }
    rc = show_fresh(cx, req, res, id, key);
    flight_leave(slot);
    return rc;
}

/* ---- writes ------------------------------------------------------------------------------- */

/* Reads an array of positive ids; false (with a problem recorded) otherwise. */
static bool id_array(struct ctx *cx, json_t *v, const char *name, json_t *fields, long long **out,
                     int *n)
{
    size_t i;
    json_t *e;

    if (!json_is_array(v) || json_array_size(v) > 100) {
        json_object_set_new(fields, name, json_string("must be an array of ids"));
        return false;
    }
    *out = arena_alloc(cx->arena, sizeof(long long) * (json_array_size(v) + 1));
    *n = 0;
    json_array_foreach(v, i, e)
    {
        if (!json_is_integer(e) || json_integer_value(e) < 1) {
            json_object_set_new(fields, name, json_string("must be an array of ids"));
            return false;
        }
        bool dup = false;
        for (int k = 0; k < *n && !dup; k++)
            dup = (*out)[k] == json_integer_value(e);
        if (!dup)
            (*out)[(*n)++] = json_integer_value(e);
    }
    return true;
}

enum kind { TEXT, TEXT_OR_NULL, WHOLE, WHOLE_OR_NULL, IDS, BOOL };

/* The fields of a book body: name, presence bit, type, where they go in struct book_input. */
static const struct {
    const char *name;
    unsigned bit;
    enum kind kind;
    size_t at, count_at;
} book_fields[] = {
    {"title", BOOK_IN_TITLE, TEXT, offsetof(struct book_input, title), 0},
    {"subtitle", BOOK_IN_SUBTITLE, TEXT_OR_NULL, offsetof(struct book_input, subtitle), 0},
    {"description", BOOK_IN_DESCRIPTION, TEXT_OR_NULL, offsetof(struct book_input, description), 0},
    {"language", BOOK_IN_LANGUAGE, TEXT, offsetof(struct book_input, language), 0},
    {"isbn", BOOK_IN_ISBN, TEXT_OR_NULL, offsetof(struct book_input, isbn), 0},
    {"currency", BOOK_IN_CURRENCY, TEXT, offsetof(struct book_input, currency), 0},
    {"format", BOOK_IN_FORMAT, TEXT, offsetof(struct book_input, format), 0},
    {"page_count", BOOK_IN_PAGE_COUNT, WHOLE_OR_NULL, offsetof(struct book_input, page_count), 0},
    {"price_cents", BOOK_IN_PRICE, WHOLE, offsetof(struct book_input, price_cents), 0},
    {"publisher_id", BOOK_IN_PUBLISHER, WHOLE_OR_NULL, offsetof(struct book_input, publisher_id),
     0},
    {"category_ids", BOOK_IN_CATEGORIES, IDS, offsetof(struct book_input, category_ids),
     offsetof(struct book_input, n_category_ids)},
    {"author_ids", BOOK_IN_AUTHORS, IDS, offsetof(struct book_input, author_ids),
     offsetof(struct book_input, n_author_ids)},
    {"featured", BOOK_IN_FEATURED, BOOL, offsetof(struct book_input, featured), 0},
};

static const char *const kind_problem[] = {
    "must be a string",        "must be a string or null",
    "must be a whole number",  "must be a whole number of 1 or more, or null",
    "must be an array of ids", "must be true or false",
};

/* Stores "v" in the field's place; false when it has the wrong type. */
static bool store_value(struct ctx *cx, json_t *v, enum kind kind, char *at, char *count_at,
                        json_t *fields, const char *name)
{
    switch (kind) {
    case TEXT:
    case TEXT_OR_NULL:
        if (!json_is_string(v) && !(kind == TEXT_OR_NULL && json_is_null(v)))
            return false;
        *(const char **)at = json_string_value(v);
        return true;
    case WHOLE:
    case WHOLE_OR_NULL:
        if (!json_is_integer(v) && !(kind == WHOLE_OR_NULL && json_is_null(v)))
            return false;
        if (kind == WHOLE_OR_NULL && json_is_integer(v) && json_integer_value(v) < 1)
            return false; /* ids and page counts: null clears, 0 means nothing */
        *(long long *)at = json_is_null(v) ? 0 : json_integer_value(v);
        return true;
    case IDS:
        return id_array(cx, v, name, fields, (long long **)at, (int *)count_at);
    case BOOL:
        *(bool *)at = json_is_true(v);
        return json_is_boolean(v);
    }
    return false;
}

static void one_field(struct ctx *cx, const char *k, json_t *v, json_t *fields,
                      struct book_input *in)
{
    for (size_t i = 0; i < sizeof(book_fields) / sizeof(book_fields[0]); i++) {
        if (strcmp(k, book_fields[i].name) != 0)
            continue;
        char *base = (char *)in;
        if (store_value(cx, v, book_fields[i].kind, base + book_fields[i].at,
                        base + book_fields[i].count_at, fields, k))
            in->given |= book_fields[i].bit;
        else if (!json_object_get(fields, k))
            json_object_set_new(fields, k, json_string(kind_problem[book_fields[i].kind]));
        return;
    }
    json_object_set_new(fields, k, json_string("is not a field of a book"));
}

/* The body as a struct book_input; type problems go to "fields" (returned, arena-owned). */
static json_t *parse_input(struct ctx *cx, json_t *body, struct book_input *in)
{
    json_t *fields = json_object(), *v;
    const char *k;

    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, fields);
    memset(in, 0, sizeof(*in));
    json_object_foreach(body, k, v) one_field(cx, k, v, fields, in);
    return fields;
}

static void send_detail(struct ctx *cx, struct http_response *res, int status, const struct book *b)
{
    http_respond_json_new(res, status, detail_json(cx, b, true));
}

int api_books_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct book_input in;
    json_t *fields = parse_input(cx, req->json, &in);
    struct book b;
    int rc = books_create(cx, &in, fields, &b);

    if (rc)
        return rc;
    send_detail(cx, res, 201, &b);
    http_response_header(res, "Location", arena_printf(cx->arena, "/api/books/%s", b.slug));
    return 0;
}

int api_books_update(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct book_input in;
    json_t *fields = parse_input(cx, req->json, &in);
    struct book b;
    long long id;
    int rc = books_resolve(cx, http_request_param(req, "id"), &id);

    if (rc == 0)
        rc = books_update(cx, id, &in, fields, &b);
    if (rc == 0)
        send_detail(cx, res, 200, &b);
    return rc;
}

int api_books_delete(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    int rc = books_resolve(cx, http_request_param(req, "id"), &id);

    if (rc == 0)
        rc = books_delete(cx, id);
    if (rc == 0)
        http_respond_bytes(res, 204, NULL, "", 0);
    return rc;
}

static int publish(struct ctx *cx, struct http_request *req, struct http_response *res, bool on)
{
    struct book b;
    long long id;
    int rc = books_resolve(cx, http_request_param(req, "id"), &id);

    if (rc == 0)
        rc = books_publish(cx, id, on, &b);
    if (rc == 0)
        send_detail(cx, res, 200, &b);
    return rc;
}

int api_books_publish(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return publish(cx, req, res, true);
}

int api_books_unpublish(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return publish(cx, req, res, false);
}
