/* test_sqlite.c: the SQLite driver and the pool, through db.h, on a file in a fresh folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "core/log.h"
#include "db/db.h"

struct fixture {
    char dir[64];
    char url[160];
    struct config cfg;
    struct db *db;
    struct db_conn *c;
    struct arena *arena;
};

static const char SQL_SCHEMA[] =
    "CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES authors(id),"
    "  title TEXT, price REAL, note TEXT);";
static const char SQL_ADD_AUTHOR[] = "INSERT INTO authors (name, id) VALUES ($2, $1)";
static const char SQL_ADD_BOOK[] =
    "INSERT INTO books (author_id, title, price, note) VALUES ($1, $2, $3, $4) RETURNING id";
static const char SQL_COUNT_BOOKS[] = "SELECT count(*) AS n FROM books";

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int on_remove(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* Opens "<tmp>/<sub>" with a pool of "pool"; the folder is made here, "sub" may nest. */
static struct fixture *fixture_new(const char *sub, int pool, int timeout_ms)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct buf why = BUF_INIT;

    strcpy(f->dir, "/tmp/mangu-test-sqlite-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->url, sizeof(f->url), "sqlite:%s/%s", f->dir, sub);
    f->cfg.database_url = f->url;
    f->cfg.db_pool = pool;
    f->cfg.db_statement_timeout_ms = timeout_ms;
    assert_int_equal(db_open(&f->cfg, &f->db, &why), 0);
    buf_release(&why);
    f->arena = arena_new();
    return f;
}

static int setup(void **state)
{
    struct fixture *f = fixture_new("sub/deeper/test.db", 2, 2000);

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
    nftw(f->dir, on_remove, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* Runs "sql" and expects success; returns the rows. */
static struct db_result *q(struct fixture *f, const char *sql, const struct db_param *p, int n)
{
    struct db_result *r = NULL;

    assert_int_equal(db_query(f->c, f->arena, sql, p, n, &r), 0);
    assert_non_null(r);
    return r;
}

static void add_author_on(struct db_conn *c, long long id, const char *name)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(name)};

    assert_int_equal(db_query(c, NULL, SQL_ADD_AUTHOR, p, 2, NULL), 0);
}

static void add_author(struct fixture *f, long long id, const char *name)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(name)};

    assert_int_equal(db_query(f->c, NULL, SQL_ADD_AUTHOR, p, 2, NULL), 0);
}

static void test_open_makes_folder_and_sets_pragmas(void **state)
{
    struct fixture *f = *state;
    char path[128];

    snprintf(path, sizeof(path), "%s/sub/deeper/test.db", f->dir);
    assert_int_equal(access(path, F_OK), 0);
    assert_string_equal(db_get(q(f, "PRAGMA journal_mode", NULL, 0), 0, 0), "wal");
    assert_int_equal(db_get_int(q(f, "PRAGMA foreign_keys", NULL, 0), 0, 0), 1);
    assert_int_equal(db_get_int(q(f, "PRAGMA synchronous", NULL, 0), 0, 0), 2);
    assert_int_equal(db_get_int(q(f, "PRAGMA busy_timeout", NULL, 0), 0, 0), 2000);
    assert_string_equal(db_driver_name(f->db), "sqlite");
    assert_int_equal(db_dialect(f->db), DB_SQLITE);
}

static void test_params_bound_by_name(void **state)
{
    struct fixture *f = *state;
    struct db_param two[] = {DBP_TEXT("a"), DBP_TEXT("b")};
    struct db_param id[] = {DBP_INT(7)};

    add_author(f, 7, "Seven");
    assert_string_equal(db_get(q(f, "SELECT name FROM authors WHERE id = $1", id, 1), 0, 0),
                        "Seven");
    assert_string_equal(db_get(q(f, "SELECT $2 || '-' || $1 || '-' || $2", two, 2), 0, 0), "b-a-b");
    /* "$1" absent from the text is skipped; "$3" beyond the two given is an error. */
    assert_string_equal(db_get(q(f, "SELECT $2", two, 2), 0, 0), "b");
    assert_int_equal(db_query(f->c, f->arena, "SELECT $3", two, 2, NULL), ERR_INTERNAL);
    assert_string_not_equal(db_conn_error(f->c), "");
    assert_string_equal(db_get(q(f, "SELECT 1", NULL, 0), 0, 0), "1");
    assert_string_equal(db_conn_error(f->c), "");
}

static void test_null_and_typed_params(void **state)
{
    struct fixture *f = *state;
    struct db_param p[] = {DBP_NULL, DBP_TEXT(NULL), DBP_REAL(2.5), DBP_TEXT("x\"y'z")};
    struct db_result *r;

    r = q(f, SQL_ADD_BOOK, p, 4);
    assert_int_equal(r->nrows, 1);
    assert_int_equal(r->changes, 1);
    r = q(f, "SELECT author_id, title, price, note, typeof(price) FROM books", NULL, 0);
    assert_int_equal(r->nrows, 1);
    assert_int_equal(r->ncols, 5);
    assert_null(db_get(r, 0, 0));
    assert_null(db_get(r, 0, 1));
    assert_string_equal(db_get(r, 0, 2), "2.5");
    assert_string_equal(db_get(r, 0, 3), "x\"y'z");
    assert_string_equal(db_get(r, 0, 4), "real");
    assert_int_equal(db_get_int(r, 0, 0), 0);
    assert_null(db_get(r, 1, 0));
    assert_null(db_get(r, 0, 5));
}

static void test_constraint_violations_are_conflicts(void **state)
{
    struct fixture *f = *state;
    struct db_param dup[] = {DBP_INT(2), DBP_TEXT("Ann")};
    struct db_param orphan[] = {DBP_INT(99), DBP_TEXT("t"), DBP_NULL, DBP_NULL};

    add_author(f, 1, "Ann");
    assert_int_equal(db_query(f->c, NULL, SQL_ADD_AUTHOR, dup, 2, NULL), ERR_CONFLICT);
    dup[1] = DBP_TEXT("Bob");
    dup[0] = DBP_INT(1);
    assert_int_equal(db_query(f->c, NULL, SQL_ADD_AUTHOR, dup, 2, NULL), ERR_CONFLICT);
    assert_int_equal(db_query(f->c, NULL, SQL_ADD_BOOK, orphan, 4, NULL), ERR_CONFLICT);
    assert_non_null(strstr(db_conn_error(f->c), "FOREIGN KEY"));
    assert_int_equal(db_query(f->c, NULL, "INSERT INTO nowhere VALUES (1)", NULL, 0, NULL),
                     ERR_INTERNAL);
    assert_int_equal(db_get_int(q(f, "SELECT count(*) FROM authors", NULL, 0), 0, 0), 1);
}

/* SQLite runs a batch one statement at a time, in order, stopping at the first failure. */
static void test_batch_in_order_until_a_failure(void **state)
{
    struct fixture *f = *state;
    struct db_param dup[] = {DBP_INT(2), DBP_TEXT("Ann")};
    struct db_result *r[3];
    struct db_stmt st[] = {
        {"SELECT count(*) FROM authors", NULL, 0, &r[0]},
        {"SELECT $1 || '!'", (struct db_param[]){DBP_TEXT("hi")}, 1, &r[1]},
        {"SELECT name FROM authors", NULL, 0, &r[2]},
    };

    add_author(f, 1, "Ann");
    assert_int_equal(db_query_batch(f->c, f->arena, st, 3), 0);
    assert_int_equal(db_get_int(r[0], 0, 0), 1);
    assert_string_equal(db_get(r[1], 0, 0), "hi!");
    assert_string_equal(db_get(r[2], 0, 0), "Ann");
    st[1] = (struct db_stmt){SQL_ADD_AUTHOR, dup, 2, NULL};
    assert_int_equal(db_query_batch(f->c, f->arena, st, 3), ERR_CONFLICT);
    assert_non_null(r[0]);
    assert_null(r[2]);
}

static void test_transactions(void **state)
{
    struct fixture *f = *state;

    assert_int_equal(db_rollback(f->c), 0); /* nothing open: fine */
    assert_int_equal(db_begin(f->c), 0);
    add_author(f, 1, "Ann");
    assert_int_equal(db_rollback(f->c), 0);
    assert_int_equal(db_begin(f->c), 0);
    add_author(f, 2, "Bob");
    assert_int_equal(db_commit(f->c), 0);
    /* Given back inside a transaction: rolled back, and the connection is clean again. */
    assert_int_equal(db_begin(f->c), 0);
    add_author(f, 3, "Cy");
    db_conn_release(f->db, f->c);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_int_equal(db_begin(f->c), 0);
    assert_int_equal(db_commit(f->c), 0);
    assert_string_equal(db_get(q(f, "SELECT group_concat(name) FROM authors", NULL, 0), 0, 0),
                        "Bob");
}

static void test_statement_cache(void **state)
{
    struct fixture *f = *state;
    char sql[64];

    for (int i = 0; i < 50; i++) {
        struct db_param p[] = {DBP_INT(i)};
        assert_int_equal(db_get_int(q(f, "SELECT $1 * 2", p, 1), 0, 0), 2 * i);
    }
    /* The same address holding other text is prepared afresh. */
    strcpy(sql, "SELECT 'first'");
    assert_string_equal(db_get(q(f, sql, NULL, 0), 0, 0), "first");
    strcpy(sql, "SELECT 'other'");
    assert_string_equal(db_get(q(f, sql, NULL, 0), 0, 0), "other");
    assert_string_equal(db_get(q(f, "SELECT 3;  \n", NULL, 0), 0, 0), "3");
    assert_int_equal(db_query(f->c, NULL, "SELECT 1; SELECT 2", NULL, 0, NULL), ERR_INTERNAL);
    /* More distinct statements than the cache holds: it is emptied and filled again. */
    for (int i = 0; i < 700; i++) {
        const char *s = arena_printf(f->arena, "SELECT %d", i);
        assert_int_equal(db_get_int(q(f, s, NULL, 0), 0, 0), i);
    }
    /* A cached statement survives a schema change (SQLite prepares it again). */
    assert_int_equal(db_get_int(q(f, SQL_COUNT_BOOKS, NULL, 0), 0, 0), 0);
    assert_int_equal(db_exec_script(f->c, "ALTER TABLE books ADD COLUMN isbn TEXT"), 0);
    assert_int_equal(db_get_int(q(f, SQL_COUNT_BOOKS, NULL, 0), 0, 0), 0);
}

static void test_results_and_changes(void **state)
{
    struct fixture *f = *state;
    struct db_param p[] = {DBP_INT(1), DBP_TEXT("T"), DBP_REAL(1.0), DBP_NULL};
    struct db_result *r;

    add_author(f, 1, "Ann");
    for (int i = 0; i < 3; i++)
        assert_int_equal(db_get_int(q(f, SQL_ADD_BOOK, p, 4), 0, 0), i + 1);
    r = q(f, "UPDATE books SET note = 'n' WHERE id > 1", NULL, 0);
    assert_int_equal(r->changes, 2);
    assert_int_equal(r->nrows, 0);
    r = q(f, "SELECT id, title AS heading FROM books ORDER BY id", NULL, 0);
    assert_int_equal(r->changes, 0);
    assert_int_equal(r->nrows, 3);
    assert_int_equal(db_col(r, "heading"), 1);
    assert_int_equal(db_col(r, "nope"), -1);
    assert_string_equal(r->names[0], "id");
    assert_int_equal(db_get_int(r, 2, db_col(r, "id")), 3);
    assert_true(db_get_bool(r, 0, 0));
    r = q(f, "SELECT * FROM books WHERE id < 0", NULL, 0);
    assert_int_equal(r->nrows, 0);
    assert_int_equal(r->ncols, 5);
    assert_int_equal(db_exec_script(f->c, "CREATE TABLE broken ("), ERR_INTERNAL);
    assert_string_not_equal(db_conn_error(f->c), "");
}

static void test_ping_and_stats(void **state)
{
    struct fixture *f = *state;
    double ms = -1;
    int open, in_use, max;

    assert_int_equal(db_ping(f->db, &ms), 0);
    assert_true(ms >= 0 && ms < 1000);
    db_pool_stats(f->db, &open, &in_use, &max);
    assert_int_equal(open, 2); /* ours and the one ping had to open */
    assert_int_equal(in_use, 1);
    assert_int_equal(max, 2);
}

struct writer {
    struct db *db;
    int id;
    int failures;
};

static void *write_books(void *arg)
{
    struct writer *w = arg;

    for (int i = 0; i < 200; i++) {
        struct db_conn *c;
        struct db_param p[] = {DBP_NULL, DBP_TEXT("t"), DBP_INT(w->id), DBP_INT(i)};
        int rc = db_conn_acquire(w->db, &c);

        if (rc == 0 && i % 2)
            rc = db_begin(c);
        if (rc == 0)
            rc = db_query(c, NULL,
                          "INSERT INTO books (author_id, title, price, note) "
                          "VALUES ($1, $2, $3, $4)",
                          p, 4, NULL);
        if (rc == 0 && i % 2)
            rc = db_commit(c);
        w->failures += rc != 0;
        db_conn_release(w->db, c);
    }
    return NULL;
}

static void test_pool_two_threads_insert(void **state)
{
    struct fixture *f = *state;
    struct writer w[2] = {{f->db, 1, 0}, {f->db, 2, 0}};
    pthread_t t[2];
    int open, in_use;

    db_conn_release(f->db, f->c);
    f->c = NULL;
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&t[i], NULL, write_books, &w[i]), 0);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(w[0].failures + w[1].failures, 0);
    db_pool_stats(f->db, &open, &in_use, NULL);
    assert_true(open >= 1 && open <= 2);
    assert_int_equal(in_use, 0);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_int_equal(db_get_int(q(f, SQL_COUNT_BOOKS, NULL, 0), 0, 0), 400);
}

struct waiter {
    struct db *db;
    int rc;
    double waited_ms;
};

static void *wait_for_conn(void *arg)
{
    struct waiter *w = arg;
    struct db_conn *c = NULL;
    double t0 = now_ms();

    w->rc = db_conn_acquire(w->db, &c);
    w->waited_ms = now_ms() - t0;
    db_conn_release(w->db, c);
    return NULL;
}

static void test_acquire_waits_then_gives_up(void **state)
{
    struct fixture *f = fixture_new("one.db", 1, 1000);
    struct waiter w = {f->db, -1, 0};
    struct db_conn *c;
    pthread_t t;

    (void)state;
    assert_int_equal(db_conn_acquire(f->db, &c), 0);
    pthread_create(&t, NULL, wait_for_conn, &w);
    usleep(200 * 1000);
    db_conn_release(f->db, c);
    pthread_join(t, NULL);
    assert_int_equal(w.rc, 0);
    assert_true(w.waited_ms >= 150);
    /* Held for good: the wait ends after about 5 s. */
    assert_int_equal(db_conn_acquire(f->db, &c), 0);
    wait_for_conn(&w);
    assert_int_equal(w.rc, ERR_UNAVAILABLE);
    assert_true(w.waited_ms > 4500 && w.waited_ms < 7000);
    db_conn_release(f->db, c);
    f->c = NULL;
    teardown((void **)&f);
}

static void test_busy_is_unavailable(void **state)
{
    struct fixture *f = fixture_new("busy.db", 2, 200);
    struct db_conn *a, *b;

    (void)state;
    assert_int_equal(db_conn_acquire(f->db, &a), 0);
    assert_int_equal(db_conn_acquire(f->db, &b), 0);
    assert_int_equal(db_begin(a), 0);
    assert_int_equal(db_exec_script(a, "CREATE TABLE t (x INTEGER)"), 0);
    assert_int_equal(db_begin(b), ERR_UNAVAILABLE);
    assert_int_equal(db_commit(a), 0);
    assert_int_equal(db_begin(b), 0);
    assert_int_equal(db_rollback(b), 0);
    db_conn_release(f->db, a);
    db_conn_release(f->db, b);
    teardown((void **)&f);
}

struct incrementer {
    struct db *db;
    int busy;  /* ERR_UNAVAILABLE answers */
    int other; /* any other failure */
};

static const char SQL_COUNTER_READ[] = "SELECT n FROM counter";
static const char SQL_COUNTER_WRITE[] = "UPDATE counter SET n = $1";

/* One read-modify-write in a transaction: lost updates would show in the total. */
static int increment(struct db_conn *c, struct arena *arena)
{
    struct db_result *r = NULL;
    int rc = db_begin(c);

    if (rc == 0)
        rc = db_query(c, arena, SQL_COUNTER_READ, NULL, 0, &r);
    if (rc == 0) {
        struct db_param p[] = {DBP_INT(db_get_int(r, 0, 0) + 1)};
        rc = db_query(c, NULL, SQL_COUNTER_WRITE, p, 1, NULL);
    }
    if (rc == 0)
        rc = db_commit(c);
    else
        db_rollback(c);
    return rc;
}

static void *increment_many(void *arg)
{
    struct incrementer *w = arg;

    for (int i = 0; i < 50; i++) {
        struct arena *arena = arena_new();
        struct db_conn *c;
        int rc = db_conn_acquire(w->db, &c);

        if (rc == 0)
            rc = increment(c, arena);
        w->busy += rc == ERR_UNAVAILABLE;
        w->other += rc != 0 && rc != ERR_UNAVAILABLE;
        db_conn_release(w->db, c);
        arena_free(arena);
    }
    return NULL;
}

/* 16 threads on 16 connections: every transaction waits its turn, none is refused as busy. */
static void test_concurrent_transactions_queue_for_the_writer(void **state)
{
    struct fixture *f = fixture_new("counter.db", 16, 60000);
    struct incrementer w[16];
    pthread_t t[16];

    (void)state;
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_int_equal(db_exec_script(f->c, "CREATE TABLE counter (n INTEGER NOT NULL);"
                                          "INSERT INTO counter VALUES (0);"),
                     0);
    db_conn_release(f->db, f->c);
    for (int i = 0; i < 16; i++) {
        w[i] = (struct incrementer){f->db, 0, 0};
        assert_int_equal(pthread_create(&t[i], NULL, increment_many, &w[i]), 0);
    }
    for (int i = 0; i < 16; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(w[i].busy, 0);
        assert_int_equal(w[i].other, 0);
    }
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    assert_int_equal(db_get_int(q(f, SQL_COUNTER_READ, NULL, 0), 0, 0), 16 * 50);
    teardown((void **)&f);
}

/* Every way out of a transaction gives the writer lock back. */
static void test_writer_released_on_every_exit(void **state)
{
    struct fixture *f = fixture_new("exits.db", 2, 200);
    struct db_param ann[] = {DBP_INT(1), DBP_TEXT("Ann")};
    struct db_conn *a, *b;

    (void)state;
    assert_int_equal(db_conn_acquire(f->db, &a), 0);
    assert_int_equal(db_conn_acquire(f->db, &b), 0);
    assert_int_equal(db_exec_script(a, SQL_SCHEMA), 0);
    /* an error inside the transaction, then a rollback */
    assert_int_equal(db_begin(a), 0);
    add_author_on(a, 1, "Ann");
    assert_int_equal(db_query(a, NULL, SQL_ADD_AUTHOR, ann, 2, NULL), ERR_CONFLICT);
    assert_int_equal(db_begin(b), ERR_UNAVAILABLE); /* still a's */
    assert_int_equal(db_rollback(a), 0);
    assert_int_equal(db_begin(b), 0);
    assert_int_equal(db_commit(b), 0);
    /* a connection given back mid-transaction */
    assert_int_equal(db_begin(a), 0);
    db_conn_release(f->db, a);
    assert_int_equal(db_begin(b), 0);
    assert_int_equal(db_rollback(b), 0);
    /* a lone write outside a transaction */
    assert_int_equal(db_conn_acquire(f->db, &a), 0);
    add_author_on(a, 2, "Bea");
    assert_int_equal(db_begin(b), 0);
    assert_int_equal(db_commit(b), 0);
    db_conn_release(f->db, a);
    db_conn_release(f->db, b);
    teardown((void **)&f);
}

static void test_unreachable_fails_fast_then_recovers(void **state)
{
    struct fixture *f = fixture_new("gone/x.db", 2, 1000);
    char gone[128];
    double t0;
    int fd;

    (void)state;
    snprintf(gone, sizeof(gone), "%s/gone", f->dir);
    assert_int_equal(rmdir(gone), 0);
    assert_true((fd = open(gone, O_CREAT | O_WRONLY, 0600)) >= 0);
    close(fd);
    assert_int_equal(db_conn_acquire(f->db, &f->c), ERR_UNAVAILABLE);
    t0 = now_ms();
    assert_int_equal(db_ping(f->db, NULL), ERR_UNAVAILABLE);
    assert_true(now_ms() - t0 < 100);
    unlink(gone);
    mkdir(gone, 0700);
    assert_int_equal(db_conn_acquire(f->db, &f->c), ERR_UNAVAILABLE); /* still within 500 ms */
    usleep(600 * 1000);
    assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
    teardown((void **)&f);
}

static void test_open_rejects_file_as_folder(void **state)
{
    struct config cfg = {0};
    struct db *db = NULL;
    struct buf why = BUF_INIT;

    (void)state;
    cfg.database_url = "sqlite:/dev/null/mangu.db";
    cfg.db_pool = 1;
    assert_int_equal(db_open(&cfg, &db, &why), -1);
    assert_non_null(strstr(why.p, "not a folder"));
    assert_null(db);
    buf_release(&why);
}

/* MANGU_SQLITE_MMAP_MB reaches every connection's mmap_size, and 0 turns it off. */
static void test_mmap_size_follows_the_setting(void **state)
{
    (void)state;
    for (int mb = 0; mb <= 16; mb += 16) {
        struct fixture *f = calloc(1, sizeof(*f));
        struct buf why = BUF_INIT;
        struct db_result *r;

        strcpy(f->dir, "/tmp/mangu-test-sqlite-XXXXXX");
        assert_non_null(mkdtemp(f->dir));
        snprintf(f->url, sizeof(f->url), "sqlite:%s/m.db", f->dir);
        f->cfg = (struct config){.database_url = f->url, .db_pool = 1,
                                 .db_statement_timeout_ms = 1000, .sqlite_mmap_mb = mb};
        assert_int_equal(db_open(&f->cfg, &f->db, &why), 0);
        f->arena = arena_new();
        assert_int_equal(db_conn_acquire(f->db, &f->c), 0);
        r = q(f, "PRAGMA mmap_size", NULL, 0);
        assert_int_equal(db_get_int(r, 0, 0), (long long)mb << 20);
        teardown((void **)&f);
        buf_release(&why);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_makes_folder_and_sets_pragmas, setup, teardown),
        cmocka_unit_test_setup_teardown(test_params_bound_by_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_and_typed_params, setup, teardown),
        cmocka_unit_test_setup_teardown(test_constraint_violations_are_conflicts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_transactions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_batch_in_order_until_a_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_statement_cache, setup, teardown),
        cmocka_unit_test_setup_teardown(test_results_and_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ping_and_stats, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pool_two_threads_insert, setup, teardown),
        cmocka_unit_test(test_acquire_waits_then_gives_up),
        cmocka_unit_test(test_busy_is_unavailable),
        cmocka_unit_test(test_concurrent_transactions_queue_for_the_writer),
        cmocka_unit_test(test_writer_released_on_every_exit),
        cmocka_unit_test(test_unreachable_fails_fast_then_recovers),
        cmocka_unit_test(test_open_rejects_file_as_folder),
        cmocka_unit_test(test_mmap_size_follows_the_setting),
    };

    log_init(LOG_DEBUG, open("/dev/null", O_WRONLY));
    return cmocka_run_group_tests(tests, NULL, NULL);
}
