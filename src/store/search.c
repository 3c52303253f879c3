/* search.c (store): full-text search in SQL, as FTS5 (SQLite) and tsvector (PostgreSQL) twins. */
#include "store/search.h"

#include <jansson.h>
#include <string.h>

#include "core/buf.h"
#include "store/sql.h"

/*
 * The matching books as the CTE "hits" (id, language, price_cents, score): $1 the query
 * (FTS5 text / words for plainto_tsquery), $2 category slug, $3 author slug, $4 language,
 * $5 / $6 price range.
 */
#define CATS                                                                                       \
    "WITH RECURSIVE cats(id) AS (SELECT id FROM categories WHERE slug = $2 UNION ALL "             \
    "SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id), "
#define FILTERS                                                                                    \
    " AND b.status = 'published'"                                                                  \
    " AND (CAST($2 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM book_categories bc"                   \
    " WHERE bc.book_id = b.id AND bc.category_id IN (SELECT id FROM cats)))"                       \
    " AND (CAST($3 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM book_authors ba"                      \
    " JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id AND a.slug = $3))"             \
    " AND (CAST($4 AS TEXT) IS NULL OR b.language = $4)"                                           \
    " AND (CAST($5 AS BIGINT) IS NULL OR b.price_cents >= $5)"                                     \
    " AND (CAST($6 AS BIGINT) IS NULL OR b.price_cents <= $6)"
/* bm25 is negative, best first; the weights are the table's default rank (10 : 4 : 1). The
 * filters read the narrow index of 0007, not the books' rows. */
#define HITS_SQLITE                                                                                \
    CATS "hits AS (SELECT b.id, b.language, b.price_cents, book_fts.rank AS score "                \
         "FROM book_fts JOIN books b INDEXED BY books_published_cover_idx "                        \
         "ON b.id = book_fts.rowid WHERE book_fts MATCH $1" FILTERS ") "
#define HITS_PG                                                                                    \
    CATS "hits AS (SELECT b.id, b.language, b.price_cents, "                                       \
         "-ts_rank(s.document, plainto_tsquery('mangu_search', $1)) AS score "                     \
         "FROM book_search s JOIN books b ON b.id = s.book_id "                                    \
         "WHERE s.document @@ plainto_tsquery('mangu_search', $1)" FILTERS ") "

/* The page is chosen from the hits first; only its rows are read whole. */
#define PAGE                                                                                       \
    "SELECT " STORE_BOOK_SUMMARY ", p.score, b.description FROM (SELECT h.id, h.score "            \
    "FROM hits h ORDER BY h.score, h.id LIMIT $7 OFFSET $8) p JOIN books b ON b.id = p.id "        \
    "ORDER BY p.score, b.id"
#define COUNTS                                                                                     \
    "SELECT h.language, CASE WHEN h.price_cents = 0 THEN 'free' WHEN h.price_cents < 500 "         \
    "THEN 'under-5' WHEN h.price_cents < 1000 THEN '5-10' WHEN h.price_cents < 2000 "              \
    "THEN '10-20' ELSE 'over-20' END, count(*) FROM hits h GROUP BY 1, 2"
#define CATEGORIES                                                                                 \
    "SELECT c.slug, c.name, count(*) AS n FROM hits h JOIN book_categories bc "                    \
    "ON bc.book_id = h.id JOIN categories c ON c.id = bc.category_id "                             \
    "GROUP BY c.id, c.slug, c.name ORDER BY n DESC, c.slug LIMIT $7"
#define AUTHORS                                                                                    \
    "SELECT a.slug, a.name, count(*) AS n FROM hits h JOIN book_authors ba "                       \
    "ON ba.book_id = h.id JOIN authors a ON a.id = ba.author_id "                                  \
    "GROUP BY a.id, a.slug, a.name ORDER BY n DESC, a.slug LIMIT $7"

static const char SQL_PAGE_SQLITE[] = HITS_SQLITE PAGE;
static const char SQL_PAGE_PG[] = HITS_PG PAGE;
static const char SQL_COUNTS_SQLITE[] = HITS_SQLITE COUNTS;
static const char SQL_COUNTS_PG[] = HITS_PG COUNTS;
static const char SQL_CATEGORIES_SQLITE[] = HITS_SQLITE CATEGORIES;
static const char SQL_CATEGORIES_PG[] = HITS_PG CATEGORIES;
static const char SQL_AUTHORS_SQLITE[] = HITS_SQLITE AUTHORS;
static const char SQL_AUTHORS_PG[] = HITS_PG AUTHORS;

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
/* Typeahead favours speed over rank: the newest matches, found without ranking them all. */
static const char SQL_SUGGEST_BOOKS_SQLITE[] =
    "SELECT b.id, b.slug, b.title, b.cover_key, " FIRST_AUTHOR " FROM (SELECT book_fts.rowid "
    "AS id FROM book_fts JOIN books c INDEXED BY books_published_cover_idx "
    "ON c.id = book_fts.rowid WHERE book_fts MATCH $1 AND c.status = 'published' "
    "ORDER BY book_fts.rowid DESC LIMIT $2) m JOIN books b ON b.id = m.id ORDER BY b.id DESC";
static const char SQL_SUGGEST_BOOKS_PG[] =
    "SELECT b.id, b.slug, b.title, b.cover_key, " FIRST_AUTHOR " FROM book_search s "
    "JOIN books b ON b.id = s.book_id WHERE s.document @@ to_tsquery('mangu_search', $1) "
    "AND b.status = 'published' ORDER BY b.id DESC LIMIT $2";
#define HAS_BOOKS                                                                                  \
    " AND EXISTS (SELECT 1 FROM book_authors ba JOIN books b ON b.id = ba.book_id "                \
    "WHERE ba.author_id = a.id AND b.status = 'published')"
static const char SQL_SUGGEST_AUTHORS_SQLITE[] =
    "SELECT a.id, a.slug, a.name, NULL, NULL FROM author_fts JOIN authors a "
    "ON a.id = author_fts.rowid WHERE author_fts MATCH $1" HAS_BOOKS
    " ORDER BY author_fts.rank, a.id LIMIT $2";
static const char SQL_SUGGEST_AUTHORS_PG[] =
    "SELECT a.id, a.slug, a.name, NULL, NULL FROM author_search s JOIN authors a "
    "ON a.id = s.author_id WHERE s.document @@ to_tsquery('mangu_search', $1)" HAS_BOOKS
    " ORDER BY ts_rank(s.document, to_tsquery('mangu_search', $1)) DESC, a.id LIMIT $2";

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
 * PostgreSQL either plain words (plainto_tsquery) or `'a':A & 'b':*A` (to_tsquery).
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
        if (pg && ((prefix && last) || column))
            buf_printf(&b, ":%s%s", prefix && last ? "*" : "", column ? "A" : "");
        else if (prefix && last)
            buf_addc(&b, '*');
    }
    if (!pg && column)
        buf_addc(&b, ')');
    out = arena_strdup(cx->arena, b.p ? b.p : "");
    buf_release(&b);
    return out;
}

static void hit_params(struct ctx *cx, const char *const *tokens, int n_tokens,
                       const struct book_filter *f, struct db_param p[6])
{
    p[0] = DBP_TEXT(match_text(cx, tokens, n_tokens, false, NULL));
    p[1] = DBP_TEXT(f->category);
    p[2] = DBP_TEXT(f->author);
    p[3] = DBP_TEXT(f->language);
    p[4] = f->price_min >= 0 ? DBP_INT(f->price_min) : DBP_NULL;
    p[5] = f->price_max >= 0 ? DBP_INT(f->price_max) : DBP_NULL;
}

int store_search_books(struct ctx *cx, const char *const *tokens, int n_tokens,
                       const struct book_filter *f, int limit, long long offset,
                       struct book **items, int *n)
{
    struct db_param p[8];
    struct db_result *r;
    int rc;

    hit_params(cx, tokens, n_tokens, f, p);
    p[6] = DBP_INT(limit);
    p[7] = DBP_INT(offset);
    if ((rc = cx_query(cx, sql_pick(cx, SQL_PAGE_SQLITE, SQL_PAGE_PG), p, 8, &r)) != 0)
        return rc;
    store_books_read_summaries(cx, r, items, n);
    for (int i = 0; i < *n; i++) /* for the snippet */
        (*items)[i].description = db_get(r, i, STORE_BOOK_SUMMARY_COLS + 1);
    return 0;
}

static int buckets(struct ctx *cx, const char *sql, const struct db_param *p, int np,
                   struct search_bucket **rows, int *n)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, p, np, &r);

    if (rc)
        return rc;
    *rows = arena_zalloc(cx->arena, sizeof(**rows) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*rows)[i] = (struct search_bucket){db_get(r, i, 0), db_get(r, i, 1), db_get_int(r, i, 2)};
    *n = r->nrows;
    return 0;
}

int store_search_counts(struct ctx *cx, const char *const *tokens, int n_tokens,
                        const struct book_filter *f, struct search_bucket **rows, int *n)
{
    struct db_param p[6];

    hit_params(cx, tokens, n_tokens, f, p);
    return buckets(cx, sql_pick(cx, SQL_COUNTS_SQLITE, SQL_COUNTS_PG), p, 6, rows, n);
}

int store_search_categories(struct ctx *cx, const char *const *tokens, int n_tokens,
                            const struct book_filter *f, int limit, struct search_bucket **rows,
                            int *n)
{
    struct db_param p[7];

    hit_params(cx, tokens, n_tokens, f, p);
    p[6] = DBP_INT(limit);
    return buckets(cx, sql_pick(cx, SQL_CATEGORIES_SQLITE, SQL_CATEGORIES_PG), p, 7, rows, n);
}

int store_search_authors(struct ctx *cx, const char *const *tokens, int n_tokens,
                         const struct book_filter *f, int limit, struct search_bucket **rows,
                         int *n)
{
    struct db_param p[7];

    hit_params(cx, tokens, n_tokens, f, p);
    p[6] = DBP_INT(limit);
    return buckets(cx, sql_pick(cx, SQL_AUTHORS_SQLITE, SQL_AUTHORS_PG), p, 7, rows, n);
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
