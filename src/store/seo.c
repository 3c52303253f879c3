/* seo.c: the SQL behind covers, share tags and sitemaps: one book, one author, URL lists. */
#include "store/seo.h"

#include <stdlib.h>
#include <string.h>

#define BOOK_COLUMNS                                                                               \
    "SELECT b.id, b.slug, b.title, b.subtitle, b.description, b.language, b.isbn, b.format, "      \
    "b.status, b.published_at, b.updated_at, b.currency, b.cover_key, p.name, "                    \
    "(SELECT c.slug FROM book_categories bc JOIN categories c ON c.id = bc.category_id "           \
    "WHERE bc.book_id = b.id ORDER BY CASE WHEN c.slug = 'classics' THEN 0 ELSE 1 END, c.id "      \
    "LIMIT 1), b.page_count, b.price_cents, b.rating_count, b.rating_avg "                         \
    "FROM books b LEFT JOIN publishers p ON p.id = b.publisher_id "

static const char SQL_BOOK_BY_SLUG[] = BOOK_COLUMNS "WHERE b.slug = $1";
static const char SQL_BOOK_BY_ID[] = BOOK_COLUMNS "WHERE b.id = $1";
static const char SQL_BOOK_AUTHORS[] =
    "SELECT a.name, a.slug, a.user_id FROM book_authors ba JOIN authors a ON a.id = ba.author_id "
    "WHERE ba.book_id = $1 ORDER BY ba.position, a.id";
static const char SQL_AUTHOR_BY_SLUG[] =
    "SELECT a.id, a.slug, a.name, a.bio, a.updated_at, (SELECT COUNT(*) FROM book_authors ba "
    "JOIN books b ON b.id = ba.book_id WHERE ba.author_id = a.id AND b.status = 'published') "
    "FROM authors a WHERE a.slug = $1";
static const char SQL_AUTHOR_TITLES[] =
    "SELECT b.title, b.slug FROM book_authors ba JOIN books b ON b.id = ba.book_id "
    "WHERE ba.author_id = $1 AND b.status = 'published' "
    "ORDER BY b.purchases_count DESC, b.id LIMIT 3";
static const char SQL_COUNT_PUBLISHED[] = "SELECT COUNT(*) FROM books WHERE status = 'published'";
static const char SQL_PUBLISHED_PAGE[] =
    "SELECT slug, updated_at FROM books WHERE status = 'published' ORDER BY id LIMIT $1 OFFSET $2";
static const char SQL_AUTHORS_WITH_BOOKS[] =
    "SELECT a.slug, a.updated_at FROM authors a WHERE EXISTS (SELECT 1 FROM book_authors ba "
    "JOIN books b ON b.id = ba.book_id WHERE ba.author_id = a.id AND b.status = 'published') "
    "ORDER BY a.id LIMIT $1";
static const char SQL_CATEGORIES[] =
    "SELECT slug, updated_at FROM categories ORDER BY position, id";

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static int book_authors(struct ctx *cx, struct seo_book *b)
{
    struct db_param p[] = {DBP_INT(b->id)};
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_BOOK_AUTHORS, p, 1, &r);

    if (rc != 0)
        return rc;
    b->n_authors = r->nrows;
    b->author_names = arena_zalloc(cx->arena, sizeof(char *) * (size_t)(r->nrows + 1));
    b->author_slugs = arena_zalloc(cx->arena, sizeof(char *) * (size_t)(r->nrows + 1));
    b->author_users = arena_zalloc(cx->arena, sizeof(long long) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++) {
        b->author_names[i] = db_get(r, i, 0);
        b->author_slugs[i] = db_get(r, i, 1);
        b->author_users[i] = db_get_int(r, i, 2);
    }
    return 0;
}

int store_seo_book(struct ctx *cx, const char *key, struct seo_book *out)
{
    bool by_id = all_digits(key);
    struct db_param p[] = {by_id ? DBP_INT(strtoll(key, NULL, 10)) : DBP_TEXT(key)};
    struct db_result *r = NULL;
    int rc;

    if (by_id && strlen(key) > 18)
        return ERR_NOT_FOUND;
    rc = cx_query(cx, by_id ? SQL_BOOK_BY_ID : SQL_BOOK_BY_SLUG, p, 1, &r);
    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    memset(out, 0, sizeof(*out));
    out->id = db_get_int(r, 0, 0);
    const char **s[] = {&out->slug,         &out->title,      &out->subtitle, &out->description,
                        &out->language,     &out->isbn,       &out->format,   &out->status,
                        &out->published_at, &out->updated_at, &out->currency, &out->cover_key,
                        &out->publisher,    &out->genre};
    for (int i = 0; i < (int)(sizeof(s) / sizeof(s[0])); i++)
        *s[i] = db_get(r, 0, i + 1);
    out->page_count = db_get_int(r, 0, 15);
    out->price_cents = db_get_int(r, 0, 16);
    out->rating_count = db_get_int(r, 0, 17);
    out->rating_avg = db_get(r, 0, 18) ? strtod(db_get(r, 0, 18), NULL) : 0;
    return book_authors(cx, out);
}

static int author_titles(struct ctx *cx, struct seo_author *a)
{
    struct db_param p[] = {DBP_INT(a->id)};
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_AUTHOR_TITLES, p, 1, &r);

    if (rc != 0)
        return rc;
    a->n_titles = r->nrows;
    a->titles = arena_zalloc(cx->arena, sizeof(char *) * (size_t)(r->nrows + 1));
    a->book_slugs = arena_zalloc(cx->arena, sizeof(char *) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++) {
        a->titles[i] = db_get(r, i, 0);
        a->book_slugs[i] = db_get(r, i, 1);
    }
    return 0;
}

int store_seo_author(struct ctx *cx, const char *slug, struct seo_author *out)
{
    struct db_param p[] = {DBP_TEXT(slug)};
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_AUTHOR_BY_SLUG, p, 1, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    memset(out, 0, sizeof(*out));
    out->id = db_get_int(r, 0, 0);
    out->slug = db_get(r, 0, 1);
    out->name = db_get(r, 0, 2);
    out->bio = db_get(r, 0, 3);
    out->updated_at = db_get(r, 0, 4);
    out->n_books = db_get_int(r, 0, 5);
    return author_titles(cx, out);
}

int store_seo_count_books(struct ctx *cx, long long *n)
{
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_COUNT_PUBLISHED, NULL, 0, &r);

    if (rc == 0)
        *n = db_get_int(r, 0, 0);
    return rc;
}

/* Maps rows of (slug, updated_at) to entries. */
static int entries(struct ctx *cx, const char *sql, const struct db_param *p, int np,
                   struct seo_entry **out, int *n)
{
    struct db_result *r = NULL;
    int rc = cx_query(cx, sql, p, np, &r);

    if (rc != 0)
        return rc;
    *out = arena_alloc(cx->arena, sizeof(**out) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*out)[i] = (struct seo_entry){db_get(r, i, 0), db_get(r, i, 1)};
    *n = r->nrows;
    return 0;
}

int store_seo_books(struct ctx *cx, long long limit, long long offset, struct seo_entry **out,
                    int *n)
{
    struct db_param p[] = {DBP_INT(limit), DBP_INT(offset)};

    return entries(cx, SQL_PUBLISHED_PAGE, p, 2, out, n);
}

int store_seo_authors(struct ctx *cx, long long limit, struct seo_entry **out, int *n)
{
    struct db_param p[] = {DBP_INT(limit)};

    return entries(cx, SQL_AUTHORS_WITH_BOOKS, p, 1, out, n);
}

int store_seo_categories(struct ctx *cx, struct seo_entry **out, int *n)
{
    return entries(cx, SQL_CATEGORIES, NULL, 0, out, n);
}
