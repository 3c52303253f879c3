/* migrate.h: numbered schema migrations, embedded in the binary from sql/migrations/. */
#ifndef MANGU_MIGRATE_H
#define MANGU_MIGRATE_H

#include <stddef.h>

#include "core/buf.h"
#include "db/db.h"

struct migration {
    int version;
    const char *name;     /* "init" for 0001_init.sql */
    const char *common;   /* NNNN_name.sql, or NULL */
    const char *postgres; /* NNNN_name.pg.sql, or NULL; set only without common */
    const char *sqlite;   /* NNNN_name.sqlite.sql, or NULL; set only without common */
};

/* The embedded list (generated at build time), sorted by version. */
extern const struct migration migrations[];
extern const size_t n_migrations;

/*
 * Checks a list is strictly increasing and each entry has SQL for both dialects: either common
 * SQL or both twins, never a mix. 0, or -1 with one line in "why".
 */
int migrate_validate(const struct migration *list, size_t n, struct buf *why);
/*
 * Writes into "pending" (room for "n") the indexes of "list" whose version is not among
 * "applied" ("n_applied" versions), in ascending order; returns how many.
 */
size_t migrate_plan(const struct migration *list, size_t n, const int *applied, size_t n_applied,
                    size_t *pending);
/* The SQL text of "m" for "dialect". */
const char *migrate_sql(const struct migration *m, enum db_dialect dialect);

/*
 * Counts migrations not yet recorded in schema_migrations (creating the table when missing).
 * 0 or an enum err with "why".
 */
int migrate_pending(struct db *db, size_t *count, struct buf *why);
/*
 * Applies every pending migration, each in its own transaction with its schema_migrations row
 * (version, name, applied_at in RFC 3339 UTC); stops at the first failure, which rolls that one
 * back, and returns its enum err with "why". "applied" counts what was applied before that.
 * Safe to run from several processes at once: on PostgreSQL each transaction takes an advisory
 * lock and checks again that its version is still missing. Scripts must not BEGIN or COMMIT.
 */
int migrate_run(struct db *db, size_t *applied, struct buf *why);

/* The two above on any "list" of "n" (tests); migrate_run_list() validates "list" first. */
int migrate_pending_list(struct db *db, const struct migration *list, size_t n, size_t *count,
                         struct buf *why);
int migrate_run_list(struct db *db, const struct migration *list, size_t n, size_t *applied,
                     struct buf *why);

#endif
