/* categories.c (store): the genre tree in SQL. */
#include "store/categories.h"

#include "store/sql.h"

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
static const char SQL_EXISTING_SQLITE[] =
    "SELECT id FROM categories WHERE id IN " SQL_IDS_SQLITE("$1");
static const char SQL_EXISTING_PG[] = "SELECT id FROM categories WHERE id IN " SQL_IDS_PG("$1");
static const char SQL_SLUGS_LIKE[] = "SELECT slug FROM categories WHERE slug = $1 OR slug LIKE $2";
static const char SQL_INSERT[] =
    "INSERT INTO categories (parent_id, name, slug, description, position, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
static const char SQL_UPDATE[] =
    "UPDATE categories SET parent_id = $2, name = $3, slug = $4, description = $5, "
    "position = $6, updated_at = $7 WHERE id = $1";
static const char SQL_DELETE[] = "DELETE FROM categories WHERE id = $1";

static void read_category(const struct db_result *r, int row, struct category *c)
{
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
    struct db_result *r;
    int rc = cx_query(cx, SQL_ALL, NULL, 0, &r);

    if (rc)
        return rc;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        read_category(r, i, &(*items)[i]);
    *n = r->nrows;
    return 0;
}

int store_categories_find(struct ctx *cx, long long id, struct category *out)
{
    struct db_param p[] = {DBP_INT(id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_FIND, p, 1, &r);

    if (rc)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    read_category(r, 0, out);
    return 0;
}

int store_categories_missing(struct ctx *cx, const long long *ids, int n, long long **missing,
                             int *n_missing)
{
    struct db_param p[] = {DBP_TEXT(sql_ids_json(cx->arena, ids, n))};
    struct db_result *r;
    int rc = cx_query(cx, sql_pick(cx, SQL_EXISTING_SQLITE, SQL_EXISTING_PG), p, 1, &r);

    if (rc)
        return rc;
    *missing = arena_alloc(cx->arena, sizeof(**missing) * (size_t)(n + 1));
    *n_missing = 0;
    for (int i = 0; i < n; i++) {
        bool found = false;
        for (int row = 0; row < r->nrows && !found; row++)
            found = db_get_int(r, row, 0) == ids[i];
        if (!found)
            (*missing)[(*n_missing)++] = ids[i];
    }
    return 0;
}

int store_categories_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n)
{
    struct db_param p[] = {DBP_TEXT(base), DBP_TEXT(arena_printf(cx->arena, "%s-%%", base))};
    struct db_result *r;
    int rc = cx_query(cx, SQL_SLUGS_LIKE, p, 2, &r);

    if (rc)
        return rc;
    *slugs = arena_alloc(cx->arena, sizeof(char *) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*slugs)[i] = db_get(r, i, 0);
    *n = r->nrows;
    return 0;
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
