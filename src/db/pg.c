/* pg.c: the PostgreSQL driver (the only file that includes libpq-fe.h). */
#include "db/driver.h"

#include <libpq-fe.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

#define CONNECT_TIMEOUT "2" /* seconds; a URL's own connect_timeout wins */
#define NUM_MAX 32          /* room for one formatted number parameter */
#define TEXT_OID 25         /* pg_type's "text" */

#define STMT_SLOTS 512 /* prepared statements per connection; a power of two, at most half full */

/* A statement prepared on this connection, keyed by the address of its SQL text (a constant
   of the program: one address, one text). */
struct pg_stmt {
    const char *key;
    unsigned id; /* its name is "m<id>" */
};

struct pg_link {
    PGconn *conn;
    bool broken;  /* a call saw the connection die; reopen it on the next acquire */
    bool prepare; /* keep statements prepared (MANGU_DB_PREPARE) */
    struct pg_stmt *stmts;
    size_t used;
    unsigned next_id;
};

/* Copies the first "cap" - 1 bytes of "s" into "out" with newlines and tabs made spaces. */
static void one_line(char *out, size_t cap, const char *s)
{
    size_t n = 0;

    for (; *s && n + 1 < cap; s++)
        out[n++] = (*s == '\n' || *s == '\t') ? ' ' : *s;
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

static int pg_setup(const char *url, struct buf *why)
{
    char *err = NULL;
    char msg[256];
    PQconninfoOption *opts = PQconninfoParse(url, &err);

    if (!opts) {
        one_line(msg, sizeof(msg), err ? err : "out of memory");
        buf_printf(why, "bad database url: %s", msg);
        PQfreemem(err);
        return -1;
    }
    PQconninfoFree(opts);
    return 0;
}

static void on_notice(void *arg, const char *message)
{
    char msg[256];

    (void)arg;
    if (!log_enabled(LOG_DEBUG))
        return;
    one_line(msg, sizeof(msg), message);
    log_json(LOG_DEBUG, "database notice",
             json_pack("{s:s,s:s}", "driver", "postgres", "msg", msg));
}

/*
 * Session settings every connection starts with. 0 or -1 with "why". Parallel query is off:
 * the catalog's queries are short (a few ms), and starting workers for them (a fork and
 * library loading per query) cost more than they won; at 100,000 books a search spent more
 * time starting workers than scanning (perf; search throughput rose by about a third without).
 * JIT compilation is off for the same reason: a count over a large category was estimated
 * costly enough to compile (280 ms of JIT for a 100 ms query at 100,000 books).
 * random_page_cost is 1.1, the usual value for SSDs and cached databases, unless the operator
 * has set it anywhere: PostgreSQL's default of 4 prices random reads for spinning disks, and
 * had search walk most of book_search for a common word with a rare filter instead of reading
 * its matches from the GIN index (25 ms against 10 for "very" among free books, at 100,000).
 */
static int set_session(PGconn *conn, int timeout_ms, struct buf *why)
{
    char sql[320];
    char msg[256];
    PGresult *res;
    int rc = 0;

    snprintf(sql, sizeof(sql),
             "SET statement_timeout = %d; SET TIME ZONE 'UTC'; "
             "SET max_parallel_workers_per_gather = 0; SET jit = off; "
             "SELECT set_config(name, '1.1', false) FROM pg_settings "
             "WHERE name = 'random_page_cost' AND source = 'default'",
             timeout_ms);
    res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        one_line(msg, sizeof(msg), PQerrorMessage(conn));
        buf_printf(why, "cannot set up the session: %s", msg);
        rc = -1;
    }
    PQclear(res);
    return rc;
}

/* libpq settings given before "dbname": once libpq expands the URL there, its own win. */
static const char *const defaults[][2] = {
    {"connect_timeout", CONNECT_TIMEOUT},
    {"fallback_application_name", "mangu"},
    {"client_encoding", "UTF8"},
    /* A peer gone silent (no RST) is noticed in about 25 s idle, or 10 s into a send. */
    {"keepalives_idle", "10"},
    {"keepalives_interval", "5"},
    {"keepalives_count", "3"},
    {"tcp_user_timeout", "10000"},
};
#define N_DEFAULTS (sizeof(defaults) / sizeof(defaults[0]))

static PGconn *open_conn(const char *url)
{
    const char *keys[N_DEFAULTS + 2] = {NULL}, *values[N_DEFAULTS + 2] = {NULL};

    for (size_t i = 0; i < N_DEFAULTS; i++) {
        keys[i] = defaults[i][0];
        values[i] = defaults[i][1];
    }
    keys[N_DEFAULTS] = "dbname";
    values[N_DEFAULTS] = url;
    return PQconnectdbParams(keys, values, 1);
}

static void *pg_connect(const char *url, const struct db_conn_opts *o, struct buf *why)
{
    PGconn *conn = open_conn(url);
    struct pg_link *l;
    char msg[256];

    if (PQstatus(conn) != CONNECTION_OK) {
        one_line(msg, sizeof(msg), conn ? PQerrorMessage(conn) : "out of memory");
        buf_adds(why, msg);
        PQfinish(conn);
        return NULL;
    }
    PQsetNoticeProcessor(conn, on_notice, NULL);
    if (set_session(conn, o->statement_timeout_ms, why) != 0) {
        PQfinish(conn);
        return NULL;
    }
    l = xcalloc(1, sizeof(*l));
    l->conn = conn;
    l->prepare = o->pg_prepare;
    return l;
}

static void pg_disconnect(void *link)
{
    struct pg_link *l = link;

    if (!l)
        return;
    PQfinish(l->conn);
    free(l->stmts);
    free(l);
}

/*
 * The server's message for the log and db_conn_error(). PostgreSQL quotes input values after
 * ': "' (invalid input syntax for type integer: "..."); the line stops there, so parameter
 * values, which may be passwords, never reach the log.
 */
static void safe_message(char *out, size_t cap, const PGresult *res, PGconn *conn)
{
    const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    char *cut;

    one_line(out, cap, primary ? primary : PQerrorMessage(conn));
    if ((cut = strstr(out, ": \"")) != NULL)
        *cut = '\0';
    if (!out[0])
        snprintf(out, cap, "unknown error");
}

static bool state_is(const char *state, const char *const *list)
{
    for (; *list; list++)
        if (strncmp(state, *list, strlen(*list)) == 0)
            return true;
    return false;
}

/* Maps a failed result to an enum err, records it, and marks a dead connection broken. */
static int fail(struct db_conn *c, const PGresult *res, const char *sql)
{
    static const char *const gone[] = {"08000", "08001", "08003", "08004", "08006", "57P", NULL};
    static const char *const conflict[] = {"23505", "23503", NULL};
    static const char *const transient[] = {"57014", "40001", "40P01", "55P03", "53", NULL};
    struct pg_link *l = c->link;
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    char msg[256];

    safe_message(msg, sizeof(msg), res, l->conn);
    if (!state)
        state = "";
    if (PQstatus(l->conn) == CONNECTION_BAD || state_is(state, gone)) {
        l->broken = true;
        db_report(c, LOG_WARN, state[0] ? state : "connection", msg, sql);
        return ERR_UNAVAILABLE;
    }
    if (state_is(state, conflict)) {
        db_report(c, LOG_DEBUG, state, msg, sql);
        return ERR_CONFLICT;
    }
    if (state_is(state, transient)) {
        db_report(c, LOG_WARN, state, msg, sql);
        return ERR_UNAVAILABLE;
    }
    db_report(c, LOG_ERROR, state[0] ? state : "unknown", msg, sql);
    return ERR_INTERNAL;
}

static int check(struct db_conn *c, const PGresult *res, const char *sql)
{
    ExecStatusType st = PQresultStatus(res);

    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : fail(c, res, sql);
}

static struct db_result *copy_result(struct arena *arena, PGresult *res)
{
    struct db_result *r = arena_zalloc(arena, sizeof(*r));

    r->nrows = PQntuples(res);
    r->ncols = PQnfields(res);
    r->names = arena_alloc(arena, (size_t)r->ncols * sizeof(*r->names) + 1);
    r->values = arena_alloc(arena, (size_t)r->nrows * (size_t)r->ncols * sizeof(*r->values) + 1);
    for (int j = 0; j < r->ncols; j++)
        r->names[j] = arena_strdup(arena, PQfname(res, j));
    for (int i = 0; i < r->nrows; i++) {
        for (int j = 0; j < r->ncols; j++) {
            const char **cell = &r->values[(size_t)i * (size_t)r->ncols + (size_t)j];
            *cell = PQgetisnull(res, i, j) ? NULL
                                           : arena_strndup(arena, PQgetvalue(res, i, j),
                                                           (size_t)PQgetlength(res, i, j));
        }
    }
    /* PQcmdTuples counts a SELECT's rows too; only writes count as changes, as on SQLite. */
    if (strncmp(PQcmdStatus(res), "SELECT", 6) != 0)
        r->changes = atoll(PQcmdTuples(res));
    return r;
}

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Where the quoted text, comment or dollar-quoted string opening at "p" ends (its last byte). */
static const char *skip_quoted(const char *p)
{
    const char *end;

    if (*p == '\'' || *p == '"') {
        end = strchr(p + 1, *p);
        return end ? end : p + strlen(p) - 1; /* '' and "" reopen at once: fine */
    }
    if (p[0] == '-' && p[1] == '-') {
        end = strchr(p, '\n');
        return end ? end : p + strlen(p) - 1;
    }
    if (p[0] == '/' && p[1] == '*') {
        end = strstr(p + 2, "*/");
        return end ? end + 1 : p + strlen(p) - 1;
    }
    if (*p != '$')
        return p;
    /* $tag$ ... $tag$ */
    const char *tag_end = p + 1;
    while (ident_char(*tag_end))
        tag_end++;
    if (*tag_end != '$')
        return p;
    size_t tag_len = (size_t)(tag_end - p) + 1;
    for (end = tag_end + 1; *end; end++)
        if (strncmp(end, p, tag_len) == 0)
            return end + tag_len - 1;
    return end - 1;
}

/*
 * Marks in "used" (room for "n") each "$N" that "sql" mentions outside quotes and comments, and
 * returns the largest N mentioned (which may exceed "n").
 */
static int scan_params(const char *sql, unsigned char *used, int n)
{
    int max = 0;

    for (const char *p = sql; *p; p++) {
        if (*p == '$' && p[1] >= '0' && p[1] <= '9' && (p == sql || !ident_char(p[-1]))) {
            char *end;
            long v = strtol(p + 1, &end, 10);

            if (v >= 1 && v <= n)
                used[v - 1] = 1;
            if (v > max)
                max = v > 65535 ? 65535 : (int)v;
            p = end - 1;
        } else if (*p == '\'' || *p == '"' || *p == '-' || *p == '/' ||
                   (*p == '$' && (p == sql || !ident_char(p[-1])))) {
            p = skip_quoted(p);
        }
    }
    return max;
}

/*
 * The parameters as text, numbers formatted into the same block. Those the SQL never mentions
 * are typed text, since PostgreSQL cannot infer a type for them and SQLite simply skips them.
 * Sets "n_sent" to the largest "$N" in "sql", which may exceed "n". Free with free().
 */
static const char **format_params(const char *sql, const struct db_param *params, int n,
                                  Oid **types, int *n_sent)
{
    size_t each = sizeof(const char *) + NUM_MAX + sizeof(Oid) + 1;
    const char **values = xcalloc((size_t)n, each);
    char *nums = (char *)(values + n);
    unsigned char *used;

    *types = (Oid *)(nums + (size_t)n * NUM_MAX);
    used = (unsigned char *)(*types + n);
    *n_sent = scan_params(sql, used, n);
    for (int k = 0; k < n; k++) {
        char *num = nums + (size_t)k * NUM_MAX;

        (*types)[k] = used[k] ? 0 : TEXT_OID;
        values[k] = num;
        if (params[k].type == DB_INT)
            snprintf(num, NUM_MAX, "%lld", params[k].i);
        else if (params[k].type == DB_REAL)
            snprintf(num, NUM_MAX, "%.17g", params[k].d);
        else
            values[k] = params[k].type == DB_TEXT ? params[k].text : NULL;
    }
    return values;
}

/* The program's constant data (GNU ld's symbols): where string constants live. */
extern const char __executable_start[], edata[];

/* Only constant SQL is prepared: text built per request would fill the table for one use. */
static bool is_constant(const char *sql)
{
    return (uintptr_t)sql >= (uintptr_t)__executable_start && (uintptr_t)sql < (uintptr_t)edata;
}

static size_t stmt_slot(const struct pg_link *l, const char *key)
{
    size_t i = (size_t)(((uintptr_t)key >> 3) * 0x9E3779B97F4A7C15ull) & (STMT_SLOTS - 1);

    while (l->stmts[i].key && l->stmts[i].key != key)
        i = (i + 1) & (STMT_SLOTS - 1);
    return i;
}

/*
 * The name of the statement prepared for "sql" on this connection, preparing it on first use
 * (one more round trip, once). NULL when it is not to be prepared, or preparing failed: the
 * caller then sends it unnamed, which reports any error the usual way.
 */
static const char *prepared_name(struct pg_link *l, const char *sql, int n_sent, const Oid *types,
                                 char name[16])
{
    if (!l->prepare || !is_constant(sql) ||
        strncmp(sql, DB_PLAN_EACH_CALL, sizeof(DB_PLAN_EACH_CALL) - 1) == 0)
        return NULL;
    if (!l->stmts)
        l->stmts = xcalloc(STMT_SLOTS, sizeof(*l->stmts));
    struct pg_stmt *st = &l->stmts[stmt_slot(l, sql)];
    if (st->key) {
        snprintf(name, 16, "m%u", st->id);
        return name;
    }
    if ((l->used + 1) * 2 > STMT_SLOTS)
        return NULL; /* the table is full */
    snprintf(name, 16, "m%u", l->next_id);
    PGresult *res = PQprepare(l->conn, name, sql, n_sent, types);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok)
        return NULL;
    *st = (struct pg_stmt){sql, l->next_id++};
    l->used++;
    return name;
}

/* A statement ready to send: its parameters as text and its prepared name. */
struct ready_stmt {
    const char **values;
    Oid *types;
    int n_sent;
    const char *name; /* NULL: sent unnamed */
    char buf[16];
};

/* Formats "st"'s parameters and prepares it when it is kept prepared (in a pipeline, before it:
   PQprepare waits for its answer, which pipeline mode forbids). Free "r->values" after. */
static int make_ready(struct db_conn *c, const struct db_stmt *st, struct ready_stmt *r)
{
    struct pg_link *l = c->link;

    r->values = st->n > 0 ? format_params(st->sql, st->params, st->n, &r->types, &r->n_sent) : NULL;
    if (r->n_sent > st->n) {
        db_report(c, LOG_ERROR, "misuse", "statement has parameters beyond the ones given",
                  st->sql);
        return ERR_INTERNAL;
    }
    r->name = prepared_name(l, st->sql, r->n_sent, r->types, r->buf);
    return 0;
}

/*
 * One round trip: PQexecPrepared for a constant statement already prepared on this connection
 * (saves PostgreSQL parsing it, and planning it once a generic plan proves as cheap), else
 * PQexecParams. Parameters are text, their types inferred by the server.
 */
static int pg_query(struct db_conn *c, struct arena *arena, const char *sql,
                    const struct db_param *params, int n, struct db_result **out)
{
    struct pg_link *l = c->link;
    struct ready_stmt r = {0};
    PGresult *res;
    int rc = make_ready(c, &(struct db_stmt){sql, params, n, out}, &r);

    if (rc == 0) {
        res = r.name ? PQexecPrepared(l->conn, r.name, r.n_sent, r.values, NULL, NULL, 0)
                     : PQexecParams(l->conn, sql, r.n_sent, r.types, r.values, NULL, NULL, 0);
        rc = check(c, res, sql);
        if (rc == 0 && out)
            *out = copy_result(arena, res);
        PQclear(res);
    }
    free(r.values);
    return rc;
}

/* The connection failed mid-pipeline: it cannot be trusted again. */
static int lost(struct db_conn *c, const char *sql)
{
    struct pg_link *l = c->link;

    l->broken = true;
    db_report(c, LOG_WARN, "connection", "the pipeline broke off", sql);
    return ERR_UNAVAILABLE;
}

/* Reads one statement's result (then the NULL that ends it); keeps the first failure in "rc". */
static int read_one(struct db_conn *c, struct arena *arena, const struct db_stmt *st, int rc)
{
    struct pg_link *l = c->link;
    PGresult *res = PQgetResult(l->conn);

    if (!res)
        return lost(c, st->sql);
    if (rc == 0 && PQresultStatus(res) != PGRES_PIPELINE_ABORTED) {
        rc = check(c, res, st->sql);
        if (rc == 0 && st->out)
            *st->out = copy_result(arena, res);
    }
    PQclear(res);
    while ((res = PQgetResult(l->conn)) != NULL) /* nothing more is expected */
        PQclear(res);
    return rc;
}

/* Sends the ready statements and a Sync, then reads every answer up to the Sync's. */
static int run_pipeline(struct db_conn *c, struct arena *arena, const struct db_stmt *st,
                        const struct ready_stmt *r, int n)
{
    struct pg_link *l = c->link;
    PGresult *res;
    int rc = 0;

    if (!PQenterPipelineMode(l->conn))
        return lost(c, st[0].sql);
    for (int i = 0; i < n; i++) {
        int sent = r[i].name ? PQsendQueryPrepared(l->conn, r[i].name, r[i].n_sent, r[i].values,
                                                   NULL, NULL, 0)
                             : PQsendQueryParams(l->conn, st[i].sql, r[i].n_sent, r[i].types,
                                                 r[i].values, NULL, NULL, 0);
        if (!sent)
            return lost(c, st[i].sql);
    }
    if (!PQpipelineSync(l->conn))
        return lost(c, st[0].sql);
    for (int i = 0; i < n; i++)
        if ((rc = read_one(c, arena, &st[i], rc)) == ERR_UNAVAILABLE && l->broken)
            return rc;
    if ((res = PQgetResult(l->conn)) == NULL || PQresultStatus(res) != PGRES_PIPELINE_SYNC) {
        PQclear(res);
        return lost(c, st[0].sql);
    }
    PQclear(res);
    return PQexitPipelineMode(l->conn) ? rc : lost(c, st[0].sql);
}

/*
 * db_query_batch(): every statement sent before any answer is read, so the batch costs one
 * round trip. A failure aborts the statements after it (PostgreSQL skips them up to the Sync).
 */
static int pg_query_batch(struct db_conn *c, struct arena *arena, const struct db_stmt *st, int n)
{
    struct ready_stmt *r = xcalloc((size_t)n, sizeof(*r));
    int rc = 0;

    for (int i = 0; i < n && rc == 0; i++)
        rc = make_ready(c, &st[i], &r[i]);
    if (rc == 0)
        rc = run_pipeline(c, arena, st, r, n);
    for (int i = 0; i < n; i++)
        free(r[i].values);
    free(r);
    return rc;
}

static int pg_exec_script(struct db_conn *c, const char *sql)
{
    struct pg_link *l = c->link;
    PGresult *res = PQexec(l->conn, sql);
    int rc = PQresultStatus(res) == PGRES_EMPTY_QUERY ? 0 : check(c, res, sql);

    PQclear(res);
    return rc;
}

/*
 * An idle connection has nothing to say: a readable socket means the server sent its last words
 * (a shutdown notice) or closed it, as after a restart. Either way, open a new one.
 */
static bool pg_is_broken(void *link)
{
    struct pg_link *l = link;
    struct pollfd pfd = {.fd = PQsocket(l->conn), .events = POLLIN};

    if (l->broken || PQstatus(l->conn) != CONNECTION_OK || pfd.fd < 0)
        return true;
    return poll(&pfd, 1, 0) > 0;
}

static enum db_tx pg_tx_state(void *link)
{
    struct pg_link *l = link;

    switch (PQtransactionStatus(l->conn)) {
    case PQTRANS_INTRANS:
    case PQTRANS_ACTIVE:
        return DB_TX_ACTIVE;
    case PQTRANS_INERROR:
        return DB_TX_FAILED;
    default:
        return DB_TX_IDLE;
    }
}

const struct db_driver db_pg_driver = {
    .name = "postgres",
    .dialect = DB_POSTGRES,
    .begin_sql = "BEGIN",
    .setup = pg_setup,
    .connect = pg_connect,
    .disconnect = pg_disconnect,
    .query = pg_query,
    .query_batch = pg_query_batch,
    .exec_script = pg_exec_script,
    .is_broken = pg_is_broken,
    .tx_state = pg_tx_state,
};
