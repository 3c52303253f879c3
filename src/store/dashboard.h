/* dashboard.h (store): an author's books with their numbers, and per-day statistics. */
#ifndef MANGU_STORE_DASHBOARD_H
#define MANGU_STORE_DASHBOARD_H

#include "app/ctx.h"
#include "store/books.h"

struct dashboard_row {
    struct book book; /* summary fields and status */
    long long views, purchases, revenue_cents;
};

struct day_stats {
    const char *day;
    long long views, purchases, revenue_cents;
};

/* The books the user "user_id" is credited on (any status but deleted), newest first. */
int store_dashboard_books(struct ctx *cx, long long user_id, int limit, long long offset,
                          struct dashboard_row **items, int *n, long long *total);
/* Rows of book_daily_stats from "since" (YYYY-MM-DD) on, oldest first. */
int store_dashboard_days(struct ctx *cx, long long book_id, const char *since,
                         struct day_stats **items, int *n);

#endif
