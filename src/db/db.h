/* db.h: the database interface; sqlite.c and pg.c are its two drivers, db.c pools them. */
#ifndef MANGU_DB_H
#define MANGU_DB_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"

enum db_dialect { DB_SQLITE, DB_POSTGRES };

struct db;      /* process-wide: driver + connection pool; thread-safe */
struct db_conn; /* one connection, borrowed from the pool by one thread at a time */

enum db_type { DB_NULL, DB_TEXT, DB_INT, DB_REAL };

/* One bound parameter; "text" is borrowed for the duration of the call. */
struct db_param {
    enum db_type type;
    const char *text;
    long long i;
    double d;
};

#define DBP_TEXT(s) ((struct db_param){.type = (s) ? DB_TEXT : DB_NULL, .text = (s)})
#define DBP_INT(v) ((struct db_param){.type = DB_INT, .i = (v)})
#define DBP_REAL(v) ((struct db_param){.type = DB_REAL, .d = (v)})
#define DBP_NULL ((struct db_param){.type = DB_NULL})

/* Rows copied into the caller's arena: no driver object outlives the call. */
struct db_result {
    int nrows;
    int ncols;
    const char **names;  /* ncols column names */
    const char **values; /* nrows * ncols, row-major; NULL for SQL NULL */
    long long changes;   /* rows inserted, updated or deleted */
};

/*
 * Opens the driver named by "cfg"'s database URL. Connections are made lazily, at most
 * "cfg->db_pool" of them. Returns 0, or -1 with "why". Free with db_close().
 */
int db_open(const struct config *cfg, struct db **out, struct buf *why);
void db_close(struct db *db);
enum db_dialect db_dialect(const struct db *db);
const char *db_driver_name(const struct db *db); /* "sqlite" or "postgres" */

/*
 * Borrows a connection, waiting a bounded time for one to free up; reconnects broken ones.
 * Returns 0 or ERR_UNAVAILABLE ("out" is then NULL): the pool stayed full for about 5 s, or
 * connecting failed (after which acquires fail at once for 500 ms rather than retry).
 * Give it back with db_conn_release().
 */
int db_conn_acquire(struct db *db, struct db_conn **out);
/* Gives "conn" back (NULL is ignored); a transaction left open is rolled back first. */
void db_conn_release(struct db *db, struct db_conn *conn);
/* db_conn_release() as an arena cleanup: arena_defer(cx->arena, db_conn_cleanup, conn). */
void db_conn_cleanup(void *conn);
/* The last failure's message on "conn" ("" after success); borrowed until its next call. */
const char *db_conn_error(const struct db_conn *conn);

/*
 * Runs one statement with "$1".."$n" placeholders ("n" params) and copies the rows into
 * "arena" (out and arena may be NULL when no rows are wanted). "sql" should be a string
 * constant: drivers may cache the prepared statement by its address. A "$N" the text does not
 * use is ignored; one beyond "n" is an error. PostgreSQL infers each parameter's type from
 * where it first appears, so write "col = $1 OR $1 IS NULL" rather than the reverse, or
 * CAST($1 AS TEXT) where nothing else tells.
 * Returns 0, ERR_CONFLICT (unique or foreign-key violation), ERR_UNAVAILABLE (connection
 * lost, which marks it broken; SQLite busy past the statement timeout; PostgreSQL's statement
 * timeout) or ERR_INTERNAL. Failures are logged with the error and the SQL, never the
 * parameters (conflicts at debug level: callers expect them); see db_conn_error().
 */
int db_query(struct db_conn *conn, struct arena *arena, const char *sql,
             const struct db_param *params, int n, struct db_result **out);
/* One statement of db_query_batch(). */
struct db_stmt {
    const char *sql;
    const struct db_param *params;
    int n;
    struct db_result **out; /* NULL when no rows are wanted */
};
/*
 * Runs independent statements as db_query() would, in order, and returns the first failure's
 * code (the statements after it are not run). PostgreSQL receives them together and answers
 * in one round trip (libpq's pipeline mode); outside a transaction they run in one implicit
 * transaction, so reads see one snapshot. SQLite runs them one by one.
 */
int db_query_batch(struct db_conn *conn, struct arena *arena, const struct db_stmt *stmts, int n);
/*
 * Begins a statement whose best plan depends on its parameters' values (a word's frequency
 * picks the index): PostgreSQL plans it on every call rather than keeping it prepared, where
 * after five calls a generic plan, made without the values, may take over.
 */
#define DB_PLAN_EACH_CALL "/* plan each call */ "
/* Runs a multi-statement script without parameters (migrations). */
int db_exec_script(struct db_conn *conn, const char *sql);
/*
 * Transactions. db_begin() takes SQLite's write lock at once (BEGIN IMMEDIATE). db_commit() of a
 * transaction PostgreSQL has aborted rolls it back and returns ERR_INTERNAL. db_rollback() with
 * no transaction open returns 0.
 */
int db_begin(struct db_conn *conn);
int db_commit(struct db_conn *conn);
int db_rollback(struct db_conn *conn);

/* A round trip ("SELECT 1") on a pooled connection; fills the latency. 0 or ERR_UNAVAILABLE. */
int db_ping(struct db *db, double *latency_ms);

/* Pool gauges for /metrics. */
void db_pool_stats(struct db *db, int *open, int *in_use, int *max);

/*
 * Accessors on a result; "col" by index. db_get() is NULL for SQL NULL or out of range.
 * db_get_int() reads NULL as 0 and PostgreSQL's booleans "t"/"f" as 1/0, so db_get_bool()
 * works on both databases. db_col() finds an index by name or returns -1.
 */
const char *db_get(const struct db_result *r, int row, int col);
long long db_get_int(const struct db_result *r, int row, int col);
bool db_get_bool(const struct db_result *r, int row, int col);
int db_col(const struct db_result *r, const char *name);

#endif
