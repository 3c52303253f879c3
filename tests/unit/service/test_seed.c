/* test_seed.c: `mangu seed`: ISBNs and slugs, and the demo and generated catalogs in SQLite. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "db/migrate.h"
#include "service/seed.h"
#include "service/seed_reviews.h"

#define NOW 1767225600 /* 2026-01-01T00:00:00Z: the same dates on every run */

struct fixture {
    char dir[64];
    char url[128];
    struct config cfg;
    struct app app;
    struct db *db;
};

static int on_remove(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct buf why = BUF_INIT;
    size_t applied = 0;

    log_init(LOG_ERROR, 2);
    strcpy(f->dir, "/tmp/mangu-test-seed-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->url, sizeof(f->url), "sqlite:%s/seed.db", f->dir);
    f->cfg.database_url = f->url;
    f->cfg.db_pool = 2;
    f->cfg.db_statement_timeout_ms = 5000;
    assert_int_equal(db_open(&f->cfg, &f->db, &why), 0);
    assert_int_equal(migrate_run(f->db, &applied, &why), 0);
    buf_release(&why);
    f->app.cfg = &f->cfg;
    f->app.db = f->db;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    db_close(f->db);
    nftw(f->dir, on_remove, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* Runs the seed in a request-like context, as the command line does. */
static int run(struct fixture *f, const struct seed_opts *o, struct seed_report *r)
{
    struct ctx cx = {.app = &f->app, .arena = arena_new()};
    int rc = seed_run(&cx, o, r);

    if (rc != 0)
        print_error("seed_run: %s\n", cx.err_msg ? cx.err_msg : "?");
    arena_free(cx.arena);
    return rc;
}

/* The first column of the first row of "sql", as a number. */
static long long scalar(struct fixture *f, const char *sql)
{
    struct arena *a = arena_new();
    struct db_conn *conn = NULL;
    struct db_result *r = NULL;
    long long v = -1;

    assert_int_equal(db_conn_acquire(f->db, &conn), 0);
    if (db_query(conn, a, sql, NULL, 0, &r) == 0 && r->nrows > 0)
        v = db_get_int(r, 0, 0);
    db_conn_release(f->db, conn);
    arena_free(a);
    return v;
}

static void isbn_checksums(void **state)
{
    char isbn[14];

    seed_isbn13(978030640615LL, isbn);
    assert_string_equal(isbn, "9780306406157");
    assert_true(seed_isbn_valid("9780306406157"));
    assert_false(seed_isbn_valid("9780306406158"));
    assert_false(seed_isbn_valid("978030640615"));
    assert_false(seed_isbn_valid("978030640615X"));
    for (long long i = 0; i < 1000; i++) {
        seed_isbn13(979100000000LL + i * 7919, isbn);
        assert_true(seed_isbn_valid(isbn));
    }
}

static void slugs(void **state)
{
    static const char *const cases[][2] = {
        {"Alice's Adventures in Wonderland", "alices-adventures-in-wonderland"},
        {"Esperánza", "esperanza"},
        {"Les Misérables", "les-miserables"},
        {"Die Stille über dem Fluss", "die-stille-uber-dem-fluss"},
        {"Madame Bovary: Mœurs de province", "madame-bovary-moeurs-de-province"},
        {"Gdańsk — a City’s Story", "gdansk-a-citys-story"},
        {"  Moby-Dick!  ", "moby-dick"},
        {"1984", "book-1984"},
        {"¿?", "book"},
    };
    char out[120];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        seed_slugify(cases[i][0], out, sizeof(out));
        assert_string_equal(out, cases[i][1]);
    }
}

static void spread_ratings_keep_the_sum(void **state)
{
    static const int cases[][2] = {{1, 1}, {1, 5}, {2, 9}, {7, 7}, {7, 35}, {100, 431}, {999, 2001}};
    static int ratings[1000];
    struct rng r;

    rng_seed(&r, 42);
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        int count = cases[c][0], sum = 0, distinct = 0, seen[6] = {0};
        seed_spread_ratings(count, cases[c][1], &r, ratings);
        for (int i = 0; i < count; i++) {
            assert_in_range(ratings[i], 1, 5);
            sum += ratings[i];
            distinct += !seen[ratings[i]]++;
        }
        assert_int_equal(sum, cases[c][1]);
        if (count >= 100)
            assert_true(distinct >= 3); /* varied, not two values only */
    }
}

static void demo_catalog(void **state)
{
    struct fixture *f = *state;
    struct seed_opts o = {.demo = true, .now = NOW};
    struct seed_report r;

    assert_int_equal(run(f, &o, &r), 0);
    assert_true(r.books >= 150 && r.users_made);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books WHERE status = 'published'") >= 150);
    assert_true(scalar(f, "SELECT COUNT(*) FROM authors") >= 60);
    assert_true(scalar(f, "SELECT COUNT(*) FROM authors WHERE bio IS NULL OR bio = ''") == 0);
    assert_true(scalar(f, "SELECT COUNT(DISTINCT category_id) FROM book_categories") >= 12);
    assert_true(scalar(f, "SELECT COUNT(*) FROM categories WHERE parent_id IS NOT NULL") >= 12);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books WHERE price_cents = 0") >= 10);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books WHERE price_cents BETWEEN 299 AND 2499") >=
                100);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books WHERE featured = 1") == 8);
    assert_true(scalar(f, "SELECT COUNT(DISTINCT language) FROM books") >= 4);
    assert_true(scalar(f, "SELECT COUNT(DISTINCT publisher_id) FROM books") >= 5);
    assert_true(scalar(f, "SELECT COUNT(DISTINCT day) FROM book_daily_stats") == 14);
    /* sales counters agree with the revenue the dashboard sums; free books are never bought */
    assert_true(scalar(f, "SELECT COUNT(*) FROM books b WHERE b.purchases_count <> (SELECT "
                          "COALESCE(sum(s.purchases), 0) FROM book_daily_stats s WHERE "
                          "s.book_id = b.id)") == 0);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books b WHERE b.purchases_count * b.price_cents "
                          "<> (SELECT COALESCE(sum(s.revenue_cents), 0) FROM book_daily_stats s "
                          "WHERE s.book_id = b.id)") == 0);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books WHERE price_cents = 0 AND "
                          "purchases_count > 0") == 0);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books WHERE purchases_count > 0") >= 50);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books WHERE rating_count > 0 AND "
                          "abs(rating_avg - CAST(rating_sum AS REAL) / rating_count) > 1e-9") == 0);
    assert_true(scalar(f, "SELECT COUNT(*) FROM books b WHERE NOT EXISTS (SELECT 1 FROM "
                          "book_authors ba WHERE ba.book_id = b.id)") == 0);
    /* the ratings are review rows: a recount gives back what was seeded */
    assert_true(scalar(f, "SELECT COUNT(*) FROM reviews") > 1000);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM books b WHERE b.rating_count <> (SELECT "
                               "COUNT(*) FROM reviews r WHERE r.book_id = b.id AND r.hidden = 0) "
                               "OR b.rating_sum <> (SELECT COALESCE(SUM(r.rating), 0) FROM reviews "
                               "r WHERE r.book_id = b.id AND r.hidden = 0)"),
                     0);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM reviews r JOIN books b ON b.id = r.book_id "
                               "WHERE r.created_at < b.published_at"),
                     0);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM reviews r JOIN users u ON u.id = r.user_id "
                               "WHERE u.disabled = 0 OR u.password_hash LIKE '$argon2%'"),
                     0);
    assert_true(scalar(f, "SELECT COUNT(*) FROM book_fts") == r.books);
    assert_true(scalar(f, "SELECT COUNT(*) FROM search_words") > 500);
}

static void demo_isbns_are_valid_and_unique(void **state)
{
    struct fixture *f = *state;
    struct seed_opts o = {.demo = true, .now = NOW};
    struct seed_report r;
    struct arena *a = arena_new();
    struct db_conn *conn = NULL;
    struct db_result *res = NULL;

    assert_int_equal(run(f, &o, &r), 0);
    assert_int_equal(db_conn_acquire(f->db, &conn), 0);
    assert_int_equal(db_query(conn, a, "SELECT isbn FROM books", NULL, 0, &res), 0);
    for (int i = 0; i < res->nrows; i++)
        assert_true(seed_isbn_valid(db_get(res, i, 0)));
    db_conn_release(f->db, conn);
    arena_free(a);
    assert_int_equal(scalar(f, "SELECT COUNT(DISTINCT isbn) FROM books"), r.books);
}

static void demo_accounts_and_the_author_draft(void **state)
{
    struct fixture *f = *state;
    struct seed_opts o = {.demo = true, .now = NOW};
    struct seed_report r;

    assert_int_equal(run(f, &o, &r), 0);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM users WHERE email LIKE '%@mangu.local' AND "
                               "password_hash LIKE '$argon2id$%'"),
                     3);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM users WHERE role = 'admin'"), 1);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM authors a JOIN users u ON u.id = a.user_id "
                               "WHERE u.email = 'author@mangu.local'"),
                     1);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM books WHERE status = 'draft' AND "
                               "created_by IS NOT NULL"),
                     1);
}

static void if_empty_and_a_second_demo_change_nothing(void **state)
{
    struct fixture *f = *state;
    struct seed_opts o = {.demo = true, .if_empty = true, .now = NOW};
    struct seed_report r;
    long long books;

    assert_int_equal(run(f, &o, &r), 0);
    assert_false(r.skipped);
    books = scalar(f, "SELECT COUNT(*) FROM books");
    assert_int_equal(run(f, &o, &r), 0);
    assert_true(r.skipped);
    o.if_empty = false;
    assert_int_equal(run(f, &o, &r), 0);
    assert_true(r.demo_present);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM books"), books);
}

/* FNV-1a over every book's slug, title, price, date and rating, in id order. */
static unsigned long long catalog_digest(struct fixture *f)
{
    struct arena *a = arena_new();
    struct db_conn *conn = NULL;
    struct db_result *r = NULL;
    unsigned long long h = 1469598103934665603ULL;

    assert_int_equal(db_conn_acquire(f->db, &conn), 0);
    assert_int_equal(db_query(conn, a,
                              "SELECT slug, title, description, price_cents, published_at, "
                              "rating_sum, isbn FROM books ORDER BY id",
                              NULL, 0, &r),
                     0);
    for (int i = 0; i < r->nrows * r->ncols; i++)
        for (const char *p = r->values[i] ? r->values[i] : "~"; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    db_conn_release(f->db, conn);
    arena_free(a);
    return h;
}

static void the_same_options_give_the_same_catalog(void **state)
{
    struct fixture *f = *state, *g;
    struct seed_opts o = {.demo = true, .books = 300, .now = NOW};
    struct seed_report r;

    assert_int_equal(run(f, &o, &r), 0);
    assert_int_equal(setup((void **)&g), 0);
    assert_int_equal(run(g, &o, &r), 0);
    assert_true(catalog_digest(f) == catalog_digest(g));
    teardown((void **)&g);
}

static void generated_books(void **state)
{
    struct fixture *f = *state;
    struct seed_opts o = {.books = 700, .now = NOW};
    struct seed_report r;

    assert_int_equal(run(f, &o, &r), 0);
    assert_int_equal(r.books, 700);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM books"), 700);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM authors"), 35);
    assert_int_equal(run(f, &o, &r), 0); /* again: new slugs and ISBNs, no conflict */
    assert_int_equal(scalar(f, "SELECT COUNT(DISTINCT isbn) FROM books"), 1400);
    assert_int_equal(scalar(f, "SELECT COUNT(*) FROM book_fts"), 1400);
    assert_true(scalar(f, "SELECT COUNT(*) FROM book_daily_stats") > 700);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(isbn_checksums),
        cmocka_unit_test(slugs),
        cmocka_unit_test(spread_ratings_keep_the_sum),
        cmocka_unit_test_setup_teardown(demo_catalog, setup, teardown),
        cmocka_unit_test_setup_teardown(demo_isbns_are_valid_and_unique, setup, teardown),
        cmocka_unit_test_setup_teardown(demo_accounts_and_the_author_draft, setup, teardown),
        cmocka_unit_test_setup_teardown(if_empty_and_a_second_demo_change_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(generated_books, setup, teardown),
        cmocka_unit_test_setup_teardown(the_same_options_give_the_same_catalog, setup, teardown),
    };

    return cmocka_run_group_tests_name("service/seed", tests, NULL, NULL);
}
