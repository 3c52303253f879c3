/* books.c (store): books, their credited authors and categories, lists and counters in SQL. */
#include "store/books.h"

#include <string.h>

#include "store/categories.h"
#include "store/sql.h"

/* The summary columns, in the order read_summary() expects them. */
#define SUMMARY STORE_BOOK_SUMMARY
#define N_SUMMARY STORE_BOOK_SUMMARY_COLS
#define DETAIL                                                                                     \
    SUMMARY ", b.description, b.isbn, b.page_count, b.status, b.views_count, "                     \
            "b.purchases_count, b.created_at, b.updated_at, b.publisher_id, p.slug, p.name"

static const char SQL_FIND[] =
    "SELECT " DETAIL " FROM books b LEFT JOIN publishers p ON p.id = b.publisher_id "
    "WHERE b.id = $1";
static const char SQL_FIND_SLUG[] =
    "SELECT " DETAIL " FROM books b LEFT JOIN publishers p ON p.id = b.publisher_id "
    "WHERE b.slug = $1";

/*
 * The public list: $1 category slug (its subtree; PostgreSQL: the subtree's ids), $2 author slug,
 * $3 publisher slug, $4 language, $5 format, $6 / $7 price range; $8 limit, $9 offset. The
 * category and author filters are in the text only when set: an EXISTS inside "$1 IS NULL OR
 * ..." stays a subplan that PostgreSQL runs for every book (with a large category, 100-400 ms
 * at 100,000 books) where a plain EXISTS becomes a join.
 * A category has two forms. WALK_CATEGORY tests each book met in the sort's order: cheap when
 * the page is reached early (a large category, a first page). FROM_CATEGORY reads the
 * category's books first and sorts them: cheap when the category is small against how far the
 * page is (SQLite, 100,000 books: "poetry", 5,000 books, at offset 2,000: 40 ms walking, 8 ms
 * from the category; "fiction", 55,000, first page: under 1 ms walking, 50 ms from it).
 * PostgreSQL gets the subtree's ids instead (IN_SUBTREE_PG) and picks the order itself. An
 * author's books are always read first: an author has few (a walk met 100,000 books for 43).
 */
#define CATS_CTE                                                                                   \
    "WITH RECURSIVE cats(id) AS (SELECT id FROM categories WHERE slug = $1 UNION ALL "             \
    "SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id) "
#define WALK_CATEGORY                                                                              \
    " AND EXISTS (SELECT 1 FROM book_categories bc"                                                \
    " WHERE bc.book_id = b.id AND bc.category_id IN (SELECT id FROM cats))"
#define FROM_CATEGORY                                                                              \
    " AND b.id IN (SELECT bc.book_id FROM book_categories bc"                                      \
    " WHERE bc.category_id IN (SELECT id FROM cats))"
#define BY_AUTHOR                                                                                  \
    " AND b.id IN (SELECT ba.book_id FROM book_authors ba"                                         \
    " JOIN authors a ON a.id = ba.author_id WHERE a.slug = $2)"
#define NO_CATEGORY " AND CAST($1 AS TEXT) IS NULL"
/* The band's books from books_price_idx, then sorted (see store_books_price_first). */
#define PRICE_FIRST                                                                                \
    NO_CATEGORY " AND b.id IN (SELECT id FROM books WHERE status = 'published' AND price_cents"    \
                " BETWEEN coalesce(CAST($6 AS BIGINT), 0)"                                         \
                " AND coalesce(CAST($7 AS BIGINT), 9223372036854775807))"
#define NO_AUTHOR " AND CAST($2 AS TEXT) IS NULL"
#define LIST_WHERE(CAT, AUTHOR)                                                                    \
    " WHERE b.status = 'published'" CAT AUTHOR                                                     \
    " AND (CAST($3 AS TEXT) IS NULL OR b.publisher_id = (SELECT id FROM publishers"                \
    " WHERE slug = $3))"                                                                           \
    " AND (CAST($4 AS TEXT) IS NULL OR b.language = $4)"                                           \
    " AND (CAST($5 AS TEXT) IS NULL OR b.format = $5)"                                             \
    " AND (CAST($6 AS BIGINT) IS NULL OR b.price_cents >= $6)"                                     \
    " AND (CAST($7 AS BIGINT) IS NULL OR b.price_cents <= $7)"
/*
 * PostgreSQL: $1 is the category's subtree as "id,id,..." (store_categories_subtree_ids).
 * With the ids in the text the planner knows how many books match; behind a CTE it guessed
 * half of them and hashed every book for a deep page of a large category (100 ms for "fiction"
 * by title at offset 2,000, 9 ms walking the title index). It then picks the order itself.
 */
#define IN_SUBTREE_PG                                                                              \
    " AND EXISTS (SELECT 1 FROM book_categories bc WHERE bc.book_id = b.id"                        \
    " AND bc.category_id = ANY(CAST(string_to_array($1, ',') AS BIGINT[])))"
/* The statement for each [category: none, walked, read first][author set]. */
#define FILTER_ROWS_OF(STMT, FROM, WITH, WALK, FIRST)                                              \
    {STMT(FROM, "", NO_CATEGORY, NO_AUTHOR), STMT(FROM, "", NO_CATEGORY, BY_AUTHOR)},              \
        {STMT(FROM, WITH, WALK, NO_AUTHOR), STMT(FROM, WITH, WALK, BY_AUTHOR)},                    \
    {                                                                                              \
        STMT(FROM, WITH, FIRST, NO_AUTHOR), STMT(FROM, WITH, FIRST, BY_AUTHOR)                     \
    }
#define FILTER_ROWS(STMT, FROM) FILTER_ROWS_OF(STMT, FROM, CATS_CTE, WALK_CATEGORY, FROM_CATEGORY)
#define FILTER_ROWS_PG(STMT, FROM) FILTER_ROWS_OF(STMT, FROM, "", IN_SUBTREE_PG, IN_SUBTREE_PG)
#define BY_FILTERS(ROWS, STMT, FROM)                                                               \
    {                                                                                              \
        ROWS(STMT, FROM)                                                                           \
    }
/* A list's plans add a fourth row: the price band read first (only without an author). */
#define BY_PLANS(ROWS, STMT, FROM)                                                                 \
    {                                                                                              \
        ROWS(STMT, FROM),                                                                          \
        {                                                                                          \
            STMT(FROM, "", PRICE_FIRST, NO_AUTHOR), NULL                                           \
        }                                                                                          \
    }
/* Which filters are set decides the plan: planned on each call (DB_PLAN_EACH_CALL). */
#define LIST(order, FROM, WITH, CAT, AUTHOR)                                                       \
    DB_PLAN_EACH_CALL WITH "SELECT " SUMMARY " FROM " FROM LIST_WHERE(                             \
        CAT, AUTHOR) " ORDER BY " order " LIMIT $8 OFFSET $9"
#define LIST_NEWEST(F, W, C, A) LIST("b.published_at DESC, b.id DESC", F, W, C, A)
#define LIST_POPULAR(F, W, C, A) LIST("b.purchases_count DESC, b.id DESC", F, W, C, A)
#define LIST_RATING(F, W, C, A) LIST("b.rating_avg DESC, b.id DESC", F, W, C, A)
#define LIST_PRICE_ASC(F, W, C, A) LIST("b.price_cents, b.id", F, W, C, A)
#define LIST_PRICE_DESC(F, W, C, A) LIST("b.price_cents DESC, b.id DESC", F, W, C, A)
#define LIST_TITLE(F, W, C, A) LIST("lower(b.title), b.id", F, W, C, A)
#define BOOKS "books b"
#define LIST_TABLE(ROWS)                                                                           \
    {                                                                                              \
        BY_PLANS(ROWS, LIST_NEWEST, BOOKS), BY_PLANS(ROWS, LIST_POPULAR, BOOKS),                   \
            BY_PLANS(ROWS, LIST_RATING, BOOKS), BY_PLANS(ROWS, LIST_PRICE_ASC, BOOKS),             \
            BY_PLANS(ROWS, LIST_PRICE_DESC, BOOKS), BY_PLANS(ROWS, LIST_TITLE, BOOKS)              \
    }
static const char *const SQL_LIST_SQLITE[BOOK_SORT_COUNT][4][2] = LIST_TABLE(FILTER_ROWS);
static const char *const SQL_LIST_PG[BOOK_SORT_COUNT][4][2] = LIST_TABLE(FILTER_ROWS_PG);
/*
 * The matching books, and the span of published ids (an upper bound on their number, read
 * from two ends of an index). A count reads the category's books first. SQLite counts from
 * the narrow index of 0007, which holds language, format and price: it picked the smallest
 * index instead and read every book's row for a language filter (180 ms against 30 at
 * 100,000 books).
 */
#define PUBLISHED_ID(FN) "(SELECT " FN "(id) FROM books WHERE status = 'published')"
#define COUNT(FROM, WITH, CAT, AUTHOR)                                                             \
    DB_PLAN_EACH_CALL WITH                                                                         \
        "SELECT count(*), " PUBLISHED_ID("max") " - " PUBLISHED_ID("min") " + 1 FROM " FROM        \
        LIST_WHERE(CAT, AUTHOR)
static const char *const SQL_COUNT_SQLITE[3][2] =
    BY_FILTERS(FILTER_ROWS, COUNT, "books b INDEXED BY books_published_cover_idx");
static const char *const SQL_COUNT_PG[3][2] = BY_FILTERS(FILTER_ROWS_PG, COUNT, BOOKS);

static const char SQL_FEATURED[] =
    "SELECT " SUMMARY " FROM books b WHERE b.status = 'published' AND b.featured = 1 "
    "ORDER BY b.published_at DESC, b.id DESC LIMIT $1";
/* $1..$7: the days from today back; $8..$14: their weights; $15: limit. The top books are
 * chosen from the counters (and the narrow index of published ids) before any book row is read. */
#define TREND_SCORE                                                                                \
    "sum((s.views + 10 * s.purchases) * CASE s.day WHEN $1 THEN CAST($8 AS DOUBLE PRECISION) "     \
    "WHEN $2 THEN CAST($9 AS DOUBLE PRECISION) WHEN $3 THEN CAST($10 AS DOUBLE PRECISION) "        \
    "WHEN $4 THEN CAST($11 AS DOUBLE PRECISION) WHEN $5 THEN CAST($12 AS DOUBLE PRECISION) "       \
    "WHEN $6 THEN CAST($13 AS DOUBLE PRECISION) WHEN $7 THEN CAST($14 AS DOUBLE PRECISION) "       \
    "ELSE 0 END)"
static const char SQL_TRENDING[] =
    "SELECT " SUMMARY ", t.score FROM (SELECT s.book_id, " TREND_SCORE " AS score "
    "FROM book_daily_stats s WHERE s.day >= $7 AND s.day <= $1 AND s.book_id IN "
    "(SELECT id FROM books WHERE status = 'published') GROUP BY s.book_id "
    "HAVING " TREND_SCORE " > 0 ORDER BY score DESC, s.book_id DESC LIMIT $15) t "
    "JOIN books b ON b.id = t.book_id ORDER BY t.score DESC, b.id DESC";
/* Twins only in SQLite's INDEXED BY: without statistics its planner picks any partial index. */
#define COVER_SQLITE " INDEXED BY books_published_cover_idx"
#define RATING_MEAN(hint)                                                                          \
    "SELECT coalesce(sum(rating_sum), 0), coalesce(sum(rating_count), 0) FROM books" hint          \
    " WHERE status = 'published'"
static const char SQL_RATING_MEAN_SQLITE[] = RATING_MEAN(COVER_SQLITE);
static const char SQL_RATING_MEAN_PG[] = RATING_MEAN("");
/* $1 the mean rating m, $2 the weight C, $3 limit. */
#define TOP_RATED(hint)                                                                            \
    "SELECT " SUMMARY ", t.score FROM (SELECT id, (CAST($1 AS DOUBLE PRECISION) * "                \
    "CAST($2 AS DOUBLE PRECISION) + rating_sum) / (CAST($2 AS DOUBLE PRECISION) + "                \
    "rating_count) AS score, rating_count FROM books" hint " WHERE status = 'published' "          \
    "AND rating_count > 0 ORDER BY score DESC, rating_count DESC, id DESC LIMIT $3) t "            \
    "JOIN books b ON b.id = t.id ORDER BY t.score DESC, t.rating_count DESC, b.id DESC"
static const char SQL_TOP_RATED_SQLITE[] = TOP_RATED(COVER_SQLITE);
static const char SQL_TOP_RATED_PG[] = TOP_RATED("");
/*
 * Books like $1: each shared author counts 2, each shared category 1; best score, then most
 * bought. A category offers only its RELATED_WINDOW newest books (read backwards from the
 * (category_id, book_id) index, from the id its subquery finds once per category): scoring
 * every book of a 20,000-book category took 54 ms on PostgreSQL and 90 ms on SQLite.
 */
#define RELATED_WINDOW "199" /* the offset of a category's oldest candidate */
static const char SQL_RELATED[] =
    "WITH edge(category_id, low) AS (SELECT bc1.category_id, (SELECT w.book_id FROM "
    "book_categories w WHERE w.category_id = bc1.category_id ORDER BY w.book_id DESC "
    "LIMIT 1 OFFSET " RELATED_WINDOW ") FROM book_categories bc1 WHERE bc1.book_id = $1) "
    "SELECT " SUMMARY ", r.score FROM (SELECT x.id, sum(x.w) AS score FROM ("
    "SELECT bc2.book_id AS id, 1 AS w FROM edge JOIN book_categories bc2 "
    "ON bc2.category_id = edge.category_id AND bc2.book_id >= COALESCE(edge.low, 0) "
    "WHERE bc2.book_id <> $1 "
    "UNION ALL SELECT ba2.book_id, 2 FROM book_authors ba1 JOIN book_authors ba2 "
    "ON ba2.author_id = ba1.author_id WHERE ba1.book_id = $1 AND ba2.book_id <> $1) x "
    "GROUP BY x.id) r JOIN books b ON b.id = r.id WHERE b.status = 'published' "
    "ORDER BY r.score DESC, b.purchases_count DESC, b.id DESC LIMIT $2";

#define AUTHORS_OF(ids)                                                                            \
    "SELECT ba.book_id, a.id, a.slug, a.name FROM book_authors ba JOIN authors a "                 \
    "ON a.id = ba.author_id WHERE ba.book_id " ids " ORDER BY ba.book_id, ba.position, a.id"
static const char SQL_AUTHORS_OF_SQLITE[] = AUTHORS_OF("IN " SQL_IDS_SQLITE("$1"));
static const char SQL_AUTHORS_OF_PG[] = AUTHORS_OF("= ANY (" SQL_ID_ARRAY_PG("$1") ")");
static const char SQL_CATEGORIES_OF[] =
    "SELECT c.id, c.slug, c.name FROM book_categories bc JOIN categories c "
    "ON c.id = bc.category_id WHERE bc.book_id = $1 ORDER BY c.position, c.name, c.id";
static const char SQL_IS_AUTHOR[] =
    "SELECT 1 FROM book_authors ba JOIN authors a ON a.id = ba.author_id "
    "WHERE ba.book_id = $1 AND a.user_id = $2";
static const char SQL_ISBN_TAKEN[] =
    "SELECT 1 FROM books WHERE isbn = $1 AND status <> 'deleted' AND id <> $2";
static const char SQL_SLUGS_LIKE[] = "SELECT slug FROM books WHERE slug = $1 OR slug LIKE $2";

static const char SQL_INSERT[] =
    "INSERT INTO books (slug, title, subtitle, description, language, isbn, page_count, "
    "price_cents, currency, format, publisher_id, featured, created_by, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id";
static const char SQL_UPDATE[] =
    "UPDATE books SET title = $2, subtitle = $3, description = $4, language = $5, isbn = $6, "
    "page_count = $7, price_cents = $8, currency = $9, format = $10, publisher_id = $11, "
    "featured = $12, updated_at = $13, slug = $14 WHERE id = $1";
static const char SQL_CLEAR_AUTHORS[] = "DELETE FROM book_authors WHERE book_id = $1";
static const char SQL_ADD_AUTHOR[] =
    "INSERT INTO book_authors (book_id, author_id, position) VALUES ($1, $2, $3)";
static const char SQL_CLEAR_CATEGORIES[] = "DELETE FROM book_categories WHERE book_id = $1";
static const char SQL_ADD_CATEGORY[] =
    "INSERT INTO book_categories (book_id, category_id) VALUES ($1, $2)";
static const char SQL_PUBLISH[] =
    "UPDATE books SET status = 'published', published_at = COALESCE(published_at, $2), "
    "updated_at = $2 WHERE id = $1 AND status = 'draft'";
static const char SQL_UNPUBLISH[] =
    "UPDATE books SET status = 'draft', updated_at = $2 WHERE id = $1 AND status = 'published'";
static const char SQL_SOFT_DELETE[] =
    "UPDATE books SET status = 'deleted', deleted_at = $2, featured = 0, updated_at = $2 "
    "WHERE id = $1 AND status <> 'deleted'";
static const char SQL_ADD_VIEWS[] = "UPDATE books SET views_count = views_count + $2 WHERE id = $1";
/* Nothing for a book that is gone (a failed statement would abort PostgreSQL's batch). */
static const char SQL_ADD_DAILY_VIEWS[] =
    "INSERT INTO book_daily_stats (book_id, day, views) SELECT CAST($1 AS BIGINT), "
    "CAST($2 AS TEXT), CAST($3 AS BIGINT) WHERE EXISTS (SELECT 1 FROM books WHERE id = $1) "
    "ON CONFLICT (book_id, day) DO UPDATE SET views = book_daily_stats.views + excluded.views";

static void read_summary(const struct db_result *r, int row, struct book *b)
{
    b->id = db_get_int(r, row, 0);
    b->slug = db_get(r, row, 1);
    b->title = db_get(r, row, 2);
    b->subtitle = db_get(r, row, 3);
    b->cover_key = db_get(r, row, 4);
    b->price_cents = db_get_int(r, row, 5);
    b->currency = db_get(r, row, 6);
    b->rating_avg = sql_double(r, row, 7);
    b->rating_count = db_get_int(r, row, 8);
    b->format = db_get(r, row, 9);
    b->language = db_get(r, row, 10);
    b->published_at = db_get(r, row, 11);
    b->featured = db_get_bool(r, row, 12);
}

static void read_detail(const struct db_result *r, int row, struct book *b)
{
    memset(b, 0, sizeof(*b));
    read_summary(r, row, b);
    b->description = db_get(r, row, 13);
    b->isbn = db_get(r, row, 14);
    b->page_count = db_get_int(r, row, 15);
    b->status = db_get(r, row, 16);
    b->views_count = db_get_int(r, row, 17);
    b->purchases_count = db_get_int(r, row, 18);
    b->created_at = db_get(r, row, 19);
    b->updated_at = db_get(r, row, 20);
    b->publisher.id = db_get_int(r, row, 21);
    b->publisher.slug = db_get(r, row, 22);
    b->publisher.name = db_get(r, row, 23);
}

void store_books_read_summaries(struct ctx *cx, const struct db_result *r, struct book **items,
                                int *n)
{
    struct book *v = arena_zalloc(cx->arena, sizeof(*v) * (size_t)(r->nrows ? r->nrows : 1));

    for (int i = 0; i < r->nrows; i++) {
        read_summary(r, i, &v[i]);
        if (r->ncols > N_SUMMARY)
            v[i].score = sql_double(r, i, N_SUMMARY);
    }
    *items = v;
    *n = r->nrows;
}

static int find(struct ctx *cx, const char *sql, struct db_param p, struct book *out)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, &p, 1, &r);

    if (rc)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    read_detail(r, 0, out);
    return 0;
}

int store_books_find(struct ctx *cx, long long id, struct book *out)
{
    return find(cx, SQL_FIND, DBP_INT(id), out);
}

int store_books_find_slug(struct ctx *cx, const char *slug, struct book *out)
{
    return find(cx, SQL_FIND_SLUG, DBP_TEXT(slug), out);
}

static struct db_param opt_int(long long v)
{
    return v < 0 ? DBP_NULL : DBP_INT(v);
}

/* $1..$7 of the list and count statements. 0 or an enum err. */
static int filter_params(struct ctx *cx, const struct book_filter *f, struct db_param p[7])
{
    const char *category = f->category;
    int rc;

    if (category && db_dialect(cx->app->db) == DB_POSTGRES &&
        (rc = store_categories_subtree_ids(cx, f->category, &category)) != 0)
        return rc;
    p[0] = DBP_TEXT(category);
    p[1] = DBP_TEXT(f->author);
    p[2] = DBP_TEXT(f->publisher);
    p[3] = DBP_TEXT(f->language);
    p[4] = DBP_TEXT(f->format);
    p[5] = opt_int(f->price_min);
    p[6] = opt_int(f->price_max);
    return 0;
}

bool store_books_category_first(long long matching, long long span, int limit, long long offset)
{
    /* Walking meets about span / matching books per book listed; reading first costs about
       two steps per book of the category (a lookup, then its share of the sort). */
    double walked = ((double)offset + limit) * (double)span / (double)(matching > 0 ? matching : 1);

    return walked > 2.0 * (double)matching;
}

/* A band is read first when it holds at most 1/PRICE_FIRST_SHARE of the published ids. */
#define PRICE_FIRST_SHARE 8

bool store_books_price_first(const struct book_filter *f, enum book_sort sort, long long matching,
                             long long span)
{
    /* A walk in another order assumes the band's books spread evenly along it; free books sit
       at the end of "popular" (nobody buys them), so "free" by popularity walked all 100,000
       books for its first page (220 ms with pread, against 3 ms reading the band first). */
    if (f->category || f->author || (f->price_min < 0 && f->price_max < 0))
        return false;
    if (sort == BOOK_SORT_PRICE_ASC || sort == BOOK_SORT_PRICE_DESC)
        return false; /* the price order is the band's own index */
    return matching * PRICE_FIRST_SHARE <= span;
}

int store_books_list(struct ctx *cx, const struct book_filter *f, enum book_sort sort, int limit,
                     long long offset, struct book **items, int *n)
{
    int category = f->category                    ? (f->category_first || f->author ? 2 : 1)
                   : f->price_first && !f->author ? 3
                                                  : 0;
    struct db_param p[9];
    struct db_result *r;
    int rc;

    if ((rc = filter_params(cx, f, p)) != 0)
        return rc;
    p[7] = DBP_INT(limit);
    p[8] = DBP_INT(offset);
    int author = f->author != NULL;
    rc = cx_query(cx,
                  sql_pick(cx, SQL_LIST_SQLITE[sort][category][author],
                           SQL_LIST_PG[sort][category][author]),
                  p, 9, &r);
    if (rc != 0)
        return rc;
    store_books_read_summaries(cx, r, items, n);
    return 0;
}

int store_books_count(struct ctx *cx, const struct book_filter *f, long long *total,
                      long long *span)
{
    int category = f->category ? 2 : 0, author = f->author != NULL;
    struct db_param p[7];
    struct db_result *r;
    int rc;

    if ((rc = filter_params(cx, f, p)) != 0)
        return rc;
    rc = cx_query(cx,
                  sql_pick(cx, SQL_COUNT_SQLITE[category][author], SQL_COUNT_PG[category][author]),
                  p, 7, &r);
    if (rc != 0)
        return rc;
    *total = db_get_int(r, 0, 0);
    *span = db_get_int(r, 0, 1);
    return 0;
}

static int run_list(struct ctx *cx, const char *sql, const struct db_param *p, int np,
                    struct book **items, int *n)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, p, np, &r);

    if (rc)
        return rc;
    store_books_read_summaries(cx, r, items, n);
    return 0;
}

int store_books_featured(struct ctx *cx, int limit, struct book **items, int *n)
{
    struct db_param p[] = {DBP_INT(limit)};

    return run_list(cx, SQL_FEATURED, p, 1, items, n);
}

int store_books_trending(struct ctx *cx, const char *const days[7], const double weights[7],
                         int limit, struct book **items, int *n)
{
    struct db_param p[15];

    for (int i = 0; i < 7; i++) {
        p[i] = DBP_TEXT(days[i]);
        p[7 + i] = DBP_REAL(weights[i]);
    }
    p[14] = DBP_INT(limit);
    return run_list(cx, SQL_TRENDING, p, 15, items, n);
}

int store_books_rating_mean(struct ctx *cx, double *mean)
{
    struct db_result *r;
    int rc = cx_query(cx, sql_pick(cx, SQL_RATING_MEAN_SQLITE, SQL_RATING_MEAN_PG), NULL, 0, &r);

    if (rc)
        return rc;
    long long sum = db_get_int(r, 0, 0), count = db_get_int(r, 0, 1);
    *mean = count > 0 ? (double)sum / (double)count : 0;
    return 0;
}

int store_books_top_rated(struct ctx *cx, double mean, double weight, int limit,
                          struct book **items, int *n)
{
    struct db_param p[] = {DBP_REAL(mean), DBP_REAL(weight), DBP_INT(limit)};

    return run_list(cx, sql_pick(cx, SQL_TOP_RATED_SQLITE, SQL_TOP_RATED_PG), p, 3, items, n);
}

int store_books_related(struct ctx *cx, long long id, int limit, struct book **items, int *n)
{
    struct db_param p[] = {DBP_INT(id), DBP_INT(limit)};

    return run_list(cx, SQL_RELATED, p, 2, items, n);
}

/* The index of the book "id" in "books", or -1. */
static int index_of(const struct book *books, int n, long long id)
{
    for (int i = 0; i < n; i++)
        if (books[i].id == id)
            return i;
    return -1;
}

void store_books_authors_stmt(struct ctx *cx, const long long *ids, int n, struct db_stmt *st,
                              struct db_result **out)
{
    struct db_param *p = arena_alloc(cx->arena, sizeof(*p));

    *p = DBP_TEXT(sql_ids_param(cx, ids, n));
    *st = (struct db_stmt){sql_pick(cx, SQL_AUTHORS_OF_SQLITE, SQL_AUTHORS_OF_PG), p, 1, out};
}

void store_books_read_authors(struct ctx *cx, const struct db_result *r, struct book *books, int n)
{
    for (int i = 0; i < n; i++) {
        books[i].authors = arena_zalloc(cx->arena, sizeof(struct ref) * 8);
        books[i].n_authors = 0;
    }
    for (int row = 0; row < r->nrows; row++) {
        int i = index_of(books, n, db_get_int(r, row, 0));
        if (i < 0 || books[i].n_authors >= 8)
            continue; /* a book shows at most 8 authors */
        books[i].authors[books[i].n_authors++] =
            (struct ref){db_get_int(r, row, 1), db_get(r, row, 2), db_get(r, row, 3)};
    }
}

int store_books_load_authors(struct ctx *cx, struct book *books, int n)
{
    long long *ids;
    struct db_result *r;
    struct db_stmt st;
    int rc;

    if (n == 0)
        return 0;
    ids = arena_alloc(cx->arena, sizeof(*ids) * (size_t)n);
    for (int i = 0; i < n; i++)
        ids[i] = books[i].id;
    store_books_authors_stmt(cx, ids, n, &st, &r);
    if ((rc = cx_query(cx, st.sql, st.params, st.n, &r)) != 0)
        return rc;
    store_books_read_authors(cx, r, books, n);
    return 0;
}

int store_books_load_categories(struct ctx *cx, struct book *b)
{
    struct db_param p[] = {DBP_INT(b->id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_CATEGORIES_OF, p, 1, &r);

    if (rc)
        return rc;
    b->categories = arena_zalloc(cx->arena, sizeof(struct ref) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        b->categories[i] = (struct ref){db_get_int(r, i, 0), db_get(r, i, 1), db_get(r, i, 2)};
    b->n_categories = r->nrows;
    return 0;
}

int store_books_is_author(struct ctx *cx, long long book_id, long long user_id, bool *yes)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_INT(user_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_IS_AUTHOR, p, 2, &r);

    if (rc == 0)
        *yes = r->nrows > 0;
    return rc;
}

int store_books_isbn_taken(struct ctx *cx, const char *isbn, long long except_id, bool *taken)
{
    struct db_param p[] = {DBP_TEXT(isbn), DBP_INT(except_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_ISBN_TAKEN, p, 2, &r);

    if (rc == 0)
        *taken = r->nrows > 0;
    return rc;
}

int store_books_slugs_like(struct ctx *cx, const char *base, const char ***slugs, int *n)
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

static struct db_param opt_id(long long v)
{
    return v > 0 ? DBP_INT(v) : DBP_NULL;
}

int store_books_insert(struct ctx *cx, const struct book_row *row, long long created_by,
                       const char *now, long long *id)
{
    struct db_param p[] = {
        DBP_TEXT(row->slug),       DBP_TEXT(row->title),
        DBP_TEXT(row->subtitle),   DBP_TEXT(row->description),
        DBP_TEXT(row->language),   DBP_TEXT(row->isbn),
        opt_id(row->page_count),   DBP_INT(row->price_cents),
        DBP_TEXT(row->currency),   DBP_TEXT(row->format),
        opt_id(row->publisher_id), DBP_INT(row->featured ? 1 : 0),
        opt_id(created_by),        DBP_TEXT(now),
    };
    struct db_result *r;
    int rc = cx_query(cx, SQL_INSERT, p, 14, &r);

    if (rc == 0)
        *id = db_get_int(r, 0, 0);
    return rc;
}

int store_books_update(struct ctx *cx, long long id, const struct book_row *row, const char *now)
{
    struct db_param p[] = {
        DBP_INT(id),
        DBP_TEXT(row->title),
        DBP_TEXT(row->subtitle),
        DBP_TEXT(row->description),
        DBP_TEXT(row->language),
        DBP_TEXT(row->isbn),
        opt_id(row->page_count),
        DBP_INT(row->price_cents),
        DBP_TEXT(row->currency),
        DBP_TEXT(row->format),
        opt_id(row->publisher_id),
        DBP_INT(row->featured ? 1 : 0),
        DBP_TEXT(now),
        DBP_TEXT(row->slug),
    };

    return cx_query(cx, SQL_UPDATE, p, 14, NULL);
}

/* Deletes the rows of "clear" for book "id", then inserts one "add" row per value. */
static int replace_rows(struct ctx *cx, const char *clear, const char *add, long long id,
                        const long long *values, int n)
{
    struct db_param p[] = {DBP_INT(id), DBP_NULL, DBP_NULL};
    int rc = cx_query(cx, clear, p, 1, NULL);

    for (int i = 0; rc == 0 && i < n; i++) {
        p[1] = DBP_INT(values[i]);
        p[2] = DBP_INT(i);
        rc = cx_query(cx, add, p, add == SQL_ADD_AUTHOR ? 3 : 2, NULL);
    }
    return rc;
}

int store_books_set_authors(struct ctx *cx, long long id, const long long *author_ids, int n)
{
    return replace_rows(cx, SQL_CLEAR_AUTHORS, SQL_ADD_AUTHOR, id, author_ids, n);
}

int store_books_set_categories(struct ctx *cx, long long id, const long long *category_ids, int n)
{
    return replace_rows(cx, SQL_CLEAR_CATEGORIES, SQL_ADD_CATEGORY, id, category_ids, n);
}

static int set_status(struct ctx *cx, const char *sql, long long id, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(now)};

    return cx_query(cx, sql, p, 2, NULL);
}

int store_books_publish(struct ctx *cx, long long id, const char *now)
{
    return set_status(cx, SQL_PUBLISH, id, now);
}

int store_books_unpublish(struct ctx *cx, long long id, const char *now)
{
    return set_status(cx, SQL_UNPUBLISH, id, now);
}

int store_books_soft_delete(struct ctx *cx, long long id, const char *now)
{
    return set_status(cx, SQL_SOFT_DELETE, id, now);
}

int store_books_add_views(struct ctx *cx, long long book_id, const char *day, long long views)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_INT(views)};
    struct db_param d[] = {DBP_INT(book_id), DBP_TEXT(day), DBP_INT(views)};
    int rc = cx_query(cx, SQL_ADD_VIEWS, p, 2, NULL);

    return rc ? rc : cx_query(cx, SQL_ADD_DAILY_VIEWS, d, 3, NULL);
}
