/* migrate.c: checks, plans and applies the numbered schema migrations, one transaction each. */
#include "db/migrate.h"

#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

/* Any constant will do, as long as every mangu process uses the same one ("mangu" in ASCII). */
static const char SQL_LOCK[] = "SELECT pg_advisory_xact_lock(469786060661)";
/* A migration may rewrite a large table (0011: about 10 s at 100,000 books), and a process
   may wait that long for another's lock: the per-request statement timeout is lifted for the
   migration's transaction only. */
static const char SQL_NO_TIMEOUT_PG[] = "SET LOCAL statement_timeout = 0";
static const char SQL_CREATE[] = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                 "version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                 "applied_at TEXT NOT NULL)";
static const char SQL_APPLIED[] = "SELECT version FROM schema_migrations ORDER BY version";
static const char SQL_IS_APPLIED[] = "SELECT 1 FROM schema_migrations WHERE version = $1";
static const char SQL_RECORD[] =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";

static int check_one(const struct migration *m, const struct migration *prev, struct buf *why)
{
    if (m->version <= 0 || !m->name || !m->name[0]) {
        buf_printf(why, "migration %d has no name or a version below 1", m->version);
        return -1;
    }
    if (prev && m->version == prev->version) {
        buf_printf(why, "duplicate migration version %d ('%04d_%s' and '%04d_%s')", m->version,
                   prev->version, prev->name, m->version, m->name);
        return -1;
    }
    if (prev && m->version < prev->version) {
        buf_printf(why, "migration '%04d_%s' comes after '%04d_%s'", m->version, m->name,
                   prev->version, prev->name);
        return -1;
    }
    if (m->common && (m->postgres || m->sqlite)) {
        buf_printf(why, "migration '%04d_%s' has both common and dialect sql", m->version, m->name);
        return -1;
    }
    if (!m->common && (!m->postgres || !m->sqlite)) {
        buf_printf(why, "migration '%04d_%s' has no %s sql", m->version, m->name,
                   m->postgres ? "sqlite" : "postgres");
        return -1;
    }
    return 0;
}

int migrate_validate(const struct migration *list, size_t n, struct buf *why)
{
    for (size_t i = 0; i < n; i++)
        if (check_one(&list[i], i ? &list[i - 1] : NULL, why) != 0)
            return -1;
    return 0;
}

size_t migrate_plan(const struct migration *list, size_t n, const int *applied, size_t n_applied,
                    size_t *pending)
{
    size_t count = 0;

    for (size_t i = 0; i < n; i++) {
        bool done = false;

        for (size_t j = 0; j < n_applied && !done; j++)
            done = applied[j] == list[i].version;
        if (!done)
            pending[count++] = i;
    }
    return count;
}

const char *migrate_sql(const struct migration *m, enum db_dialect dialect)
{
    if (m->common)
        return m->common;
    return dialect == DB_POSTGRES ? m->postgres : m->sqlite;
}

/* Begins a transaction, serialized across processes on PostgreSQL. */
static int begin_locked(struct db_conn *c, enum db_dialect dialect)
{
    int rc = db_begin(c);

    if (rc == 0 && dialect == DB_POSTGRES)
        rc = db_exec_script(c, SQL_NO_TIMEOUT_PG);
    if (rc == 0 && dialect == DB_POSTGRES)
        rc = db_query(c, NULL, SQL_LOCK, NULL, 0, NULL);
    return rc;
}

/* Ends the transaction begun by begin_locked(): commits when "rc" is 0, else rolls back. */
static int end_locked(struct db_conn *c, int rc, const char *what, struct buf *why)
{
    if (rc == 0)
        rc = db_commit(c);
    if (rc != 0) {
        buf_printf(why, "%s: %s", what, db_conn_error(c)[0] ? db_conn_error(c) : err_name(rc));
        db_rollback(c);
    }
    return rc;
}

/* Creates schema_migrations when missing and reads the versions it records into "arena". */
static int read_applied(struct db_conn *c, enum db_dialect dialect, struct arena *arena,
                        int **versions, size_t *n, struct buf *why)
{
    struct db_result *r = NULL;
    int rc = begin_locked(c, dialect);

    if (rc == 0)
        rc = db_query(c, NULL, SQL_CREATE, NULL, 0, NULL);
    if (rc == 0)
        rc = db_query(c, arena, SQL_APPLIED, NULL, 0, &r);
    rc = end_locked(c, rc, "cannot read schema_migrations", why);
    if (rc != 0)
        return rc;
    *n = (size_t)r->nrows;
    *versions = arena_alloc(arena, *n * sizeof(**versions) + 1);
    for (int i = 0; i < r->nrows; i++)
        (*versions)[i] = (int)db_get_int(r, i, 0);
    return 0;
}

/* Writes the current UTC time as RFC 3339 ("2024-05-01T12:00:00Z"). */
static void utc_now(char *out, size_t cap)
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static double since_ms(const struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * Applies "m" in one transaction, unless another process recorded it first (the lock makes
 * that check safe on PostgreSQL; BEGIN IMMEDIATE does on SQLite). Sets "done" when applied.
 */
static int apply(struct db_conn *c, enum db_dialect dialect, const struct migration *m, bool *done,
                 struct buf *why)
{
    struct arena *arena = arena_new();
    struct db_result *r = NULL;
    char now[32], what[128];
    struct db_param p[] = {DBP_INT(m->version), DBP_TEXT(m->name), {.type = DB_TEXT, .text = now}};
    struct timespec t0;
    int rc;

    utc_now(now, sizeof(now));
    clock_gettime(CLOCK_MONOTONIC, &t0);
    *done = false;
    rc = begin_locked(c, dialect);
    if (rc == 0)
        rc = db_query(c, arena, SQL_IS_APPLIED, p, 1, &r);
    if (rc == 0 && r->nrows == 0) {
        rc = db_exec_script(c, migrate_sql(m, dialect));
        if (rc == 0)
            rc = db_query(c, NULL, SQL_RECORD, p, 3, NULL);
        *done = true;
    }
    snprintf(what, sizeof(what), "migration '%04d_%s' failed", m->version, m->name);
    rc = end_locked(c, rc, what, why);
    *done = *done && rc == 0;
    if (*done)
        log_json(LOG_INFO, "migration applied",
                 json_pack("{s:i,s:s,s:s,s:f}", "version", m->version, "name", m->name, "driver",
                           dialect == DB_POSTGRES ? "postgres" : "sqlite", "duration_ms",
                           since_ms(&t0)));
    arena_free(arena);
    return rc;
}

static void warn_unknown(const struct migration *list, size_t n, const int *applied, size_t na)
{
    for (size_t j = 0; j < na; j++) {
        bool known = false;

        for (size_t i = 0; i < n && !known; i++)
            known = list[i].version == applied[j];
        if (!known)
            log_warn("database has migration %d, which this binary does not know", applied[j]);
    }
}

/* Shared by pending and run: connection, applied versions and the plan ("pending" in "arena"). */
static int prepare(struct db *db, struct db_conn **c, struct arena *arena,
                   const struct migration *list, size_t n, size_t **pending, size_t *count,
                   struct buf *why)
{
    int *applied;
    size_t n_applied;
    int rc = db_conn_acquire(db, c);

    if (rc != 0) {
        buf_printf(why, "cannot reach the %s database", db_driver_name(db));
        return rc;
    }
    rc = read_applied(*c, db_dialect(db), arena, &applied, &n_applied, why);
    if (rc != 0)
        return rc;
    warn_unknown(list, n, applied, n_applied);
    *pending = arena_alloc(arena, n * sizeof(**pending) + 1);
    *count = migrate_plan(list, n, applied, n_applied, *pending);
    return 0;
}

int migrate_pending_list(struct db *db, const struct migration *list, size_t n, size_t *count,
                         struct buf *why)
{
    struct arena *arena = arena_new();
    struct db_conn *c = NULL;
    size_t *pending;
    int rc = prepare(db, &c, arena, list, n, &pending, count, why);

    db_conn_release(db, c);
    arena_free(arena);
    return rc;
}

int migrate_run_list(struct db *db, const struct migration *list, size_t n, size_t *applied,
                     struct buf *why)
{
    struct arena *arena = arena_new();
    struct db_conn *c = NULL;
    size_t *pending, count = 0;
    int rc;

    *applied = 0;
    if (migrate_validate(list, n, why) != 0) {
        arena_free(arena);
        return ERR_INTERNAL;
    }
    rc = prepare(db, &c, arena, list, n, &pending, &count, why);
    for (size_t i = 0; rc == 0 && i < count; i++) {
        bool done;

        rc = apply(c, db_dialect(db), &list[pending[i]], &done, why);
        *applied += done;
    }
    db_conn_release(db, c);
    arena_free(arena);
    return rc;
}

int migrate_pending(struct db *db, size_t *count, struct buf *why)
{
    return migrate_pending_list(db, migrations, n_migrations, count, why);
}

int migrate_run(struct db *db, size_t *applied, struct buf *why)
{
    return migrate_run_list(db, migrations, n_migrations, applied, why);
}
