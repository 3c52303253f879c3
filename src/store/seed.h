/* seed.h: SQL for `mangu seed`: upserts of the fixed rows and batched multi-row inserts. */
#ifndef MANGU_STORE_SEED_H
#define MANGU_STORE_SEED_H

#include <stdbool.h>

#include "app/ctx.h"

/* A book row as inserted; strings borrowed for the call; NULL strings are SQL NULL. */
struct store_seed_book {
    const char *slug, *title, *subtitle, *description, *language, *isbn, *format, *status;
    const char *published_at;
    long long page_count, price_cents, publisher_id, featured, views, purchases;
    long long rating_count, rating_sum, created_by; /* created_by 0 = NULL */
    double rating_avg;
};

struct store_seed_author {
    const char *slug, *name, *bio;
};

/* A join or stats row: book_authors (a, b, c = book, author, position), book_categories
 * (a, b = book, category), book_daily_stats (a = book, day, b, c, d = views, purchases,
 * revenue), reviews (a = user, b = book, c = rating, day = created and updated). */
struct store_seed_link {
    long long a, b, c, d;
    const char *day;
};

enum store_seed_table {
    SEED_BOOKS,
    SEED_AUTHORS,
    SEED_BOOK_AUTHORS,
    SEED_BOOK_CATEGORIES,
    SEED_DAILY_STATS,
    SEED_REVIEWS,
    SEED_N_TABLES
};

/*
 * Multi-row INSERT texts, built once per (table, rows) and kept for the run: the drivers
 * cache prepared statements by the text's address. Caller owns; free with store_seed_free().
 */
struct store_seed *store_seed_new(void);
void store_seed_free(struct store_seed *s);
/* Rows per INSERT into "t" on this database: SQLite binds by name, so its batches stay small. */
int store_seed_batch(struct ctx *cx, enum store_seed_table t);

/* Each returns 0 or an enum err recorded in "cx". */
/* Sizes the connection for a large write ("on") and back: SQLite's page cache and journals,
 * PostgreSQL's statement timeout. Call outside a transaction. */
int store_seed_tune(struct ctx *cx, bool on);
/*
 * PostgreSQL: turns the search index's per-row triggers off for the rest of the transaction
 * ("paused" says whether it did; SQLite's are cheap and stay on). Resume turns them back on
 * and indexes every book with an id above "after_id" in bulk.
 */
int store_seed_search_pause(struct ctx *cx, bool *paused);
int store_seed_search_resume(struct ctx *cx, long long after_id);
/* PostgreSQL: vacuum and analyze what a seed wrote (outside its transaction). */
int store_seed_settle(struct ctx *cx);
int store_seed_count_books(struct ctx *cx, long long *n);
int store_seed_max_ids(struct ctx *cx, long long *books, long long *authors);
int store_seed_book_exists(struct ctx *cx, const char *slug, bool *exists);
/* Insert-or-find by slug: the id of the row with "slug", made if missing. */
int store_seed_category(struct ctx *cx, const char *slug, const char *name, long long parent_id,
                        const char *description, int position, long long *id);
int store_seed_publisher(struct ctx *cx, const char *slug, const char *name,
                         const char *description, const char *website, long long *id);
int store_seed_author(struct ctx *cx, const char *slug, const char *name, const char *bio,
                      long long *id);
/* Leaves an existing account (same e-mail) alone; "made" says which happened. */
int store_seed_user(struct ctx *cx, const char *email, const char *name, const char *hash,
                    const char *role, long long *id, bool *made);
/*
 * A demo reviewer: a reader account that cannot sign in (disabled, no usable password hash),
 * found or made by e-mail like store_seed_user().
 */
int store_seed_reviewer(struct ctx *cx, const char *email, const char *name, long long *id,
                        bool *made);
/* The id of the book "slug"; ERR_NOT_FOUND when there is none. */
int store_seed_book_id(struct ctx *cx, const char *slug, long long *id);
/* Sets book "book_id"'s format ("epub" or "pdf") to what its generated manuscript is. */
int store_seed_book_format(struct ctx *cx, long long book_id, const char *format);
/* Makes "user_id" the owner of author "author_id" unless either is linked already. */
int store_seed_link_author_user(struct ctx *cx, long long author_id, long long user_id);

/* Inserts "n" rows; the ids come back in row order. */
int store_seed_books(struct ctx *cx, struct store_seed *s, const struct store_seed_book *rows,
                     int n, long long *ids);
int store_seed_authors(struct ctx *cx, struct store_seed *s, const struct store_seed_author *rows,
                       int n, long long *ids);
int store_seed_links(struct ctx *cx, struct store_seed *s, enum store_seed_table table,
                     const struct store_seed_link *rows, int n);

#endif
