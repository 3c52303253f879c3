/* test_migrate.c: migration checks and plans, and applying them to a SQLite file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/err.h"
#include "core/log.h"
#include "db/migrate.h"

static const struct migration good[] = {
    {1, "init", "CREATE TABLE a (x INTEGER);", NULL, NULL},
    {2, "search", NULL, "CREATE TABLE b (x BIGINT);", "CREATE TABLE b (x INTEGER);"},
    {10, "more", "CREATE TABLE c (x INTEGER); CREATE INDEX c_x ON c (x);", NULL, NULL},
};

struct fixture {
    char dir[64];
    char url[128];
    struct config cfg;
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

    strcpy(f->dir, "/tmp/mangu-test-migrate-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->url, sizeof(f->url), "sqlite:%s/m.db", f->dir);
    f->cfg.database_url = f->url;
    f->cfg.db_pool = 2;
    f->cfg.db_statement_timeout_ms = 5000;
    assert_int_equal(db_open(&f->cfg, &f->db, &why), 0);
    buf_release(&why);
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

/* Expects migrate_validate() to refuse "list" with a message containing "needle". */
static void assert_invalid(const struct migration *list, size_t n, const char *needle)
{
    struct buf why = BUF_INIT;

    assert_int_equal(migrate_validate(list, n, &why), -1);
    assert_non_null(why.p);
    if (!strstr(why.p, needle))
        fail_msg("'%s' does not mention '%s'", why.p, needle);
    buf_release(&why);
}

static void test_validate_accepts_good_list(void **state)
{
    struct buf why = BUF_INIT;

    (void)state;
    assert_int_equal(migrate_validate(good, 3, &why), 0);
    assert_int_equal(migrate_validate(good, 0, &why), 0);
    assert_null(why.p);
}

static void test_validate_rejects_duplicates(void **state)
{
    const struct migration list[] = {good[0], {1, "again", "SELECT 1;", NULL, NULL}};

    (void)state;
    assert_invalid(list, 2, "duplicate migration version 1 ('0001_init' and '0001_again')");
}

static void test_validate_rejects_out_of_order(void **state)
{
    const struct migration list[] = {good[0], good[2], good[1]};

    (void)state;
    assert_invalid(list, 3, "'0002_search' comes after '0010_more'");
}

static void test_validate_rejects_missing_dialect(void **state)
{
    const struct migration pg_only[] = {{3, "x", NULL, "SELECT 1;", NULL}};
    const struct migration sqlite_only[] = {{3, "x", NULL, NULL, "SELECT 1;"}};
    const struct migration mixed[] = {{3, "x", "SELECT 1;", "SELECT 1;", NULL}};
    const struct migration unnamed[] = {{0, "x", "SELECT 1;", NULL, NULL}};

    (void)state;
    assert_invalid(pg_only, 1, "'0003_x' has no sqlite sql");
    assert_invalid(sqlite_only, 1, "'0003_x' has no postgres sql");
    assert_invalid(mixed, 1, "both common and dialect sql");
    assert_invalid(unnamed, 1, "version below 1");
}

static void test_plan_skips_applied(void **state)
{
    const int applied[] = {10, 1, 7};
    size_t pending[3];

    (void)state;
    assert_int_equal(migrate_plan(good, 3, applied, 3, pending), 1);
    assert_int_equal(pending[0], 1);
    assert_int_equal(migrate_plan(good, 3, NULL, 0, pending), 3);
    assert_int_equal(pending[0], 0);
    assert_int_equal(pending[2], 2);
}

static void test_sql_picks_dialect(void **state)
{
    (void)state;
    assert_ptr_equal(migrate_sql(&good[0], DB_SQLITE), good[0].common);
    assert_ptr_equal(migrate_sql(&good[0], DB_POSTGRES), good[0].common);
    assert_ptr_equal(migrate_sql(&good[1], DB_SQLITE), good[1].sqlite);
    assert_ptr_equal(migrate_sql(&good[1], DB_POSTGRES), good[1].postgres);
}

static void test_embedded_list_is_valid(void **state)
{
    struct buf why = BUF_INIT;

    (void)state;
    if (migrate_validate(migrations, n_migrations, &why) != 0)
        fail_msg("sql/migrations: %s", why.p);
    buf_release(&why);
}

static struct db_result *select_all(struct db *db, struct arena *arena, const char *sql)
{
    struct db_conn *c;
    struct db_result *r = NULL;

    assert_int_equal(db_conn_acquire(db, &c), 0);
    assert_int_equal(db_query(c, arena, sql, NULL, 0, &r), 0);
    db_conn_release(db, c);
    return r;
}

static void test_run_applies_and_records(void **state)
{
    struct fixture *f = *state;
    struct arena *arena = arena_new();
    struct buf why = BUF_INIT;
    struct db_result *r;
    size_t n = 99;
    regex_t rfc3339;

    assert_int_equal(migrate_pending_list(f->db, good, 3, &n, &why), 0);
    assert_int_equal(n, 3);
    assert_int_equal(migrate_run_list(f->db, good, 3, &n, &why), 0);
    assert_int_equal(n, 3);
    assert_int_equal(migrate_run_list(f->db, good, 3, &n, &why), 0);
    assert_int_equal(n, 0);
    assert_int_equal(migrate_pending_list(f->db, good, 3, &n, &why), 0);
    assert_int_equal(n, 0);
    r = select_all(f->db, arena, "SELECT version, name, applied_at FROM schema_migrations");
    assert_int_equal(r->nrows, 3);
    assert_string_equal(db_get(r, 1, 1), "search");
    assert_int_equal(db_get_int(r, 2, 0), 10);
    regcomp(&rfc3339, "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", REG_EXTENDED);
    assert_int_equal(regexec(&rfc3339, db_get(r, 0, 2), 0, NULL, 0), 0);
    regfree(&rfc3339);
    r = select_all(f->db, arena, "SELECT count(*) FROM a, b, c");
    assert_int_equal(db_get_int(r, 0, 0), 0);
    assert_null(why.p);
    arena_free(arena);
}

static void test_run_stops_at_failure(void **state)
{
    struct fixture *f = *state;
    struct migration list[] = {
        good[0],
        {2, "bad", "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);", NULL, NULL},
        {3, "after", "CREATE TABLE after (x INTEGER);", NULL, NULL},
    };
    struct arena *arena = arena_new();
    struct buf why = BUF_INIT;
    struct db_result *r;
    size_t n;

    assert_int_equal(migrate_run_list(f->db, list, 3, &n, &why), ERR_INTERNAL);
    assert_int_equal(n, 1);
    assert_non_null(strstr(why.p, "migration '0002_bad' failed: no such table: nowhere"));
    r = select_all(f->db, arena, "SELECT name FROM sqlite_master WHERE name IN ('half', 'after')");
    assert_int_equal(r->nrows, 0);
    r = select_all(f->db, arena, "SELECT version FROM schema_migrations");
    assert_int_equal(r->nrows, 1);
    /* Fixed, the next run picks up where the last stopped. */
    list[1].common = "CREATE TABLE half (x INTEGER);";
    assert_int_equal(migrate_run_list(f->db, list, 3, &n, &why), 0);
    assert_int_equal(n, 2);
    buf_release(&why);
    arena_free(arena);
}

struct runner {
    struct db *db;
    const struct migration *list;
    size_t n;
    size_t applied;
    int rc;
};

static void *run(void *arg)
{
    struct runner *r = arg;
    struct buf why = BUF_INIT;

    r->rc = migrate_run_list(r->db, r->list, r->n, &r->applied, &why);
    if (r->rc != 0)
        print_error("migrate_run_list: %s\n", why.p ? why.p : "(no reason)");
    buf_release(&why);
    return NULL;
}

/* Two processes' worth of pools on one file, migrating at once: each applied exactly once. */
static void test_concurrent_runs_apply_once(void **state)
{
    struct fixture *f = *state;
    struct db *other;
    struct buf why = BUF_INIT;
    struct runner r[2] = {{f->db, good, 3, 0, -1}, {NULL, good, 3, 0, -1}};
    pthread_t t[2];

    assert_int_equal(db_open(&f->cfg, &other, &why), 0);
    r[1].db = other;
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, run, &r[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(r[0].rc, 0);
    assert_int_equal(r[1].rc, 0);
    assert_int_equal(r[0].applied + r[1].applied, 3);
    db_close(other);
}

/* The real sql/migrations apply to a fresh SQLite file, and a second run has nothing to do. */
static void test_embedded_migrations_apply(void **state)
{
    struct fixture *f = *state;
    struct buf why = BUF_INIT;
    size_t n = 0;

    if (migrate_run(f->db, &n, &why) != 0)
        fail_msg("%s", why.p);
    assert_int_equal(n, n_migrations);
    assert_int_equal(migrate_run(f->db, &n, &why), 0);
    assert_int_equal(n, 0);
    assert_int_equal(migrate_pending(f->db, &n, &why), 0);
    assert_int_equal(n, 0);
    buf_release(&why);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validate_accepts_good_list),
        cmocka_unit_test(test_validate_rejects_duplicates),
        cmocka_unit_test(test_validate_rejects_out_of_order),
        cmocka_unit_test(test_validate_rejects_missing_dialect),
        cmocka_unit_test(test_plan_skips_applied),
        cmocka_unit_test(test_sql_picks_dialect),
        cmocka_unit_test(test_embedded_list_is_valid),
        cmocka_unit_test_setup_teardown(test_run_applies_and_records, setup, teardown),
        cmocka_unit_test_setup_teardown(test_run_stops_at_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_runs_apply_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_embedded_migrations_apply, setup, teardown),
    };

    log_init(LOG_DEBUG, open("/dev/null", O_WRONLY));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
