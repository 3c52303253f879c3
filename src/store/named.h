/* named.h (store): the queries that catalog references (authors, categories, publishers) share. */
#ifndef MANGU_STORE_NAMED_H
#define MANGU_STORE_NAMED_H

#include <stddef.h>

#include "app/ctx.h"
#include "db/db.h"
#include "store/sql.h"

/*
 * The SQL texts of a table "T" (a string literal) whose rows have an id and a unique slug.
 * Each store file still names its constants at its top, as sql/README.md asks.
 */
#define NAMED_SQL_SLUGS_LIKE(T) "SELECT slug FROM " T " WHERE slug = $1 OR slug LIKE $2"
#define NAMED_SQL_EXISTING_SQLITE(T) "SELECT id FROM " T " WHERE id IN " SQL_IDS_SQLITE("$1")
#define NAMED_SQL_EXISTING_PG(T) "SELECT id FROM " T " WHERE id IN " SQL_IDS_PG("$1")

/* Copies row "row" of "r" into "item" (a struct of the caller's type); strings stay in the arena.
 */
typedef void (*named_read_fn)(const struct db_result *r, int row, void *item);

/* The one row "sql" finds with "p" read into "out": 0, ERR_NOT_FOUND or an error. */
int store_named_find(struct ctx *cx, const char *sql, struct db_param p, named_read_fn read,
                     void *out);
/*
 * Every row of "sql" over "p" (n_p values), read into a zeroed arena array of items of
 * "size" bytes with one spare at the end: "*items" and "*n".
 */
int store_named_rows(struct ctx *cx, const char *sql, const struct db_param *p, int n_p,
                     named_read_fn read, size_t size, void **items, int *n);
/* The single number "sql" (no parameters) answers, into "total". */
int store_named_count(struct ctx *cx, const char *sql, long long *total);
/*
 * Which of "ids" (n) the table of the NAMED_SQL_EXISTING_* pair "sqlite"/"pg" lacks:
 * "*missing" (arena) and "*n_missing".
 */
int store_named_missing(struct ctx *cx, const char *sqlite, const char *pg, const long long *ids,
                        int n, long long **missing, int *n_missing);
/* The slugs NAMED_SQL_SLUGS_LIKE "sql" finds among "base" and "base-N" (arena). */
int store_named_slugs_like(struct ctx *cx, const char *sql, const char *base, const char ***slugs,
                           int *n);

#endif
