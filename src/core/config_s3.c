/* config_s3.c: the object-storage settings: bucket, region, endpoints and AWS credentials. */
#include "core/config_s3.h"
#include "core/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#define ECS_CREDENTIALS_HOST "http://169.254.170.2"

static void set(char **field, const char *val, size_t n)
{
    if (*field)
        sodium_memzero(*field, strlen(*field));
    free(*field);
    *field = xstrndup(val, n);
}

static bool has_ctl_or_space(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s <= 0x20 || *s == 0x7f)
            return true;
    return false;
}

/* S3's bucket naming rules: 3-63 of [a-z0-9.-], starting and ending with a letter or digit. */
int config_parse_s3_bucket(struct config *c, const char *val, struct buf *why)
{
    size_t n = strlen(val);
    bool ok = n >= 3 && n <= 63 && isalnum((unsigned char)val[0]) &&
              isalnum((unsigned char)val[n - 1]) && !strstr(val, "..");

    for (size_t i = 0; ok && i < n; i++)
        ok = islower((unsigned char)val[i]) || isdigit((unsigned char)val[i]) || val[i] == '.' ||
             val[i] == '-';
    if (n == 0)
        return 0;
    if (!ok) {
        buf_printf(why, "expected a bucket name (3-63 of a-z, 0-9, '.' and '-'), got '%s'", val);
        return -1;
    }
    set(&c->s3_bucket, val, n);
    return 0;
}

int config_parse_s3_region(struct config *c, const char *val, struct buf *why)
{
    size_t n = strlen(val);
    bool ok = n >= 2 && n <= 32 && isalpha((unsigned char)val[0]);

    for (size_t i = 0; ok && i < n; i++)
        ok = islower((unsigned char)val[i]) || isdigit((unsigned char)val[i]) || val[i] == '-';
    if (!ok) {
        buf_printf(why, "expected a region such as us-east-1, got '%s'", val);
        return -1;
    }
    set(&c->s3_region, val, n);
    return 0;
}

/* "http(s)://host[:port]" with nothing after it (trailing slashes dropped); its length or 0. */
static size_t origin_len(const char *val)
{
    size_t n = strlen(val);
    size_t scheme = strncmp(val, "https://", 8) == 0 ? 8 : strncmp(val, "http://", 7) == 0 ? 7 : 0;

    while (n > scheme && val[n - 1] == '/')
        n--;
    if (!scheme || n <= scheme || has_ctl_or_space(val))
        return 0;
    for (size_t i = scheme; i < n; i++)
        if (strchr("/?#@*", val[i]))
            return 0;
    return n;
}

static int parse_origin(char **field, const char *val, const char *example, struct buf *why)
{
    size_t n = origin_len(val);

    if (!n) {
        buf_printf(why, "expected an http:// or https:// origin such as %s, got '%s'", example,
                   val);
        return -1;
    }
    set(field, val, n);
    return 0;
}

int config_parse_s3_endpoint(struct config *c, const char *val, struct buf *why)
{
    return parse_origin(&c->s3_endpoint, val, "https://s3.eu-west-1.amazonaws.com", why);
}

int config_parse_s3_public_endpoint(struct config *c, const char *val, struct buf *why)
{
    return parse_origin(&c->s3_public_endpoint, val, "https://storage.books.example", why);
}

int config_parse_s3_path_style(struct config *c, const char *val, struct buf *why)
{
    if (strcmp(val, "0") && strcmp(val, "1")) {
        buf_printf(why, "expected 0 (bucket.host) or 1 (host/bucket), got '%s'", val);
        return -1;
    }
    c->s3_path_style = val[0] == '1';
    c->s3_path_style_set = true;
    return 0;
}

int config_parse_s3_timeout(struct config *c, const char *val, struct buf *why)
{
    char *end;

    errno = 0;
    long v = strtol(val, &end, 10);
    if (!*val || *end || errno || v < 5 || v > 86400) {
        buf_printf(why, "expected seconds from 5 to 86400, got '%s'", val);
        return -1;
    }
    c->s3_timeout_s = (int)v;
    return 0;
}

/* An access key id: 3-128 letters and digits (AKIA..., ASIA..., or a local server's). */
static int parse_key_id(char **field, const char *val, struct buf *why)
{
    size_t n = strlen(val);
    bool ok = n >= 3 && n <= 128;

    for (size_t i = 0; ok && i < n; i++)
        ok = isalnum((unsigned char)val[i]);
    if (n == 0)
        return 0;
    if (!ok) {
        buf_adds(why, "expected an access key id (letters and digits)");
        return -1;
    }
    set(field, val, n);
    return 0;
}

/* A secret or token: printable, no spaces; never echoed back. */
static int parse_secret(char **field, const char *val, const char *what, struct buf *why)
{
    if (!*val)
        return 0;
    if (has_ctl_or_space(val) || strlen(val) > 4096) {
        buf_printf(why, "expected %s without spaces or control characters", what);
        return -1;
    }
    set(field, val, strlen(val));
    return 0;
}

int config_parse_s3_key_id(struct config *c, const char *val, struct buf *why)
{
    return parse_key_id(&c->s3_access_key_id, val, why);
}

int config_parse_s3_secret(struct config *c, const char *val, struct buf *why)
{
    return parse_secret(&c->s3_secret_access_key, val, "a secret access key", why);
}

int config_parse_aws_key_id(struct config *c, const char *val, struct buf *why)
{
    return parse_key_id(&c->aws_access_key_id, val, why);
}

int config_parse_aws_secret(struct config *c, const char *val, struct buf *why)
{
    return parse_secret(&c->aws_secret_access_key, val, "a secret access key", why);
}

int config_parse_aws_session_token(struct config *c, const char *val, struct buf *why)
{
    return parse_secret(&c->aws_session_token, val, "a session token", why);
}

/* A header value: spaces allowed ("Bearer ..."), control characters not. */
int config_parse_aws_container_token(struct config *c, const char *val, struct buf *why)
{
    for (const char *p = val; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) {
            buf_adds(why, "expected a header value without control characters");
            return -1;
        }
    if (*val)
        set(&c->aws_container_token, val, strlen(val));
    return 0;
}

/*
 * The AWS SDKs' rule for the full URI: https anywhere; plain http only to the container
 * agent (169.254.170.2, 169.254.170.23, fd00:ec2::23) or a loopback address.
 */
static bool container_host_allowed(const char *host, size_t n)
{
    static const char *const ok[] = {"169.254.170.2", "169.254.170.23", "[fd00:ec2::23]",
                                     "localhost", "[::1]"};

    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
        if (strlen(ok[i]) == n && strncmp(host, ok[i], n) == 0)
            return true;
    return n > 4 && strncmp(host, "127.", 4) == 0 && strspn(host, "0123456789.") == n;
}

int config_parse_aws_container_full_uri(struct config *c, const char *val, struct buf *why)
{
    bool https = strncmp(val, "https://", 8) == 0;
    const char *host = val + (https ? 8 : 7);
    size_t hlen = strcspn(host, "/?#");
    const char *colon = hlen && host[0] != '[' ? memchr(host, ':', hlen) : NULL;
    const char *bracket = host[0] == '[' ? memchr(host, ']', hlen) : NULL;

    if (!*val)
        return 0;
    if (bracket)
        colon = bracket + 1;
    size_t name_len = colon && colon < host + hlen ? (size_t)(colon - host) : hlen;
    if ((!https && strncmp(val, "http://", 7) != 0) || has_ctl_or_space(val) || !hlen ||
        memchr(host, '@', hlen) || (!https && !container_host_allowed(host, name_len))) {
        buf_adds(why, "expected an https:// URL, or http:// to 169.254.170.2, "
                      "169.254.170.23, [fd00:ec2::23] or a loopback address");
        return -1;
    }
    set(&c->aws_container_uri, val, strlen(val));
    return 0;
}

int config_parse_aws_container_relative_uri(struct config *c, const char *val, struct buf *why)
{
    struct buf b = BUF_INIT;

    if (!*val)
        return 0;
    if (val[0] != '/' || has_ctl_or_space(val) || strlen(val) > 1024) {
        buf_printf(why, "expected a path starting with '/', got '%.60s'", val);
        return -1;
    }
    buf_printf(&b, ECS_CREDENTIALS_HOST "%s", val);
    set(&c->aws_container_uri, b.p, b.len);
    buf_release(&b);
    return 0;
}

/* "NAME: required with OTHER" when exactly one of a pair is set. */
static int check_pair(const char *a, const char *a_name, const char *b, const char *b_name,
                      struct buf *why)
{
    if (!a == !b)
        return 0;
    buf_printf(why, "%s: required with %s (or %s_FILE)", a ? b_name : a_name, a ? a_name : b_name,
               a ? b_name : a_name);
    return -1;
}

static void derive_endpoints(struct config *c)
{
    if (!c->s3_region)
        set(&c->s3_region, "us-east-1", 9);
    if (!c->s3_path_style_set)
        c->s3_path_style = c->s3_endpoint != NULL;
    if (!c->s3_endpoint) {
        struct buf b = BUF_INIT;
        buf_printf(&b, "https://s3.%s.amazonaws.com", c->s3_region);
        c->s3_endpoint = buf_detach(&b, NULL);
    }
    if (!c->s3_public_endpoint)
        set(&c->s3_public_endpoint, c->s3_endpoint, strlen(c->s3_endpoint));
    if (!c->s3_timeout_s)
        c->s3_timeout_s = 600;
}

int config_s3_finish(struct config *c, struct buf *why)
{
    if (check_pair(c->s3_access_key_id, "MANGU_S3_ACCESS_KEY_ID", c->s3_secret_access_key,
                   "MANGU_S3_SECRET_ACCESS_KEY", why) != 0 ||
        check_pair(c->aws_access_key_id, "AWS_ACCESS_KEY_ID", c->aws_secret_access_key,
                   "AWS_SECRET_ACCESS_KEY", why) != 0)
        return -1;
    derive_endpoints(c);
    if (c->s3_bucket && !c->s3_access_key_id && !c->aws_access_key_id && !c->aws_container_uri) {
        buf_adds(why, "MANGU_S3_BUCKET: no credentials: set MANGU_S3_ACCESS_KEY_ID and "
                      "MANGU_S3_SECRET_ACCESS_KEY, or AWS_ACCESS_KEY_ID and "
                      "AWS_SECRET_ACCESS_KEY, or run where "
                      "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set (an ECS task role)");
        return -1;
    }
    return 0;
}

static const char *masked(const char *s)
{
    return s ? "****" : "(unset)";
}

void config_s3_describe(const struct config *c, struct buf *out)
{
    buf_printf(out, "MANGU_S3_BUCKET=%s\n",
               c->s3_bucket ? c->s3_bucket : "(unset: disk storage under MANGU_DATA_DIR/objects)");
    buf_printf(out, "MANGU_S3_REGION=%s\n", c->s3_region);
    buf_printf(out, "MANGU_S3_ENDPOINT=%s\n", c->s3_endpoint);
    buf_printf(out, "MANGU_S3_PUBLIC_ENDPOINT=%s\n", c->s3_public_endpoint);
    buf_printf(out, "MANGU_S3_PATH_STYLE=%d\n", c->s3_path_style);
    buf_printf(out, "MANGU_S3_TIMEOUT=%d\n", c->s3_timeout_s);
    buf_printf(out, "MANGU_S3_ACCESS_KEY_ID=%s\n", masked(c->s3_access_key_id));
    buf_printf(out, "MANGU_S3_SECRET_ACCESS_KEY=%s\n", masked(c->s3_secret_access_key));
    buf_printf(out, "AWS_ACCESS_KEY_ID=%s\n", masked(c->aws_access_key_id));
    buf_printf(out, "AWS_SECRET_ACCESS_KEY=%s\n", masked(c->aws_secret_access_key));
    buf_printf(out, "AWS_SESSION_TOKEN=%s\n", masked(c->aws_session_token));
    buf_printf(out, "AWS_CONTAINER_CREDENTIALS=%s\n",
               c->aws_container_uri ? c->aws_container_uri : "(unset)");
    buf_printf(out, "AWS_CONTAINER_AUTHORIZATION_TOKEN=%s\n", masked(c->aws_container_token));
}

void config_s3_release(struct config *c)
{
    char **fields[] = {&c->s3_bucket,          &c->s3_region,
                       &c->s3_endpoint,        &c->s3_public_endpoint,
                       &c->s3_access_key_id,   &c->s3_secret_access_key,
                       &c->aws_access_key_id,  &c->aws_secret_access_key,
                       &c->aws_session_token,  &c->aws_container_uri,
                       &c->aws_container_token};

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (*fields[i])
            sodium_memzero(*fields[i], strlen(*fields[i]));
        free(*fields[i]);
        *fields[i] = NULL;
    }
}
