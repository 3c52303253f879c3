/* dashboard.c (store): the SQL behind an author's dashboard. */
#include "store/dashboard.h"

#include <string.h>

#define MINE                                                                                       \
    "FROM books b WHERE b.status <> 'deleted' AND b.id IN (SELECT ba.book_id FROM book_authors " \
    "ba JOIN authors a ON a.id = ba.author_id WHERE a.user_id = $1) "

static const char SQL_BOOKS[] =
    "SELECT " STORE_BOOK_SUMMARY ", b.status, b.views_count, b.purchases_count, "
    "(SELECT COALESCE(sum(s.revenue_cents - s.refunded_cents), 0) FROM book_daily_stats s "
    "WHERE s.book_id = b.id) " MINE "ORDER BY b.updated_at DESC, b.id DESC LIMIT $2 OFFSET $3";
static const char SQL_COUNT[] = "SELECT count(*) " MINE;
static const char SQL_DAYS[] =
    "SELECT day, views, purchases, revenue_cents - refunded_cents FROM book_daily_stats "
    "WHERE book_id = $1 AND day >= $2 ORDER BY day";

int store_dashboard_books(struct ctx *cx, long long user_id, int limit, long long offset,
                          struct dashboard_row **items, int *n, long long *total)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(limit), DBP_INT(offset)};
    struct db_result *r, *c;
    struct book *books;
    const int base = 13; /* columns of STORE_BOOK_SUMMARY */
    int rc = cx_query(cx, SQL_BOOKS, p, 3, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_COUNT, p, 1, &c);
    if (rc != 0)
        return rc;
    *total = db_get_int(c, 0, 0);
    store_books_read_summaries(cx, r, &books, n);
    if ((rc = store_books_load_authors(cx, books, *n)) != 0)
        return rc;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(*n + 1));
    for (int i = 0; i < *n; i++) {
        (*items)[i].book = books[i];
        (*items)[i].book.status = db_get(r, i, base);
        (*items)[i].views = db_get_int(r, i, base + 1);
        (*items)[i].purchases = db_get_int(r, i, base + 2);
        (*items)[i].revenue_cents = db_get_int(r, i, base + 3);
    }
    return 0;
}

int store_dashboard_days(struct ctx *cx, long long book_id, const char *since,
                         struct day_stats **items, int *n)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_TEXT(since)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_DAYS, p, 2, &r);

    if (rc != 0)
        return rc;
    *n = r->nrows;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*items)[i] = (struct day_stats){db_get(r, i, 0), db_get_int(r, i, 1),
                                         db_get_int(r, i, 2), db_get_int(r, i, 3)};
    return 0;
}
