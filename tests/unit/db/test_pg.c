/* test_pg.c: the PostgreSQL driver against $MANGU_TEST_PG_URL; passes as skipped without it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "core/log.h"
#include "db/migrate.h"

/* Everything happens in this schema, dropped before and after each test. */
#define SCHEMA "mangu_unit_test"

struct fixture {
    char url[1024];
    struct config cfg;
    struct db *db;
    struct db_conn *c;
    struct arena *arena;
};

static const char *base_url;

static const char SQL_SCHEMA[] =
    "CREATE TABLE authors (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE books (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
    "  author_id BIGINT REFERENCES authors(id), title TEXT, price DOUBLE PRECISION,"
    "  pages INTEGER, published BOOLEAN NOT NULL DEFAULT false);";
static const char SQL_ADD_AUTHOR[] = "INSERT INTO authors (name, id) VALUES ($2, $1)";
static const char SQL_ADD_BOOK[] =
    "INSERT INTO books (author_id, title, price, pages) VALUES ($1, $2, $3, $4) RETURNING id";

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static struct db *open_db(const char *url, int pool, int timeout_ms, struct config *cfg)
{
    struct db *db = NULL;
    struct buf why = BUF_INIT;

    memset(cfg, 0, sizeof(*cfg));
    cfg->database_url = (char *)url;
    cfg->db_pool = pool;
    cfg->db_statement_timeout_ms = timeout_ms;
    cfg->db_prepare = true; /* the default */
    if (db_open(cfg, &db, &why) != 0)
        fail_msg("db_open: %s", why.p);
    buf_release(&why);
    return db;
}

static void admin(const char *script)
{
    struct config cfg;
    struct db *db = open_db(base_url, 1, 10000, &cfg);
    struct db_conn *c;

    assert_int_equal(db_conn_acquire(db, &c), 0);
    assert_int_equal(db_exec_script(c, script), 0);
    db_conn_release(db, c);
    db_close(db);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    admin("DROP SCHEMA IF EXISTS " SCHEMA " CASCADE; CREATE SCHEMA " SCHEMA);
    snprintf(f->url, sizeof(f->url), "%s%coptions=-csearch_path%%3D" SCHEMA, base_url,
             strchr(base_url, '?') ? '&' : '?');
    f->db = open_db(f->url, 3, 1000, &f->cfg);
    f->arena = arena_new();
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_int_equal(db_exec_script(f->c, SQL_SCHEMA), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    db_conn_release(f->db, f->c);
    db_close(f->db);
    arena_free(f->arena);
    admin("DROP SCHEMA IF EXISTS " SCHEMA " CASCADE");
    free(f);
    return 0;
}

static struct db_result *q(struct fixture *f, const char *sql, const struct db_param *p, int n)
{
    struct db_result *r = NULL;
    int rc = db_query(f->c, f->arena, sql, p, n, &r);

    if (rc != 0)
        fail_msg("%s: %s (%s)", sql, err_name(rc), db_conn_error(f->c));
    return r;
}

static void add_author(struct fixture *f, long long id, const char *name)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(name)};

    assert_int_equal(db_query(f->c, NULL, SQL_ADD_AUTHOR, p, 2, NULL), 0);
}

static void test_params_and_types(void **state)
{
    struct fixture *f = *state;
    struct db_param two[] = {DBP_TEXT("a"), DBP_TEXT("b")};
    struct db_param book[] = {DBP_INT(7), DBP_TEXT("x\"y'z"), DBP_REAL(2.5), DBP_NULL};
    struct db_result *r;

    assert_string_equal(db_driver_name(f->db), "postgres");
    add_author(f, 7, "Seven");
    assert_string_equal(db_get(q(f, "SELECT $2 || '-' || $1 || '-' || $2", two, 2), 0, 0), "b-a-b");
    /* As on SQLite: an unused "$1" is fine, "$3" beyond two params is not. */
    assert_string_equal(db_get(q(f, "SELECT $2 || '$1' /* $1 */ -- $1", two, 2), 0, 0), "b$1");
    assert_int_equal(db_query(f->c, NULL, "SELECT $3", two, 2, NULL), ERR_INTERNAL);
    assert_int_equal(db_get_int(q(f, SQL_ADD_BOOK, book, 4), 0, 0), 1);
    r = q(f, "SELECT author_id, title, price, pages, published FROM books", NULL, 0);
    assert_int_equal(r->nrows, 1);
    assert_int_equal(db_get_int(r, 0, 0), 7);
    assert_string_equal(db_get(r, 0, 1), "x\"y'z");
    assert_string_equal(db_get(r, 0, 2), "2.5");
    assert_null(db_get(r, 0, 3));
    assert_string_equal(db_get(r, 0, 4), "f");
    assert_false(db_get_bool(r, 0, 4));
    r = q(f, "UPDATE books SET published = $1 WHERE title = $2 OR $2 IS NULL",
          (struct db_param[]){DBP_INT(1), DBP_NULL}, 2);
    assert_int_equal(r->changes, 1); /* "$2 IS NULL" holds */
    r = q(f, "UPDATE books SET published = $1 WHERE author_id = $2",
          (struct db_param[]){DBP_INT(1), DBP_INT(7)}, 2);
    assert_int_equal(r->changes, 1);
    r = q(f, "SELECT published FROM books", NULL, 0);
    assert_int_equal(r->changes, 0);
    assert_true(db_get_bool(r, 0, 0));
}

static const char SQL_PREPARED_COUNT[] =
    "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1";

static long long times_prepared(struct fixture *f, const char *sql)
{
    return db_get_int(q(f, SQL_PREPARED_COUNT, (struct db_param[]){DBP_TEXT(sql)}, 1), 0, 0);
}

/* A constant statement is prepared once per connection and reused; text built at run time is
   sent unnamed (preparing it would fill the table with statements used once). */
static void test_constant_statements_stay_prepared(void **state)
{
    struct fixture *f = *state;
    char *built = strdup("SELECT count(*) FROM authors WHERE id > $1");

    add_author(f, 1, "One");
    add_author(f, 2, "Two");
    assert_int_equal(times_prepared(f, SQL_ADD_AUTHOR), 1);
    add_author(f, 3, "Three"); /* the prepared statement, other values */
    assert_int_equal(times_prepared(f, SQL_ADD_AUTHOR), 1);
    assert_int_equal(db_get_int(q(f, built, (struct db_param[]){DBP_INT(1)}, 1), 0, 0), 2);
    assert_int_equal(times_prepared(f, built), 0);
    /* a constant marked to be planned with its values each time is not kept either */
    static const char per_call[] = DB_PLAN_EACH_CALL "SELECT count(*) FROM authors WHERE id > $1";
    assert_int_equal(db_get_int(q(f, per_call, (struct db_param[]){DBP_INT(2)}, 1), 0, 0), 1);
    assert_int_equal(times_prepared(f, per_call), 0);
    /* a column added under a prepared statement: PostgreSQL replans it */
    assert_int_equal(db_exec_script(f->c, "ALTER TABLE authors ADD COLUMN bio TEXT"), 0);
    add_author(f, 4, "Four");
    assert_int_equal(db_get_int(q(f, built, (struct db_param[]){DBP_INT(0)}, 1), 0, 0), 4);
    /* a failing prepared statement reports the usual error and leaves the connection usable */
    assert_int_equal(db_query(f->c, NULL, SQL_ADD_AUTHOR,
                              (struct db_param[]){DBP_INT(5), DBP_TEXT("One")}, 2, NULL),
                     ERR_CONFLICT);
    add_author(f, 5, "Five");
    free(built);
}

static void test_preparing_can_be_turned_off(void **state)
{
    struct fixture *f = *state;
    struct config cfg;
    struct db *db = open_db(f->url, 1, 1000, &cfg);
    struct db_conn *c;

    db_close(db);
    cfg.db_prepare = false;
    struct buf why = BUF_INIT;
    assert_int_equal(db_open(&cfg, &db, &why), 0);
    assert_int_equal(db_conn_acquire(db, &c), 0);
    assert_int_equal(db_query(c, NULL, SQL_ADD_AUTHOR,
                              (struct db_param[]){DBP_INT(9), DBP_TEXT("Nine")}, 2, NULL),
                     0);
    struct db_result *r;
    assert_int_equal(
        db_query(c, f->arena, "SELECT count(*) FROM pg_prepared_statements", NULL, 0, &r), 0);
    assert_int_equal(db_get_int(r, 0, 0), 0);
    db_conn_release(db, c);
    db_close(db);
    buf_release(&why);
}

/* Sessions price random reads for SSDs and cached data (1.1) unless the operator chose a value
   anywhere: here in the connection's options, as postgresql.conf or ALTER DATABASE would. */
static void test_random_page_cost_unless_set(void **state)
{
    struct fixture *f = *state;
    char url[sizeof(f->url) + 32];
    struct config cfg;
    struct db_result *r;

    assert_string_equal(db_get(q(f, "SHOW random_page_cost", NULL, 0), 0, 0), "1.1");
    assert_string_equal(db_get(q(f, "SHOW jit", NULL, 0), 0, 0), "off");
    snprintf(url, sizeof(url), "%s%%20-crandom_page_cost%%3D2.5", f->url);
    struct db *db = open_db(url, 1, 1000, &cfg);
    struct db_conn *c;
    assert_int_equal(db_conn_acquire(db, &c), 0);
    assert_int_equal(db_query(c, f->arena, "SHOW random_page_cost", NULL, 0, &r), 0);
    assert_string_equal(db_get(r, 0, 0), "2.5");
    db_conn_release(db, c);
    db_close(db);
}

static void test_errors_map_to_codes(void **state)
{
    struct fixture *f = *state;
    struct db_param dup[] = {DBP_INT(2), DBP_TEXT("Ann")};
    struct db_param orphan[] = {DBP_INT(99), DBP_TEXT("t"), DBP_NULL, DBP_NULL};
    struct db_param secret[] = {DBP_TEXT("hunter2")};

    add_author(f, 1, "Ann");
    assert_int_equal(db_query(f->c, NULL, SQL_ADD_AUTHOR, dup, 2, NULL), ERR_CONFLICT);
    assert_int_equal(db_query(f->c, NULL, SQL_ADD_BOOK, orphan, 4, NULL), ERR_CONFLICT);
    assert_int_equal(db_query(f->c, NULL, "SELECT 1 FROM nowhere", NULL, 0, NULL), ERR_INTERNAL);
    /* The server quotes bad input in its message; ours stops before the value. */
    assert_int_equal(db_query(f->c, NULL, "SELECT CAST($1 AS INTEGER)", secret, 1, NULL),
                     ERR_INTERNAL);
    assert_null(strstr(db_conn_error(f->c), "hunter2"));
    assert_int_equal(db_query(f->c, NULL, "SELECT pg_sleep(5)", NULL, 0, NULL), ERR_UNAVAILABLE);
    assert_string_equal(db_get(q(f, "SELECT 'still usable'", NULL, 0), 0, 0), "still usable");
}

static void test_transactions(void **state)
{
    struct fixture *f = *state;
    struct db_param dup[] = {DBP_INT(1), DBP_TEXT("Bob")};

    assert_int_equal(db_rollback(f->c), 0);
    assert_int_equal(db_begin(f->c), 0);
    add_author(f, 1, "Ann");
    assert_int_equal(db_rollback(f->c), 0);
    assert_int_equal(db_begin(f->c), 0);
    add_author(f, 1, "Ann");
    assert_int_equal(db_commit(f->c), 0);
    /* A statement failed, the caller commits anyway: refused, and nothing of it is kept. */
    assert_int_equal(db_begin(f->c), 0);
    add_author(f, 2, "Cy");
    assert_int_equal(db_query(f->c, NULL, SQL_ADD_AUTHOR, dup, 2, NULL), ERR_CONFLICT);
    assert_int_equal(db_commit(f->c), ERR_INTERNAL);
    /* Given back inside a transaction: rolled back. */
    assert_int_equal(db_begin(f->c), 0);
    add_author(f, 3, "Dee");
    db_conn_release(f->db, f->c);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_string_equal(db_get(q(f, "SELECT string_agg(name, ',') FROM authors", NULL, 0), 0, 0),
                        "Ann");
}

/* A server-side kill of an idle pooled connection is noticed at acquire: no failed query. */
static void test_killed_connection_is_replaced(void **state)
{
    struct fixture *f = *state;
    struct db_conn *other;
    struct db_param pid[1];
    const char *before;
    char kill[64];

    before = db_get(q(f, "SELECT pg_backend_pid()", NULL, 0), 0, 0);
    pid[0] = DBP_TEXT(before);
    assert_int_equal(db_conn_acquire(f->db, &other), 0);
    assert_int_equal(
        db_query(other, NULL, "SELECT pg_terminate_backend(CAST($1 AS INTEGER))", pid, 1, NULL), 0);
    db_conn_release(f->db, other);
    usleep(200 * 1000);
    /* In use while killed: the next call fails as unavailable, then the pool reconnects. */
    assert_int_equal(db_query(f->c, NULL, "SELECT 1", NULL, 0, NULL), ERR_UNAVAILABLE);
    db_conn_release(f->db, f->c);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_string_not_equal(db_get(q(f, "SELECT pg_backend_pid()", NULL, 0), 0, 0), before);
    /* Idle while killed: replaced at acquire, so the first query already works. */
    before = db_get(q(f, "SELECT pg_backend_pid()", NULL, 0), 0, 0);
    snprintf(kill, sizeof(kill), "SELECT pg_terminate_backend(%lld)", atoll(before));
    db_conn_release(f->db, f->c);
    f->c = NULL;
    admin(kill);
    usleep(200 * 1000);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_string_not_equal(db_get(q(f, "SELECT pg_backend_pid()", NULL, 0), 0, 0), before);
    assert_int_equal(db_ping(f->db, NULL), 0);
}

static const char SQL_BATCH_NAMES[] = "SELECT string_agg(name, ',' ORDER BY id) FROM authors";
static const char SQL_BATCH_ABOVE[] = DB_PLAN_EACH_CALL "SELECT count(*) FROM authors WHERE id > $1";

/* A batch answers each statement in order: kept prepared, planned each call, or built. */
static void test_batch_answers_in_order(void **state)
{
    struct fixture *f = *state;
    char *built = strdup("SELECT $1 || '!'");
    struct db_result *r[3];
    struct db_stmt st[] = {
        {SQL_BATCH_NAMES, NULL, 0, &r[0]},
        {SQL_BATCH_ABOVE, (struct db_param[]){DBP_INT(1)}, 1, &r[1]},
        {built, (struct db_param[]){DBP_TEXT("hi")}, 1, &r[2]},
    };

    add_author(f, 1, "Ann");
    add_author(f, 2, "Bo");
    for (int round = 0; round < 2; round++) { /* the second finds the statement prepared */
        assert_int_equal(db_query_batch(f->c, f->arena, st, 3), 0);
        assert_string_equal(db_get(r[0], 0, 0), "Ann,Bo");
        assert_int_equal(db_get_int(r[1], 0, 0), 1);
        assert_string_equal(db_get(r[2], 0, 0), "hi!");
    }
    assert_int_equal(times_prepared(f, SQL_BATCH_NAMES), 1);
    free(built);
}

/* A failure stops the batch: its code comes back, the statements after it give no rows, the
   writes before it are undone (one implicit transaction), and the connection goes on. */
static void test_batch_failure_stops_it(void **state)
{
    struct fixture *f = *state;
    struct db_param carl[] = {DBP_INT(3), DBP_TEXT("Carl")}, dup[] = {DBP_INT(4), DBP_TEXT("Ann")};
    struct db_result *after = NULL;
    struct db_stmt st[] = {
        {SQL_ADD_AUTHOR, carl, 2, NULL},
        {SQL_ADD_AUTHOR, dup, 2, NULL},
        {SQL_BATCH_NAMES, NULL, 0, &after},
    };
    struct db_stmt slow[] = {{"SELECT 1", NULL, 0, NULL}, {"SELECT pg_sleep(5)", NULL, 0, NULL}};

    add_author(f, 1, "Ann");
    assert_int_equal(db_query_batch(f->c, f->arena, st, 3), ERR_CONFLICT);
    assert_null(after);
    assert_string_equal(db_get(q(f, SQL_BATCH_NAMES, NULL, 0), 0, 0), "Ann");
    assert_int_equal(db_query_batch(f->c, f->arena, slow, 2), ERR_UNAVAILABLE); /* timeout */
    assert_string_equal(db_get(q(f, "SELECT 'still usable'", NULL, 0), 0, 0), "still usable");
    /* Inside a transaction the batch is part of it. */
    st[1] = (struct db_stmt){SQL_BATCH_NAMES, NULL, 0, &after};
    assert_int_equal(db_begin(f->c), 0);
    assert_int_equal(db_query_batch(f->c, f->arena, st, 2), 0);
    assert_string_equal(db_get(after, 0, 0), "Ann,Carl");
    assert_int_equal(db_rollback(f->c), 0);
    assert_string_equal(db_get(q(f, SQL_BATCH_NAMES, NULL, 0), 0, 0), "Ann");
}

/* A connection killed under a batch: unavailable, and the pool replaces it. */
static void test_batch_on_a_killed_connection(void **state)
{
    struct fixture *f = *state;
    const char *before = db_get(q(f, "SELECT pg_backend_pid()", NULL, 0), 0, 0);
    struct db_stmt st[] = {{"SELECT 1", NULL, 0, NULL}, {"SELECT 2", NULL, 0, NULL}};
    char kill[64];

    snprintf(kill, sizeof(kill), "SELECT pg_terminate_backend(%lld)", atoll(before));
    admin(kill);
    usleep(200 * 1000);
    assert_int_equal(db_query_batch(f->c, f->arena, st, 2), ERR_UNAVAILABLE);
    db_conn_release(f->db, f->c);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_string_not_equal(db_get(q(f, "SELECT pg_backend_pid()", NULL, 0), 0, 0), before);
    assert_int_equal(db_query_batch(f->c, f->arena, st, 2), 0);
}

static void test_unreachable_server_fails_fast(void **state)
{
    struct config cfg;
    struct db *db = open_db("postgres://postgres@127.0.0.1:1/postgres", 2, 1000, &cfg);
    struct db_conn *c;
    double t0 = now_ms();

    (void)state;
    assert_int_equal(db_conn_acquire(db, &c), ERR_UNAVAILABLE);
    assert_null(c);
    assert_int_equal(db_ping(db, NULL), ERR_UNAVAILABLE);
    assert_true(now_ms() - t0 < 1000);
    db_close(db);
}

static void test_bad_url_is_refused(void **state)
{
    struct config cfg = {0};
    struct db *db = NULL;
    struct buf why = BUF_INIT;

    (void)state;
    cfg.database_url = "postgres://host:notaport:x/?what=ever";
    cfg.db_pool = 1;
    assert_int_equal(db_open(&cfg, &db, &why), -1);
    assert_non_null(strstr(why.p, "bad database url"));
    buf_release(&why);
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
    if (r->rc)
        fprintf(stderr, "migrate: %s\n", why.p);
    buf_release(&why);
    return NULL;
}

/* A migration outlasting the statement timeout (1 s here) still applies; the connection keeps
   its timeout afterwards. */
static void test_long_migration_outlasts_the_statement_timeout(void **state)
{
    static const struct migration list[] = {
        {1, "slow", "CREATE TABLE slow (x INTEGER); SELECT pg_sleep(1.3);", NULL, NULL},
    };
    struct fixture *f = *state;
    struct buf why = BUF_INIT;
    size_t applied = 0;

    db_conn_release(f->db, f->c); /* the runner borrows a connection of the pool */
    if (migrate_run_list(f->db, list, 1, &applied, &why) != 0)
        fail_msg("%s", why.p);
    assert_int_equal(applied, 1);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_int_equal(db_get_int(q(f, "SELECT count(*) FROM schema_migrations", NULL, 0), 0, 0), 1);
    assert_string_equal(db_get(q(f, "SHOW statement_timeout", NULL, 0), 0, 0), "1s");
    assert_int_equal(db_query(f->c, NULL, "SELECT pg_sleep(1.3)", NULL, 0, NULL), ERR_UNAVAILABLE);
    buf_release(&why);
}

/* Two servers migrating at once: the advisory lock applies each migration exactly once. */
static void test_concurrent_migrations(void **state)
{
    static const struct migration list[] = {
        {1, "one", "CREATE TABLE m1 (x INTEGER); SELECT pg_sleep(0.2);", NULL, NULL},
        {2, "two", NULL, "CREATE TABLE m2 (x BIGINT);", "CREATE TABLE m2 (x INTEGER);"},
    };
    struct fixture *f = *state;
    struct config cfg;
    struct runner r[2] = {{f->db, list, 2, 0, -1}, {NULL, list, 2, 0, -1}};
    pthread_t t[2];

    r[1].db = open_db(f->url, 1, 5000, &cfg);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, run, &r[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(r[0].rc, 0);
    assert_int_equal(r[1].rc, 0);
    assert_int_equal(r[0].applied + r[1].applied, 2);
    assert_int_equal(db_get_int(q(f, "SELECT count(*) FROM schema_migrations", NULL, 0), 0, 0), 2);
    db_close(r[1].db);
}

static void test_embedded_migrations_apply(void **state)
{
    struct fixture *f = *state;
    struct buf why = BUF_INIT;
    size_t n = 0;

    assert_int_equal(db_exec_script(f->c, "DROP TABLE books, authors"), 0);
    if (migrate_run(f->db, &n, &why) != 0)
        fail_msg("%s", why.p);
    assert_int_equal(n, n_migrations);
    assert_int_equal(migrate_pending(f->db, &n, &why), 0);
    assert_int_equal(n, 0);
    buf_release(&why);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_params_and_types, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors_map_to_codes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_page_cost_unless_set, setup, teardown),
        cmocka_unit_test_setup_teardown(test_constant_statements_stay_prepared, setup, teardown),
        cmocka_unit_test_setup_teardown(test_preparing_can_be_turned_off, setup, teardown),
        cmocka_unit_test_setup_teardown(test_transactions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_killed_connection_is_replaced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_answers_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_failure_stops_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_on_a_killed_connection, setup, teardown),
        cmocka_unit_test(test_unreachable_server_fails_fast),
        cmocka_unit_test(test_bad_url_is_refused),
        cmocka_unit_test_setup_teardown(test_concurrent_migrations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_migration_outlasts_the_statement_timeout, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_embedded_migrations_apply, setup, teardown),
    };

    base_url = getenv("MANGU_TEST_PG_URL");
    if (!base_url || !*base_url) {
        printf("test_pg: skipped (set MANGU_TEST_PG_URL=postgres://... to run)\n");
        return 0;
    }
    log_init(LOG_DEBUG, open("/dev/null", O_WRONLY));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
