/* books.c (service): visibility, the storefront rows, and who may create, edit and publish. */
#include "service/books.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cache/cache.h"
#include "core/slug.h"
#include "core/timefmt.h"
#include "service/catalog.h"
#include "service/search.h"
#include "service/text.h"
#include "store/authors.h"
#include "store/categories.h"
#include "store/publishers.h"

#define SLUG_MAX 80
#define TOP_RATED_WEIGHT 10.0 /* C: reviews a book needs before its own average dominates */

const char *const books_sort_names[] = {"newest",     "popular", "rating", "price_asc",
                                        "price_desc", "title",   NULL};

/* Slugs that would shadow the routes under /api/books/. */
static const char *const reserved_slugs[] = {"featured", "trending", "new", "top-rated",
                                             "search",   "suggest",  NULL};

int books_isbn_normalize(const char *in, char out[14])
{
    char d[14];
    int n = 0, sum = 0;

    for (const char *p = in; *p; p++) {
        if (*p == '-' || *p == ' ')
            continue;
        bool x = (*p == 'X' || *p == 'x') && n == 9 && p[1] == '\0';
        if ((!isdigit((unsigned char)*p) && !x) || n >= 13)
            return -1;
        d[n++] = x ? 'X' : *p;
    }
    if (n == 10) {
        for (int i = 0; i < 10; i++)
            sum += (10 - i) * (d[i] == 'X' ? 10 : d[i] - '0');
        if (sum % 11 != 0)
            return -1;
        memmove(d + 3, d, 9);
        memcpy(d, "978", 3);
    } else if (n != 13) {
        return -1;
    }
    sum = 0;
    for (int i = 0; i < 12; i++)
        sum += (d[i] - '0') * (i % 2 ? 3 : 1);
    char check = (char)('0' + (10 - sum % 10) % 10);
    if (n == 13 && d[12] != check)
        return -1;
    d[12] = check;
    memcpy(out, d, 13);
    out[13] = '\0';
    return 0;
}

/* One subtag of a language tag: its length if it is 1..8 letters or digits, else 0. */
static size_t subtag(const char *p)
{
    size_t n = 0;

    while (isalnum((unsigned char)p[n]))
        n++;
    return n <= 8 && (p[n] == '\0' || p[n] == '-') ? n : 0;
}

bool books_language_normalize(const char *in, char *out, size_t cap)
{
    size_t len = strlen(in), k = 0;

    if (len < 2 || len > 35 || len >= cap)
        return false;
    for (const char *p = in; *p;) {
        size_t n = subtag(p);
        bool first = p == in;
        if (n == 0 || (first && (n < 2 || n > 3)))
            return false;
        for (size_t i = 0; i < n; i++) {
            char c = p[i];
            if (first && !isalpha((unsigned char)c))
                return false;
            /* en, zh-Hant, pt-BR: language lower, script title, region upper. */
            if (!first && n == 4)
                c = (char)(i == 0 ? toupper((unsigned char)c) : tolower((unsigned char)c));
            else if (!first && n == 2)
                c = (char)toupper((unsigned char)c);
            else
                c = (char)tolower((unsigned char)c);
            out[k++] = c;
        }
        p += n;
        if (*p == '-') {
            if (p[1] == '\0')
                return false;
            out[k++] = *p++;
        }
    }
    out[k] = '\0';
    return true;
}

static int can_edit_book(struct ctx *cx, long long id, bool *yes)
{
    *yes = catalog_is_admin(cx);
    if (*yes || cx->user_id <= 0)
        return 0;
    return store_books_is_author(cx, id, cx->user_id, yes);
}

int books_get(struct ctx *cx, const char *id_or_slug, struct book *out, bool *can_edit)
{
    long long id;
    int rc;

    if (catalog_parse_id(id_or_slug, &id))
        rc = store_books_find(cx, id, out);
    else if (catalog_slug_valid(id_or_slug))
        rc = store_books_find_slug(cx, id_or_slug, out);
    else
        rc = ERR_NOT_FOUND;
    if (rc == 0)
        rc = can_edit_book(cx, out->id, can_edit);
    if (rc == 0 && strcmp(out->status, "published") != 0 && !*can_edit)
        rc = ERR_NOT_FOUND;
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no book '%s'", id_or_slug);
    if (rc == 0)
        rc = store_books_load_authors(cx, out, 1);
    if (rc == 0)
        rc = store_books_load_categories(cx, out);
    return rc;
}

int books_resolve(struct ctx *cx, const char *id_or_slug, long long *id)
{
    struct book b;
    int rc = ERR_NOT_FOUND;

    if (catalog_parse_id(id_or_slug, id))
        return 0;
    if (catalog_slug_valid(id_or_slug))
        rc = store_books_find_slug(cx, id_or_slug, &b);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no book '%s'", id_or_slug);
    if (rc == 0)
        *id = b.id;
    return rc;
}

int books_related(struct ctx *cx, const struct book *b, struct book **items, int *n)
{
    int rc = store_books_related(cx, b->id, BOOKS_RELATED_MAX, items, n);

    return rc ? rc : store_books_load_authors(cx, *items, *n);
}

/* The cache key of a filter set's count; the filters are validated, so no value holds '|'. */
static const char *total_key(struct ctx *cx, const struct book_filter *f)
{
    char min[24] = "", max[24] = "";

    if (f->price_min >= 0)
        snprintf(min, sizeof(min), "%lld", f->price_min);
    if (f->price_max >= 0)
        snprintf(max, sizeof(max), "%lld", f->price_max);
    return catalog_cache_key(
        cx,
        arena_printf(cx->arena, "books_total:%s|%s|%s|%s|%s|%s|%s", f->category ? f->category : "",
                     f->author ? f->author : "", f->publisher ? f->publisher : "",
                     f->language ? f->language : "", f->format ? f->format : "", min, max));
}

/*
 * How many books "f" matches, and the span of published ids, kept in the cache for the
 * catalog's generation: every sort and page of a filter set shares them, and counting a large
 * category is most of an uncached page's cost.
 */
static int list_total(struct ctx *cx, const struct book_filter *f, long long *total,
                      long long *span)
{
    const char *key = total_key(cx, f);
    char *val, txt[48];
    size_t len;
    int rc;

    if (key && cache_get(cx->app->cache, cx->arena, key, &val, &len) == 0 &&
        sscanf(val, "%lld %lld", total, span) == 2)
        return 0;
    if ((rc = store_books_count(cx, f, total, span)) != 0)
        return rc;
    if (key) {
        int w = snprintf(txt, sizeof(txt), "%lld %lld", *total, *span);
        cache_set(cx->app->cache, key, txt, (size_t)w, BOOKS_TOTAL_TTL);
    }
    return 0;
}

int books_list(struct ctx *cx, const struct book_filter *f, enum book_sort sort, int limit,
               long long offset, struct book **items, int *n, long long *total)
{
    struct book_filter plan = *f;
    long long span;
    int rc = list_total(cx, f, total, &span);

    if (rc)
        return rc;
    *items = NULL;
    *n = 0;
    if (*total <= offset) /* past the end: no page to read */
        return 0;
    plan.category_first = store_books_category_first(*total, span, limit, offset);
    plan.price_first = store_books_price_first(f, sort, *total, span);
    rc = store_books_list(cx, &plan, sort, limit, offset, items, n);
    return rc ? rc : store_books_load_authors(cx, *items, *n);
}

int books_featured(struct ctx *cx, int limit, struct book **items, int *n)
{
    int rc = store_books_featured(cx, limit, items, n);

    return rc ? rc : store_books_load_authors(cx, *items, *n);
}

int books_trending(struct ctx *cx, int limit, struct book **items, int *n)
{
    const char *days[7];
    double weights[7];
    time_t now = time(NULL);
    int rc;

    for (int i = 0; i < 7; i++) {
        struct tm tm;
        time_t t = now - (time_t)i * 86400;
        char *day = arena_alloc(cx->arena, 11);

        gmtime_r(&t, &tm);
        strftime(day, 11, "%Y-%m-%d", &tm);
        days[i] = day;
        weights[i] = pow(0.5, i / 2.0); /* halves every two days */
    }
    rc = store_books_trending(cx, days, weights, limit, items, n);
    return rc ? rc : store_books_load_authors(cx, *items, *n);
}

int books_new(struct ctx *cx, int limit, struct book **items, int *n)
{
    struct book_filter any = {.price_min = -1, .price_max = -1};
    int rc = store_books_list(cx, &any, BOOK_SORT_NEWEST, limit, 0, items, n);

    return rc ? rc : store_books_load_authors(cx, *items, *n);
}

int books_top_rated(struct ctx *cx, int limit, struct book **items, int *n)
{
    double mean = 0;
    int rc = store_books_rating_mean(cx, &mean);

    if (rc == 0)
        rc = store_books_top_rated(cx, mean, TOP_RATED_WEIGHT, limit, items, n);
    return rc ? rc : store_books_load_authors(cx, *items, *n);
}

/* ---- writes -------------------------------------------------------------------------- */

/* Records "msg" for "field" unless the field already has a problem. */
static void problem(json_t *fields, const char *field, const char *msg)
{
    if (!json_object_get(fields, field))
        json_object_set_new(fields, field, json_string(msg));
}

static void check_text(json_t *fields, const char *field, const char *s, size_t max, bool required)
{
    char msg[64];
    bool blank = true;

    if (!s) {
        if (required)
            problem(fields, field, "is required");
        return;
    }
    for (const char *p = s; *p && blank; p++)
        blank = isspace((unsigned char)*p);
    snprintf(msg, sizeof(msg), "must be at most %zu characters", max);
    if (required && blank)
        problem(fields, field, "must not be empty");
    else if (text_chars(s) > max)
        problem(fields, field, msg);
}

/* The value checks of every given field; "create" requires the fields a book needs. */
static void check_values(const struct book_input *in, bool create, json_t *fields,
                         struct book_input *norm, char isbn[14], char lang[36])
{
    unsigned g = in->given;

    *norm = *in;
    if (create || (g & BOOK_IN_TITLE))
        check_text(fields, "title", in->title, 500, true);
    if (g & BOOK_IN_SUBTITLE)
        check_text(fields, "subtitle", in->subtitle, 500, false);
    if (g & BOOK_IN_DESCRIPTION)
        check_text(fields, "description", in->description, 20000, false);
    if ((create || (g & BOOK_IN_LANGUAGE)) &&
        !(in->language && books_language_normalize(in->language, lang, 36)))
        problem(fields, "language", "must be a language tag such as \"en\" or \"pt-BR\"");
    norm->language = lang;
    if ((g & BOOK_IN_ISBN) && in->isbn && books_isbn_normalize(in->isbn, isbn) != 0)
        problem(fields, "isbn", "must be a valid ISBN-10 or ISBN-13 (check digit included)");
    norm->isbn = (g & BOOK_IN_ISBN) && in->isbn ? isbn : NULL;
    if ((g & BOOK_IN_PAGE_COUNT) && (in->page_count < 0 || in->page_count > 100000))
        problem(fields, "page_count", "must be between 1 and 100000");
    if ((create && !(g & BOOK_IN_PRICE)) ||
        ((g & BOOK_IN_PRICE) && (in->price_cents < 0 || in->price_cents > BOOKS_PRICE_MAX)))
        problem(fields, "price_cents", "must be a whole number of cents from 0 to 100000000");
    if ((create || (g & BOOK_IN_CURRENCY)) &&
        !(in->currency && strlen(in->currency) == 3 && isupper((unsigned char)in->currency[0]) &&
          isupper((unsigned char)in->currency[1]) && isupper((unsigned char)in->currency[2])))
        problem(fields, "currency", "must be 3 upper-case letters (ISO 4217), such as \"USD\"");
    if ((create || (g & BOOK_IN_FORMAT)) &&
        !(in->format && (!strcmp(in->format, "epub") || !strcmp(in->format, "pdf"))))
        problem(fields, "format", "must be \"epub\" or \"pdf\"");
    if ((g & BOOK_IN_AUTHORS) && (in->n_author_ids < 1 || in->n_author_ids > 10))
        problem(fields, "author_ids", "must list 1 to 10 author ids");
    if ((g & BOOK_IN_CATEGORIES) && in->n_category_ids > 10)
        problem(fields, "category_ids", "must list at most 10 category ids");
}

/* Adds "field": "unknown <what> <id>" for the first id "missing" holds. */
static void unknown_ids(json_t *fields, const char *field, const char *what,
                        const long long *missing, int n)
{
    char msg[80];

    if (n == 0)
        return;
    snprintf(msg, sizeof(msg), "unknown %s id %lld", what, missing[0]);
    problem(fields, field, msg);
}

/* The references a write names: authors, categories and publisher must exist. */
static int check_references(struct ctx *cx, const struct book_input *in, json_t *fields)
{
    long long *missing;
    int n = 0, rc = 0;

    if ((in->given & BOOK_IN_AUTHORS) && !json_object_get(fields, "author_ids") &&
        (rc = store_authors_missing(cx, in->author_ids, in->n_author_ids, &missing, &n)) == 0)
        unknown_ids(fields, "author_ids", "author", missing, n);
    if (rc == 0 && (in->given & BOOK_IN_CATEGORIES) && in->n_category_ids > 0 &&
        !json_object_get(fields, "category_ids") &&
        (rc = store_categories_missing(cx, in->category_ids, in->n_category_ids, &missing, &n)) ==
            0)
        unknown_ids(fields, "category_ids", "category", missing, n);
    if (rc == 0 && (in->given & BOOK_IN_PUBLISHER) && in->publisher_id > 0) {
        struct publisher p;
        rc = store_publishers_find(cx, in->publisher_id, &p);
        if (rc == ERR_NOT_FOUND)
            unknown_ids(fields, "publisher_id", "publisher", &in->publisher_id, 1);
        rc = rc == ERR_NOT_FOUND ? 0 : rc;
    }
    return rc;
}

/*
 * Who is credited: the given author ids (which, for a non-admin, must include the caller's
 * own profile), or the caller's profile alone. ERR_CONFLICT when the caller has none.
 */
static int credited_authors(struct ctx *cx, struct book_input *in, json_t *fields)
{
    struct author me;
    int rc = store_authors_find_user(cx, cx->user_id, &me);
    bool admin = catalog_is_admin(cx);

    if (rc == ERR_NOT_FOUND && (!(in->given & BOOK_IN_AUTHORS) || !admin))
        return cx_fail(cx, ERR_CONFLICT,
                       "create your author profile first (POST /api/users/me/author)");
    if (rc && rc != ERR_NOT_FOUND)
        return rc;
    if (!(in->given & BOOK_IN_AUTHORS)) {
        in->given |= BOOK_IN_AUTHORS;
        in->author_ids = arena_alloc(cx->arena, sizeof(long long));
        in->author_ids[0] = me.id;
        in->n_author_ids = 1;
        return 0;
    }
    bool included = admin;
    for (int i = 0; i < in->n_author_ids && !included; i++)
        included = in->author_ids[i] == me.id;
    if (!included)
        problem(fields, "author_ids", "must include your own author profile");
    return 0;
}

static int check_isbn_free(struct ctx *cx, const char *isbn, long long except, json_t *fields)
{
    bool taken = false;
    int rc = isbn ? store_books_isbn_taken(cx, isbn, except, &taken) : 0;

    if (rc == 0 && taken)
        return cx_fail_details(
            cx, ERR_CONFLICT,
            json_pack("{s:{s:s}}", "fields", "isbn", "another book already has this ISBN"),
            "another book already has ISBN %s", isbn);
    return rc;
}

/* Fails with every recorded problem, or returns 0 when there are none. */
static int invalid_unless_empty(struct ctx *cx, json_t *fields)
{
    if (json_object_size(fields) == 0)
        return 0;
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:O}", "fields", fields),
                           "some fields are invalid; see details.fields");
}

/* Value and reference checks for a write by the caller; "norm" gets normalised values. */
static int validate(struct ctx *cx, const struct book_input *in, bool create, json_t *fields,
                    struct book_input *norm, char isbn[14], char lang[36])
{
    int rc;

    if ((in->given & BOOK_IN_FEATURED) && !catalog_is_admin(cx))
        return cx_fail(cx, ERR_FORBIDDEN, "only an admin sets \"featured\"");
    check_values(in, create, fields, norm, isbn, lang);
    if (create && (rc = credited_authors(cx, norm, fields)) != 0)
        return rc;
    if (!create && (in->given & BOOK_IN_AUTHORS) && (rc = credited_authors(cx, norm, fields)))
        return rc;
    if ((rc = check_references(cx, norm, fields)) != 0)
        return rc;
    return invalid_unless_empty(cx, fields);
}

/* A free slug for "title" (the seed's rule: letters required, route words avoided). */
/* "Alice's" as "Alices": slugs read "alices-adventures", not "alice-s-adventures". */
static char *without_apostrophes(struct arena *a, const char *s)
{
    char *out = arena_strdup(a, s), *w = out;

    for (const char *p = s; *p; p++) {
        if (*p == '\'' || strncmp(p, "\xE2\x80\x99", 3) == 0) { /* ' or U+2019 */
            p += *p == '\'' ? 0 : 2;
            continue;
        }
        *w++ = *p;
    }
    *w = '\0';
    return out;
}

static int new_slug(struct ctx *cx, const char *title, const char **slug)
{
    const char *base = slug_from(cx->arena, without_apostrophes(cx->arena, title), SLUG_MAX);
    const char **taken;
    int n, rc = store_books_slugs_like(cx, base, &taken, &n);

    if (rc == 0)
        *slug = catalog_unique_slug(cx->arena, base, taken, n, reserved_slugs, SLUG_MAX);
    return rc;
}

/* True when "slug" is "base" or "base-N": the slug already follows a title giving "base". */
static bool slug_follows(const char *slug, const char *base)
{
    size_t n = strlen(base);

    if (strncmp(slug, base, n) != 0)
        return false;
    if (slug[n] == '\0')
        return true;
    return slug[n] == '-' && slug[n + 1] &&
           strspn(slug + n + 1, "0123456789") == strlen(slug + n + 1);
}

/*
 * The slug of a book renamed to "title": a book never published follows its title (drafts
 * start as "Untitled"); once published its address is stable, so old links keep working.
 */
static int renamed_slug(struct ctx *cx, const struct book *b, const char *title, const char **slug)
{
    *slug = b->slug;
    if (b->published_at || strcmp(b->status, "draft") != 0 || strcmp(title, b->title) == 0)
        return 0;
    const char *base = slug_from(cx->arena, without_apostrophes(cx->arena, title), SLUG_MAX);
    if (slug_follows(b->slug, base))
        return 0;
    return new_slug(cx, title, slug);
}

/* Runs the row write and the joins in one transaction. */
static int write_book(struct ctx *cx, long long *id, const struct book_row *row,
                      const struct book_input *in)
{
    int rc = cx_begin(cx);

    if (rc == 0 && *id == 0)
        rc = store_books_insert(cx, row, cx->user_id, time_from_now(cx->arena, 0), id);
    else if (rc == 0)
        rc = store_books_update(cx, *id, row, time_from_now(cx->arena, 0));
    if (rc == 0 && (in->given & BOOK_IN_AUTHORS))
        rc = store_books_set_authors(cx, *id, in->author_ids, in->n_author_ids);
    if (rc == 0 && (in->given & BOOK_IN_CATEGORIES))
        rc = store_books_set_categories(cx, *id, in->category_ids, in->n_category_ids);
    if (rc == 0)
        rc = cx_commit(cx);
    if (rc)
        cx_rollback(cx);
    return rc;
}

/* Reads back what was written, as the caller sees it, and updates the search word list. */
static int reload(struct ctx *cx, long long id, struct book *out)
{
    char idtext[24];
    bool can_edit;
    int rc;

    snprintf(idtext, sizeof(idtext), "%lld", id);
    rc = books_get(cx, idtext, out, &can_edit);
    if (rc == 0)
        search_note_book(cx, out);
    return rc;
}

int books_create(struct ctx *cx, const struct book_input *in, json_t *fields, struct book *out)
{
    struct book_input v;
    char isbn[14], lang[36];
    struct book_row row = {0};
    long long id = 0;
    int rc = validate(cx, in, true, fields, &v, isbn, lang);

    if (rc == 0)
        rc = check_isbn_free(cx, v.isbn, 0, fields);
    if (rc == 0)
        rc = new_slug(cx, v.title, &row.slug);
    if (rc)
        return rc;
    row = (struct book_row){
        .slug = row.slug,
        .title = v.title,
        .subtitle = v.subtitle,
        .description = v.description,
        .language = v.language,
        .isbn = v.isbn,
        .currency = v.currency,
        .format = v.format,
        .page_count = v.page_count,
        .price_cents = v.price_cents,
        .publisher_id = v.publisher_id,
        .featured = (in->given & BOOK_IN_FEATURED) && v.featured,
    };
    rc = write_book(cx, &id, &row, &v);
    if (rc == ERR_CONFLICT) /* another book took the slug meanwhile */
        return cx_fail(cx, rc, "another book took this title's address just now; try again");
    return rc ? rc : reload(cx, id, out);
}

/* Loads book "id" for a change by the caller: its authors and admins only. */
static int load_for_write(struct ctx *cx, long long id, struct book *b)
{
    bool mine = false;
    int rc = store_books_find(cx, id, b);

    if (rc == 0 && strcmp(b->status, "deleted") == 0)
        rc = ERR_NOT_FOUND;
    if (rc == 0)
        rc = can_edit_book(cx, id, &mine);
    if (rc == 0 && !mine && strcmp(b->status, "published") != 0)
        rc = ERR_NOT_FOUND; /* a draft is invisible to others: do not confirm it exists */
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no book %lld", id);
    if (rc == 0 && !mine)
        return cx_fail(cx, ERR_FORBIDDEN, "only the book's authors or an admin may change it");
    return rc;
}

/* The row after applying the given fields of "v" to the stored book "b". */
static struct book_row merged(const struct book *b, const struct book_input *v)
{
    unsigned g = v->given;

    return (struct book_row){
        .slug = b->slug,
        .title = g & BOOK_IN_TITLE ? v->title : b->title,
        .subtitle = g & BOOK_IN_SUBTITLE ? v->subtitle : b->subtitle,
        .description = g & BOOK_IN_DESCRIPTION ? v->description : b->description,
        .language = g & BOOK_IN_LANGUAGE ? v->language : b->language,
        .isbn = g & BOOK_IN_ISBN ? v->isbn : b->isbn,
        .currency = g & BOOK_IN_CURRENCY ? v->currency : b->currency,
        .format = g & BOOK_IN_FORMAT ? v->format : b->format,
        .page_count = g & BOOK_IN_PAGE_COUNT ? v->page_count : b->page_count,
        .price_cents = g & BOOK_IN_PRICE ? v->price_cents : b->price_cents,
        .publisher_id = g & BOOK_IN_PUBLISHER ? v->publisher_id : b->publisher.id,
        .featured = g & BOOK_IN_FEATURED ? v->featured : b->featured,
    };
}

int books_update(struct ctx *cx, long long id, const struct book_input *in, json_t *fields,
                 struct book *out)
{
    struct book_input v;
    struct book b;
    char isbn[14], lang[36];
    int rc = load_for_write(cx, id, &b);

    if (rc == 0)
        rc = validate(cx, in, false, fields, &v, isbn, lang);
    if (rc == 0 && (v.given & BOOK_IN_ISBN))
        rc = check_isbn_free(cx, v.isbn, id, fields);
    if (rc)
        return rc;
    struct book_row row = merged(&b, &v);
    if ((v.given & BOOK_IN_TITLE) && (rc = renamed_slug(cx, &b, v.title, &row.slug)) != 0)
        return rc;
    if ((rc = write_book(cx, &id, &row, &v)) != 0)
        return rc == ERR_CONFLICT ? cx_fail(cx, rc, "the change conflicts with another book") : rc;
    catalog_changed(cx);
    return reload(cx, id, out);
}

int books_delete(struct ctx *cx, long long id)
{
    struct book b;
    int rc = load_for_write(cx, id, &b);

    if (rc == 0)
        rc = store_books_soft_delete(cx, id, time_from_now(cx->arena, 0));
    if (rc == 0)
        catalog_changed(cx);
    return rc;
}

int books_publish(struct ctx *cx, long long id, bool publish, struct book *out)
{
    struct book b;
    int rc = load_for_write(cx, id, &b);

    if (rc == 0 && publish && !b.format)
        return cx_fail_details(cx, ERR_INVALID,
                               json_pack("{s:{s:s}}", "fields", "format", "is required"),
                               "set the book's format before publishing it");
    if (rc == 0)
        rc = publish ? store_books_publish(cx, id, time_from_now(cx->arena, 0))
                     : store_books_unpublish(cx, id, time_from_now(cx->arena, 0));
    if (rc == 0)
        catalog_changed(cx);
    return rc ? rc : reload(cx, id, out);
}
