/* message.h: RFC 5322 messages: headers, RFC 2047 encoded words, MIME text and HTML parts. */
#ifndef MANGU_MAIL_MESSAGE_H
#define MANGU_MAIL_MESSAGE_H

#include <stddef.h>
#include <time.h>

#include "core/buf.h"

/* Everything borrowed for the duration of the call; text is UTF-8. */
struct mail_message {
    const char *from;       /* "Name <addr@host>" or "addr@host" (MANGU_MAIL_FROM) */
    const char *to;         /* a bare address */
    const char *subject;    /* no line breaks */
    const char *text;       /* the plain-text body; required */
    const char *html;       /* NULL, or an HTML body: the message is then multipart/alternative */
    time_t date;            /* the Date header */
    const char *message_id; /* "<id@host>", or NULL for a random one at the sender's domain */
    const char *boundary;   /* the MIME boundary, or NULL for a random one */
};

/*
 * Appends the whole message to "out" with CRLF line ends: Date, From, To, Subject, Message-ID,
 * MIME-Version, Auto-Submitted and the content headers, then the body. Non-ASCII or long
 * header text becomes RFC 2047 "B" encoded words (UTF-8), folded onto continuation lines;
 * a body that is 7-bit ASCII with short lines is sent as-is, any other in quoted-printable.
 * Leading dots are left to the SMTP client, which escapes them on the wire.
 */
void mail_message_build(const struct mail_message *m, struct buf *out);

/*
 * Copies the address of "mailbox" ("Name <a@b>" or "a@b") into "out" ("cap" bytes).
 * Returns 0, or -1 when there is no address or it does not fit.
 */
int mail_addr_spec(const char *mailbox, char *out, size_t cap);

/*
 * Appends "s" as an unstructured header value for a line already "used" characters long:
 * as-is when it is short printable ASCII, else as encoded words of whole UTF-8 characters.
 */
void mail_header_text(struct buf *out, const char *s, size_t used);

#endif
