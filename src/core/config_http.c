/* config_http.c: the server's settings: address, public origin, threads, timeouts, sizes,
 * proxies, CORS origins and rate limits. */
#include "core/config_http.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config_parse.h"
#include "core/xalloc.h"

int config_parse_listen(struct config *c, const char *val, struct buf *why)
{
    const char *colon = strrchr(val, ':');
    long port;

    if (!colon || colon == val || config_parse_long(colon + 1, 1, 65535, &port) != 0) {
        buf_printf(why, "expected host:port with a port from 1 to 65535, got '%s'", val);
        return -1;
    }
    const char *host = val;
    size_t hlen = (size_t)(colon - val);
    if (host[0] == '[' && hlen > 2 && host[hlen - 1] == ']') {
        host++;
        hlen -= 2;
    }
    free(c->listen_host);
    c->listen_host = xstrndup(host, hlen);
    c->listen_port = (int)port;
    return 0;
}

int config_parse_public_url(struct config *c, const char *val, struct buf *why)
{
    size_t n = strlen(val);

    while (n > 0 && val[n - 1] == '/')
        n--;
    if (!config_is_origin(val, n)) {
        buf_printf(why,
                   "expected an http:// or https:// origin such as https://books.example, "
                   "got '%s'",
                   val);
        return -1;
    }
    free(c->public_url);
    c->public_url = xstrndup(val, n);
    return 0;
}

/* More threads than this cost keep-alive throughput: each wakes for fewer connections. */
static int threads_for_cpus(void)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);

    if (cpus < 2)
        cpus = 2;
    return cpus > 128 ? 256 : (int)(2 * cpus);
}

int config_parse_threads(struct config *c, const char *val, struct buf *why)
{
    if (strcmp(val, "auto") == 0) {
        c->threads = threads_for_cpus();
        return 0;
    }
    if (config_parse_int_field(&c->threads, val, 1, 256, why) == 0)
        return 0;
    buf_reset(why);
    buf_printf(why, "expected auto or an integer from 1 to 256, got '%s'", val);
    return -1;
}

int config_parse_idle_timeout(struct config *c, const char *val, struct buf *why)
{
    return config_parse_int_field(&c->idle_timeout_s, val, 61, 3600, why);
}

int config_parse_shutdown_timeout(struct config *c, const char *val, struct buf *why)
{
    return config_parse_int_field(&c->shutdown_timeout_s, val, 0, 3600, why);
}

int config_parse_max_body(struct config *c, const char *val, struct buf *why)
{
    return config_parse_bytes(val, 1024, 1UL << 30, &c->max_body, why);
}

int config_parse_max_header(struct config *c, const char *val, struct buf *why)
{
    return config_parse_bytes(val, 4096, 1UL << 20, &c->max_header, why);
}

/* Calls "each" on every comma-separated, trimmed item of "val". */
static int for_each_item(const char *val, int (*each)(struct config *, const char *, size_t),
                         struct config *c)
{
    const char *p = val;

    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *end = p;
        while (*end && *end != ',')
            end++;
        size_t n = (size_t)(end - p);
        while (n > 0 && p[n - 1] == ' ')
            n--;
        if (n > 0 && each(c, p, n) != 0)
            return -1;
        p = end;
    }
    return 0;
}

static int add_proxy(struct config *c, const char *s, size_t n)
{
    char tmp[80];

    if (n >= sizeof(tmp) || c->n_trusted_proxies >= CONFIG_MAX_CIDRS)
        return -1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    return cidr_parse(tmp, &c->trusted_proxies[c->n_trusted_proxies++]);
}

int config_parse_trusted_proxies(struct config *c, const char *val, struct buf *why)
{
    c->n_trusted_proxies = 0;
    if (for_each_item(val, add_proxy, c) == 0)
        return 0;
    buf_printf(why,
               "expected a comma-separated list of at most %d addresses or CIDR ranges "
               "such as 10.0.0.0/8, got '%s'",
               CONFIG_MAX_CIDRS, val);
    return -1;
}

static int add_origin(struct config *c, const char *s, size_t n)
{
    if (!config_is_origin(s, n) || c->n_cors_origins >= CONFIG_MAX_ORIGINS)
        return -1;
    c->cors_origins[c->n_cors_origins++] = xstrndup(s, n);
    return 0;
}

int config_parse_cors_origins(struct config *c, const char *val, struct buf *why)
{
    if (for_each_item(val, add_origin, c) == 0)
        return 0;
    buf_printf(why,
               "expected a comma-separated list of origins such as https://books.example "
               "(scheme and host, no path, no '*'), got '%s'",
               val);
    return -1;
}

int config_parse_rate(const char *s, struct rate_rule *out)
{
    static const char units[] = "smh";
    static const int unit_s[] = {1, 60, 3600};
    char *end = NULL;
    long long n = 0, w = 1;

    if (strcmp(s, "off") == 0) {
        *out = (struct rate_rule){0, 0};
        return 0;
    }
    errno = 0;
    if (*s >= '1' && *s <= '9')
        n = strtoll(s, &end, 10);
    if (n < 1 || n > 1000000000 || errno || *end != '/')
        return -1;
    s = end + 1;
    if (*s >= '1' && *s <= '9') {
        w = strtoll(s, &end, 10);
        s = end;
    }
    const char *u = *s ? strchr(units, *s) : NULL;
    if (!u || s[1] != '\0' || errno || w > 7 * 86400 / unit_s[u - units])
        return -1;
    *out = (struct rate_rule){n, (int)w * unit_s[u - units]};
    return 0;
}

static int parse_rule(struct rate_rule *rule, const char *val, struct buf *why)
{
    if (config_parse_rate(val, rule) == 0)
        return 0;
    buf_printf(why,
               "expected <count>/<window> such as 100/15m (window in s, m or h, at "
               "most 168h) or off, got '%s'",
               val);
    return -1;
}

int config_parse_rate_limit(struct config *c, const char *val, struct buf *why)
{
    return parse_rule(&c->rate_limit, val, why);
}

int config_parse_rate_login(struct config *c, const char *val, struct buf *why)
{
    return parse_rule(&c->rate_limit_login, val, why);
}

int config_parse_rate_signup(struct config *c, const char *val, struct buf *why)
{
    return parse_rule(&c->rate_limit_signup, val, why);
}

int config_parse_rate_reset(struct config *c, const char *val, struct buf *why)
{
    return parse_rule(&c->rate_limit_reset, val, why);
}
