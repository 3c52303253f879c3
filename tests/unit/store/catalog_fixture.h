/* catalog_fixture.h: a migrated SQLite database in a temporary folder and a request context. */
#ifndef MANGU_TEST_CATALOG_FIXTURE_H
#define MANGU_TEST_CATALOG_FIXTURE_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/ctx.h"
#include "cache/cache.h"
#include "core/log.h"
#include "db/migrate.h"

struct fixture {
    char dir[64];
    char url[128];
    struct config cfg;
    struct app app;
    struct ctx cx;
};

static int fixture_rm(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static int fixture_setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct buf why = BUF_INIT;
    size_t applied = 0;

    log_init(LOG_ERROR, 2);
    strcpy(f->dir, "/tmp/mangu-test-catalog-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->url, sizeof(f->url), "sqlite:%s/c.db", f->dir);
    f->cfg.database_url = f->url;
    f->cfg.db_pool = 2;
    f->cfg.db_statement_timeout_ms = 5000;
    f->cfg.cache_prefix = "t:";
    assert_int_equal(db_open(&f->cfg, &f->app.db, &why), 0);
    assert_int_equal(cache_open(&f->cfg, &f->app.cache, &why), 0);
    if (migrate_run(f->app.db, &applied, &why) != 0)
        fail_msg("migrations: %s", why.p);
    buf_release(&why);
    f->app.cfg = &f->cfg;
    f->cx.app = &f->app;
    f->cx.arena = arena_new();
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    struct fixture *f = *state;

    arena_free(f->cx.arena);
    cache_close(f->app.cache);
    db_close(f->app.db);
    nftw(f->dir, fixture_rm, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* Runs "sql" with text parameters; fails the test on an error. Returns the first cell. */
static const char *fixture_sql(struct fixture *f, const char *sql, int n, ...)
{
    struct db_param p[8];
    struct db_result *r;
    va_list ap;

    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        const char *v = va_arg(ap, const char *); /* DBP_TEXT reads its argument twice */
        p[i] = DBP_TEXT(v);
    }
    va_end(ap);
    if (cx_query(&f->cx, sql, p, n, &r) != 0)
        fail_msg("%s: %s", sql, f->cx.err_msg);
    return r->nrows && r->ncols ? db_get(r, 0, 0) : NULL;
}

/* A published book with one author; returns its id. */
static long long fixture_book(struct fixture *f, const char *slug, const char *title,
                              const char *author, const char *description, const char *price)
{
    const char *aid = fixture_sql(f, "SELECT id FROM authors WHERE name = $1", 1, author);
    const char *bid;

    if (!aid) {
        char aslug[64];
        snprintf(aslug, sizeof(aslug), "a-%s", slug);
        aid = fixture_sql(f, "INSERT INTO authors (name, slug) VALUES ($1, $2) RETURNING id", 2,
                          author, aslug);
    }
    bid = fixture_sql(f,
                      "INSERT INTO books (slug, title, description, price_cents, format, status, "
                      "published_at) VALUES ($1, $2, $3, $4, 'epub', 'published', "
                      "'2026-01-01T00:00:00Z') RETURNING id",
                      4, slug, title, description, price);
    fixture_sql(f, "INSERT INTO book_authors (book_id, author_id) VALUES ($1, $2)", 2, bid, aid);
    return atoll(bid);
}

#endif
