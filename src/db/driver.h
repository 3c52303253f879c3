/* driver.h: what db.c asks of a driver (sqlite.c, pg.c); private to src/db/. */
#ifndef MANGU_DB_DRIVER_H
#define MANGU_DB_DRIVER_H

#include <stdbool.h>

#include "db/db.h"

/* One pool slot; a thread owns it between db_conn_acquire() and db_conn_release(). */
struct db_conn {
    struct db *db;
    void *link;    /* the driver's connection; NULL until connected */
    bool in_use;   /* guarded by the pool's mutex */
    char err[256]; /* the last failure's message, without parameter values */
};

enum db_tx { DB_TX_IDLE, DB_TX_ACTIVE, DB_TX_FAILED };

/* What every new connection is opened with (from the configuration). */
struct db_conn_opts {
    int statement_timeout_ms;
    long long sqlite_mmap_bytes; /* SQLite's mmap_size; PostgreSQL ignores it */
    bool pg_prepare;             /* PostgreSQL: keep constant statements prepared */
};

/*
 * A driver. "target" is the SQLite file path or the PostgreSQL URL. Every function but
 * setup() and connect() is called by the one thread that holds the connection.
 */
struct db_driver {
    const char *name;
    enum db_dialect dialect;
    const char *begin_sql; /* "BEGIN IMMEDIATE" on SQLite: take the write lock up front */
    /* Checks "target" once in db_open() (creates SQLite's folder, parses PG's URL). 0 or -1. */
    int (*setup)(const char *target, struct buf *why);
    /* Opens one connection; NULL with "why" on failure. */
    void *(*connect)(const char *target, const struct db_conn_opts *o, struct buf *why);
    void (*disconnect)(void *link);
    /* As db_query(); records failures in "c->err". */
    int (*query)(struct db_conn *c, struct arena *arena, const char *sql,
                 const struct db_param *params, int n, struct db_result **out);
    /* As db_query_batch(); NULL: db.c runs the statements one by one. */
    int (*query_batch)(struct db_conn *c, struct arena *arena, const struct db_stmt *stmts, int n);
    int (*exec_script)(struct db_conn *c, const char *sql);
    /* True when "link" must be reopened; may poll an idle socket for a server gone away. */
    bool (*is_broken)(void *link);
    enum db_tx (*tx_state)(void *link);
};

extern const struct db_driver db_sqlite_driver;
extern const struct db_driver db_pg_driver;

/*
 * Records a failure: copies "msg" into "c->err" and logs one line at "level" naming the driver,
 * the SQL (shortened; never the parameter values), "code" and "msg".
 */
void db_report(struct db_conn *c, int level, const char *code, const char *msg, const char *sql);

#endif
