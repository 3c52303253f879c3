/* config_mail.c: the e-mail settings: the SMTP server URL and the sender address. */
#include "core/config_mail.h"

#include <stdbool.h>
#include <string.h>

#include "core/config_parse.h"

static bool has_ctl(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

/* "host", "host:port" or "[v6]:port", up to the end or the path. */
static bool is_host_port(const char *p)
{
    size_t n = strcspn(p, "/?#");
    const char *colon = memchr(p, ':', n);
    char tmp[8];
    long port;

    if (n == 0 || p[0] == ':')
        return false;
    if (p[0] == '[') {
        const char *close = memchr(p, ']', n);
        if (!close || close == p + 1)
            return false;
        colon = close + 1 < p + n ? close + 1 : NULL;
        if (colon && *colon != ':')
            return false;
    }
    if (!colon)
        return true;
    size_t plen = (size_t)(p + n - colon - 1);
    if (plen == 0 || plen >= sizeof(tmp))
        return false;
    memcpy(tmp, colon + 1, plen);
    tmp[plen] = '\0';
    return config_parse_long(tmp, 1, 65535, &port) == 0;
}

int config_parse_smtp_url(struct config *c, const char *val, struct buf *why)
{
    size_t skip = strncmp(val, "smtp://", 7) == 0 ? 7 : strncmp(val, "smtps://", 8) == 0 ? 8 : 0;
    const char *host = val + skip;
    const char *at;

    if (*val == '\0')
        return 0;
    /* the host follows the last '@' before the path (a password may hold an escaped '@') */
    while (skip && (at = memchr(host, '@', strcspn(host, "/?#"))) != NULL)
        host = at + 1;
    if (!skip || has_ctl(val) || !is_host_port(host)) {
        buf_adds(why, "expected smtp://[user:password@]host[:port] or smtps://... "
                      "(user and password percent-encoded)");
        return -1;
    }
    config_set_str(&c->smtp_url, val);
    return 0;
}

/* "local@domain" with no spaces or specials. */
static bool is_addr_spec(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);

    if (!at || at == s || at == s + n - 1 || memchr(at + 1, '@', (size_t)(s + n - at - 1)))
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || strchr("<>()[]\\,;:\"", s[i]))
            return false;
    return true;
}

int config_parse_mail_from(struct config *c, const char *val, struct buf *why)
{
    const char *lt = strchr(val, '<');
    size_t n = strlen(val);
    bool ok = !has_ctl(val);

    if (ok && lt)
        ok = n > 2 && val[n - 1] == '>' && is_addr_spec(lt + 1, (size_t)(val + n - lt - 2)) &&
             !memchr(val, '>', (size_t)(lt - val));
    else if (ok)
        ok = is_addr_spec(val, n);
    if (!ok) {
        buf_printf(why,
                   "expected an address such as 'MANGU Publishing <no-reply@books.example>' "
                   "or no-reply@books.example, got '%s'",
                   val);
        return -1;
    }
    config_set_str(&c->mail_from, val);
    return 0;
}
