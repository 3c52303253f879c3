/* mail.h: e-mail goes into the outbox table; a background sender delivers it when SMTP is set. */
#ifndef MANGU_SERVICE_MAIL_H
#define MANGU_SERVICE_MAIL_H

#include <stdbool.h>

#include "app/ctx.h"
#include "store/outbox.h"

/* Everything borrowed for the duration of the call; text is UTF-8. */
struct mail {
    const char *kind;    /* what it is for: "verify", "reset", "receipt", ... */
    const char *to;      /* one address */
    const char *subject; /* one line */
    const char *text;    /* the plain-text body */
    const char *html;    /* an HTML alternative, or NULL */
    long long user_id;   /* the recipient's account (the row goes when it does), or 0 */
};

/*
 * Queues "m" as a pending row of outbox_emails on the request's connection, so it commits or
 * rolls back with the caller's transaction, and logs one info line
 * {"msg":"mail queued","id","kind","to","subject","request_id"} (never the body). Wakes the
 * sender. Returns 0 (filling "id" when not NULL), ERR_INVALID recorded in "cx" for an address
 * or subject with line breaks or control characters, or the database's error.
 */
int mail_queue(struct ctx *cx, const struct mail *m, long long *id);
/* mail_queue() with no user id. */
int mail_send(struct ctx *cx, const char *to, const char *subject, const char *text,
              const char *html_or_null, const char *kind);

/*
 * The operator's view: rows newest first, optionally only those to the address "to" (compared
 * ignoring ASCII case). "items" ("n" of them) live in cx->arena.
 */
int mail_outbox_list(struct ctx *cx, const char *to, long long limit, long long offset,
                     struct outbox_email **items, int *n, long long *total);

/* True when MANGU_SMTP_URL is set (mail leaves by SMTP), false in outbox-only mode. */
bool mail_uses_smtp(const struct app *app);
/*
 * In outbox-only mode, logs {"msg":"mail link","kind","to","url","request_id"} at info level
 * so the operator can pass the link on; does nothing when SMTP is configured. "url" holds a
 * single-use token: this is the one log line allowed to carry one.
 */
void mail_link_log(struct ctx *cx, const char *kind, const char *to, const char *url);

/*
 * The sender. mail_worker_start() starts one background thread when MANGU_SMTP_URL is set
 * (else does nothing): every few seconds, and at once after mail_queue(), it claims due rows
 * (a 5-minute lease, so several processes never send one row at the same time), sends each
 * by SMTP and marks it sent, or failed with a retry after 1, 2, 4, 8 minutes; the fifth
 * failure is final (status "failed"). Returns 0, or -1 when the thread cannot start.
 * mail_worker_stop() returns within about a second, abandoning a send in progress (its row is
 * retried later). Call both from the main thread, around the server's life.
 */
int mail_worker_start(struct app *app);
void mail_worker_stop(void);

/* Sends what is due now on the calling thread (tests). Returns how many were sent. */
int mail_worker_run_once(struct app *app);

#endif
