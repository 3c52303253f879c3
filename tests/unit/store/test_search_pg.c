/* test_search_pg.c: search hits on PostgreSQL, with and without the statistics' windows, against
 * $MANGU_TEST_PG_URL (a database of its own); passes as skipped without it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/ctx.h"
#include "core/log.h"
#include "db/migrate.h"
#include "service/seed.h"
#include "store/search.h"
#include "store/search_stats.h"

#define BOOKS 6000

struct fixture {
    char admin_url[1024], url[1024], name[64];
    struct config cfg;
    struct app app;
    struct ctx cx;
};

static void admin_sql(struct fixture *f, const char *sql)
{
    struct config cfg = {.database_url = f->admin_url, .db_pool = 1,
                         .db_statement_timeout_ms = 30000};
    struct buf why = BUF_INIT;
    struct db *db;
    struct db_conn *c;

    if (db_open(&cfg, &db, &why) != 0)
        fail_msg("db_open: %s", why.p);
    assert_int_equal(db_conn_acquire(db, &c), 0);
    if (db_exec_script(c, sql) != 0)
        fail_msg("%s: %s", sql, db_conn_error(c));
    db_conn_release(db, c);
    db_close(db);
    buf_release(&why);
}

/* "base" with its database name replaced by "name" (options after '?' kept). */
static void url_with_db(char *out, size_t size, const char *base, const char *name)
{
    const char *q = strchr(base, '?'), *end = q ? q : base + strlen(base);
    const char *slash = end;

    while (slash > base && slash[-1] != '/')
        slash--;
    snprintf(out, size, "%.*s%s%s", (int)(slash - base), base, name, q ? q : "");
}

static int group_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct seed_opts o = {.books = BOOKS, .now = 1767225600};
    struct seed_report rep;
    struct buf why = BUF_INIT;
    size_t applied = 0;

    snprintf(f->admin_url, sizeof(f->admin_url), "%s", getenv("MANGU_TEST_PG_URL"));
    snprintf(f->name, sizeof(f->name), "mangu_unit_search_%d", (int)getpid());
    url_with_db(f->url, sizeof(f->url), f->admin_url, f->name);
    char sql[128];
    snprintf(sql, sizeof(sql), "CREATE DATABASE %s", f->name);
    admin_sql(f, sql);
    f->cfg = (struct config){.database_url = f->url, .db_pool = 2, .db_statement_timeout_ms = 30000,
                             .db_prepare = true, .cache_prefix = "t:"};
    if (db_open(&f->cfg, &f->app.db, &why) != 0 || migrate_run(f->app.db, &applied, &why) != 0)
        fail_msg("database: %s", why.p);
    buf_release(&why);
    f->app.cfg = &f->cfg;
    f->cx = (struct ctx){.app = &f->app, .arena = arena_new()};
    if (seed_run(&f->cx, &o, &rep) != 0) /* analyzes what it wrote */
        fail_msg("seed: %s", f->cx.err_msg ? f->cx.err_msg : "?");
    db_conn_cleanup(f->cx.conn);
    f->cx.conn = NULL;
    *state = f;
    return 0;
}

static int group_teardown(void **state)
{
    struct fixture *f = *state;
    char sql[128];

    db_conn_cleanup(f->cx.conn);
    arena_free(f->cx.arena);
    search_stats_free(f->app.search_stats);
    db_close(f->app.db);
    snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)", f->name);
    admin_sql(f, sql);
    free(f);
    return 0;
}

static long long scalar(struct fixture *f, const char *sql)
{
    struct db_result *r;

    if (cx_query(&f->cx, sql, NULL, 0, &r) != 0 || r->nrows != 1)
        fail_msg("%s: %s", sql, f->cx.err_msg ? f->cx.err_msg : "no row");
    return db_get_int(r, 0, 0);
}

/* PostgreSQL's statistics are read: a common word has its share, an unlisted one none. */
static void test_stats_are_read(void **state)
{
    struct fixture *f = *state;
    const char *the[] = {"the"}, *made_up[] = {"qxzvw"}, *the_en[] = {"the", "lang=en"};
    double share, share_en;
    long long max_id;

    f->app.search_stats = search_stats_new();
    assert_true(store_search_stats_share(&f->cx, the, 1, &share, &max_id));
    assert_true(share > 0.2 && share <= 1.0);
    assert_int_equal(max_id, scalar(f, "SELECT max(id) FROM books"));
    assert_true(store_search_stats_share(&f->cx, the_en, 2, &share_en, &max_id));
    assert_true(share_en < share && share_en > 0.5 * share); /* most books are English */
    assert_false(store_search_stats_share(&f->cx, made_up, 1, &share, &max_id));
    search_stats_free(f->app.search_stats);
    f->app.search_stats = NULL;
}

/* The hits as one query reads them (no statistics: no window). */
static int plain_hits(struct fixture *f, const char *const *tok, int n, const struct book_filter *b,
                      long long below, int limit, struct search_hit **out)
{
    struct search_stats *kept = f->app.search_stats;
    int n_hits = -1;

    f->app.search_stats = NULL;
    assert_int_equal(store_search_hits(&f->cx, tok, n, b, below, limit, out, &n_hits), 0);
    f->app.search_stats = kept;
    return n_hits;
}

static void assert_same_hits(const struct search_hit *a, int na, const struct search_hit *b, int nb,
                             const char *what)
{
    if (na != nb)
        fail_msg("%s: %d hits in a window, %d without", what, na, nb);
    for (int i = 0; i < na; i++)
        if (a[i].id != b[i].id || a[i].score != b[i].score)
            fail_msg("%s: hit %d is book %lld in a window, %lld without", what, i, a[i].id, b[i].id);
}

/*
 * Whatever share the statistics claim (so windows from a few hundred ids to all of them, and a
 * window that holds too few), the hits are the same books in the same order as one query's.
 */
static void test_windows_find_the_same_hits(void **state)
{
    struct fixture *f = *state;
    static const char *const words[][2] = {{"the", NULL}, {"one", NULL},    {"daughter", NULL},
                                           {"der", NULL}, {"of", "the"},   {"clock", NULL},
                                           {"salt", NULL}, {"sea", "the"}};
    static const double shares[] = {0.015, 0.04, 0.15};
    const char *langs[] = {NULL, "en", "de"}, *bands[] = {NULL, "free"};
    long long max_id = scalar(f, "SELECT max(id) FROM books");
    long long belows[] = {0, max_id - BOOKS / 3};
    int limits[] = {201, 25}, windows = 0;

    f->app.search_stats = search_stats_new();
    for (size_t s = 0; s < sizeof(shares) / sizeof(*shares); s++) {
        const char *all[] = {"the", "one", "daughter", "der", "of", "clock", "salt", "sea",
                             "lang=en", "lang=de", "price=free"};
        double each[11];
        for (int i = 0; i < 11; i++)
            each[i] = i < 8 ? shares[s] : 1.0; /* the filter terms leave the share as it is */
        search_stats_set(f->app.search_stats, all, each, 11, max_id);
        for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++) {
            int n_tok = words[w][1] ? 2 : 1;
            if (n_tok == 2 && shares[s] * shares[s] < 0.015)
                continue; /* two words multiply: below the windows' band */
            for (int l = 0; l < 3; l++)
                for (int b = 0; b < 2; b++)
                    for (int k = 0; k < 2; k++)
                        for (int m = 0; m < 2; m++) {
                            struct book_filter bf = {.language = langs[l], .price_band = bands[b],
                                                     .price_min = b ? 0 : -1,
                                                     .price_max = b ? 0 : -1};
                            struct search_hit *got, *want;
                            int n_got = -1;
                            assert_int_equal(store_search_hits(&f->cx, words[w], n_tok, &bf,
                                                               belows[k], limits[m], &got, &n_got),
                                             0);
                            int n_want = plain_hits(f, words[w], n_tok, &bf, belows[k], limits[m],
                                                    &want);
                            char what[160];
                            snprintf(what, sizeof(what), "'%s %s' share %.3f lang %s band %s below %lld limit %d",
                                     words[w][0], words[w][1] ? words[w][1] : "", shares[s],
                                     langs[l] ? langs[l] : "-", bands[b] ? bands[b] : "-",
                                     belows[k], limits[m]);
                            assert_same_hits(got, n_got, want, n_want, what);
                            windows++;
                        }
        }
    }
    assert_true(windows > 100);
    search_stats_free(f->app.search_stats);
    f->app.search_stats = NULL;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_are_read),
        cmocka_unit_test(test_windows_find_the_same_hits),
    };
    const char *url = getenv("MANGU_TEST_PG_URL");

    if (!url || !*url) {
        printf("test_search_pg: skipped (set MANGU_TEST_PG_URL=postgres://... to run)\n");
        return 0;
    }
    log_init(LOG_ERROR, open("/dev/null", O_WRONLY));
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
