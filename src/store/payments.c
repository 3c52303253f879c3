/* payments.c: the only place SQL about payments and payment_events lives. */
#include "store/payments.h"
#include "store/sql.h"

static const char SQL_RECORD[] =
    "INSERT INTO payments (order_id, provider, kind, provider_ref, amount_cents, currency, "
    "status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) "
    "ON CONFLICT (provider, provider_ref) DO UPDATE SET status = excluded.status, "
    "updated_at = excluded.updated_at";
static const char SQL_PARTIAL_REFUND[] =
    "INSERT INTO payments (order_id, provider, kind, provider_ref, amount_cents, currency, "
    "status, created_at, updated_at) VALUES ($1, 'stripe', 'refund', $2, $3, $4, 'succeeded', $5, "
    "$5) ON CONFLICT (provider, provider_ref) DO UPDATE SET amount_cents = CASE WHEN "
    "excluded.amount_cents > payments.amount_cents THEN excluded.amount_cents ELSE "
    "payments.amount_cents END, updated_at = excluded.updated_at";
static const char SQL_SETTLE_REFUNDS[] =
    "UPDATE payments SET status = 'succeeded', updated_at = $2 "
    "WHERE order_id = $1 AND kind = 'refund' AND status = 'pending'";
static const char SQL_EVENT_INSERT[] =
    "INSERT INTO payment_events (provider, event_id, type, object_ref, received_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (provider, event_id) DO NOTHING RETURNING id";
static const char SQL_EVENT_SEEN[] =
    "SELECT 1 FROM payment_events WHERE provider = $1 AND event_id = $2";
static const char SQL_EVENT_DONE[] =
    "UPDATE payment_events SET processed_at = $2, order_id = $3, payload_json = NULL "
    "WHERE id = $1";
static const char SQL_EVENT_DEFER[] = "UPDATE payment_events SET payload_json = $2 WHERE id = $1";
static const char SQL_EVENT_DEFERRED[] =
    "SELECT id, type, payload_json FROM payment_events WHERE provider = 'stripe' "
    "AND type = $1 AND object_ref = $2 AND processed_at IS NULL ORDER BY id";
static const char SQL_LOCK_PG[] = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) l";

int store_payments_record(struct ctx *cx, long long order_id, const char *provider,
                          const char *kind, const char *ref, long long amount, const char *currency,
                          const char *status, const char *now)
{
    struct db_param p[] = {DBP_INT(order_id), DBP_TEXT(provider), DBP_TEXT(kind),   DBP_TEXT(ref),
                           DBP_INT(amount),   DBP_TEXT(currency), DBP_TEXT(status), DBP_TEXT(now)};

    return cx_query(cx, SQL_RECORD, p, 8, NULL);
}

int store_payments_partial_refund(struct ctx *cx, long long order_id, const char *charge_ref,
                                  long long refunded, const char *currency, const char *now)
{
    struct db_param p[] = {DBP_INT(order_id), DBP_TEXT(charge_ref), DBP_INT(refunded),
                           DBP_TEXT(currency), DBP_TEXT(now)};

    return cx_query(cx, SQL_PARTIAL_REFUND, p, 5, NULL);
}

int store_payments_settle_refunds(struct ctx *cx, long long order_id, const char *now,
                                  long long *changed)
{
    struct db_param p[] = {DBP_INT(order_id), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_SETTLE_REFUNDS, p, 2, &r);

    if (rc == 0)
        *changed = r->changes;
    return rc;
}

int store_payment_events_insert(struct ctx *cx, const char *provider, const char *event_id,
                                const char *type, const char *object_ref, const char *now,
                                long long *id)
{
    struct db_param p[] = {DBP_TEXT(provider), DBP_TEXT(event_id), DBP_TEXT(type),
                           DBP_TEXT(object_ref), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_EVENT_INSERT, p, 5, &r);

    if (rc == 0)
        *id = r->nrows ? db_get_int(r, 0, 0) : 0;
    return rc;
}

int store_payment_events_seen(struct ctx *cx, const char *provider, const char *event_id,
                              bool *seen)
{
    struct db_param p[] = {DBP_TEXT(provider), DBP_TEXT(event_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_EVENT_SEEN, p, 2, &r);

    if (rc == 0)
        *seen = r->nrows > 0;
    return rc;
}

int store_payment_events_done(struct ctx *cx, long long id, long long order_id, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(now), order_id ? DBP_INT(order_id) : DBP_NULL};

    return cx_query(cx, SQL_EVENT_DONE, p, 3, NULL);
}

int store_payment_events_defer(struct ctx *cx, long long id, const char *payload)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(payload)};

    return cx_query(cx, SQL_EVENT_DEFER, p, 2, NULL);
}

int store_payment_events_deferred(struct ctx *cx, const char *type, const char *object_ref,
                                  struct deferred_event **items, int *n)
{
    struct db_param p[] = {DBP_TEXT(type), DBP_TEXT(object_ref)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_EVENT_DEFERRED, p, 2, &r);

    if (rc != 0)
        return rc;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++) {
        (*items)[i].id = db_get_int(r, i, 0);
        (*items)[i].type = db_get(r, i, 1);
        (*items)[i].payload = db_get(r, i, 2);
    }
    *n = r->nrows;
    return 0;
}

int store_payments_lock(struct ctx *cx, const char *key)
{
    struct db_param p = DBP_TEXT(key);

    if (db_dialect(cx->app->db) != DB_POSTGRES || !key)
        return 0;
    return cx_query(cx, SQL_LOCK_PG, &p, 1, NULL);
}
