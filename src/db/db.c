/* db.c: the driver-independent part: the bounded connection pool, transactions, results. */
#include "db/db.h"
#include "db/driver.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

#define ACQUIRE_WAIT_MS 5000    /* how long db_conn_acquire() waits for a free connection */
#define RETRY_AFTER_MS 500      /* after a failed connect, acquires fail fast for this long */
#define LOG_SQL_MAX 300         /* how much of a statement a failure line shows */
#define LOG_DOWN_EVERY_MS 30000 /* while connects keep failing, log one in this long */

struct db {
    const struct db_driver *drv;
    char *target; /* owned: SQLite path or PostgreSQL URL */
    struct db_conn_opts opts;
    pthread_mutex_t mu;
    pthread_cond_t freed; /* signalled when a slot is given back */
    struct db_conn *slots;
    int max;
    int open;              /* slots with a link */
    int in_use;            /* slots lent out */
    long long down_until;  /* CLOCK_MONOTONIC ms; connects are not tried before it */
    long long down_logged; /* when a failed connect was last logged */
    bool down;             /* the last connect failed (to log the recovery once) */
};

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int db_open(const struct config *cfg, struct db **out, struct buf *why)
{
    const struct db_driver *drv = config_is_postgres(cfg) ? &db_pg_driver : &db_sqlite_driver;
    const char *target = config_is_postgres(cfg) ? cfg->database_url : config_sqlite_path(cfg);
    pthread_condattr_t attr;

    if (drv->setup(target, why) != 0)
        return -1;
    struct db *db = xcalloc(1, sizeof(*db));
    db->drv = drv;
    db->target = xstrdup(target);
    db->opts.statement_timeout_ms = cfg->db_statement_timeout_ms;
    db->opts.sqlite_mmap_bytes = (long long)cfg->sqlite_mmap_mb << 20;
    db->opts.pg_prepare = cfg->db_prepare;
    db->max = cfg->db_pool > 0 ? cfg->db_pool : 1;
    db->slots = xcalloc((size_t)db->max, sizeof(*db->slots));
    for (int i = 0; i < db->max; i++)
        db->slots[i].db = db;
    pthread_mutex_init(&db->mu, NULL);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&db->freed, &attr);
    pthread_condattr_destroy(&attr);
    *out = db;
    return 0;
}

void db_close(struct db *db)
{
    if (!db)
        return;
    if (db->in_use > 0)
        log_warn("closing the database with %d connections still lent out", db->in_use);
    for (int i = 0; i < db->max; i++)
        if (db->slots[i].link)
            db->drv->disconnect(db->slots[i].link);
    pthread_cond_destroy(&db->freed);
    pthread_mutex_destroy(&db->mu);
    free(db->slots);
    free(db->target);
    free(db);
}

enum db_dialect db_dialect(const struct db *db)
{
    return db->drv->dialect;
}

const char *db_driver_name(const struct db *db)
{
    return db->drv->name;
}

/* A free slot, preferring one already connected; NULL when all are lent out. Holds "mu". */
static struct db_conn *free_slot(struct db *db)
{
    struct db_conn *empty = NULL;

    for (int i = 0; i < db->max; i++) {
        struct db_conn *c = &db->slots[i];
        if (c->in_use)
            continue;
        if (c->link)
            return c;
        if (!empty)
            empty = c;
    }
    return empty;
}

/* Takes a slot, waiting up to ACQUIRE_WAIT_MS for one to be given back. */
static int take_slot(struct db *db, struct db_conn **out)
{
    long long deadline = now_ms() + ACQUIRE_WAIT_MS;
    struct timespec abs = {.tv_sec = deadline / 1000, .tv_nsec = (deadline % 1000) * 1000000};
    struct db_conn *c;
    int rc = 0;

    pthread_mutex_lock(&db->mu);
    while (!(c = free_slot(db)) && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&db->freed, &db->mu, &abs);
    if (c) {
        c->in_use = true;
        db->in_use++;
    }
    pthread_mutex_unlock(&db->mu);
    if (!c) {
        log_warn("no free database connection after %d ms (pool of %d)", ACQUIRE_WAIT_MS, db->max);
        return ERR_UNAVAILABLE;
    }
    *out = c;
    return 0;
}

static void give_slot(struct db *db, struct db_conn *c)
{
    pthread_mutex_lock(&db->mu);
    c->in_use = false;
    db->in_use--;
    pthread_cond_signal(&db->freed);
    pthread_mutex_unlock(&db->mu);
}

static void drop_link(struct db *db, struct db_conn *c)
{
    db->drv->disconnect(c->link);
    c->link = NULL;
    pthread_mutex_lock(&db->mu);
    db->open--;
    pthread_mutex_unlock(&db->mu);
}

/* Counts the outcome of a connect; logs the first failure, then one every LOG_DOWN_EVERY_MS. */
static void note_connect(struct db *db, bool ok, const char *error)
{
    long long now = now_ms();
    bool was_down, say;

    pthread_mutex_lock(&db->mu);
    was_down = db->down;
    say = !ok && (!was_down || now - db->down_logged >= LOG_DOWN_EVERY_MS);
    if (say)
        db->down_logged = now;
    db->down = !ok;
    db->down_until = ok ? 0 : now + RETRY_AFTER_MS;
    if (ok)
        db->open++;
    pthread_mutex_unlock(&db->mu);
    if (say)
        log_json(LOG_WARN, "database connect failed",
                 json_pack("{s:s,s:s}", "driver", db->drv->name, "error", error));
    else if (ok && was_down)
        log_json(LOG_INFO, "database reachable again", json_pack("{s:s}", "driver", db->drv->name));
}

/* Opens the slot's link, unless a connect failed less than RETRY_AFTER_MS ago. */
static int connect_slot(struct db *db, struct db_conn *c)
{
    struct buf why = BUF_INIT;
    long long until;

    pthread_mutex_lock(&db->mu);
    until = db->down_until;
    pthread_mutex_unlock(&db->mu);
    if (until && now_ms() < until)
        return ERR_UNAVAILABLE;
    c->link = db->drv->connect(db->target, &db->opts, &why);
    note_connect(db, c->link != NULL, why.p ? why.p : "unknown error");
    buf_release(&why);
    return c->link ? 0 : ERR_UNAVAILABLE;
}

int db_conn_acquire(struct db *db, struct db_conn **out)
{
    struct db_conn *c;
    int rc = take_slot(db, &c);

    *out = NULL;
    if (rc != 0)
        return rc;
    if (c->link && db->drv->is_broken(c->link))
        drop_link(db, c);
    if (!c->link && (rc = connect_slot(db, c)) != 0) {
        give_slot(db, c);
        return rc;
    }
    c->err[0] = '\0';
    *out = c;
    return 0;
}

void db_conn_release(struct db *db, struct db_conn *conn)
{
    if (!conn)
        return;
    if (conn->link && db->drv->tx_state(conn->link) != DB_TX_IDLE) {
        log_warn("database connection given back inside a transaction; rolling back");
        if (db->drv->query(conn, NULL, "ROLLBACK", NULL, 0, NULL) != 0)
            drop_link(db, conn);
    }
    give_slot(db, conn);
}

void db_conn_cleanup(void *conn)
{
    struct db_conn *c = conn;

    if (c)
        db_conn_release(c->db, c);
}

const char *db_conn_error(const struct db_conn *conn)
{
    return conn->err;
}

int db_query(struct db_conn *conn, struct arena *arena, const char *sql,
             const struct db_param *params, int n, struct db_result **out)
{
    conn->err[0] = '\0';
    if (out)
        *out = NULL;
    return conn->db->drv->query(conn, arena, sql, params, n, out);
}

int db_query_batch(struct db_conn *conn, struct arena *arena, const struct db_stmt *stmts, int n)
{
    int rc = 0;

    conn->err[0] = '\0';
    for (int i = 0; i < n; i++)
        if (stmts[i].out)
            *stmts[i].out = NULL;
    if (n > 1 && conn->db->drv->query_batch)
        return conn->db->drv->query_batch(conn, arena, stmts, n);
    for (int i = 0; i < n && rc == 0; i++)
        rc = conn->db->drv->query(conn, arena, stmts[i].sql, stmts[i].params, stmts[i].n,
                                  stmts[i].out);
    return rc;
}

int db_exec_script(struct db_conn *conn, const char *sql)
{
    conn->err[0] = '\0';
    return conn->db->drv->exec_script(conn, sql);
}

int db_begin(struct db_conn *conn)
{
    return db_query(conn, NULL, conn->db->drv->begin_sql, NULL, 0, NULL);
}

/*
 * PostgreSQL answers COMMIT in a failed transaction with a silent ROLLBACK; refuse it instead,
 * so a caller that ignored an error never believes its writes were kept.
 */
int db_commit(struct db_conn *conn)
{
    if (conn->db->drv->tx_state(conn->link) == DB_TX_FAILED) {
        db_query(conn, NULL, "ROLLBACK", NULL, 0, NULL);
        db_report(conn, LOG_ERROR, "aborted", "commit of a failed transaction; rolled back",
                  "COMMIT");
        return ERR_INTERNAL;
    }
    return db_query(conn, NULL, "COMMIT", NULL, 0, NULL);
}

/* Succeeds when no transaction is open (SQLite rolls back by itself on some errors). */
int db_rollback(struct db_conn *conn)
{
    if (conn->db->drv->tx_state(conn->link) == DB_TX_IDLE)
        return 0;
    return db_query(conn, NULL, "ROLLBACK", NULL, 0, NULL);
}

int db_ping(struct db *db, double *latency_ms)
{
    struct db_conn *c;
    struct timespec t0, t1;
    int rc = db_conn_acquire(db, &c);

    if (rc != 0)
        return ERR_UNAVAILABLE;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rc = db_query(c, NULL, "SELECT 1", NULL, 0, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    db_conn_release(db, c);
    if (latency_ms)
        *latency_ms =
            (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    return rc == 0 ? 0 : ERR_UNAVAILABLE;
}

void db_pool_stats(struct db *db, int *open, int *in_use, int *max)
{
    pthread_mutex_lock(&db->mu);
    if (open)
        *open = db->open;
    if (in_use)
        *in_use = db->in_use;
    if (max)
        *max = db->max;
    pthread_mutex_unlock(&db->mu);
}

const char *db_get(const struct db_result *r, int row, int col)
{
    if (!r || row < 0 || row >= r->nrows || col < 0 || col >= r->ncols)
        return NULL;
    return r->values[(size_t)row * (size_t)r->ncols + (size_t)col];
}

long long db_get_int(const struct db_result *r, int row, int col)
{
    const char *v = db_get(r, row, col);

    if (!v)
        return 0;
    if (strcmp(v, "t") == 0 || strcmp(v, "true") == 0)
        return 1;
    return strtoll(v, NULL, 10);
}

bool db_get_bool(const struct db_result *r, int row, int col)
{
    return db_get_int(r, row, col) != 0;
}

int db_col(const struct db_result *r, const char *name)
{
    for (int i = 0; r && i < r->ncols; i++)
        if (strcmp(r->names[i], name) == 0)
            return i;
    return -1;
}

void db_report(struct db_conn *c, int level, const char *code, const char *msg, const char *sql)
{
    size_t n = strlen(msg);

    if (n >= sizeof(c->err))
        n = sizeof(c->err) - 1;
    memcpy(c->err, msg, n);
    c->err[n] = '\0';
    if (!log_enabled((enum log_level)level))
        return;
    log_json((enum log_level)level, "database call failed",
             json_pack("{s:s,s:s,s:s,s:s%}", "driver", c->db->drv->name, "code", code, "error", msg,
                       "sql", sql ? sql : "", sql ? strnlen(sql, LOG_SQL_MAX) : (size_t)0));
}
