/* cart.c: the only place SQL about carts, cart items and the books they hold lives. */
#include "store/cart.h"

#include <string.h>

#define BOOK_COLS "b.id, b.slug, b.title, b.cover_key, b.price_cents, b.currency, b.status "

static const char SQL_CART_LINES[] =
    "SELECT " BOOK_COLS ", ci.added_at, "
    "CASE WHEN le.user_id IS NOT NULL AND le.revoked_at IS NULL THEN 1 ELSE 0 END "
    "FROM cart_items ci JOIN books b ON b.id = ci.book_id "
    "LEFT JOIN library_entries le ON le.user_id = ci.user_id AND le.book_id = ci.book_id "
    "WHERE ci.user_id = $1 ORDER BY ci.added_at, b.id";
static const char SQL_CART_AUTHORS[] =
    "SELECT ba.book_id, a.id, a.slug, a.name FROM book_authors ba "
    "JOIN authors a ON a.id = ba.author_id "
    "WHERE ba.book_id IN (SELECT book_id FROM cart_items WHERE user_id = $1) "
    "ORDER BY ba.book_id, ba.position, a.id";
static const char SQL_BOOK[] = "SELECT " BOOK_COLS "FROM books b WHERE b.id = $1";
static const char SQL_BOOK_AUTHORS[] =
    "SELECT ba.book_id, a.id, a.slug, a.name FROM book_authors ba "
    "JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = $1 ORDER BY ba.position, a.id";
static const char SQL_OWNS[] = "SELECT 1 FROM library_entries "
                               "WHERE user_id = $1 AND book_id = $2 AND revoked_at IS NULL";
static const char SQL_ADD[] = "INSERT INTO cart_items (user_id, book_id, added_at) "
                              "VALUES ($1, $2, $3) ON CONFLICT (user_id, book_id) DO NOTHING";
static const char SQL_REMOVE[] = "DELETE FROM cart_items WHERE user_id = $1 AND book_id = $2";
static const char SQL_COUNT[] = "SELECT count(*) FROM cart_items WHERE user_id = $1";
static const char SQL_LOCK[] =
    "INSERT INTO carts (user_id, updated_at) VALUES ($1, $2) "
    "ON CONFLICT (user_id) DO UPDATE SET updated_at = excluded.updated_at";
static const char SQL_COUPON_ID[] = "SELECT coupon_id FROM carts WHERE user_id = $1";
static const char SQL_SET_COUPON[] =
    "INSERT INTO carts (user_id, coupon_id, updated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT (user_id) DO UPDATE SET coupon_id = excluded.coupon_id, "
    "updated_at = excluded.updated_at";
static const char SQL_REMOVE_ORDERED[] =
    "DELETE FROM cart_items WHERE user_id = $1 "
    "AND book_id IN (SELECT book_id FROM order_items WHERE order_id = $2)";
static const char SQL_DROP_USED_COUPON[] =
    "UPDATE carts SET coupon_id = NULL WHERE user_id = $1 "
    "AND coupon_id = (SELECT coupon_id FROM orders WHERE id = $2)";

static void map_book(const struct db_result *r, int row, struct cart_book *b)
{
    memset(b, 0, sizeof(*b));
    b->id = db_get_int(r, row, 0);
    b->slug = db_get(r, row, 1);
    b->title = db_get(r, row, 2);
    b->cover_key = db_get(r, row, 3);
    b->price_cents = db_get_int(r, row, 4);
    b->currency = db_get(r, row, 5);
    b->status = db_get(r, row, 6);
}

/* Hangs the author rows (book_id, id, slug, name) of "r" on the matching books. */
static void attach_authors(struct ctx *cx, const struct db_result *r, struct cart_book **books,
                           int n)
{
    for (int i = 0; i < n; i++) {
        struct cart_book *b = books[i];
        int count = 0;
        for (int j = 0; j < r->nrows; j++)
            count += db_get_int(r, j, 0) == b->id;
        b->authors = arena_zalloc(cx->arena, sizeof(*b->authors) * (size_t)(count + 1));
        for (int j = 0; j < r->nrows; j++) {
            if (db_get_int(r, j, 0) != b->id)
                continue;
            struct cart_author *a = &b->authors[b->n_authors++];
            a->id = db_get_int(r, j, 1);
            a->slug = db_get(r, j, 2);
            a->name = db_get(r, j, 3);
        }
    }
}

int store_cart_lines(struct ctx *cx, long long user_id, struct cart_line **lines, int *n)
{
    struct db_param p = DBP_INT(user_id);
    struct db_result *r, *a;
    int rc = cx_query(cx, SQL_CART_LINES, &p, 1, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_CART_AUTHORS, &p, 1, &a);
    if (rc != 0)
        return rc;
    *lines = arena_zalloc(cx->arena, sizeof(**lines) * (size_t)(r->nrows + 1));
    struct cart_book **books = arena_alloc(cx->arena, sizeof(*books) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++) {
        struct cart_line *l = &(*lines)[i];
        map_book(r, i, &l->book);
        l->added_at = db_get(r, i, 7);
        l->owned = db_get_int(r, i, 8) != 0;
        books[i] = &l->book;
    }
    attach_authors(cx, a, books, r->nrows);
    *n = r->nrows;
    return 0;
}

int store_cart_book(struct ctx *cx, long long book_id, struct cart_book *out)
{
    struct db_param p = DBP_INT(book_id);
    struct db_result *r, *a;
    int rc = cx_query(cx, SQL_BOOK, &p, 1, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    if ((rc = cx_query(cx, SQL_BOOK_AUTHORS, &p, 1, &a)) != 0)
        return rc;
    map_book(r, 0, out);
    attach_authors(cx, a, &out, 1);
    return 0;
}

int store_cart_owns(struct ctx *cx, long long user_id, long long book_id, bool *owned)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_OWNS, p, 2, &r);

    if (rc == 0)
        *owned = r->nrows > 0;
    return rc;
}

int store_cart_add(struct ctx *cx, long long user_id, long long book_id, const char *now,
                   bool *added)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_ADD, p, 3, &r);

    if (rc == 0)
        *added = r->changes > 0;
    return rc;
}

int store_cart_remove(struct ctx *cx, long long user_id, long long book_id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_REMOVE, p, 2, &r);

    return rc ? rc : r->changes > 0 ? 0 : ERR_NOT_FOUND;
}

int store_cart_count(struct ctx *cx, long long user_id, long long *count)
{
    struct db_param p = DBP_INT(user_id);
    struct db_result *r;
    int rc = cx_query(cx, SQL_COUNT, &p, 1, &r);

    if (rc == 0)
        *count = db_get_int(r, 0, 0);
    return rc;
}

int store_cart_lock(struct ctx *cx, long long user_id, const char *now)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_TEXT(now)};

    return cx_query(cx, SQL_LOCK, p, 2, NULL);
}

int store_cart_coupon_id(struct ctx *cx, long long user_id, long long *coupon_id)
{
    struct db_param p = DBP_INT(user_id);
    struct db_result *r;
    int rc = cx_query(cx, SQL_COUPON_ID, &p, 1, &r);

    if (rc == 0)
        *coupon_id = r->nrows ? db_get_int(r, 0, 0) : 0;
    return rc;
}

int store_cart_set_coupon(struct ctx *cx, long long user_id, long long coupon_id, const char *now)
{
    struct db_param p[] = {DBP_INT(user_id), coupon_id ? DBP_INT(coupon_id) : DBP_NULL,
                           DBP_TEXT(now)};

    return cx_query(cx, SQL_SET_COUPON, p, 3, NULL);
}

int store_cart_remove_ordered(struct ctx *cx, long long user_id, long long order_id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(order_id)};
    int rc = cx_query(cx, SQL_REMOVE_ORDERED, p, 2, NULL);

    return rc ? rc : cx_query(cx, SQL_DROP_USED_COUPON, p, 2, NULL);
}
