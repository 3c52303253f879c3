/* ctx.h: one request's context: its arena, identity, error slot and database connection. */
#ifndef MANGU_CTX_H
#define MANGU_CTX_H

#include <jansson.h>

#include "app/app.h"
#include "core/arena.h"
#include "core/err.h"
#include "db/db.h"

struct ctx {
    struct app *app;     /* borrowed, process lifetime */
    struct arena *arena; /* owned by the server; freed when the response is done */
    char request_id[33];
    const char *client_ip;  /* after trusted-proxy resolution */
    const char *user_agent; /* borrowed, any length, or NULL */
    const char *route;      /* matched pattern, or "static"/"unmatched" for the log */
    int route_slot;         /* 1 + index in the route table; 0 when no route matched */
    long long user_id;      /* 0 when anonymous */
    const char *role;       /* NULL when anonymous */
    int err_code;           /* last recorded failure */
    const char *err_msg;    /* arena; shown to the client unless the code is internal */
    json_t *err_details;    /* owned by the arena (deferred decref) */
    struct db_conn *conn;   /* borrowed from the pool on first use, returned at request end */
};

/*
 * Records a failure where it is detected and returns "code", git's `return error(...)`:
 * `return cx_fail(cx, ERR_NOT_FOUND, "book '%s' not found", id);`
 */
int cx_fail(struct ctx *cx, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* As cx_fail, with a details object (stolen) such as {"fields": {...}}. */
int cx_fail_details(struct ctx *cx, int code, json_t *details, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The request's database connection, borrowed lazily from the pool. 0 or ERR_UNAVAILABLE. */
int cx_db(struct ctx *cx, struct db_conn **out);
/* db_query on the request's connection with rows in the request's arena. */
int cx_query(struct ctx *cx, const char *sql, const struct db_param *params, int n,
             struct db_result **out);
/* db_query_batch on the request's connection, failures recorded as cx_query records them. */
int cx_query_batch(struct ctx *cx, const struct db_stmt *stmts, int n);

/* Transactions on the request's connection; an open one is rolled back when the request ends. */
int cx_begin(struct ctx *cx);
int cx_commit(struct ctx *cx);
void cx_rollback(struct ctx *cx);

#endif
