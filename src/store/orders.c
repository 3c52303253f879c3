/* orders.c: the only place SQL about orders, order lines, library grants and sales counters lives.
 */
#include "store/orders.h"
#include "store/sql.h"

#include <string.h>

#define ORDER_COLS                                                                                 \
    "o.id, o.number, o.user_id, o.email, o.status, o.currency, o.subtotal_cents, "                 \
    "o.discount_cents, o.total_cents, o.coupon_id, o.coupon_code, o.provider, "                    \
    "o.provider_session_id, o.payment_intent_id, o.checkout_url, o.created_at, o.updated_at, "     \
    "o.paid_at, o.refunded_at, o.closed_at, (SELECT COALESCE(max(p.amount_cents), 0) "         \
    "FROM payments p WHERE p.order_id = o.id AND p.kind = 'refund' "                               \
    "AND p.status = 'succeeded') FROM orders o "
#define ITEM_COLS                                                                                  \
    "SELECT i.order_id, i.book_id, i.title, i.currency, b.slug, b.cover_key, "                     \
    "i.unit_price_cents, i.discount_cents FROM order_items i JOIN books b ON b.id = i.book_id "
#define ORDER_FILTER                                                                               \
    "WHERE (CAST($1 AS BIGINT) IS NULL OR o.user_id = $1) "                                        \
    "AND (CAST($2 AS TEXT) IS NULL OR o.status = $2) "                                             \
    "AND (CAST($3 AS TEXT) IS NULL OR lower(o.number) LIKE $3 ESCAPE '\\' "                        \
    "OR lower(o.email) LIKE $3 ESCAPE '\\') "

static const char SQL_INSERT[] =
    "INSERT INTO orders (number, user_id, email, status, currency, subtotal_cents, "
    "discount_cents, total_cents, coupon_id, coupon_code, provider, created_at, updated_at) "
    "VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, $8, $9, $10, $11, $11) "
    "ON CONFLICT (number) DO NOTHING RETURNING id";
static const char SQL_INSERT_ITEM[] =
    "INSERT INTO order_items (order_id, book_id, title, unit_price_cents, discount_cents, "
    "currency) VALUES ($1, $2, $3, $4, $5, $6)";
static const char SQL_BY_ID[] = "SELECT " ORDER_COLS "WHERE o.id = $1";
static const char SQL_BY_SESSION[] =
    "SELECT " ORDER_COLS "WHERE o.provider = 'stripe' AND o.provider_session_id = $1";
static const char SQL_BY_INTENT[] =
    "SELECT " ORDER_COLS "WHERE o.provider = 'stripe' AND o.payment_intent_id = $1";
static const char SQL_LATEST_PENDING[] =
    "SELECT " ORDER_COLS "WHERE o.user_id = $1 AND o.status = 'pending' AND o.created_at > $2 "
    "ORDER BY o.id DESC LIMIT 1";
static const char SQL_ITEMS[] = ITEM_COLS "WHERE i.order_id = $1 ORDER BY i.title, i.book_id";
static const char SQL_ITEMS_IN_SQLITE[] =
    ITEM_COLS "WHERE i.order_id IN " SQL_IDS_SQLITE("$1") " ORDER BY i.title, i.book_id";
static const char SQL_ITEMS_IN_PG[] =
    ITEM_COLS "WHERE i.order_id IN " SQL_IDS_PG("$1") " ORDER BY i.title, i.book_id";
static const char SQL_LIST[] =
    DB_PLAN_EACH_CALL "SELECT " ORDER_COLS ORDER_FILTER "ORDER BY o.id DESC LIMIT $4 OFFSET $5";
static const char SQL_LIST_COUNT[] =
    DB_PLAN_EACH_CALL "SELECT count(*) FROM orders o " ORDER_FILTER;
static const char SQL_SET_SESSION[] =
    "UPDATE orders SET provider_session_id = $2, checkout_url = $3, updated_at = $4 WHERE id = $1";
static const char SQL_SET_REFS[] =
    "UPDATE orders SET provider_session_id = COALESCE(provider_session_id, CAST($2 AS TEXT)), "
    "payment_intent_id = COALESCE(payment_intent_id, CAST($3 AS TEXT)), updated_at = $4 "
    "WHERE id = $1";
static const char SQL_MARK_PAID[] =
    "UPDATE orders SET status = 'paid', paid_at = $3, updated_at = $3, closed_at = NULL, "
    "payment_intent_id = COALESCE(payment_intent_id, CAST($2 AS TEXT)) "
    "WHERE id = $1 AND status IN ('pending', 'cancelled', 'expired', 'failed')";
static const char SQL_CLOSE[] = "UPDATE orders SET status = $2, closed_at = $3, updated_at = $3 "
                                "WHERE id = $1 AND status = 'pending'";
static const char SQL_SUPERSEDE[] =
    "UPDATE orders SET status = 'cancelled', closed_at = $3, updated_at = $3 "
    "WHERE user_id = $1 AND status = 'pending' AND id <> $2 "
    "RETURNING coupon_id, id, provider, provider_session_id";
static const char SQL_REFUND_PAID[] =
    "UPDATE orders SET status = 'refunded', refunded_at = $2, updated_at = $2 "
    "WHERE id = $1 AND status = 'paid'";
static const char SQL_REFUND_UNPAID[] =
    "UPDATE orders SET status = 'refunded', paid_at = $2, refunded_at = $2, updated_at = $2, "
    "closed_at = $2 WHERE id = $1 AND status IN ('pending', 'cancelled', 'expired', 'failed')";
static const char SQL_LIBRARY_GRANT[] =
    "INSERT INTO library_entries (user_id, book_id, source, order_id, added_at) "
    "SELECT o.user_id, i.book_id, CASE WHEN i.unit_price_cents = 0 THEN 'free' ELSE 'purchase' "
    "END, o.id, $2 FROM order_items i JOIN orders o ON o.id = i.order_id "
    "WHERE i.order_id = $1 AND o.user_id IS NOT NULL "
    "ON CONFLICT (user_id, book_id) DO UPDATE SET revoked_at = NULL, source = excluded.source, "
    "order_id = excluded.order_id, added_at = excluded.added_at "
    "WHERE library_entries.revoked_at IS NOT NULL";
static const char SQL_LIBRARY_REVOKE[] =
    "UPDATE library_entries SET revoked_at = $2 WHERE order_id = $1 AND revoked_at IS NULL";
static const char SQL_BOOKS_SOLD[] =
    "UPDATE books SET purchases_count = purchases_count + 1 "
    "WHERE id IN (SELECT book_id FROM order_items WHERE order_id = $1)";
static const char SQL_BOOKS_UNSOLD[] =
    "UPDATE books SET purchases_count = purchases_count - 1 WHERE purchases_count > 0 "
    "AND id IN (SELECT book_id FROM order_items WHERE order_id = $1)";
static const char SQL_STATS_SOLD[] =
    "INSERT INTO book_daily_stats (book_id, day, purchases, revenue_cents) "
    "SELECT book_id, $2, 1, unit_price_cents - discount_cents FROM order_items "
    "WHERE order_id = $1 ON CONFLICT (book_id, day) DO UPDATE SET "
    "purchases = book_daily_stats.purchases + 1, "
    "revenue_cents = book_daily_stats.revenue_cents + excluded.revenue_cents";
static const char SQL_STATS_REFUNDED[] =
    "INSERT INTO book_daily_stats (book_id, day, refunds, refunded_cents) "
    "SELECT book_id, $2, 1, unit_price_cents - discount_cents FROM order_items "
    "WHERE order_id = $1 ON CONFLICT (book_id, day) DO UPDATE SET "
    "refunds = book_daily_stats.refunds + 1, "
    "refunded_cents = book_daily_stats.refunded_cents + excluded.refunded_cents";

static void map_order(const struct db_result *r, int row, struct order *o)
{
    memset(o, 0, sizeof(*o));
    o->id = db_get_int(r, row, 0);
    o->number = db_get(r, row, 1);
    o->user_id = db_get_int(r, row, 2);
    o->email = db_get(r, row, 3);
    o->status = db_get(r, row, 4);
    o->currency = db_get(r, row, 5);
    o->subtotal_cents = db_get_int(r, row, 6);
    o->discount_cents = db_get_int(r, row, 7);
    o->total_cents = db_get_int(r, row, 8);
    o->coupon_id = db_get_int(r, row, 9);
    o->coupon_code = db_get(r, row, 10);
    o->provider = db_get(r, row, 11);
    o->provider_session_id = db_get(r, row, 12);
    o->payment_intent_id = db_get(r, row, 13);
    o->checkout_url = db_get(r, row, 14);
    o->created_at = db_get(r, row, 15);
    o->updated_at = db_get(r, row, 16);
    o->paid_at = db_get(r, row, 17);
    o->refunded_at = db_get(r, row, 18);
    o->closed_at = db_get(r, row, 19);
    o->refunded_cents = db_get_int(r, row, 20);
}

/* Hangs the item rows of "r" (order_id first) on the matching orders. */
static void attach_items(struct ctx *cx, const struct db_result *r, struct order *orders, int n)
{
    for (int k = 0; k < n; k++) {
        struct order *o = &orders[k];
        o->items = arena_zalloc(cx->arena, sizeof(*o->items) * (size_t)(r->nrows + 1));
        for (int i = 0; i < r->nrows; i++) {
            if (db_get_int(r, i, 0) != o->id)
                continue;
            struct order_item *it = &o->items[o->n_items++];
            it->book_id = db_get_int(r, i, 1);
            it->title = db_get(r, i, 2);
            it->currency = db_get(r, i, 3);
            it->slug = db_get(r, i, 4);
            it->cover_key = db_get(r, i, 5);
            it->unit_price_cents = db_get_int(r, i, 6);
            it->discount_cents = db_get_int(r, i, 7);
        }
    }
}

int store_orders_insert(struct ctx *cx, const struct order *o, long long *id)
{
    struct db_param p[] = {
        DBP_TEXT(o->number),        DBP_INT(o->user_id),
        DBP_TEXT(o->email),         DBP_TEXT(o->currency),
        DBP_INT(o->subtotal_cents), DBP_INT(o->discount_cents),
        DBP_INT(o->total_cents),    o->coupon_id ? DBP_INT(o->coupon_id) : DBP_NULL,
        DBP_TEXT(o->coupon_code),   DBP_TEXT(o->provider),
        DBP_TEXT(o->created_at)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_INSERT, p, 11, &r);

    if (rc == 0)
        *id = r->nrows ? db_get_int(r, 0, 0) : 0;
    return rc;
}

int store_orders_insert_item(struct ctx *cx, long long order_id, const struct order_item *it)
{
    struct db_param p[] = {DBP_INT(order_id),           DBP_INT(it->book_id),
                           DBP_TEXT(it->title),         DBP_INT(it->unit_price_cents),
                           DBP_INT(it->discount_cents), DBP_TEXT(it->currency)};

    return cx_query(cx, SQL_INSERT_ITEM, p, 6, NULL);
}

static int find_one(struct ctx *cx, const char *sql, const struct db_param *p, int n,
                    struct order *out)
{
    struct db_result *r, *items;
    int rc = cx_query(cx, sql, p, n, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    map_order(r, 0, out);
    struct db_param id = DBP_INT(out->id);
    if ((rc = cx_query(cx, SQL_ITEMS, &id, 1, &items)) == 0)
        attach_items(cx, items, out, 1);
    return rc;
}

int store_orders_find(struct ctx *cx, long long id, struct order *out)
{
    struct db_param p = DBP_INT(id);

    return find_one(cx, SQL_BY_ID, &p, 1, out);
}

int store_orders_find_by_session(struct ctx *cx, const char *session_id, struct order *out)
{
    struct db_param p = DBP_TEXT(session_id);

    return find_one(cx, SQL_BY_SESSION, &p, 1, out);
}

int store_orders_find_by_intent(struct ctx *cx, const char *payment_intent, struct order *out)
{
    struct db_param p = DBP_TEXT(payment_intent);

    return find_one(cx, SQL_BY_INTENT, &p, 1, out);
}

int store_orders_latest_pending(struct ctx *cx, long long user_id, const char *since,
                                struct order *out)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_TEXT(since)};

    return find_one(cx, SQL_LATEST_PENDING, p, 2, out);
}

int store_orders_list(struct ctx *cx, const struct order_filter *f, struct order **items, int *n,
                      long long *total)
{
    struct db_param p[] = {f->user_id ? DBP_INT(f->user_id) : DBP_NULL, DBP_TEXT(f->status),
                           DBP_TEXT(f->q), DBP_INT(f->limit), DBP_INT(f->offset)};
    struct db_result *r, *c, *it;
    int rc = cx_query(cx, SQL_LIST, p, 5, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_LIST_COUNT, p, 3, &c);
    if (rc != 0)
        return rc;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    long long *ids = arena_alloc(cx->arena, sizeof(*ids) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++) {
        map_order(r, i, &(*items)[i]);
        ids[i] = (*items)[i].id;
    }
    struct db_param q = DBP_TEXT(sql_ids_json(cx->arena, ids, r->nrows));
    if (r->nrows &&
        (rc = cx_query(cx, sql_pick(cx, SQL_ITEMS_IN_SQLITE, SQL_ITEMS_IN_PG), &q, 1, &it)) != 0)
        return rc;
    if (r->nrows)
        attach_items(cx, it, *items, r->nrows);
    *n = r->nrows;
    *total = db_get_int(c, 0, 0);
    return 0;
}

int store_orders_set_session(struct ctx *cx, long long id, const char *session_id, const char *url,
                             const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(session_id), DBP_TEXT(url), DBP_TEXT(now)};

    return cx_query(cx, SQL_SET_SESSION, p, 4, NULL);
}

int store_orders_set_refs(struct ctx *cx, long long id, const char *session_id,
                          const char *payment_intent, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(session_id), DBP_TEXT(payment_intent),
                           DBP_TEXT(now)};

    return cx_query(cx, SQL_SET_REFS, p, 4, NULL);
}

/* Runs a guarded write and says whether it matched a row. */
static int guarded(struct ctx *cx, const char *sql, const struct db_param *p, int n, bool *changed)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, p, n, &r);

    if (rc == 0)
        *changed = r->changes > 0;
    return rc;
}

int store_orders_mark_paid(struct ctx *cx, long long id, const char *payment_intent,
                           const char *now, bool *changed)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(payment_intent), DBP_TEXT(now)};

    return guarded(cx, SQL_MARK_PAID, p, 3, changed);
}

int store_orders_close(struct ctx *cx, long long id, const char *status, const char *now,
                       bool *changed)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(status), DBP_TEXT(now)};

    return guarded(cx, SQL_CLOSE, p, 3, changed);
}

int store_orders_supersede(struct ctx *cx, long long user_id, long long keep_id, const char *now,
                           struct db_result **cancelled)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(keep_id), DBP_TEXT(now)};

    return cx_query(cx, SQL_SUPERSEDE, p, 3, cancelled);
}

int store_orders_mark_refunded(struct ctx *cx, long long id, bool was_paid, const char *now,
                               bool *changed)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(now)};

    return guarded(cx, was_paid ? SQL_REFUND_PAID : SQL_REFUND_UNPAID, p, 2, changed);
}

int store_library_grant(struct ctx *cx, long long order_id, const char *now)
{
    struct db_param p[] = {DBP_INT(order_id), DBP_TEXT(now)};

    return cx_query(cx, SQL_LIBRARY_GRANT, p, 2, NULL);
}

int store_library_revoke(struct ctx *cx, long long order_id, const char *now)
{
    struct db_param p[] = {DBP_INT(order_id), DBP_TEXT(now)};

    return cx_query(cx, SQL_LIBRARY_REVOKE, p, 2, NULL);
}

int store_sales_count(struct ctx *cx, long long order_id, const char *day)
{
    struct db_param p[] = {DBP_INT(order_id), DBP_TEXT(day)};
    int rc = cx_query(cx, SQL_BOOKS_SOLD, p, 1, NULL);

    return rc ? rc : cx_query(cx, SQL_STATS_SOLD, p, 2, NULL);
}

int store_sales_refund(struct ctx *cx, long long order_id, const char *day)
{
    struct db_param p[] = {DBP_INT(order_id), DBP_TEXT(day)};
    int rc = cx_query(cx, SQL_BOOKS_UNSOLD, p, 1, NULL);

    return rc ? rc : cx_query(cx, SQL_STATS_REFUNDED, p, 2, NULL);
}
