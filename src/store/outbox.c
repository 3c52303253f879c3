/* outbox.c: the only place SQL about outbox_emails lives. */
#include "store/outbox.h"

static const char SQL_OUTBOX_INSERT[] =
    "INSERT INTO outbox_emails (user_id, kind, to_addr, subject, body_text, body_html, "
    "next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
#define OUTBOX_FILTER "WHERE (CAST($1 AS TEXT) IS NULL OR lower(to_addr) = $1) "
static const char SQL_OUTBOX_LIST[] = DB_PLAN_EACH_CALL
    "SELECT id, user_id, kind, to_addr, subject, body_text, status, attempts, last_error, "
    "created_at, sent_at FROM outbox_emails " OUTBOX_FILTER "ORDER BY id DESC LIMIT $2 OFFSET $3";
static const char SQL_OUTBOX_COUNT[] =
    DB_PLAN_EACH_CALL "SELECT count(*) FROM outbox_emails " OUTBOX_FILTER;
static const char SQL_OUTBOX_DUE[] =
    "SELECT id FROM outbox_emails WHERE status = 'pending' AND next_attempt_at <= $1 "
    "ORDER BY next_attempt_at, id LIMIT $2";
static const char SQL_OUTBOX_CLAIM[] =
    "UPDATE outbox_emails SET next_attempt_at = $3 "
    "WHERE id = $1 AND status = 'pending' AND next_attempt_at <= $2 "
    "RETURNING id, user_id, kind, to_addr, subject, body_text, body_html, attempts";
static const char SQL_OUTBOX_MARK[] =
    "UPDATE outbox_emails SET status = $2, attempts = $3, last_error = $4, "
    "next_attempt_at = $5, sent_at = $6 WHERE id = $1";

int store_outbox_insert(struct ctx *cx, const struct outbox_email *m, const char *now,
                        long long *id)
{
    struct db_param p[] = {m->user_id ? DBP_INT(m->user_id) : DBP_NULL,
                           DBP_TEXT(m->kind),
                           DBP_TEXT(m->to),
                           DBP_TEXT(m->subject),
                           DBP_TEXT(m->body_text),
                           DBP_TEXT(m->body_html),
                           DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_OUTBOX_INSERT, p, 7, &r);

    if (rc == 0 && id)
        *id = r->nrows ? db_get_int(r, 0, 0) : 0;
    return rc;
}

static void map_row(const struct db_result *r, int row, struct outbox_email *e)
{
    e->id = db_get_int(r, row, 0);
    e->user_id = db_get_int(r, row, 1);
    e->kind = db_get(r, row, 2);
    e->to = db_get(r, row, 3);
    e->subject = db_get(r, row, 4);
    e->body_text = db_get(r, row, 5);
    e->status = db_get(r, row, 6);
    e->attempts = (int)db_get_int(r, row, 7);
    e->last_error = db_get(r, row, 8);
    e->created_at = db_get(r, row, 9);
    e->sent_at = db_get(r, row, 10);
    e->body_html = NULL;
}

int store_outbox_list(struct ctx *cx, const char *to, long long limit, long long offset,
                      struct outbox_email **items, int *n, long long *total)
{
    struct db_param p[] = {DBP_TEXT(to), DBP_INT(limit), DBP_INT(offset)};
    struct db_result *r, *c;
    int rc = cx_query(cx, SQL_OUTBOX_LIST, p, 3, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_OUTBOX_COUNT, p, 1, &c);
    if (rc != 0)
        return rc;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows ? r->nrows : 1));
    for (int i = 0; i < r->nrows; i++)
        map_row(r, i, &(*items)[i]);
    *n = r->nrows;
    *total = db_get_int(c, 0, 0);
    return 0;
}

int store_outbox_due(struct ctx *cx, const char *now, int max, long long *ids, int *n)
{
    struct db_param p[] = {DBP_TEXT(now), DBP_INT(max)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_OUTBOX_DUE, p, 2, &r);

    *n = 0;
    if (rc != 0)
        return rc;
    for (int i = 0; i < r->nrows && i < max; i++)
        ids[(*n)++] = db_get_int(r, i, 0);
    return 0;
}

int store_outbox_claim(struct ctx *cx, long long id, const char *now, const char *lease_until,
                       struct outbox_email *out)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(now), DBP_TEXT(lease_until)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_OUTBOX_CLAIM, p, 3, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    out->id = db_get_int(r, 0, 0);
    out->user_id = db_get_int(r, 0, 1);
    out->kind = db_get(r, 0, 2);
    out->to = db_get(r, 0, 3);
    out->subject = db_get(r, 0, 4);
    out->body_text = db_get(r, 0, 5);
    out->body_html = db_get(r, 0, 6);
    out->attempts = (int)db_get_int(r, 0, 7);
    out->status = "pending";
    return 0;
}

int store_outbox_mark(struct ctx *cx, long long id, const char *status, int attempts,
                      const char *last_error, const char *next_attempt_at, const char *sent_at)
{
    struct db_param p[] = {DBP_INT(id),          DBP_TEXT(status),          DBP_INT(attempts),
                           DBP_TEXT(last_error), DBP_TEXT(next_attempt_at), DBP_TEXT(sent_at)};

    return cx_query(cx, SQL_OUTBOX_MARK, p, 6, NULL);
}
