/* dashboard.c (api): GET /api/me/books and per-book daily statistics for charts. */
#include "api/catalog.h"
#include "api/paging.h"
#include "api/dashboard.h"
#include "api/users.h"
#include "service/publishing.h"
#include "store/dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int api_dashboard_books(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long limit, offset, total;
    struct dashboard_row *items;
    int n, rc = api_page_parse(cx, req, &limit, &offset);

    if (rc == 0)
        rc = store_dashboard_books(cx, cx->user_id, (int)limit, offset, &items, &n, &total);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++) {
        json_t *b = api_book_summary(&items[i].book);
        json_object_set_new(b, "status", json_string(items[i].book.status));
        json_array_append_new(arr, json_pack("{s:o, s:I, s:I, s:I, s:s}", "book", b, "views",
                                             (json_int_t)items[i].views, "purchases",
                                             (json_int_t)items[i].purchases, "revenue_cents",
                                             (json_int_t)items[i].revenue_cents, "currency",
                                             items[i].book.currency));
    }
    http_respond_json_new(res, 200, api_page_json(arr, total, limit, offset));
    return 0;
}

/* The UTC day "ago" days before today as YYYY-MM-DD. */
static void day_ago(int ago, char out[11])
{
    time_t t = time(NULL) - (time_t)ago * 86400;
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* "days" days ending today, UTC, with zeros where nothing happened. */
static json_t *series(const struct day_stats *rows, int n, int days)
{
    json_t *arr = json_array();
    int j = 0;

    for (int d = days - 1; d >= 0; d--) {
        char day[11];
        day_ago(d, day);
        long long v = 0, p = 0, r = 0;
        while (j < n && strcmp(rows[j].day, day) < 0)
            j++;
        if (j < n && strcmp(rows[j].day, day) == 0) {
            v = rows[j].views;
            p = rows[j].purchases;
            r = rows[j].revenue_cents;
        }
        json_array_append_new(arr, json_pack("{s:s, s:I, s:I, s:I}", "day", day, "views",
                                             (json_int_t)v, "purchases", (json_int_t)p,
                                             "revenue_cents", (json_int_t)r));
    }
    return arr;
}

int api_dashboard_stats(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id, days = 30;
    const char *d = http_request_query(req, "days");
    struct day_stats *rows;
    int n, rc = catalog_parse_id(http_request_param(req, "id"), &id)
                    ? 0
                    : cx_fail(cx, ERR_NOT_FOUND, "no such book");
    char *end, since[11];

    if (rc == 0 && d && ((days = strtoll(d, &end, 10)) < 1 || days > 365 || *end))
        rc = cx_fail(cx, ERR_INVALID, "days must be a whole number from 1 to 365");
    if (rc == 0)
        rc = publishing_check_owner(cx, id);
    if (rc == 0)
        day_ago((int)days - 1, since);
    if (rc == 0)
        rc = store_dashboard_days(cx, id, since, &rows, &n);
    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:I, s:o}", "book_id", (json_int_t)id, "days",
                                                  series(rows, n, (int)days)));
    return rc;
}
