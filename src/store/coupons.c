/* coupons.c: the only place SQL about coupons and coupon_books lives. */
#include "store/coupons.h"
#include "store/sql.h"

#include <string.h>

#define COUPON_COLS                                                                                \
    "id, code, kind, amount, currency, starts_at, ends_at, max_redemptions, redemptions, "         \
    "active, created_at, updated_at FROM coupons "

static const char SQL_BY_ID[] = "SELECT " COUPON_COLS "WHERE id = $1";
static const char SQL_BY_CODE[] = "SELECT " COUPON_COLS "WHERE lower(code) = $1";
static const char SQL_BOOKS[] =
    "SELECT book_id FROM coupon_books WHERE coupon_id = $1 ORDER BY book_id";
static const char SQL_INSERT[] =
    "INSERT INTO coupons (code, kind, amount, currency, starts_at, ends_at, max_redemptions, "
    "active, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
static const char SQL_UPDATE[] =
    "UPDATE coupons SET code = $2, kind = $3, amount = $4, currency = $5, starts_at = $6, "
    "ends_at = $7, max_redemptions = $8, active = $9, updated_at = $10 WHERE id = $1";
static const char SQL_BOOKS_CLEAR[] = "DELETE FROM coupon_books WHERE coupon_id = $1";
static const char SQL_BOOKS_ADD[] =
    "INSERT INTO coupon_books (coupon_id, book_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
static const char SQL_COUNT_BOOKS_SQLITE[] =
    "SELECT count(*) FROM books WHERE id IN " SQL_IDS_SQLITE("$1");
static const char SQL_COUNT_BOOKS_PG[] = "SELECT count(*) FROM books WHERE id IN " SQL_IDS_PG("$1");
static const char SQL_LIST[] = DB_PLAN_EACH_CALL
    "SELECT " COUPON_COLS "WHERE (CAST($1 AS TEXT) IS NULL OR lower(code) LIKE $1 ESCAPE '\\') "
    "ORDER BY id DESC LIMIT $2 OFFSET $3";
static const char SQL_LIST_COUNT[] =
    DB_PLAN_EACH_CALL "SELECT count(*) FROM coupons "
    "WHERE (CAST($1 AS TEXT) IS NULL OR lower(code) LIKE $1 ESCAPE '\\')";
static const char SQL_REDEEM[] =
    "UPDATE coupons SET redemptions = redemptions + 1, updated_at = $2 WHERE id = $1 "
    "AND active = 1 AND (max_redemptions IS NULL OR redemptions < max_redemptions)";
static const char SQL_RELEASE[] =
    "UPDATE coupons SET redemptions = redemptions - 1, updated_at = $2 "
    "WHERE id = $1 AND redemptions > 0";

static void map_coupon(const struct db_result *r, int row, struct coupon *c)
{
    memset(c, 0, sizeof(*c));
    c->id = db_get_int(r, row, 0);
    c->code = db_get(r, row, 1);
    c->kind = db_get(r, row, 2);
    c->amount = db_get_int(r, row, 3);
    c->currency = db_get(r, row, 4);
    c->starts_at = db_get(r, row, 5);
    c->ends_at = db_get(r, row, 6);
    c->max_redemptions = db_get_int(r, row, 7);
    c->redemptions = db_get_int(r, row, 8);
    c->active = db_get_int(r, row, 9) != 0;
    c->created_at = db_get(r, row, 10);
    c->updated_at = db_get(r, row, 11);
}

static int load_books(struct ctx *cx, struct coupon *c)
{
    struct db_param p = DBP_INT(c->id);
    struct db_result *r;
    int rc = cx_query(cx, SQL_BOOKS, &p, 1, &r);

    if (rc != 0)
        return rc;
    c->book_ids = arena_zalloc(cx->arena, sizeof(*c->book_ids) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        c->book_ids[i] = db_get_int(r, i, 0);
    c->n_books = r->nrows;
    return 0;
}

static int find_one(struct ctx *cx, const char *sql, struct db_param p, struct coupon *out)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, &p, 1, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    map_coupon(r, 0, out);
    return load_books(cx, out);
}

int store_coupons_find(struct ctx *cx, long long id, struct coupon *out)
{
    return find_one(cx, SQL_BY_ID, DBP_INT(id), out);
}

int store_coupons_find_by_code(struct ctx *cx, const char *code_lower, struct coupon *out)
{
    return find_one(cx, SQL_BY_CODE, DBP_TEXT(code_lower), out);
}

int store_coupons_insert(struct ctx *cx, const struct coupon *c, long long *id)
{
    struct db_param p[] = {DBP_TEXT(c->code),
                           DBP_TEXT(c->kind),
                           DBP_INT(c->amount),
                           DBP_TEXT(c->currency),
                           DBP_TEXT(c->starts_at),
                           DBP_TEXT(c->ends_at),
                           c->max_redemptions ? DBP_INT(c->max_redemptions) : DBP_NULL,
                           DBP_INT(c->active),
                           cx->user_id ? DBP_INT(cx->user_id) : DBP_NULL};
    struct db_result *r;
    int rc = cx_query(cx, SQL_INSERT, p, 9, &r);

    if (rc == 0)
        *id = db_get_int(r, 0, 0);
    return rc;
}

int store_coupons_update(struct ctx *cx, const struct coupon *c, const char *now)
{
    struct db_param p[] = {
        DBP_INT(c->id),        DBP_TEXT(c->code),
        DBP_TEXT(c->kind),     DBP_INT(c->amount),
        DBP_TEXT(c->currency), DBP_TEXT(c->starts_at),
        DBP_TEXT(c->ends_at),  c->max_redemptions ? DBP_INT(c->max_redemptions) : DBP_NULL,
        DBP_INT(c->active),    DBP_TEXT(now)};

    return cx_query(cx, SQL_UPDATE, p, 10, NULL);
}

int store_coupons_set_books(struct ctx *cx, long long id, const long long *book_ids, int n)
{
    struct db_param p = DBP_INT(id);
    int rc = cx_query(cx, SQL_BOOKS_CLEAR, &p, 1, NULL);

    for (int i = 0; rc == 0 && i < n; i++) {
        struct db_param q[] = {DBP_INT(id), DBP_INT(book_ids[i])};
        rc = cx_query(cx, SQL_BOOKS_ADD, q, 2, NULL);
    }
    return rc;
}

int store_coupons_count_books(struct ctx *cx, const long long *book_ids, int n, long long *count)
{
    struct db_param p = DBP_TEXT(sql_ids_json(cx->arena, book_ids, n));
    struct db_result *r;
    int rc = cx_query(cx, sql_pick(cx, SQL_COUNT_BOOKS_SQLITE, SQL_COUNT_BOOKS_PG), &p, 1, &r);

    if (rc == 0)
        *count = db_get_int(r, 0, 0);
    return rc;
}

int store_coupons_list(struct ctx *cx, const char *q, long long limit, long long offset,
                       struct coupon **items, int *n, long long *total)
{
    struct db_param p[] = {DBP_TEXT(q), DBP_INT(limit), DBP_INT(offset)};
    struct db_result *r, *c;
    int rc = cx_query(cx, SQL_LIST, p, 3, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_LIST_COUNT, p, 1, &c);
    if (rc != 0)
        return rc;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; rc == 0 && i < r->nrows; i++) {
        map_coupon(r, i, &(*items)[i]);
        rc = load_books(cx, &(*items)[i]);
    }
    *n = r->nrows;
    *total = db_get_int(c, 0, 0);
    return rc;
}

int store_coupons_redeem(struct ctx *cx, long long id, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_REDEEM, p, 2, &r);

    return rc ? rc : r->changes > 0 ? 0 : ERR_CONFLICT;
}

int store_coupons_release(struct ctx *cx, long long id, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(now)};

    return cx_query(cx, SQL_RELEASE, p, 2, NULL);
}
