/* authors.c (store): author profiles in SQL. */
#include "store/authors.h"

#include "store/named.h"

#define COLS                                                                                       \
    "a.id, a.slug, a.name, a.bio, a.photo_key, a.user_id, (SELECT count(*) FROM book_authors ba "  \
    "JOIN books b ON b.id = ba.book_id WHERE ba.author_id = a.id AND b.status = 'published')"

static const char SQL_FIND[] = "SELECT " COLS " FROM authors a WHERE a.id = $1";
static const char SQL_FIND_SLUG[] = "SELECT " COLS " FROM authors a WHERE a.slug = $1";
static const char SQL_FIND_USER[] = "SELECT " COLS " FROM authors a WHERE a.user_id = $1";

/* SQLite's twin names the narrow index of 0007: without statistics it would read every book. */
#define LIST(hint, order)                                                                          \
    "SELECT a.id, a.slug, a.name, a.bio, a.photo_key, a.user_id, count(b.id) AS book_count, "      \
    "coalesce(sum(10 * b.purchases_count + b.views_count), 0) AS popularity FROM authors a "       \
    "JOIN book_authors ba ON ba.author_id = a.id JOIN books b" hint " ON b.id = ba.book_id "       \
    "AND b.status = 'published' GROUP BY a.id ORDER BY " order " LIMIT $1 OFFSET $2"
#define COVER_SQLITE " INDEXED BY books_published_cover_idx"
#define BY_POPULARITY "popularity DESC, book_count DESC, a.id"
#define BY_NAME "lower(a.name), a.id"
static const char SQL_LIST_POPULAR_SQLITE[] = LIST(COVER_SQLITE, BY_POPULARITY);
static const char SQL_LIST_POPULAR_PG[] = LIST("", BY_POPULARITY);
static const char SQL_LIST_NAME_SQLITE[] = LIST(COVER_SQLITE, BY_NAME);
static const char SQL_LIST_NAME_PG[] = LIST("", BY_NAME);
static const char SQL_COUNT[] =
    "SELECT count(*) FROM authors a WHERE EXISTS (SELECT 1 FROM book_authors ba JOIN books b "
    "ON b.id = ba.book_id WHERE ba.author_id = a.id AND b.status = 'published')";

static const char SQL_EXISTING_SQLITE[] = NAMED_SQL_EXISTING_SQLITE("authors");
static const char SQL_EXISTING_PG[] = NAMED_SQL_EXISTING_PG("authors");
static const char SQL_SLUGS_LIKE[] = NAMED_SQL_SLUGS_LIKE("authors");
static const char SQL_INSERT[] =
    "INSERT INTO authors (name, slug, bio, user_id, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";
static const char SQL_UPDATE[] =
    "UPDATE authors SET name = $2, bio = $3, updated_at = $4 WHERE id = $1";

static void read_author(const struct db_result *r, int row, void *item)
{
    struct author *a = item;

    a->id = db_get_int(r, row, 0);
    a->slug = db_get(r, row, 1);
    a->name = db_get(r, row, 2);
    a->bio = db_get(r, row, 3);
    a->photo_key = db_get(r, row, 4);
    a->user_id = db_get_int(r, row, 5);
    a->book_count = db_get_int(r, row, 6);
}

int store_authors_find(struct ctx *cx, long long id, struct author *out)
{
    return store_named_find(cx, SQL_FIND, DBP_INT(id), read_author, out);
}

int store_authors_find_slug(struct ctx *cx, const char *slug, struct author *out)
{
    return store_named_find(cx, SQL_FIND_SLUG, DBP_TEXT(slug), read_author, out);
}

int store_authors_find_user(struct ctx *cx, long long user_id, struct author *out)
{
    return store_named_find(cx, SQL_FIND_USER, DBP_INT(user_id), read_author, out);
}

int store_authors_list(struct ctx *cx, bool by_name, int limit, long long offset,
                       struct author **items, int *n)
{
    struct db_param p[] = {DBP_INT(limit), DBP_INT(offset)};
    const char *sql = by_name ? sql_pick(cx, SQL_LIST_NAME_SQLITE, SQL_LIST_NAME_PG)
                              : sql_pick(cx, SQL_LIST_POPULAR_SQLITE, SQL_LIST_POPULAR_PG);

    void *rows;
    int rc = store_named_rows(cx, sql, p, 2, read_author, sizeof(**items), &rows, n);

    if (rc == 0)
        *items = rows;
    return rc;
}

int store_authors_count(struct ctx *cx, long long *total)
{
    return store_named_count(cx, SQL_COUNT, total);
}

int store_authors_missing(struct ctx *cx, const long long *ids, int n, long long **missing,
                          int *n_missing)
{
    return store_named_missing(cx, SQL_EXISTING_SQLITE, SQL_EXISTING_PG, ids, n, missing,
                               n_missing);
}

int store_authors_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n)
{
    return store_named_slugs_like(cx, SQL_SLUGS_LIKE, base, slugs, n);
}

int store_authors_add(struct ctx *cx, const struct author *a, const char *now, long long *id)
{
    struct db_param p[] = {DBP_TEXT(a->name), DBP_TEXT(a->slug), DBP_TEXT(a->bio),
                           a->user_id > 0 ? DBP_INT(a->user_id) : DBP_NULL, DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_INSERT, p, 5, &r);

    if (rc == 0)
        *id = db_get_int(r, 0, 0);
    return rc;
}

int store_authors_update(struct ctx *cx, const struct author *a, const char *now)
{
    struct db_param p[] = {DBP_INT(a->id), DBP_TEXT(a->name), DBP_TEXT(a->bio), DBP_TEXT(now)};

    return cx_query(cx, SQL_UPDATE, p, 4, NULL);
}
