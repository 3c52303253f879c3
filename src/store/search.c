/* search.c (store): full-text search in SQL, as FTS5 (SQLite) and tsvector (PostgreSQL) twins. */
#include "store/search.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/categories.h"
#include "store/search_stats.h"
#include "store/sql.h"

/*
 * The matching books, newest first: $1 the query (FTS5 text / words for plainto_tsquery),
 * $2 category slug (with its subtree), $3 author slug, $4 language, $5 / $6 price range,
 * $7 only ids below this one (NULL: all), $8 how many. Each row carries its rank (lower is
 * better): bm25 with the table's weights (10 : 4 : 1) or minus ts_rank (A : B : C), and its
 * author and category ids ("1,2" on SQLite, "{1,2}" from 0010's copies on PostgreSQL). Walking
 * the index in id order and stopping at the limit keeps a query for a common word as cheap
 * as one for a rare word: only the rows returned are ranked (on PostgreSQL, when the planner
 * takes a rarer word's GIN matches and sorts them, each of those matches is ranked).
 */
#define CATS                                                                                       \
    "WITH RECURSIVE cats(id) AS (SELECT id FROM categories WHERE slug = $2 UNION ALL "             \
    "SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id) "
#define IN_CATS(ID)                                                                                \
    " AND EXISTS (SELECT 1 FROM book_categories bc WHERE bc.book_id = " ID                         \
    " AND bc.category_id IN (SELECT id FROM cats))"
#define ANY_CAT(ID) " AND CAST($2 AS TEXT) IS NULL" /* the text without the category subtree */
/* PostgreSQL: $2 is the subtree's ids (store_categories_subtree_ids), against the copy of the
 * book's categories in book_search: no join, and a constant the planner can weigh. */
#define IN_SUBTREE_PG(ID) " AND s.category_ids && CAST(string_to_array($2, ',') AS BIGINT[])"
/* The filters on "T", the books' row (SQLite) or their copy in book_search (PostgreSQL). */
#define FILTERS(T, ID)                                                                             \
    " AND (CAST($3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM book_authors ba"                      \
    " JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = " ID " AND a.slug = $3))"           \
    " AND (CAST($4 AS TEXT) IS NULL OR " T ".language = $4)"                                       \
    " AND (CAST($5 AS BIGINT) IS NULL OR " T ".price_cents >= $5)"                                 \
    " AND (CAST($6 AS BIGINT) IS NULL OR " T ".price_cents <= $6)"
/* Each match's filters and facets come from its row of book_facts (0012), one lookup. */
#define HITS_SQLITE(WITH, CAT)                                                                     \
    WITH "SELECT f.book_id, f.language, f.price_cents, book_fts.rank, f.author_ids, "              \
         "f.category_ids FROM book_fts JOIN book_facts f ON f.book_id = book_fts.rowid "           \
         "WHERE book_fts MATCH $1 AND (CAST($7 AS BIGINT) IS NULL OR book_fts.rowid < $7)"         \
         " AND f.published = 1" CAT("f.book_id")                                                   \
             FILTERS("f", "f.book_id") " ORDER BY book_fts.rowid DESC LIMIT $8"
/*
 * book_search carries the filters' columns (0009), so no row of books is joined: the planner
 * either walks the primary key backwards testing each document (a common word) or takes the
 * GIN matches and sorts them (a rarer one), and estimates the filters' share from one table's
 * statistics. ts_rank is computed in the same query: rows then enter the sort without their
 * 600-byte documents (ranking in an outer query carried them through it, twice as slow).
 * With a language or price band, $10 holds them as the document's filter terms (0011:
 * `'lang=en' & 'price=free'`): the GIN index intersects them with the words, so a common word
 * among free books reads only its free matches. The columns are still tested (they decide),
 * and the rank is the words' alone.
 */
#define WORDS_PG "plainto_tsquery('mangu_search', $1)"
#define WITH_TERMS_PG "(" WORDS_PG " && CAST($10 AS tsquery))"
/* $9: only ids from this one up (a window, below). "+ 0" hides the order from the primary key,
 * so the planner takes the GIN matches and sorts them rather than walking the ids. */
#define BY_ID_PG " ORDER BY s.book_id DESC LIMIT $8"
#define BY_ID_SORTED_PG " ORDER BY s.book_id + 0 DESC LIMIT $8"
#define HITS_PG(WITH, CAT, MATCH, ORDER)                                                           \
    DB_PLAN_EACH_CALL WITH "SELECT s.book_id, s.language, s.price_cents, "                         \
                           "-ts_rank(s.document, " WORDS_PG "), s.author_ids, s.category_ids "     \
                           "FROM book_search s "                                                   \
                           "WHERE s.document @@ " MATCH " AND s.published "                        \
                           "AND (CAST($7 AS BIGINT) IS NULL OR s.book_id < $7) "                   \
                           "AND (CAST($9 AS BIGINT) IS NULL OR s.book_id >= $9)" CAT("s.book_id")  \
                               FILTERS("s", "s.book_id") ORDER
#define HITS_PG_ORDERS(WITH, CAT, MATCH)                                                           \
    { HITS_PG(WITH, CAT, MATCH, BY_ID_PG), HITS_PG(WITH, CAT, MATCH, BY_ID_SORTED_PG) }
/* Without a category the recursive subtree is left out of the text (less to plan). */
static const char SQL_HITS_SQLITE[] = HITS_SQLITE("", ANY_CAT);
static const char SQL_HITS_CAT_SQLITE[] = HITS_SQLITE(CATS, IN_CATS);
/* [category][filter terms][sorted] */
static const char *const SQL_HITS_PG[2][2][2] = {
    {HITS_PG_ORDERS("", ANY_CAT, WORDS_PG), HITS_PG_ORDERS("", ANY_CAT, WITH_TERMS_PG)},
    {HITS_PG_ORDERS("", IN_SUBTREE_PG, WORDS_PG), HITS_PG_ORDERS("", IN_SUBTREE_PG, WITH_TERMS_PG)},
};
/* The lowest and highest id of a published book (for estimating a total from a sample). */
static const char SQL_SPAN[] = "SELECT (SELECT min(id) FROM books WHERE status = 'published'), "
                               "(SELECT max(id) FROM books WHERE status = 'published')";

/* Books by id, in the order given ($1: sql_ids_param), with their descriptions (snippets). */
static const char SQL_PAGE_SQLITE[] =
    "SELECT " STORE_BOOK_SUMMARY ", NULL, b.description FROM json_each($1) j "
    "JOIN books b ON b.id = j.value ORDER BY j.key";
static const char SQL_PAGE_PG[] =
    "SELECT " STORE_BOOK_SUMMARY ", NULL, b.description FROM "
    "unnest(" SQL_ID_ARRAY_PG("$1") ") WITH ORDINALITY j(id, k) "
                                    "JOIN books b ON b.id = j.id ORDER BY j.k";
/* The slugs and names of authors $1 and categories $2 (sql_ids_param): kind ('a' author,
 * 'c' category), id, slug, name. PostgreSQL gets the ids as an array: `IN (subquery)` has it
 * guess 100 of them and read all 5,000 authors of the benchmark's catalogue into a hash. */
#define FACET_NAMES(IN1, IN2)                                                                      \
    "SELECT 'a', id, slug, name FROM authors WHERE id " IN1                                        \
    " UNION ALL SELECT 'c', id, slug, name FROM categories WHERE id " IN2
static const char SQL_FACET_NAMES_SQLITE[] =
    FACET_NAMES("IN " SQL_IDS_SQLITE("$1"), "IN " SQL_IDS_SQLITE("$2"));
static const char SQL_FACET_NAMES_PG[] =
    FACET_NAMES("= ANY (" SQL_ID_ARRAY_PG("$1") ")", "= ANY (" SQL_ID_ARRAY_PG("$2") ")");

static const char SQL_KNOWN_SQLITE[] =
    "SELECT word FROM search_words WHERE word IN " SQL_TEXTS_SQLITE("$1");
static const char SQL_KNOWN_PG[] =
    "SELECT word FROM search_words WHERE word IN " SQL_TEXTS_PG("$1");
static const char SQL_SIMILAR_SQLITE[] =
    "SELECT w.word FROM search_words_trigram JOIN search_words w "
    "ON w.id = search_words_trigram.rowid WHERE search_words_trigram MATCH $1 "
    "ORDER BY search_words_trigram.rank, w.word LIMIT $2";
static const char SQL_SIMILAR_PG[] =
    "SELECT word FROM search_words WHERE word % $1 ORDER BY similarity(word, $1) DESC, word "
    "LIMIT $2";
static const char SQL_ADD_WORDS_SQLITE[] =
    "INSERT OR IGNORE INTO search_words (word) SELECT value FROM json_each($1) "
    "WHERE length(value) BETWEEN 1 AND 64";
static const char SQL_REFRESH_WORDS_SQLITE[] =
    "INSERT OR IGNORE INTO search_words (word) SELECT DISTINCT term FROM book_fts_terms "
    "WHERE col IN ('title', 'authors') AND length(term) BETWEEN 1 AND 64";

#define FIRST_AUTHOR                                                                               \
    "(SELECT a.name FROM book_authors ba JOIN authors a ON a.id = ba.author_id "                   \
    "WHERE ba.book_id = b.id ORDER BY ba.position, a.id LIMIT 1)"
/* Typeahead favours speed over rank: the newest books and the oldest authors that match,
 * found without ranking every match (a two-letter prefix matches most of the catalogue). */
static const char SQL_SUGGEST_BOOKS_SQLITE[] =
    "SELECT b.id, b.slug, b.title, b.cover_key, " FIRST_AUTHOR " FROM (SELECT book_fts.rowid "
    "AS id FROM book_fts JOIN books c INDEXED BY books_published_cover_idx "
    "ON c.id = book_fts.rowid WHERE book_fts MATCH $1 AND c.status = 'published' "
    "ORDER BY book_fts.rowid DESC LIMIT $2) m JOIN books b ON b.id = m.id ORDER BY b.id DESC";
/*
 * PostgreSQL guesses how many titles a prefix matches, and by those guesses either walked
 * every document newest first when a prefix was rare (87-860 ms for "kef" at 100,000 books)
 * or merged the GIN lists of every word sharing a common two-letter prefix ("fi": 31 ms). So
 * the query decides by itself: "recent" tests the titles (0009's `titles`) of the newest 2,000
 * published books, enough for a prefix held by one title in 250; only when that finds fewer
 * than $2 does "m" (a one-time filter: otherwise never run) take up to 200 matches from the
 * titles' GIN index, a cheap lookup for a rare prefix. The newest of both are shown.
 */
#define SUGGEST_TITLES "w.titles @@ to_tsquery('mangu_search', $1)"
static const char SQL_SUGGEST_BOOKS_PG[] = DB_PLAN_EACH_CALL
    "WITH recent AS MATERIALIZED (SELECT w.book_id FROM (SELECT book_id, titles "
    "FROM book_search WHERE published ORDER BY book_id DESC LIMIT 2000) w "
    "WHERE " SUGGEST_TITLES " ORDER BY w.book_id DESC LIMIT $2), "
    "m AS MATERIALIZED (SELECT w.book_id FROM book_search w WHERE (SELECT count(*) "
    "FROM recent) < $2 AND " SUGGEST_TITLES " AND w.published LIMIT 200), "
    "pick AS (SELECT book_id FROM recent UNION SELECT book_id FROM m) "
    "SELECT b.id, b.slug, b.title, b.cover_key, " FIRST_AUTHOR " FROM (SELECT book_id "
    "FROM pick ORDER BY book_id DESC LIMIT $2) t JOIN books b ON b.id = t.book_id "
    "ORDER BY b.id DESC";
#define HAS_BOOKS                                                                                  \
    " AND EXISTS (SELECT 1 FROM book_authors ba JOIN books b ON b.id = ba.book_id "                \
    "WHERE ba.author_id = a.id AND b.status = 'published')"
static const char SQL_SUGGEST_AUTHORS_SQLITE[] =
    "SELECT a.id, a.slug, a.name, NULL, NULL FROM author_fts JOIN authors a "
    "ON a.id = author_fts.rowid WHERE author_fts MATCH $1" HAS_BOOKS
    " ORDER BY author_fts.rowid LIMIT $2";
static const char SQL_SUGGEST_AUTHORS_PG[] = DB_PLAN_EACH_CALL
    "SELECT a.id, a.slug, a.name, NULL, NULL FROM author_search s JOIN authors a "
    "ON a.id = s.author_id WHERE s.document @@ to_tsquery('mangu_search', $1)" HAS_BOOKS
    " ORDER BY a.id LIMIT $2";

static bool is_pg(struct ctx *cx)
{
    return db_dialect(cx->app->db) == DB_POSTGRES;
}

/* Appends "tok" inside "quote" characters, doubling any inside (defence in depth). */
static void add_quoted(struct buf *b, const char *tok, char quote)
{
    buf_addc(b, quote);
    for (const char *p = tok; *p; p++) {
        if (*p == quote)
            buf_addc(b, quote);
        if (*p != '\\')
            buf_addc(b, *p);
    }
    buf_addc(b, quote);
}

/*
 * The query text: FTS5 `"a" "b"` (prefix: `"b"*`, restricted: `title : (...)`), or for
 * PostgreSQL either plain words (plainto_tsquery) or `'a' & 'b':*` (to_tsquery; restricting
 * to titles is the query's choice of column there, book_search.titles).
 */
static const char *match_text(struct ctx *cx, const char *const *tokens, int n, bool prefix,
                              const char *column)
{
    struct buf b = BUF_INIT;
    bool pg = is_pg(cx);
    const char *out;

    if (!pg && column)
        buf_printf(&b, "%s : (", column);
    for (int i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (pg && !prefix) {
            buf_printf(&b, i ? " %s" : "%s", tokens[i]); /* letters and digits only */
            continue;
        }
        if (i)
            buf_adds(&b, pg ? " & " : " ");
        add_quoted(&b, tokens[i], pg ? '\'' : '"');
        if (prefix && last)
            buf_adds(&b, pg ? ":*" : "*");
    }
    if (!pg && column)
        buf_addc(&b, ')');
    out = arena_strdup(cx->arena, b.p ? b.p : "");
    buf_release(&b);
    return out;
}

/* The filter terms of 0011 for "f" into "out" (at most 2): `lang=en`, `price=free`. */
static int filter_words(struct ctx *cx, const struct book_filter *f, const char **out)
{
    int n = 0;

    if (f->language)
        out[n++] = arena_printf(cx->arena, "lang=%s", f->language);
    if (f->price_band)
        out[n++] = arena_printf(cx->arena, "price=%s", f->price_band);
    return n;
}

/* The filter terms as a tsquery (`'lang=en' & 'price=free'`), or NULL when there are none. */
static const char *filter_terms(struct ctx *cx, const struct book_filter *f)
{
    const char *words[2];
    int n = filter_words(cx, f, words);
    struct buf b = BUF_INIT;
    const char *out;

    for (int i = 0; i < n; i++) {
        if (i)
            buf_adds(&b, " & ");
        add_quoted(&b, words[i], '\'');
    }
    out = b.p ? arena_strdup(cx->arena, b.p) : NULL;
    buf_release(&b);
    return out;
}

/* What every query of one search's hits shares. */
struct hits_ask {
    const char *const *tokens;
    int n_tokens;
    const struct book_filter *f;
    const char *terms;    /* PostgreSQL's filter terms, or NULL */
    const char *category; /* $2: the slug, or on PostgreSQL its subtree's ids */
};

/*
 * Sampling matches newest first walks the ids until "limit" of them turn up: about
 * limit / share rows. The planner walks for a common word (a few hundred rows) and reads the
 * GIN matches of a rare one (a few hundred too), but in between either reads thousands (a word
 * in 2% of 100,000 books: 10,000 rows walked or 2,000 matches read, 5 ms), and when words
 * together are rarer than their statistics say (a German word among English books) the walk
 * reads the whole table (60 ms). So when PostgreSQL's statistics put the words' share between
 * WINDOW_MIN_SHARE and WINDOW_MAX_SHARE, a window of the newest ids expected to hold
 * WINDOW_MATCHES times "limit" matches is read first: the planner intersects the GIN matches
 * with the window's ids and reads only those rows. If the window held too few, the GIN
 * matches below it are read and sorted (never walked: the window showed them to be rare).
 */
#define WINDOW_MIN_SHARE 0.015
#define WINDOW_MAX_SHARE 0.15
#define WINDOW_MATCHES 1.25

/* The first id of the window for ids below "below_id" (0: all), or 0 for no window. */
static long long window_from(struct ctx *cx, const struct hits_ask *a, long long below_id,
                             int limit)
{
    const char **words = arena_alloc(cx->arena, sizeof(char *) * (size_t)(a->n_tokens + 2));
    int n = a->n_tokens;
    long long max_id, top, from;
    double share;

    if (a->f->category || a->f->author) /* not in the statistics: leave it to the planner */
        return 0;
    memcpy(words, a->tokens, sizeof(char *) * (size_t)n);
    n += filter_words(cx, a->f, words + n);
    if (!store_search_stats_share(cx, words, n, &share, &max_id) || share < WINDOW_MIN_SHARE ||
        share > WINDOW_MAX_SHARE)
        return 0;
    top = below_id > 0 ? below_id : max_id + 1;
    from = top - (long long)(WINDOW_MATCHES * limit / share);
    return from > 1 ? from : 0;
}

/* One query of the hits: ids below "below_id" and from "from_id" up (either 0: unbounded). */
static int hits_query(struct ctx *cx, const struct hits_ask *a, long long below_id,
                      long long from_id, int limit, bool sorted, struct db_result **r)
{
    const struct book_filter *f = a->f;
    struct db_param p[] = {
        DBP_TEXT(match_text(cx, a->tokens, a->n_tokens, false, NULL)),
        DBP_TEXT(a->category),
        DBP_TEXT(f->author),
        DBP_TEXT(f->language),
        f->price_min >= 0 ? DBP_INT(f->price_min) : DBP_NULL,
        f->price_max >= 0 ? DBP_INT(f->price_max) : DBP_NULL,
        below_id > 0 ? DBP_INT(below_id) : DBP_NULL,
        DBP_INT(limit),
        from_id > 0 ? DBP_INT(from_id) : DBP_NULL,
        DBP_TEXT(a->terms),
    };

    if (!is_pg(cx))
        return cx_query(cx, f->category ? SQL_HITS_CAT_SQLITE : SQL_HITS_SQLITE, p, 8, r);
    return cx_query(cx, SQL_HITS_PG[f->category != NULL][a->terms != NULL][sorted], p,
                    a->terms ? 10 : 9, r);
}

static void read_hits(const struct db_result *r, struct search_hit *out)
{
    for (int i = 0; r && i < r->nrows; i++)
        out[i] = (struct search_hit){db_get_int(r, i, 0), db_get(r, i, 1), db_get_int(r, i, 2),
                                     sql_double(r, i, 3), db_get(r, i, 4), db_get(r, i, 5)};
}

int store_search_hits(struct ctx *cx, const char *const *tokens, int n_tokens,
                      const struct book_filter *f, long long below_id, int limit,
                      struct search_hit **out, int *n)
{
    struct hits_ask a = {tokens, n_tokens, f, is_pg(cx) ? filter_terms(cx, f) : NULL, f->category};
    struct db_result *r, *rest = NULL;
    int rc;

    if (f->category && is_pg(cx) &&
        (rc = store_categories_subtree_ids(cx, f->category, &a.category)) != 0)
        return rc;
    long long from = is_pg(cx) ? window_from(cx, &a, below_id, limit) : 0;
    rc = hits_query(cx, &a, below_id, from, limit, false, &r);

    if (rc == 0 && from > 0 && r->nrows < limit)
        rc = hits_query(cx, &a, from, 0, limit - r->nrows, true, &rest);
    if (rc)
        return rc;
    *n = r->nrows + (rest ? rest->nrows : 0);
    *out = arena_zalloc(cx->arena, sizeof(**out) * (size_t)(*n + 1));
    read_hits(r, *out);
    read_hits(rest, *out + r->nrows);
    return 0;
}

/* Fills each bucket's slug and name from the rows of "r" of kind "kind" (ids in column 1). */
static void name_buckets(const struct db_result *r, const char *kind, const long long *ids,
                         struct search_bucket *rows, int n)
{
    for (int row = 0; row < r->nrows; row++) {
        if (strcmp(db_get(r, row, 0), kind) != 0)
            continue;
        long long id = db_get_int(r, row, 1);
        for (int i = 0; i < n; i++)
            if (ids[i] == id)
                rows[i].value = db_get(r, row, 2), rows[i].label = db_get(r, row, 3);
    }
}

/* Adds to "st" (at "*n") the statement for "sql" with one list of ids, its rows into "out". */
static void add_ids_stmt(struct ctx *cx, struct db_stmt *st, int *n, const char *sql,
                         const long long *ids, int n_ids, struct db_result **out)
{
    struct db_param *p = arena_alloc(cx->arena, sizeof(*p));

    *p = DBP_TEXT(sql_ids_param(cx, ids, n_ids));
    st[(*n)++] = (struct db_stmt){sql, p, 1, out};
}

static void read_page(struct ctx *cx, const struct db_result *r, struct search_fetch *f)
{
    store_books_read_summaries(cx, r, &f->items, &f->n);
    for (int i = 0; i < f->n; i++) /* for the snippet */
        f->items[i].description = db_get(r, i, STORE_BOOK_SUMMARY_COLS + 1);
}

int store_search_fetch(struct ctx *cx, struct search_fetch *f)
{
    struct db_result *span = NULL, *names = NULL, *page = NULL, *authors = NULL;
    struct db_stmt st[4];
    int n = 0, rc;

    if (f->span)
        st[n++] = (struct db_stmt){SQL_SPAN, NULL, 0, &span};
    if (f->n_authors + f->n_categories > 0) {
        struct db_param *p = arena_alloc(cx->arena, sizeof(*p) * 2);
        p[0] = DBP_TEXT(sql_ids_param(cx, f->author_ids, f->n_authors));
        p[1] = DBP_TEXT(sql_ids_param(cx, f->category_ids, f->n_categories));
        st[n++] = (struct db_stmt){sql_pick(cx, SQL_FACET_NAMES_SQLITE, SQL_FACET_NAMES_PG), p, 2,
                                   &names};
    }
    if (f->n_page > 0) {
        add_ids_stmt(cx, st, &n, sql_pick(cx, SQL_PAGE_SQLITE, SQL_PAGE_PG), f->page_ids, f->n_page,
                     &page);
        store_books_authors_stmt(cx, f->page_ids, f->n_page, &st[n++], &authors);
    }
    f->min_id = f->max_id = 0;
    f->items = NULL;
    f->n = 0;
    if (n == 0)
        return 0;
    if ((rc = cx_query_batch(cx, st, n)) != 0)
        return rc;
    if (span && span->nrows)
        f->min_id = db_get_int(span, 0, 0), f->max_id = db_get_int(span, 0, 1);
    if (names) {
        name_buckets(names, "a", f->author_ids, f->authors, f->n_authors);
        name_buckets(names, "c", f->category_ids, f->categories, f->n_categories);
    }
    if (page) {
        read_page(cx, page, f);
        store_books_read_authors(cx, authors, f->items, f->n);
    }
    return 0;
}

/* "words" as a JSON array of strings (arena). */
static const char *words_json(struct ctx *cx, const char *const *words, int n)
{
    json_t *arr = json_array();
    char *text, *out;

    for (int i = 0; i < n; i++)
        json_array_append_new(arr, json_string(words[i]));
    text = json_dumps(arr, JSON_COMPACT);
    out = arena_strdup(cx->arena, text ? text : "[]");
    free(text);
    json_decref(arr);
    return out;
}

int store_search_known_words(struct ctx *cx, const char *const *words, int n, bool *known)
{
    struct db_param p[] = {DBP_TEXT(words_json(cx, words, n))};
    struct db_result *r;
    int rc = cx_query(cx, sql_pick(cx, SQL_KNOWN_SQLITE, SQL_KNOWN_PG), p, 1, &r);

    if (rc)
        return rc;
    for (int i = 0; i < n; i++) {
        known[i] = false;
        for (int row = 0; row < r->nrows && !known[i]; row++)
            known[i] = strcmp(db_get(r, row, 0), words[i]) == 0;
    }
    return 0;
}

#define WORD_MAX 64 /* characters of a word in the list */

/* `"abc" OR "bcd" OR ...`: the trigrams of "word" (by code point) for FTS5's trigram table. */
static const char *trigram_query(struct ctx *cx, const char *word)
{
    size_t starts[WORD_MAX + 1], n = 0, len = strlen(word);
    struct buf b = BUF_INIT;
    const char *out;

    for (size_t i = 0; i < len && n < WORD_MAX; i++)
        if (((unsigned char)word[i] & 0xC0) != 0x80)
            starts[n++] = i;
    starts[n] = len;
    for (size_t k = 0; k + 3 <= n; k++) {
        if (k)
            buf_adds(&b, " OR ");
        buf_addc(&b, '"');
        buf_add(&b, word + starts[k], starts[k + 3] - starts[k]);
        buf_addc(&b, '"');
    }
    out = b.p ? arena_strdup(cx->arena, b.p) : NULL;
    buf_release(&b);
    return out;
}

int store_search_similar_words(struct ctx *cx, const char *word, int limit, const char ***out,
                               int *n)
{
    const char *query = is_pg(cx) ? word : trigram_query(cx, word);
    struct db_result *r;
    int rc;

    *n = 0;
    *out = NULL;
    if (!query || strchr(word, '"'))
        return 0;
    struct db_param p[] = {DBP_TEXT(query), DBP_INT(limit)};
    if ((rc = cx_query(cx, sql_pick(cx, SQL_SIMILAR_SQLITE, SQL_SIMILAR_PG), p, 2, &r)) != 0)
        return rc;
    *out = arena_alloc(cx->arena, sizeof(char *) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*out)[i] = db_get(r, i, 0);
    *n = r->nrows;
    return 0;
}

int store_search_add_words(struct ctx *cx, const char *const *words, int n)
{
    if (is_pg(cx) || n == 0)
        return 0;
    struct db_param p[] = {DBP_TEXT(words_json(cx, words, n))};
    return cx_query(cx, SQL_ADD_WORDS_SQLITE, p, 1, NULL);
}

int store_search_refresh_words(struct ctx *cx)
{
    return is_pg(cx) ? 0 : cx_query(cx, SQL_REFRESH_WORDS_SQLITE, NULL, 0, NULL);
}

static int suggestions(struct ctx *cx, const char *sql, const char *match, int limit,
                       struct search_suggestion **out, int *n)
{
    struct db_param p[] = {DBP_TEXT(match), DBP_INT(limit)};
    struct db_result *r;
    int rc = cx_query(cx, sql, p, 2, &r);

    if (rc)
        return rc;
    *out = arena_zalloc(cx->arena, sizeof(**out) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*out)[i] = (struct search_suggestion){db_get_int(r, i, 0), db_get(r, i, 1),
                                               db_get(r, i, 2), db_get(r, i, 3), db_get(r, i, 4)};
    *n = r->nrows;
    return 0;
}

int store_search_suggest_books(struct ctx *cx, const char *const *tokens, int n_tokens, int limit,
                               struct search_suggestion **out, int *n)
{
    const char *match = match_text(cx, tokens, n_tokens, true, "title");

    return suggestions(cx, sql_pick(cx, SQL_SUGGEST_BOOKS_SQLITE, SQL_SUGGEST_BOOKS_PG), match,
                       limit, out, n);
}

int store_search_suggest_authors(struct ctx *cx, const char *const *tokens, int n_tokens, int limit,
                                 struct search_suggestion **out, int *n)
{
    const char *match = match_text(cx, tokens, n_tokens, true, NULL);

    return suggestions(cx, sql_pick(cx, SQL_SUGGEST_AUTHORS_SQLITE, SQL_SUGGEST_AUTHORS_PG), match,
                       limit, out, n);
}
