/* sql.h: small helpers the catalog store files share: dialect choice, cells, id lists. */
#ifndef MANGU_STORE_SQL_H
#define MANGU_STORE_SQL_H

#include <stdlib.h>

#include "app/ctx.h"
#include "core/buf.h"
#include "db/db.h"

/* The text for this database: "sqlite" or "pg" (twins where the dialects differ). */
static inline const char *sql_pick(struct ctx *cx, const char *sqlite, const char *pg)
{
    return db_dialect(cx->app->db) == DB_POSTGRES ? pg : sqlite;
}

static inline double sql_double(const struct db_result *r, int row, int col)
{
    const char *v = db_get(r, row, col);

    return v ? strtod(v, NULL) : 0;
}

/* The ids between "open" and "close", comma-separated. */
static inline const char *sql_ids_list(struct arena *a, const long long *ids, int n, char open,
                                       char close)
{
    struct buf b = BUF_INIT;
    char *out;

    buf_addc(&b, open);
    for (int i = 0; i < n; i++)
        buf_printf(&b, i ? ",%lld" : "%lld", ids[i]);
    buf_addc(&b, close);
    out = arena_strdup(a, b.p);
    buf_release(&b);
    return out;
}

/* "[1,2,3]": ids as a JSON array, bound to `json_each($n)` / `json_array_elements_text`. */
static inline const char *sql_ids_json(struct arena *a, const long long *ids, int n)
{
    return sql_ids_list(a, ids, n, '[', ']');
}

/*
 * Ids for SQL_IDS_SQLITE / SQL_ID_ARRAY_PG: a JSON array on SQLite, an array literal ("{1,2}")
 * on PostgreSQL, which reads it with less work than a JSON text (a third less for the
 * authors of 30 books).
 */
static inline const char *sql_ids_param(struct ctx *cx, const long long *ids, int n)
{
    return db_dialect(cx->app->db) == DB_POSTGRES ? sql_ids_list(cx->arena, ids, n, '{', '}')
                                                  : sql_ids_json(cx->arena, ids, n);
}

/* The rows of a subquery over a JSON array of ids bound as "$N" (N is a string literal). */
#define SQL_IDS_SQLITE(N) "(SELECT value FROM json_each(" N "))"
#define SQL_IDS_PG(N)                                                                              \
    "(SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(" N " AS json)))"
/* An array of ids bound as "$N" from sql_ids_param() (PostgreSQL: `id = ANY (...)`). */
#define SQL_ID_ARRAY_PG(N) "CAST(" N " AS BIGINT[])"
/* The same over a JSON array of strings. */
#define SQL_TEXTS_SQLITE(N) "(SELECT value FROM json_each(" N "))"
#define SQL_TEXTS_PG(N) "(SELECT value FROM json_array_elements_text(CAST(" N " AS json)))"

#endif
