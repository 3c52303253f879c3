/* categories.c (store): the genre tree in SQL. */
#include "store/categories.h"

#include "store/named.h"

/* UNION (not UNION ALL) ends even if a cycle slipped in. */
static const char SQL_ALL[] =
    "WITH RECURSIVE tree(root, id) AS (SELECT id, id FROM categories UNION "
    "SELECT t.root, c.id FROM tree t JOIN categories c ON c.parent_id = t.id) "
    "SELECT c.id, c.parent_id, c.slug, c.name, c.description, c.position, "
    "coalesce(n.books, 0) FROM categories c LEFT JOIN (SELECT t.root, "
    "count(DISTINCT bc.book_id) AS books FROM tree t JOIN book_categories bc "
    "ON bc.category_id = t.id WHERE bc.book_id IN (SELECT id FROM books "
    "WHERE status = 'published') GROUP BY t.root) n ON n.root = c.id "
    "ORDER BY c.position, lower(c.name), c.id";
static const char SQL_FIND[] =
    "SELECT c.id, c.parent_id, c.slug, c.name, c.description, c.position, 0 "
    "FROM categories c WHERE c.id = $1";
static const char SQL_EXISTING_SQLITE[] = NAMED_SQL_EXISTING_SQLITE("categories");
static const char SQL_EXISTING_PG[] = NAMED_SQL_EXISTING_PG("categories");
static const char SQL_SLUGS_LIKE[] = NAMED_SQL_SLUGS_LIKE("categories");
static const char SQL_INSERT[] =
    "INSERT INTO categories (parent_id, name, slug, description, position, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
static const char SQL_UPDATE[] =
    "UPDATE categories SET parent_id = $2, name = $3, slug = $4, description = $5, "
    "position = $6, updated_at = $7 WHERE id = $1";
static const char SQL_DELETE[] = "DELETE FROM categories WHERE id = $1";
static const char SQL_SUBTREE_IDS_PG[] =
    "WITH RECURSIVE cats(id) AS (SELECT id FROM categories WHERE slug = $1 UNION ALL "
    "SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id) "
    "SELECT coalesce(string_agg(CAST(id AS TEXT), ',' ORDER BY id), '') FROM cats";

static void read_category(const struct db_result *r, int row, void *item)
{
    struct category *c = item;

    c->id = db_get_int(r, row, 0);
    c->parent_id = db_get_int(r, row, 1);
    c->slug = db_get(r, row, 2);
    c->name = db_get(r, row, 3);
    c->description = db_get(r, row, 4);
    c->position = db_get_int(r, row, 5);
    c->book_count = db_get_int(r, row, 6);
}

int store_categories_all(struct ctx *cx, struct category **items, int *n)
{
    void *rows;
    int rc = store_named_rows(cx, SQL_ALL, NULL, 0, read_category, sizeof(**items), &rows, n);

    if (rc == 0)
        *items = rows;
    return rc;
}

int store_categories_find(struct ctx *cx, long long id, struct category *out)
{
    return store_named_find(cx, SQL_FIND, DBP_INT(id), read_category, out);
}

int store_categories_missing(struct ctx *cx, const long long *ids, int n, long long **missing,
                             int *n_missing)
{
    return store_named_missing(cx, SQL_EXISTING_SQLITE, SQL_EXISTING_PG, ids, n, missing,
                               n_missing);
}

int store_categories_subtree_ids(struct ctx *cx, const char *slug, const char **ids)
{
    struct db_param p[] = {DBP_TEXT(slug)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_SUBTREE_IDS_PG, p, 1, &r);

    if (rc == 0)
        *ids = db_get(r, 0, 0);
    return rc;
}

int store_categories_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n)
{
    return store_named_slugs_like(cx, SQL_SLUGS_LIKE, base, slugs, n);
}

int store_categories_insert(struct ctx *cx, const struct category *c, const char *now,
                            long long *id)
{
    struct db_param p[] = {c->parent_id > 0 ? DBP_INT(c->parent_id) : DBP_NULL,
                           DBP_TEXT(c->name),
                           DBP_TEXT(c->slug),
                           DBP_TEXT(c->description),
                           DBP_INT(c->position),
                           DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_INSERT, p, 6, &r);

    if (rc == 0)
        *id = db_get_int(r, 0, 0);
    return rc;
}

int store_categories_update(struct ctx *cx, const struct category *c, const char *now)
{
    struct db_param p[] = {DBP_INT(c->id),
                           c->parent_id > 0 ? DBP_INT(c->parent_id) : DBP_NULL,
                           DBP_TEXT(c->name),
                           DBP_TEXT(c->slug),
                           DBP_TEXT(c->description),
                           DBP_INT(c->position),
                           DBP_TEXT(now)};

    return cx_query(cx, SQL_UPDATE, p, 7, NULL);
}

int store_categories_delete(struct ctx *cx, long long id)
{
    struct db_param p[] = {DBP_INT(id)};

    return cx_query(cx, SQL_DELETE, p, 1, NULL);
}
