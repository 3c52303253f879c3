/* publishers.c (store): publishers in SQL. */
#include "store/publishers.h"

#include "store/named.h"

#define COLS                                                                                       \
    "p.id, p.slug, p.name, p.description, p.website, (SELECT count(*) FROM books b "               \
    "WHERE b.publisher_id = p.id AND b.status = 'published')"

static const char SQL_FIND[] = "SELECT " COLS " FROM publishers p WHERE p.id = $1";
static const char SQL_FIND_SLUG[] = "SELECT " COLS " FROM publishers p WHERE p.slug = $1";
static const char SQL_LIST[] =
    "SELECT " COLS " FROM publishers p ORDER BY lower(p.name), p.id LIMIT $1 OFFSET $2";
static const char SQL_COUNT[] = "SELECT count(*) FROM publishers";
static const char SQL_SLUGS_LIKE[] = NAMED_SQL_SLUGS_LIKE("publishers");
static const char SQL_INSERT[] =
    "INSERT INTO publishers (name, slug, description, website, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $5) RETURNING id";
static const char SQL_UPDATE[] =
    "UPDATE publishers SET name = $2, description = $3, website = $4, updated_at = $5 "
    "WHERE id = $1";

static void read_publisher(const struct db_result *r, int row, void *item)
{
    struct publisher *p = item;

    p->id = db_get_int(r, row, 0);
    p->slug = db_get(r, row, 1);
    p->name = db_get(r, row, 2);
    p->description = db_get(r, row, 3);
    p->website = db_get(r, row, 4);
    p->book_count = db_get_int(r, row, 5);
}

int store_publishers_find(struct ctx *cx, long long id, struct publisher *out)
{
    return store_named_find(cx, SQL_FIND, DBP_INT(id), read_publisher, out);
}

int store_publishers_find_slug(struct ctx *cx, const char *slug, struct publisher *out)
{
    return store_named_find(cx, SQL_FIND_SLUG, DBP_TEXT(slug), read_publisher, out);
}

int store_publishers_list(struct ctx *cx, int limit, long long offset, struct publisher **items,
                          int *n)
{
    struct db_param p[] = {DBP_INT(limit), DBP_INT(offset)};

    void *rows;
    int rc = store_named_rows(cx, SQL_LIST, p, 2, read_publisher, sizeof(**items), &rows, n);

    if (rc == 0)
        *items = rows;
    return rc;
}

int store_publishers_count(struct ctx *cx, long long *total)
{
    return store_named_count(cx, SQL_COUNT, total);
}

int store_publishers_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n)
{
    return store_named_slugs_like(cx, SQL_SLUGS_LIKE, base, slugs, n);
}

int store_publishers_insert(struct ctx *cx, const struct publisher *p, const char *now,
                            long long *id)
{
    struct db_param v[] = {DBP_TEXT(p->name), DBP_TEXT(p->slug), DBP_TEXT(p->description),
                           DBP_TEXT(p->website), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_INSERT, v, 5, &r);

    if (rc == 0)
        *id = db_get_int(r, 0, 0);
    return rc;
}

int store_publishers_update(struct ctx *cx, const struct publisher *p, const char *now)
{
    struct db_param v[] = {DBP_INT(p->id), DBP_TEXT(p->name), DBP_TEXT(p->description),
                           DBP_TEXT(p->website), DBP_TEXT(now)};

    return cx_query(cx, SQL_UPDATE, v, 5, NULL);
}
