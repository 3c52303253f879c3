/* ctx.c: error recording and lazy database access for one request. */
#include "app/ctx.h"

#include <stdarg.h>

static void set_err(struct ctx *cx, int code, json_t *details, const char *fmt, va_list ap)
{
    cx->err_code = code;
    cx->err_msg = arena_vprintf(cx->arena, fmt, ap);
    if (details)
        arena_defer(cx->arena, (arena_cleanup_fn)json_decref, details);
    cx->err_details = details;
}

int cx_fail(struct ctx *cx, int code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    set_err(cx, code, NULL, fmt, ap);
    va_end(ap);
    return code;
}

int cx_fail_details(struct ctx *cx, int code, json_t *details, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    set_err(cx, code, details, fmt, ap);
    va_end(ap);
    return code;
}

struct conn_return {
    struct db *db;
    struct db_conn *conn;
};

static void return_conn(void *p)
{
    struct conn_return *r = p;

    db_conn_release(r->db, r->conn);
}

int cx_db(struct ctx *cx, struct db_conn **out)
{
    if (!cx->conn) {
        struct db_conn *conn = NULL;
        if (db_conn_acquire(cx->app->db, &conn) != 0)
            return cx_fail(cx, ERR_UNAVAILABLE, "the database is unavailable");
        struct conn_return *r = arena_alloc(cx->arena, sizeof(*r));
        r->db = cx->app->db;
        r->conn = conn;
        arena_defer(cx->arena, return_conn, r);
        cx->conn = conn;
    }
    *out = cx->conn;
    return 0;
}

/* A database failure as the request's error; other codes (conflicts) are the caller's. */
static int recorded(struct ctx *cx, int rc)
{
    if (rc == ERR_UNAVAILABLE)
        return cx_fail(cx, rc, "the database is unavailable");
    if (rc == ERR_INTERNAL)
        return cx_fail(cx, rc, "database query failed");
    return rc;
}

int cx_query(struct ctx *cx, const char *sql, const struct db_param *params, int n,
             struct db_result **out)
{
    struct db_conn *conn = NULL;
    int rc = cx_db(cx, &conn);

    if (rc != 0)
        return rc;
    return recorded(cx, db_query(conn, cx->arena, sql, params, n, out));
}

int cx_query_batch(struct ctx *cx, const struct db_stmt *stmts, int n)
{
    struct db_conn *conn = NULL;
    int rc = cx_db(cx, &conn);

    return rc ? rc : recorded(cx, db_query_batch(conn, cx->arena, stmts, n));
}

int cx_begin(struct ctx *cx)
{
    struct db_conn *conn = NULL;
    int rc = cx_db(cx, &conn);

    if (rc == 0 && db_begin(conn) != 0)
        rc = cx_fail(cx, ERR_UNAVAILABLE, "the database is unavailable");
    return rc;
}

int cx_commit(struct ctx *cx)
{
    if (!cx->conn || db_commit(cx->conn) != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "the change could not be saved; try again");
    return 0;
}

void cx_rollback(struct ctx *cx)
{
    if (cx->conn)
        db_rollback(cx->conn);
}
