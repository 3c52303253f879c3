/* books.h (store): the SQL of books, their authors and categories, and their counters. */
#ifndef MANGU_STORE_BOOKS_H
#define MANGU_STORE_BOOKS_H

#include <stdbool.h>

#include "app/ctx.h"

/* An author, category or publisher as a book shows it. Strings borrowed from the arena. */
struct ref {
    long long id;
    const char *slug;
    const char *name;
};

/*
 * A book. Lists fill the summary fields (id .. featured, plus authors); the detail also
 * fills the rest. Strings live in the request's arena; NULL when the column is NULL.
 */
struct book {
    long long id;
    const char *slug, *title, *subtitle, *cover_key, *currency, *format, *language;
    const char *published_at;
    long long price_cents, rating_count;
    double rating_avg;
    bool featured;
    struct ref *authors; /* in display order */
    int n_authors;
    /* detail */
    const char *description, *isbn, *status, *created_at, *updated_at;
    long long page_count; /* 0 when unknown */
    long long views_count, purchases_count;
    struct ref publisher; /* id 0 when none */
    struct ref *categories;
    int n_categories;
    double score; /* search relevance or trending score */
};

enum book_sort {
    BOOK_SORT_NEWEST,
    BOOK_SORT_POPULAR,
    BOOK_SORT_RATING,
    BOOK_SORT_PRICE_ASC,
    BOOK_SORT_PRICE_DESC,
    BOOK_SORT_TITLE,
    BOOK_SORT_COUNT
};

/* Filters of the public lists; NULL / -1 mean "any". Only published books are listed. */
struct book_filter {
    const char *category;  /* slug; includes its subcategories */
    const char *author;    /* slug */
    const char *publisher; /* slug */
    const char *language;
    const char *format;
    long long price_min, price_max; /* cents, inclusive */
    const char *price_band;         /* search: the band (search_bands) min and max came from */
    bool category_first;            /* list: read the category's books, then sort (see below) */
    bool price_first;               /* list: read the price band's books, then sort (see below) */
};

/* The fields a write sets (every column a create or an edit may change). */
struct book_row {
    const char *slug, *title, *subtitle, *description, *language, *isbn, *currency, *format;
    long long page_count; /* 0 = NULL */
    long long price_cents;
    long long publisher_id; /* 0 = NULL */
    bool featured;
};

/* The columns of a book summary ("b" is books), for the queries of other store files. */
#define STORE_BOOK_SUMMARY                                                                         \
    "b.id, b.slug, b.title, b.subtitle, b.cover_key, b.price_cents, b.currency, b.rating_avg, "    \
    "b.rating_count, b.format, b.language, b.published_at, b.featured"
#define STORE_BOOK_SUMMARY_COLS 13
/*
 * Maps each row of such a query to a summary (arena array); a column after the summary,
 * when there is one, is taken as the score.
 */
void store_books_read_summaries(struct ctx *cx, const struct db_result *r, struct book **items,
                                int *n);

/* A book by id or by slug, any status, with its publisher. 0 or ERR_NOT_FOUND. */
int store_books_find(struct ctx *cx, long long id, struct book *out);
int store_books_find_slug(struct ctx *cx, const char *slug, struct book *out);

/* One page of published books matching "f" in "sort" order. */
int store_books_list(struct ctx *cx, const struct book_filter *f, enum book_sort sort, int limit,
                     long long offset, struct book **items, int *n);
/* The books "f" matches, and "span": the span of published ids (at least their number). */
int store_books_count(struct ctx *cx, const struct book_filter *f, long long *total,
                      long long *span);
/*
 * Whether a page of a category's list is cheaper read from the category's books ("f"'s
 * category_first) than by walking the sort's order, given the count and span above.
 */
bool store_books_category_first(long long matching, long long span, int limit, long long offset);
/*
 * Whether a list without category or author is cheaper read from its price band ("f"'s
 * price_first): a narrow band under another sort than price.
 */
bool store_books_price_first(const struct book_filter *f, enum book_sort sort, long long matching,
                             long long span);

/* Published books flagged featured, newest first. */
int store_books_featured(struct ctx *cx, int limit, struct book **items, int *n);
/*
 * Published books by trending score: the sum over the 7 UTC days "days[0]" (today) ..
 * "days[6]" of (views + 10 * purchases) * "weights[i]". Books without activity are left out.
 */
int store_books_trending(struct ctx *cx, const char *const days[7], const double weights[7],
                         int limit, struct book **items, int *n);
/* The mean rating over every review of published books; "*mean" is 0 when there are none. */
int store_books_rating_mean(struct ctx *cx, double *mean);
/*
 * Published books with reviews by Bayesian average (C * m + sum) / (C + n), where
 * "m" = "mean" and "C" = "weight": a lone five-star review does not top the list.
 */
int store_books_top_rated(struct ctx *cx, double mean, double weight, int limit,
                          struct book **items, int *n);
/* Published books sharing authors (counted double) or categories with book "id"; from a
   category, only among its 200 newest books. */
int store_books_related(struct ctx *cx, long long id, int limit, struct book **items, int *n);

/* Fills each book's authors (display order) in one query. */
int store_books_load_authors(struct ctx *cx, struct book *books, int n);
/* The same in two steps, for a batch (cx_query_batch): the statement for books "ids" (rows
   into "*out"), then its rows given to "books" (whose ids they are, in any order). */
void store_books_authors_stmt(struct ctx *cx, const long long *ids, int n, struct db_stmt *st,
                              struct db_result **out);
void store_books_read_authors(struct ctx *cx, const struct db_result *r, struct book *books, int n);
/* Fills the categories of one book. */
int store_books_load_categories(struct ctx *cx, struct book *b);

/* True in "*yes" when the user "user_id" owns an author profile credited on "book_id". */
int store_books_is_author(struct ctx *cx, long long book_id, long long user_id, bool *yes);
/* True in "*taken" when a book other than "except_id" that is not deleted has "isbn". */
int store_books_isbn_taken(struct ctx *cx, const char *isbn, long long except_id, bool *taken);
/* The slugs taken among "base" and "base-N". Arena array. */
int store_books_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n);

/* Writes. "now" is RFC 3339 UTC. ERR_CONFLICT on a taken slug or ISBN. */
int store_books_insert(struct ctx *cx, const struct book_row *row, long long created_by,
                       const char *now, long long *id);
/* Writes every column of "row", the slug included (the service decides when it may change). */
int store_books_update(struct ctx *cx, long long id, const struct book_row *row, const char *now);
/* Replaces the credited authors (in order) / the categories of a book. */
int store_books_set_authors(struct ctx *cx, long long id, const long long *author_ids, int n);
int store_books_set_categories(struct ctx *cx, long long id, const long long *category_ids, int n);
/* Status changes; each leaves a book already in the target state as it is. */
int store_books_publish(struct ctx *cx, long long id, const char *now);
int store_books_unpublish(struct ctx *cx, long long id, const char *now);
int store_books_soft_delete(struct ctx *cx, long long id, const char *now);

/* The view counter's batch write: "views" more for "book_id" on UTC "day" (YYYY-MM-DD). */
int store_books_add_views(struct ctx *cx, long long book_id, const char *day, long long views);

#endif
