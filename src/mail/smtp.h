/* smtp.h: hands one finished message to an SMTP server (the only user of libcurl's SMTP). */
#ifndef MANGU_MAIL_SMTP_H
#define MANGU_MAIL_SMTP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"

/* Polled during a transfer; returning true aborts it. */
typedef bool (*smtp_cancel_fn)(void *arg);

/*
 * Sends "msg" ("len" bytes, CRLF line ends; see mail/message.h) from the address "from" to
 * the address "to" through "url" (MANGU_SMTP_URL: smtp://[user:pass@]host[:port] or smtps://).
 * smtps:// is TLS from the start. smtp:// upgrades with STARTTLS when the server offers it, and
 * insists on it when the URL carries a password and the host is not loopback, so a password
 * never crosses the network in clear. Certificates are verified. Blocks for at most about
 * 70 s (10 s to connect); "cancel" (may be NULL) is polled about once a second.
 * Returns 0, or -1 with one line in "why" (the server's reply code when there is one; never
 * the URL or the password).
 */
int smtp_send(const char *url, const char *from, const char *to, const char *msg, size_t len,
              smtp_cancel_fn cancel, void *arg, struct buf *why);

/* Process-wide set-up and tear-down of the library; call from the main thread. */
void smtp_global_init(void);
void smtp_global_release(void);

#endif
