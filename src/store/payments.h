/* payments.h (store): the SQL of payments (charges, refunds) and processed provider events. */
#ifndef MANGU_STORE_PAYMENTS_H
#define MANGU_STORE_PAYMENTS_H

#include <stdbool.h>

#include "app/ctx.h"

/* A stored event that waits for its order (processed_at NULL); strings in the arena. */
struct deferred_event {
    long long id;
    const char *type;
    const char *payload; /* the event's JSON */
};

/* Each returns 0 or an enum err recorded in "cx". */

/*
 * Records a charge or refund; a second record with the same provider reference only updates
 * the status. "ref" may be NULL (a refund made outside the shop).
 */
int store_payments_record(struct ctx *cx, long long order_id, const char *provider,
                          const char *kind, const char *ref, long long amount, const char *currency,
                          const char *status, const char *now);
/*
 * Records a partial refund of charge "charge_ref" on "order_id": "refunded" is the charge's
 * cumulative amount_refunded, kept as the largest seen (events may come in any order).
 */
int store_payments_partial_refund(struct ctx *cx, long long order_id, const char *charge_ref,
                                  long long refunded, const char *currency, const char *now);
/* Marks the order's pending refunds succeeded; "changed" is how many there were. */
int store_payments_settle_refunds(struct ctx *cx, long long order_id, const char *now,
                                  long long *changed);

/*
 * Records a provider event: INSERT ... ON CONFLICT (provider, event_id) DO NOTHING RETURNING id.
 * "id" is 0 when the event was recorded before (a duplicate delivery): do nothing more. Call it
 * inside the transaction that applies the event, so both commit or neither does.
 */
int store_payment_events_insert(struct ctx *cx, const char *provider, const char *event_id,
                                const char *type, const char *object_ref, const char *now,
                                long long *id);
/*
 * Whether the event was recorded already: a cheap read before the write transaction, so a
 * redelivery takes no write lock. "seen" false proves nothing: the insert above decides.
 */
int store_payment_events_seen(struct ctx *cx, const char *provider, const char *event_id,
                              bool *seen);
/* Marks the event processed (with its order, 0 for none). */
int store_payment_events_done(struct ctx *cx, long long id, long long order_id, const char *now);
/* Keeps the payload of an event that must wait for its order (processed_at stays NULL). */
int store_payment_events_defer(struct ctx *cx, long long id, const char *payload);
/* The unprocessed events of "type" about "object_ref", oldest first. */
int store_payment_events_deferred(struct ctx *cx, const char *type, const char *object_ref,
                                  struct deferred_event **items, int *n);
/*
 * Serialises transactions about one payment ("key", e.g. the payment intent) until commit:
 * pg_advisory_xact_lock on PostgreSQL; nothing on SQLite, whose write transactions are
 * exclusive already.
 */
int store_payments_lock(struct ctx *cx, const char *key);

#endif
