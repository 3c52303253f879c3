/* sqlite.c: the SQLite driver (the only file that includes sqlite3.h). */
#include "db/driver.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "db/writer_gate.h"

#define CACHE_MIN 64  /* statement cache slots; a power of two, at most half full */
#define CACHE_MAX 512 /* past this many slots the cache is emptied instead of grown */

/* A cached statement, keyed by the address of its SQL text. */
struct cached {
    const char *key;
    sqlite3_stmt *stmt;
};

struct sqlite_link {
    sqlite3 *db;
    struct cached *cache; /* open addressing, linear probing */
    size_t cap;
    size_t used;
    struct writer_gate *gate; /* this file's writer lock; NULL until first needed, or in memory */
    bool writing;             /* holds "gate": from BEGIN (or a lone write) until autocommit */
    int timeout_ms;           /* how long to wait for "gate" */
};

/* mkdir -p "dir" ("dir" is cut and restored in place). 0 or -1 with "why". */
static int make_dirs(char *dir, struct buf *why)
{
    for (char *p = dir + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        bool failed = mkdir(dir, 0700) != 0 && errno != EEXIST;
        if (failed)
            buf_printf(why, "cannot create folder '%s': %s", dir, strerror(errno));
        *p = c;
        if (failed)
            return -1;
        if (c == '\0')
            return 0;
    }
}

/* Creates the folder that will hold the database file, when missing. */
static int sqlite_setup(const char *path, struct buf *why)
{
    struct stat st;
    char *dir, *slash;
    int rc = 0;

    if (strcmp(path, ":memory:") == 0 || strncmp(path, "file:", 5) == 0)
        return 0;
    dir = xstrdup(path);
    slash = strrchr(dir, '/');
    if (slash && slash != dir) {
        *slash = '\0';
        rc = make_dirs(dir, why);
        if (rc == 0 && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
            buf_printf(why, "'%s' is not a folder", dir);
            rc = -1;
        }
    }
    free(dir);
    return rc;
}

static void cache_clear(struct sqlite_link *l)
{
    for (size_t i = 0; i < l->cap; i++)
        if (l->cache[i].stmt)
            sqlite3_finalize(l->cache[i].stmt);
    memset(l->cache, 0, l->cap * sizeof(*l->cache));
    l->used = 0;
}

static size_t slot_of(const struct sqlite_link *l, const char *key)
{
    size_t h = (size_t)(((uintptr_t)key >> 3) * 0x9E3779B97F4A7C15ull);
    size_t i = h & (l->cap - 1);

    while (l->cache[i].key && l->cache[i].key != key)
        i = (i + 1) & (l->cap - 1);
    return i;
}

/* Makes room for one more entry: doubles the table, or empties it once it is large. */
static void cache_reserve(struct sqlite_link *l)
{
    if ((l->used + 1) * 2 <= l->cap)
        return;
    if (l->cap >= CACHE_MAX) {
        cache_clear(l);
        return;
    }
    struct cached *old = l->cache;
    size_t old_cap = l->cap;

    l->cap *= 2;
    l->cache = xcalloc(l->cap, sizeof(*l->cache));
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            l->cache[slot_of(l, old[i].key)] = old[i];
    free(old);
}

static void sqlite_disconnect(void *link)
{
    struct sqlite_link *l = link;

    if (!l)
        return;
    cache_clear(l);
    free(l->cache);
    sqlite3_close_v2(l->db); /* rolls back an open transaction */
    if (l->writing)
        writer_gate_leave(l->gate);
    writer_gate_put(l->gate);
    free(l);
}

/*
 * Runs the connection's pragmas. Switching a fresh file to WAL needs an exclusive lock and
 * SQLite answers SQLITE_BUSY at once, without the busy handler, when another connection is
 * opening it too: retry for up to "timeout_ms".
 */
static int exec_pragmas(sqlite3 *db, const char *pragmas, int timeout_ms)
{
    int rc;

    for (int waited = 0;; waited += 5) {
        rc = sqlite3_exec(db, pragmas, NULL, NULL, NULL);
        if ((rc & 0xff) != SQLITE_BUSY || waited >= timeout_ms)
            return rc;
        sqlite3_sleep(5);
    }
}

static void *sqlite_connect(const char *path, const struct db_conn_opts *o, struct buf *why)
{
    /* cache_size: 1 MB of pages per pooled connection (SQLite's default is 2 MB); the
     * kernel's page cache keeps the rest of the file warm. mmap_size (MANGU_SQLITE_MMAP_MB):
     * reads map the file instead of copying each page with pread (a third of a search's CPU
     * at 100,000 books). Each connection maps the file itself, so RSS counts a touched page
     * once per connection, though it is one page of the kernel's page cache. */
    char pragmas[256];
    int timeout_ms = o->statement_timeout_ms;

    snprintf(pragmas, sizeof(pragmas),
             "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; "
             "PRAGMA cache_size=-1024; PRAGMA mmap_size=%lld;",
             o->sqlite_mmap_bytes);
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    struct sqlite_link *l = xcalloc(1, sizeof(*l));
    int rc = sqlite3_open_v2(path, &l->db, flags, NULL);

    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(l->db, 1);
        sqlite3_busy_timeout(l->db, timeout_ms);
        l->timeout_ms = timeout_ms;
        rc = exec_pragmas(l->db, pragmas, timeout_ms);
    }
    if (rc != SQLITE_OK) {
        buf_printf(why, "cannot open '%s': %s", path,
                   l->db ? sqlite3_errmsg(l->db) : sqlite3_errstr(rc));
        sqlite3_close_v2(l->db);
        free(l);
        return NULL;
    }
    l->cap = CACHE_MIN;
    l->cache = xcalloc(l->cap, sizeof(*l->cache));
    return l;
}

/* Maps an SQLite result code to an enum err and records the failure. */
static int fail(struct db_conn *c, int rc, const char *sql)
{
    struct sqlite_link *l = c->link;
    const char *msg = l->db ? sqlite3_errmsg(l->db) : sqlite3_errstr(rc);
    char code[16];

    snprintf(code, sizeof(code), "%d", rc);
    switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_TRIGGER: /* ON DELETE RESTRICT reports itself this way */
        db_report(c, LOG_DEBUG, code, msg, sql);
        return ERR_CONFLICT;
    }
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        db_report(c, LOG_WARN, code, msg, sql);
        return ERR_UNAVAILABLE;
    }
    db_report(c, LOG_ERROR, code, msg, sql);
    return ERR_INTERNAL;
}

static bool only_space(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    return *s == '\0';
}

/* True when "sql" is the text "stored" was prepared from (SQLite keeps it up to the tail). */
static bool same_text(const char *stored, const char *sql)
{
    size_t n = strlen(stored);

    return strncmp(stored, sql, n) == 0 && only_space(sql + n);
}

/*
 * The prepared statement for "sql", from the cache when the same address was seen with the same
 * text (a reused buffer with other text is prepared afresh). 0 or an enum err.
 */
static int prepare(struct db_conn *c, const char *sql, sqlite3_stmt **out)
{
    struct sqlite_link *l = c->link;
    size_t i = slot_of(l, sql);
    const char *tail = NULL;
    sqlite3_stmt *st;
    int rc;

    if (l->cache[i].key && same_text(sqlite3_sql(l->cache[i].stmt), sql)) {
        *out = l->cache[i].stmt;
        return 0;
    }
    rc = sqlite3_prepare_v3(l->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, &tail);
    if (rc != SQLITE_OK)
        return fail(c, rc, sql);
    if (!st || !only_space(tail)) {
        sqlite3_finalize(st);
        db_report(c, LOG_ERROR, "misuse", st ? "more than one statement" : "no statement", sql);
        return ERR_INTERNAL;
    }
    if (l->cache[i].key) {
        sqlite3_finalize(l->cache[i].stmt);
    } else {
        cache_reserve(l);
        i = slot_of(l, sql);
        l->used++;
    }
    l->cache[i] = (struct cached){sql, st};
    *out = st;
    return 0;
}

/* Binds "$1".."$n" by name; a "$N" absent from the SQL is skipped, one beyond "n" is an error. */
static int bind(struct db_conn *c, sqlite3_stmt *st, const struct db_param *params, int n,
                const char *sql)
{
    int bound = 0;

    for (int k = 0; k < n; k++) {
        char name[16];
        const struct db_param *p = &params[k];

        snprintf(name, sizeof(name), "$%d", k + 1);
        int idx = sqlite3_bind_parameter_index(st, name);
        if (idx == 0)
            continue;
        bound++;
        if (p->type == DB_INT)
            sqlite3_bind_int64(st, idx, p->i);
        else if (p->type == DB_REAL)
            sqlite3_bind_double(st, idx, p->d);
        else if (p->type == DB_TEXT && p->text)
            sqlite3_bind_text(st, idx, p->text, -1, SQLITE_STATIC);
        else
            sqlite3_bind_null(st, idx);
    }
    if (bound != sqlite3_bind_parameter_count(st)) {
        db_report(c, LOG_ERROR, "misuse", "statement has parameters beyond the ones given", sql);
        return ERR_INTERNAL;
    }
    return 0;
}

/* Growing list of cell pointers while rows arrive; copied into the arena at the end. */
struct cells {
    const char **v;
    size_t len, cap;
};

static void add_row(struct cells *cells, struct arena *arena, sqlite3_stmt *st, int ncols)
{
    if (cells->len + (size_t)ncols > cells->cap) {
        cells->cap = cells->cap ? cells->cap * 2 : 64;
        while (cells->cap < cells->len + (size_t)ncols)
            cells->cap *= 2;
        cells->v = xrealloc(cells->v, cells->cap * sizeof(*cells->v));
    }
    for (int i = 0; i < ncols; i++) {
        const char *text = NULL;

        if (sqlite3_column_type(st, i) != SQLITE_NULL) {
            const char *t = (const char *)sqlite3_column_text(st, i);
            text = arena_strndup(arena, t ? t : "", (size_t)sqlite3_column_bytes(st, i));
        }
        cells->v[cells->len++] = text;
    }
}

static struct db_result *make_result(struct arena *arena, sqlite3_stmt *st, struct cells *cells)
{
    struct db_result *r = arena_zalloc(arena, sizeof(*r));
    size_t size = cells->len * sizeof(*r->values);

    r->ncols = sqlite3_column_count(st);
    r->nrows = r->ncols ? (int)(cells->len / (size_t)r->ncols) : 0;
    r->names = arena_alloc(arena, (size_t)r->ncols * sizeof(*r->names) + 1);
    for (int i = 0; i < r->ncols; i++)
        r->names[i] = arena_strdup(arena, sqlite3_column_name(st, i));
    r->values = arena_alloc(arena, size + 1);
    if (size)
        memcpy(r->values, cells->v, size);
    return r;
}

static int step_all(struct db_conn *c, sqlite3_stmt *st, struct arena *arena, const char *sql,
                    struct db_result **out)
{
    struct cells cells = {0};
    int ncols = sqlite3_column_count(st);
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (out)
            add_row(&cells, arena, st, ncols);
    if (rc == SQLITE_DONE) {
        rc = 0;
        if (out) {
            *out = make_result(arena, st, &cells);
            if (!sqlite3_stmt_readonly(st))
                (*out)->changes = sqlite3_changes64(((struct sqlite_link *)c->link)->db);
        }
    } else {
        rc = fail(c, sqlite3_extended_errcode(((struct sqlite_link *)c->link)->db), sql);
    }
    free(cells.v);
    return rc;
}

static bool is_begin(const char *sql)
{
    while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '\r')
        sql++;
    return strncasecmp(sql, "BEGIN", 5) == 0;
}

/*
 * Takes this file's writer gate for "c" unless it holds it already: the writer lock is then
 * handed over in arrival order instead of fought for in SQLite's busy handler. 0, or
 * ERR_UNAVAILABLE after waiting the busy timeout.
 */
static int writer_enter(struct db_conn *c, const char *sql)
{
    struct sqlite_link *l = c->link;
    const char *file;

    if (l->writing)
        return 0;
    if (!l->gate) {
        file = sqlite3_db_filename(l->db, "main");
        if (!file || !*file)
            return 0; /* an in-memory database: no other connection shares it */
        l->gate = writer_gate_get(file);
    }
    if (writer_gate_enter(l->gate, l->timeout_ms) != 0) {
        db_report(c, LOG_WARN, "busy", "database is locked: other writers of this process", sql);
        return ERR_UNAVAILABLE;
    }
    l->writing = true;
    return 0;
}

/* Gives the writer gate back once "l" is out of its transaction (COMMIT, ROLLBACK or error). */
static void writer_settle(struct sqlite_link *l)
{
    if (l->writing && sqlite3_get_autocommit(l->db)) {
        l->writing = false;
        writer_gate_leave(l->gate);
    }
}

/* A transaction's BEGIN, or a write outside any transaction, goes through the gate. */
static bool needs_writer(struct sqlite_link *l, const char *sql, sqlite3_stmt *st)
{
    return is_begin(sql) || (sqlite3_get_autocommit(l->db) && !sqlite3_stmt_readonly(st));
}

static int sqlite_query(struct db_conn *c, struct arena *arena, const char *sql,
                        const struct db_param *params, int n, struct db_result **out)
{
    struct sqlite_link *l = c->link;
    sqlite3_stmt *st = NULL;
    int rc = prepare(c, sql, &st);

    if (rc != 0)
        return rc;
    if (needs_writer(l, sql, st))
        rc = writer_enter(c, sql);
    if (rc == 0)
        rc = bind(c, st, params, n, sql);
    if (rc == 0)
        rc = step_all(c, st, arena, sql, out);
    /* Done with it: no read transaction stays open, no borrowed text stays bound. */
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    writer_settle(l);
    return rc;
}

static int sqlite_exec_script(struct db_conn *c, const char *sql)
{
    struct sqlite_link *l = c->link;
    int rc = writer_enter(c, sql);

    if (rc != 0)
        return rc;
    rc = sqlite3_exec(l->db, sql, NULL, NULL, NULL);
    rc = rc == SQLITE_OK ? 0 : fail(c, sqlite3_extended_errcode(l->db), sql);
    writer_settle(l);
    return rc;
}

static bool sqlite_is_broken(void *link)
{
    return link == NULL;
}

static enum db_tx sqlite_tx_state(void *link)
{
    struct sqlite_link *l = link;

    return sqlite3_get_autocommit(l->db) ? DB_TX_IDLE : DB_TX_ACTIVE;
}

const struct db_driver db_sqlite_driver = {
    .name = "sqlite",
    .dialect = DB_SQLITE,
    .begin_sql = "BEGIN IMMEDIATE",
    .setup = sqlite_setup,
    .connect = sqlite_connect,
    .disconnect = sqlite_disconnect,
    .query = sqlite_query,
    .exec_script = sqlite_exec_script,
    .is_broken = sqlite_is_broken,
    .tx_state = sqlite_tx_state,
};
