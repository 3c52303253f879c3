/* seed.c: the SQL of `mangu seed`: find-or-insert of fixed rows, batched multi-row INSERTs. */
#include "store/seed.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_BATCH 256

/* SQLite: room for the whole transaction in memory, or pages spill to the WAL over and over,
 * and statement journals (one per multi-row INSERT) in memory rather than in temporary files. */
static const char SQL_BIG_CACHE_SQLITE[] = "PRAGMA cache_size = -262144";
static const char SQL_DEFAULT_CACHE_SQLITE[] = "PRAGMA cache_size = -2000";
static const char SQL_TEMP_MEMORY_SQLITE[] = "PRAGMA temp_store = MEMORY";
static const char SQL_TEMP_DEFAULT_SQLITE[] = "PRAGMA temp_store = DEFAULT";
/* PostgreSQL: a bulk load outlasts the per-statement timeout; the connection's own comes back. */
static const char SQL_TIMEOUT_PG[] = "SELECT set_config('statement_timeout', $1, false)";
/*
 * PostgreSQL: the 0006 triggers rebuild a book's search document once per row written (a book,
 * then each of its authors), about 2 ms each. For a bulk load they are paused inside the
 * transaction (ALTER TABLE locks the tables until it ends; nobody sees them off) and the
 * new books are indexed in two set-based statements that build the same document as
 * book_search_refresh() in sql/migrations/0006_search.pg.sql: keep the two in step. The
 * columns 0009 and 0010 added beside the document (published, language, price_cents, titles,
 * author_ids, category_ids) are filled by book_search's own BEFORE trigger, which stays on
 * (the books' categories are written before their documents, so 0010's trigger on
 * book_categories, which would find no document to update, is paused too).
 */
static const char SQL_PG_SEARCH_TRIGGERS[] =
    "SELECT COUNT(*) FROM pg_trigger WHERE NOT tgisinternal "
    "AND tgname IN ('books_search_aiu', 'book_authors_search_aid', 'book_categories_search_aiud')";
static const char SQL_PG_PAUSE_BOOKS[] = "ALTER TABLE books DISABLE TRIGGER books_search_aiu";
static const char SQL_PG_PAUSE_JOINS[] =
    "ALTER TABLE book_authors DISABLE TRIGGER book_authors_search_aid";
static const char SQL_PG_PAUSE_CATEGORIES[] =
    "ALTER TABLE book_categories DISABLE TRIGGER book_categories_search_aiud";
static const char SQL_PG_RESUME_BOOKS[] = "ALTER TABLE books ENABLE TRIGGER books_search_aiu";
static const char SQL_PG_RESUME_JOINS[] =
    "ALTER TABLE book_authors ENABLE TRIGGER book_authors_search_aid";
static const char SQL_PG_RESUME_CATEGORIES[] =
    "ALTER TABLE book_categories ENABLE TRIGGER book_categories_search_aiud";
/* Statistics first: planned against the empty tables of a fresh database, the per-book author
 * lookup below turns into a scan per book (minutes at 100,000 books). */
static const char SQL_PG_ANALYZE[] =
    "ANALYZE books, book_authors, book_categories, book_daily_stats, authors";
static const char SQL_PG_INDEX_BOOKS[] =
    "INSERT INTO book_search (book_id, document) "
    "SELECT b.id, setweight(to_tsvector('mangu_search', b.title || ' ' || "
    "coalesce(b.subtitle, '')), 'A') || setweight(to_tsvector('mangu_search', coalesce("
    "(SELECT string_agg(a.name, ' ') FROM book_authors ba JOIN authors a ON a.id = ba.author_id "
    "WHERE ba.book_id = b.id), '')), 'B') || setweight(to_tsvector('mangu_search', "
    "coalesce(b.description, '')), 'C') FROM books b WHERE b.id > $1 "
    "ON CONFLICT (book_id) DO UPDATE SET document = excluded.document";
static const char SQL_PG_INDEX_WORDS[] =
    "INSERT INTO search_words (word) SELECT DISTINCT w FROM book_search s, "
    "unnest(tsvector_to_array(s.document)) AS w WHERE s.book_id > $1 "
    "AND length(w) BETWEEN 1 AND 64 ON CONFLICT (word) DO NOTHING";
static const char SQL_COUNT_BOOKS[] = "SELECT COUNT(*) FROM books";
/* After the commit: the search tables were last analyzed empty (by their migrations), and
 * autovacuum gets to them a minute or more later. Until then a common word's search plans on
 * a guess of 2% of the books and ranks all 25,000 matches of "one" (220 ms instead of 4). */
static const char SQL_PG_SETTLE[] =
    "VACUUM (ANALYZE) books, book_authors, book_categories, book_daily_stats, authors, "
    "author_search, book_search, search_words";
static const char SQL_MAX_IDS[] =
    "SELECT (SELECT COALESCE(MAX(id), 0) FROM books), (SELECT COALESCE(MAX(id), 0) FROM authors)";
static const char SQL_BOOK_EXISTS[] = "SELECT 1 FROM books WHERE slug = $1";
/* "DO UPDATE SET slug = excluded.slug" changes nothing but makes RETURNING give the old row. */
static const char SQL_CATEGORY[] =
    "INSERT INTO categories (parent_id, name, slug, description, position) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug "
    "RETURNING id";
static const char SQL_PUBLISHER[] =
    "INSERT INTO publishers (name, slug, description, website) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id";
static const char SQL_AUTHOR[] =
    "INSERT INTO authors (name, slug, bio) VALUES ($1, $2, $3) "
    "ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id";
static const char SQL_USER_INSERT[] =
    "INSERT INTO users (email, email_verified, display_name, password_hash, role) "
    "VALUES ($1, 1, $2, $3, $4) ON CONFLICT (lower(email)) DO NOTHING RETURNING id";
/* "!" never parses as an argon2 hash: no password signs this account in. */
static const char SQL_REVIEWER_INSERT[] =
    "INSERT INTO users (email, email_verified, display_name, password_hash, role, disabled) "
    "VALUES ($1, 1, $2, '!seeded-reviewer', 'reader', 1) ON CONFLICT (lower(email)) DO NOTHING "
    "RETURNING id";
static const char SQL_BOOK_ID[] = "SELECT id FROM books WHERE slug = $1";
static const char SQL_USER_FIND[] = "SELECT id FROM users WHERE lower(email) = $1";
static const char SQL_LINK_AUTHOR_USER[] =
    "UPDATE authors SET user_id = $1 WHERE id = $2 AND user_id IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM authors a WHERE a.user_id = $1)";

/* The multi-row INSERTs: the head, the number of parameters per row, the tail. */
static const struct {
    const char *head;
    int cols;
    const char *tail;
} tables[SEED_N_TABLES] = {
    [SEED_BOOKS] = {"INSERT INTO books (slug, title, subtitle, description, language, isbn, "
                    "page_count, price_cents, currency, format, publisher_id, status, featured, "
                    "published_at, views_count, purchases_count, rating_count, rating_sum, "
                    "rating_avg, created_by) VALUES ",
                    20, " RETURNING id, slug"},
    [SEED_AUTHORS] = {"INSERT INTO authors (name, slug, bio) VALUES ", 3, " RETURNING id, slug"},
    [SEED_BOOK_AUTHORS] = {"INSERT INTO book_authors (book_id, author_id, position) VALUES ", 3,
                           ""},
    [SEED_BOOK_CATEGORIES] = {"INSERT INTO book_categories (book_id, category_id) VALUES ", 2, ""},
    [SEED_DAILY_STATS] = {"INSERT INTO book_daily_stats (book_id, day, views, purchases, "
                          "revenue_cents) VALUES ",
                          5, ""},
    [SEED_REVIEWS] = {"INSERT INTO reviews (user_id, book_id, rating, created_at, updated_at) "
                      "VALUES ",
                      5, ""},
};

struct store_seed {
    char *sql[SEED_N_TABLES][MAX_BATCH + 1]; /* built on first use */
};

struct store_seed *store_seed_new(void)
{
    return xcalloc(1, sizeof(struct store_seed));
}

void store_seed_free(struct store_seed *s)
{
    if (!s)
        return;
    for (int t = 0; t < SEED_N_TABLES; t++)
        for (int n = 0; n <= MAX_BATCH; n++)
            free(s->sql[t][n]);
    free(s);
}

int store_seed_batch(struct ctx *cx, enum store_seed_table t)
{
    /* SQLite looks each "$N" up by name in a list: binding costs grow with the square of the
     * parameters, so its statements stay near 256 parameters; PostgreSQL takes 65535. */
    int rows = (db_dialect(cx->app->db) == DB_SQLITE ? 256 : 4000) / tables[t].cols;

    return rows > MAX_BATCH ? MAX_BATCH : rows;
}

int store_seed_tune(struct ctx *cx, bool on)
{
    int rc;

    if (db_dialect(cx->app->db) == DB_POSTGRES) {
        int ms = cx->app->cfg ? cx->app->cfg->db_statement_timeout_ms : 5000;
        char *value = arena_printf(cx->arena, "%d", on ? 0 : ms);
        struct db_param p[] = {DBP_TEXT(value)};
        return cx_query(cx, SQL_TIMEOUT_PG, p, 1, NULL);
    }
    rc = cx_query(cx, on ? SQL_BIG_CACHE_SQLITE : SQL_DEFAULT_CACHE_SQLITE, NULL, 0, NULL);
    if (rc == 0)
        rc = cx_query(cx, on ? SQL_TEMP_MEMORY_SQLITE : SQL_TEMP_DEFAULT_SQLITE, NULL, 0, NULL);
    return rc;
}

/* "head ($1, $2), ($3, $4) tail" for "n" rows of "table". */
static const char *multi_row_sql(struct store_seed *s, enum store_seed_table t, int n)
{
    struct buf b = BUF_INIT;
    int k = 1;

    if (s->sql[t][n])
        return s->sql[t][n];
    buf_adds(&b, tables[t].head);
    for (int r = 0; r < n; r++) {
        buf_adds(&b, r ? ", (" : "(");
        for (int c = 0; c < tables[t].cols; c++)
            buf_printf(&b, c ? ", $%d" : "$%d", k++);
        buf_addc(&b, ')');
    }
    buf_adds(&b, tables[t].tail);
    s->sql[t][n] = buf_detach(&b, NULL);
    return s->sql[t][n];
}

static int one_id(struct ctx *cx, const char *sql, const struct db_param *p, int n, long long *id)
{
    struct db_result *r = NULL;
    int rc = cx_query(cx, sql, p, n, &r);

    if (rc != 0)
        return rc;
    if (r->nrows < 1)
        return cx_fail(cx, ERR_NOT_FOUND, "no row");
    *id = db_get_int(r, 0, 0);
    return 0;
}

int store_seed_search_pause(struct ctx *cx, bool *paused)
{
    long long n = 0;
    int rc;

    *paused = false;
    if (db_dialect(cx->app->db) != DB_POSTGRES)
        return 0;
    if ((rc = one_id(cx, SQL_PG_SEARCH_TRIGGERS, NULL, 0, &n)) != 0 || n != 3)
        return rc; /* triggers renamed: leave them on, slower but correct */
    if ((rc = cx_query(cx, SQL_PG_PAUSE_BOOKS, NULL, 0, NULL)) == 0 &&
        (rc = cx_query(cx, SQL_PG_PAUSE_JOINS, NULL, 0, NULL)) == 0 &&
        (rc = cx_query(cx, SQL_PG_PAUSE_CATEGORIES, NULL, 0, NULL)) == 0)
        *paused = true;
    return rc;
}

int store_seed_search_resume(struct ctx *cx, long long after_id)
{
    struct db_param p[] = {DBP_INT(after_id)};
    int rc = cx_query(cx, SQL_PG_RESUME_BOOKS, NULL, 0, NULL);

    if (rc == 0)
        rc = cx_query(cx, SQL_PG_RESUME_JOINS, NULL, 0, NULL);
    if (rc == 0)
        rc = cx_query(cx, SQL_PG_RESUME_CATEGORIES, NULL, 0, NULL);
    if (rc == 0)
        rc = cx_query(cx, SQL_PG_ANALYZE, NULL, 0, NULL);
    if (rc == 0)
        rc = cx_query(cx, SQL_PG_INDEX_BOOKS, p, 1, NULL);
    if (rc == 0)
        rc = cx_query(cx, SQL_PG_INDEX_WORDS, p, 1, NULL);
    return rc;
}

int store_seed_settle(struct ctx *cx)
{
    return db_dialect(cx->app->db) == DB_POSTGRES ? cx_query(cx, SQL_PG_SETTLE, NULL, 0, NULL) : 0;
}

int store_seed_count_books(struct ctx *cx, long long *n)
{
    return one_id(cx, SQL_COUNT_BOOKS, NULL, 0, n);
}

int store_seed_max_ids(struct ctx *cx, long long *books, long long *authors)
{
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_MAX_IDS, NULL, 0, &r);

    if (rc == 0) {
        *books = db_get_int(r, 0, 0);
        *authors = db_get_int(r, 0, 1);
    }
    return rc;
}

int store_seed_book_exists(struct ctx *cx, const char *slug, bool *exists)
{
    struct db_param p[] = {DBP_TEXT(slug)};
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_BOOK_EXISTS, p, 1, &r);

    if (rc == 0)
        *exists = r->nrows > 0;
    return rc;
}

int store_seed_category(struct ctx *cx, const char *slug, const char *name, long long parent_id,
                        const char *description, int position, long long *id)
{
    struct db_param p[] = {parent_id ? DBP_INT(parent_id) : DBP_NULL, DBP_TEXT(name),
                           DBP_TEXT(slug), DBP_TEXT(description), DBP_INT(position)};

    return one_id(cx, SQL_CATEGORY, p, 5, id);
}

int store_seed_publisher(struct ctx *cx, const char *slug, const char *name,
                         const char *description, const char *website, long long *id)
{
    struct db_param p[] = {DBP_TEXT(name), DBP_TEXT(slug), DBP_TEXT(description),
                           DBP_TEXT(website)};

    return one_id(cx, SQL_PUBLISHER, p, 4, id);
}

int store_seed_author(struct ctx *cx, const char *slug, const char *name, const char *bio,
                      long long *id)
{
    struct db_param p[] = {DBP_TEXT(name), DBP_TEXT(slug), DBP_TEXT(bio)};

    return one_id(cx, SQL_AUTHOR, p, 3, id);
}

int store_seed_user(struct ctx *cx, const char *email, const char *name, const char *hash,
                    const char *role, long long *id, bool *made)
{
    struct db_param p[] = {DBP_TEXT(email), DBP_TEXT(name), DBP_TEXT(hash), DBP_TEXT(role)};
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_USER_INSERT, p, 4, &r);

    if (rc != 0)
        return rc;
    *made = r->nrows > 0;
    if (*made) {
        *id = db_get_int(r, 0, 0);
        return 0;
    }
    return one_id(cx, SQL_USER_FIND, p, 1, id); /* "email" is lower-case ASCII already */
}

int store_seed_reviewer(struct ctx *cx, const char *email, const char *name, long long *id,
                        bool *made)
{
    struct db_param p[] = {DBP_TEXT(email), DBP_TEXT(name)};
    struct db_result *r = NULL;
    int rc = cx_query(cx, SQL_REVIEWER_INSERT, p, 2, &r);

    if (rc != 0)
        return rc;
    *made = r->nrows > 0;
    if (*made) {
        *id = db_get_int(r, 0, 0);
        return 0;
    }
    return one_id(cx, SQL_USER_FIND, p, 1, id);
}

int store_seed_book_id(struct ctx *cx, const char *slug, long long *id)
{
    struct db_param p[] = {DBP_TEXT(slug)};

    return one_id(cx, SQL_BOOK_ID, p, 1, id);
}

int store_seed_link_author_user(struct ctx *cx, long long author_id, long long user_id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(author_id)};

    return cx_query(cx, SQL_LINK_AUTHOR_USER, p, 2, NULL);
}

/* Maps the RETURNING rows (id, slug) back to the order of "slugs". */
static int ids_in_order(struct ctx *cx, const struct db_result *r, const char *const *slugs,
                        size_t stride, int n, long long *ids)
{
    if (r->nrows != n)
        return cx_fail(cx, ERR_INTERNAL, "inserted %d rows of %d", r->nrows, n);
    for (int row = 0; row < n; row++) {
        const char *slug = db_get(r, row, 1);
        int i = row;
        const char *want = *(const char *const *)((const char *)slugs + (size_t)i * stride);
        if (!slug || strcmp(want, slug) != 0) {
            for (i = 0; i < n; i++) {
                want = *(const char *const *)((const char *)slugs + (size_t)i * stride);
                if (slug && strcmp(want, slug) == 0)
                    break;
            }
            if (i == n)
                return cx_fail(cx, ERR_INTERNAL, "inserted row '%s' not asked for", slug);
        }
        ids[i] = db_get_int(r, row, 0);
    }
    return 0;
}

static void book_params(const struct store_seed_book *b, struct db_param *p)
{
    p[0] = DBP_TEXT(b->slug);
    p[1] = DBP_TEXT(b->title);
    p[2] = DBP_TEXT(b->subtitle);
    p[3] = DBP_TEXT(b->description);
    p[4] = DBP_TEXT(b->language);
    p[5] = DBP_TEXT(b->isbn);
    p[6] = DBP_INT(b->page_count);
    p[7] = DBP_INT(b->price_cents);
    p[8] = (struct db_param){.type = DB_TEXT, .text = "USD"};
    p[9] = DBP_TEXT(b->format);
    p[10] = b->publisher_id ? DBP_INT(b->publisher_id) : DBP_NULL;
    p[11] = DBP_TEXT(b->status);
    p[12] = DBP_INT(b->featured);
    p[13] = DBP_TEXT(b->published_at);
    p[14] = DBP_INT(b->views);
    p[15] = DBP_INT(b->purchases);
    p[16] = DBP_INT(b->rating_count);
    p[17] = DBP_INT(b->rating_sum);
    p[18] = DBP_REAL(b->rating_avg);
    p[19] = b->created_by ? DBP_INT(b->created_by) : DBP_NULL;
}

int store_seed_books(struct ctx *cx, struct store_seed *s, const struct store_seed_book *rows,
                     int n, long long *ids)
{
    struct db_param *p;
    struct db_result *r = NULL;
    int rc;

    if (n < 1 || n > MAX_BATCH)
        return cx_fail(cx, ERR_INTERNAL, "batch of %d books", n);
    p = xmalloc(sizeof(*p) * 20 * (size_t)n);
    for (int i = 0; i < n; i++)
        book_params(&rows[i], p + 20 * i);
    rc = cx_query(cx, multi_row_sql(s, SEED_BOOKS, n), p, 20 * n, &r);
    free(p);
    if (rc != 0)
        return rc;
    return ids_in_order(cx, r, &rows[0].slug, sizeof(rows[0]), n, ids);
}

int store_seed_authors(struct ctx *cx, struct store_seed *s, const struct store_seed_author *rows,
                       int n, long long *ids)
{
    struct db_param *p;
    struct db_result *r = NULL;
    int rc;

    if (n < 1 || n > MAX_BATCH)
        return cx_fail(cx, ERR_INTERNAL, "batch of %d authors", n);
    p = xmalloc(sizeof(*p) * 3 * (size_t)n);
    for (int i = 0; i < n; i++) {
        p[3 * i] = DBP_TEXT(rows[i].name);
        p[3 * i + 1] = DBP_TEXT(rows[i].slug);
        p[3 * i + 2] = DBP_TEXT(rows[i].bio);
    }
    rc = cx_query(cx, multi_row_sql(s, SEED_AUTHORS, n), p, 3 * n, &r);
    free(p);
    if (rc != 0)
        return rc;
    return ids_in_order(cx, r, &rows[0].slug, sizeof(rows[0]), n, ids);
}

/* The parameters of one join or stats row of "t". */
static int link_params(enum store_seed_table t, const struct store_seed_link *l, struct db_param *p)
{
    p[0] = DBP_INT(l->a);
    p[1] = DBP_INT(l->b);
    if (t == SEED_BOOK_CATEGORIES)
        return 2;
    p[2] = DBP_INT(l->c);
    if (t == SEED_BOOK_AUTHORS)
        return 3;
    if (t == SEED_REVIEWS) {
        p[3] = p[4] = DBP_TEXT(l->day);
        return 5;
    }
    p[1] = DBP_TEXT(l->day);
    p[2] = DBP_INT(l->b);
    p[3] = DBP_INT(l->c);
    p[4] = DBP_INT(l->d);
    return 5;
}

int store_seed_links(struct ctx *cx, struct store_seed *s, enum store_seed_table t,
                     const struct store_seed_link *rows, int n)
{
    int k = 0, rc;
    struct db_param *p;

    if (n < 1 || n > MAX_BATCH || t == SEED_BOOKS || t == SEED_AUTHORS)
        return cx_fail(cx, ERR_INTERNAL, "batch of %d rows", n);
    p = xmalloc(sizeof(*p) * (size_t)tables[t].cols * (size_t)n);
    for (int i = 0; i < n; i++)
        k += link_params(t, &rows[i], p + k);
    rc = cx_query(cx, multi_row_sql(s, t, n), p, k, NULL);
    free(p);
    return rc;
}

static const char SQL_SEED_BOOK_FORMAT[] =
    "UPDATE books SET format = $2 WHERE id = $1 AND format <> $2";

int store_seed_book_format(struct ctx *cx, long long book_id, const char *format)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_TEXT(format)};

    return cx_query(cx, SQL_SEED_BOOK_FORMAT, p, 2, NULL);
}
