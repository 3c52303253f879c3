/* message.c: builds the RFC 5322 / MIME text of one e-mail; pure, so it is unit-tested. */
#include "mail/message.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#define WORD_BYTES 39  /* raw bytes per encoded word: 52 base64 chars, a 64-char word */
#define HEADER_LINE 78 /* header text that keeps its line this short may go unencoded */
#define LINE_MAX_7BIT 998
#define QP_COLS 75 /* quoted-printable characters per line before the soft break */

static bool is_plain_ascii(const char *s, size_t max_line)
{
    size_t col = 0;

    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\n') {
            col = 0;
            continue;
        }
        if (*p >= 0x80 || (*p < 0x20 && *p != '\t' && *p != '\r') || *p == 0x7f || ++col > max_line)
            return false;
    }
    return true;
}

static void add_b64(struct buf *out, const unsigned char *p, size_t n)
{
    char tmp[128];

    sodium_bin2base64(tmp, sizeof(tmp), p, n, sodium_base64_VARIANT_ORIGINAL);
    buf_adds(out, tmp);
}

void mail_header_text(struct buf *out, const char *s, size_t used)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);

    if (used + n <= HEADER_LINE && is_plain_ascii(s, HEADER_LINE) && !strchr(s, '\r') &&
        !strchr(s, '\n') && !strstr(s, "=?")) {
        buf_adds(out, s);
        return;
    }
    for (size_t i = 0; i < n;) {
        size_t k = n - i < WORD_BYTES ? n - i : WORD_BYTES;
        while (k > 1 && i + k < n && (p[i + k] & 0xC0) == 0x80)
            k--; /* never split a UTF-8 character across words */
        if (i > 0)
            buf_adds(out, "\r\n ");
        buf_adds(out, "=?UTF-8?B?");
        add_b64(out, p + i, k);
        buf_adds(out, "?=");
        i += k;
    }
}

/* A display name: as-is when it is simple text, quoted when it holds specials, else encoded. */
static void add_phrase(struct buf *out, const char *s, size_t n, size_t used)
{
    char tmp[256];
    bool special = false;

    if (n >= sizeof(tmp))
        n = sizeof(tmp) - 1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    if (!is_plain_ascii(tmp, HEADER_LINE) || used + n > HEADER_LINE || strstr(tmp, "=?")) {
        mail_header_text(out, tmp, used);
        return;
    }
    for (size_t i = 0; i < n; i++)
        special |= strchr("()<>[]:;@\\,.\"", tmp[i]) != NULL;
    if (!special) {
        buf_adds(out, tmp);
        return;
    }
    buf_addc(out, '"');
    for (size_t i = 0; i < n; i++) {
        if (tmp[i] == '"' || tmp[i] == '\\')
            buf_addc(out, '\\');
        buf_addc(out, tmp[i]);
    }
    buf_addc(out, '"');
}

int mail_addr_spec(const char *mailbox, char *out, size_t cap)
{
    const char *lt = strrchr(mailbox, '<');
    const char *p = lt ? lt + 1 : mailbox;
    size_t n = lt ? strcspn(p, ">") : strlen(p);

    while (!lt && n > 0 && p[0] == ' ') {
        p++;
        n--;
    }
    while (!lt && n > 0 && p[n - 1] == ' ')
        n--;
    if (n == 0 || n >= cap || !memchr(p, '@', n))
        return -1;
    memcpy(out, p, n);
    out[n] = '\0';
    return 0;
}

static void add_from(struct buf *out, const char *from)
{
    const char *lt = strrchr(from, '<');
    char addr[256];
    size_t n = lt ? (size_t)(lt - from) : 0;

    while (n > 0 && from[n - 1] == ' ')
        n--;
    buf_adds(out, "From: ");
    if (mail_addr_spec(from, addr, sizeof(addr)) != 0)
        snprintf(addr, sizeof(addr), "%s", "invalid@invalid");
    if (n > 0) {
        add_phrase(out, from, n, 6);
        buf_adds(out, " ");
    }
    buf_printf(out, "<%s>\r\n", addr);
}

static void add_date(struct buf *out, time_t t)
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct tm tm;

    gmtime_r(&t, &tm);
    buf_printf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n", days[tm.tm_wday], tm.tm_mday,
               months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void random_hex(char *out, size_t bytes)
{
    unsigned char raw[32];

    if (bytes > sizeof(raw))
        bytes = sizeof(raw);
    randombytes_buf(raw, bytes);
    sodium_bin2hex(out, bytes * 2 + 1, raw, bytes);
}

static void add_message_id(struct buf *out, const struct mail_message *m)
{
    char addr[256], hex[33];
    const char *at;

    if (m->message_id) {
        buf_printf(out, "Message-ID: %s\r\n", m->message_id);
        return;
    }
    random_hex(hex, 16);
    at = mail_addr_spec(m->from, addr, sizeof(addr)) == 0 ? strrchr(addr, '@') : NULL;
    buf_printf(out, "Message-ID: <%s%s>\r\n", hex, at ? at : "@localhost");
}

/* Quoted-printable (RFC 2045 6.7) with CRLF hard breaks and "=" soft breaks. */
static void add_qp(struct buf *out, const char *s)
{
    size_t col = 0;
    char tok[4];

    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\r' && p[1] == '\n')
            continue;
        if (*p == '\n' || *p == '\r') {
            buf_adds(out, "\r\n");
            col = 0;
            continue;
        }
        bool eol = p[1] == '\0' || p[1] == '\n' || p[1] == '\r';
        size_t n = 1;
        if ((*p >= 33 && *p <= 126 && *p != '=') || ((*p == ' ' || *p == '\t') && !eol))
            tok[0] = (char)*p;
        else
            n = (size_t)snprintf(tok, sizeof(tok), "=%02X", *p);
        if (col + n > QP_COLS) {
            buf_adds(out, "=\r\n");
            col = 0;
        }
        buf_add(out, tok, n);
        col += n;
    }
    buf_adds(out, "\r\n");
}

/* 7-bit text as-is, with every line end made CRLF. */
static void add_7bit(struct buf *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p == '\r' && p[1] == '\n')
            continue;
        if (*p == '\n' || *p == '\r')
            buf_adds(out, "\r\n");
        else
            buf_addc(out, *p);
    }
    if (!out->len || out->p[out->len - 1] != '\n')
        buf_adds(out, "\r\n");
}

/* Content headers, a blank line and the body of one text part. */
static void add_part(struct buf *out, const char *type, const char *body)
{
    bool plain = is_plain_ascii(body, LINE_MAX_7BIT);

    buf_printf(out, "Content-Type: text/%s; charset=utf-8\r\nContent-Transfer-Encoding: %s\r\n\r\n",
               type, plain ? "7bit" : "quoted-printable");
    if (plain)
        add_7bit(out, body);
    else
        add_qp(out, body);
}

void mail_message_build(const struct mail_message *m, struct buf *out)
{
    char hex[25], boundary[80];

    add_date(out, m->date);
    add_from(out, m->from);
    buf_printf(out, "To: <%s>\r\nSubject: ", m->to);
    mail_header_text(out, m->subject, 9);
    buf_adds(out, "\r\n");
    add_message_id(out, m);
    buf_adds(out, "MIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\n");
    if (!m->html) {
        add_part(out, "plain", m->text);
        return;
    }
    if (m->boundary) {
        snprintf(boundary, sizeof(boundary), "%s", m->boundary);
    } else { /* "=_" never occurs in quoted-printable text */
        random_hex(hex, 12);
        snprintf(boundary, sizeof(boundary), "=_mangu_%s", hex);
    }
    buf_printf(out, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", boundary);
    buf_printf(out, "--%s\r\n", boundary);
    add_part(out, "plain", m->text);
    buf_printf(out, "--%s\r\n", boundary);
    add_part(out, "html", m->html);
    buf_printf(out, "--%s--\r\n", boundary);
}
