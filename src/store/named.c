/* named.c (store): find, list, count, id checks and slug lookups shared by catalog references. */
#include "store/named.h"

#include <stdbool.h>

int store_named_find(struct ctx *cx, const char *sql, struct db_param p, named_read_fn read,
                     void *out)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, &p, 1, &r);

    if (rc)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    read(r, 0, out);
    return 0;
}

int store_named_rows(struct ctx *cx, const char *sql, const struct db_param *p, int n_p,
                     named_read_fn read, size_t size, void **items, int *n)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, p, n_p, &r);
    char *rows;

    if (rc)
        return rc;
    rows = arena_zalloc(cx->arena, size * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        read(r, i, rows + size * (size_t)i);
    *items = rows;
    *n = r->nrows;
    return 0;
}

int store_named_count(struct ctx *cx, const char *sql, long long *total)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, NULL, 0, &r);

    if (rc == 0)
        *total = db_get_int(r, 0, 0);
    return rc;
}

static bool has_id(const struct db_result *r, long long id)
{
    for (int row = 0; row < r->nrows; row++)
        if (db_get_int(r, row, 0) == id)
            return true;
    return false;
}

int store_named_missing(struct ctx *cx, const char *sqlite, const char *pg, const long long *ids,
                        int n, long long **missing, int *n_missing)
{
    struct db_param p[] = {DBP_TEXT(sql_ids_json(cx->arena, ids, n))};
    struct db_result *r;
    int rc = cx_query(cx, sql_pick(cx, sqlite, pg), p, 1, &r);

    if (rc)
        return rc;
    *missing = arena_alloc(cx->arena, sizeof(**missing) * (size_t)(n + 1));
    *n_missing = 0;
    for (int i = 0; i < n; i++)
        if (!has_id(r, ids[i]))
            (*missing)[(*n_missing)++] = ids[i];
    return 0;
}

int store_named_slugs_like(struct ctx *cx, const char *sql, const char *base, const char ***slugs,
                           int *n)
{
    struct db_param p[] = {DBP_TEXT(base), DBP_TEXT(arena_printf(cx->arena, "%s-%%", base))};
    struct db_result *r;
    int rc = cx_query(cx, sql, p, 2, &r);

    if (rc)
        return rc;
    *slugs = arena_alloc(cx->arena, sizeof(char *) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*slugs)[i] = db_get(r, i, 0);
    *n = r->nrows;
    return 0;
}
