/* outbox.h: the outbox_emails table: queued mail, the senders' leases, the operator's list. */
#ifndef MANGU_STORE_OUTBOX_H
#define MANGU_STORE_OUTBOX_H

#include "app/ctx.h"

/* One row; strings borrowed from cx->arena (valid until the request ends). */
struct outbox_email {
    long long id;
    long long user_id; /* 0 when none */
    const char *kind;
    const char *to;
    const char *subject;
    const char *body_text;
    const char *body_html; /* NULL when none */
    const char *status;    /* "pending", "sent" or "failed" */
    int attempts;
    const char *last_error; /* NULL when none */
    const char *created_at;
    const char *sent_at; /* NULL until sent */
};

/*
 * Inserts a pending row due at "now" (RFC 3339) on the request's connection, inside the
 * caller's transaction if one is open. "user_id" 0 = none; "html" may be NULL. Fills "id".
 */
int store_outbox_insert(struct ctx *cx, const struct outbox_email *m, const char *now,
                        long long *id);
/*
 * Newest first; "to" (lower-case, or NULL for all) filters by recipient. "items" is an array
 * of "n" rows in the arena (body_html left NULL). 0 or an error code.
 */
int store_outbox_list(struct ctx *cx, const char *to, long long limit, long long offset,
                      struct outbox_email **items, int *n, long long *total);
/* The ids of at most "max" pending rows due at "now", oldest first, into "ids". */
int store_outbox_due(struct ctx *cx, const char *now, int max, long long *ids, int *n);
/*
 * Claims row "id" for sending if it is still pending and due at "now" by moving
 * next_attempt_at to "lease_until", so no other sender takes it meanwhile (one conditional
 * UPDATE: safe across processes). 0 with the row in "out", or ERR_NOT_FOUND when another
 * sender got there first.
 */
int store_outbox_claim(struct ctx *cx, long long id, const char *now, const char *lease_until,
                       struct outbox_email *out);
/*
 * Records the outcome of a send: "status", the new "attempts", "last_error" (or NULL),
 * "next_attempt_at" and "sent_at" (or NULL).
 */
int store_outbox_mark(struct ctx *cx, long long id, const char *status, int attempts,
                      const char *last_error, const char *next_attempt_at, const char *sent_at);

#endif
