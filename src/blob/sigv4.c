/* sigv4.c: AWS SigV4 signing on libsodium's SHA-256 and HMAC-SHA256; no I/O, no clock. */
#include "blob/sigv4.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#define ALGORITHM "AWS4-HMAC-SHA256"

/* One encoded "name" / "value" pair (for the query) or a canonical header line. */
struct pair {
    struct buf name;
    struct buf value;
};

struct pairs {
    struct pair p[SIGV4_MAX_PARAMS + 8];
    size_t n;
};

void sigv4_uri_encode(struct buf *out, const char *s, size_t n, bool keep_slash)
{
    static const char hex[] = "0123456789ABCDEF";

    buf_grow(out, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~' ||
            (ch == '/' && keep_slash)) {
            buf_addc(out, (char)ch);
        } else {
            char esc[3] = {'%', hex[ch >> 4], hex[ch & 15]};
            buf_add(out, esc, 3);
        }
    }
}

void sigv4_amz_date(time_t t, char out[17])
{
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

static void to_hex(const unsigned char *raw, size_t n, char *out)
{
    sodium_bin2hex(out, n * 2 + 1, raw, n);
}

void sigv4_sha256_hex(const void *data, size_t n, char out[65])
{
    unsigned char d[crypto_hash_sha256_BYTES];

    crypto_hash_sha256(d, (const unsigned char *)data, n);
    to_hex(d, sizeof(d), out);
}

static void hmac(const unsigned char *key, size_t klen, const char *msg, size_t mlen,
                 unsigned char out[32])
{
    crypto_auth_hmacsha256_state st;

    crypto_auth_hmacsha256_init(&st, key, klen);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, mlen);
    crypto_auth_hmacsha256_final(&st, out);
    sodium_memzero(&st, sizeof(st));
}

void sigv4_signing_key(const char *secret, const char *date8, const char *region,
                       const char *service, unsigned char out[32])
{
    struct buf k = BUF_INIT;
    unsigned char a[32], b[32];

    buf_printf(&k, "AWS4%s", secret);
    hmac((const unsigned char *)k.p, k.len, date8, strlen(date8), a);
    hmac(a, 32, region, strlen(region), b);
    hmac(b, 32, service, strlen(service), a);
    hmac(a, 32, "aws4_request", 12, out);
    sodium_memzero(k.p, k.len);
    sodium_memzero(a, sizeof(a));
    sodium_memzero(b, sizeof(b));
    buf_release(&k);
}

static void pairs_release(struct pairs *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        buf_release(&ps->p[i].name);
        buf_release(&ps->p[i].value);
    }
    ps->n = 0;
}

/* Adds a query parameter, both parts URI-encoded. */
static void add_query(struct pairs *ps, const char *name, const char *value)
{
    struct pair *p = &ps->p[ps->n++];

    memset(p, 0, sizeof(*p));
    sigv4_uri_encode(&p->name, name, strlen(name), false);
    sigv4_uri_encode(&p->value, value, strlen(value), false);
    buf_adds(&p->name, "");
    buf_adds(&p->value, "");
}

/* Adds a header: name lower-cased, value trimmed with inner runs of spaces folded to one. */
static void add_header(struct pairs *ps, const char *name, const char *value)
{
    struct pair *p = &ps->p[ps->n++];
    bool space = false;

    memset(p, 0, sizeof(*p));
    for (const char *s = name; *s; s++)
        buf_addc(&p->name, (char)tolower((unsigned char)*s));
    while (*value == ' ' || *value == '\t')
        value++;
    buf_adds(&p->value, "");
    for (const char *s = value; *s; s++) {
        if (*s == ' ' || *s == '\t') {
            space = true;
            continue;
        }
        if (space && p->value.len)
            buf_addc(&p->value, ' ');
        space = false;
        buf_addc(&p->value, *s);
    }
}

static int cmp_pair(const void *a, const void *b)
{
    const struct pair *x = a, *y = b;
    int c = strcmp(x->name.p, y->name.p);

    return c ? c : strcmp(x->value.p, y->value.p);
}

static void join_query(const struct pairs *ps, struct buf *out)
{
    for (size_t i = 0; i < ps->n; i++)
        buf_printf(out, "%s%s=%s", i ? "&" : "", ps->p[i].name.p, ps->p[i].value.p);
}

/* Canonical headers ("name:value\n" each) and the signed-header list ("a;b;host"). */
static void join_headers(const struct pairs *hs, struct buf *canon, struct buf *signed_list)
{
    for (size_t i = 0; i < hs->n; i++) {
        buf_printf(canon, "%s:%s\n", hs->p[i].name.p, hs->p[i].value.p);
        buf_printf(signed_list, "%s%s", i ? ";" : "", hs->p[i].name.p);
    }
}

static void collect_headers(const struct sigv4_request *r, struct pairs *hs)
{
    add_header(hs, "host", r->host);
    for (size_t i = 0; i < r->n_headers; i++)
        add_header(hs, r->headers[i].name, r->headers[i].value);
    qsort(hs->p, hs->n, sizeof(hs->p[0]), cmp_pair);
}

/*
 * The signature of "r" as hex: canonical request from "canon_query" and the headers, string
 * to sign with "scope", then the HMAC with the derived key.
 */
static void sign(const struct sigv4_request *r, const struct sigv4_creds *c,
                 const char *canon_query, const struct pairs *hs, char sig[65])
{
    struct buf creq = BUF_INIT, signed_list = BUF_INIT, sts = BUF_INIT;
    char date[17], date8[9], creq_hash[65];
    unsigned char key[32], mac[32];

    sigv4_amz_date(r->when, date);
    memcpy(date8, date, 8);
    date8[8] = '\0';
    buf_printf(&creq, "%s\n", r->method);
    sigv4_uri_encode(&creq, r->path, strlen(r->path), true);
    buf_printf(&creq, "\n%s\n", canon_query);
    join_headers(hs, &creq, &signed_list);
    buf_printf(&creq, "\n%s\n%s", signed_list.p,
               r->payload_hash ? r->payload_hash : SIGV4_UNSIGNED_PAYLOAD);
    sigv4_sha256_hex(creq.p, creq.len, creq_hash);
    buf_printf(&sts, ALGORITHM "\n%s\n%s/%s/%s/aws4_request\n%s", date, date8, r->region,
               r->service, creq_hash);
    sigv4_signing_key(c->secret_key, date8, r->region, r->service, key);
    hmac(key, sizeof(key), sts.p, sts.len, mac);
    to_hex(mac, sizeof(mac), sig);
    sodium_memzero(key, sizeof(key));
    buf_release(&creq);
    buf_release(&signed_list);
    buf_release(&sts);
}

static bool counts_ok(const struct sigv4_request *r)
{
    return r->n_query <= SIGV4_MAX_PARAMS && r->n_headers < SIGV4_MAX_HEADERS;
}

/* The X-Amz-* parameters of a presigned URL, before the signature. */
static void add_presign_params(const struct sigv4_request *r, const struct sigv4_creds *c,
                               int expires_s, const char *signed_list, struct pairs *qs)
{
    char date[17], exp[16];
    struct buf cred = BUF_INIT;

    sigv4_amz_date(r->when, date);
    buf_printf(&cred, "%s/%.8s/%s/%s/aws4_request", c->access_key, date, r->region, r->service);
    snprintf(exp, sizeof(exp), "%d", expires_s);
    add_query(qs, "X-Amz-Algorithm", ALGORITHM);
    add_query(qs, "X-Amz-Credential", cred.p);
    add_query(qs, "X-Amz-Date", date);
    add_query(qs, "X-Amz-Expires", exp);
    if (c->session_token && *c->session_token)
        add_query(qs, "X-Amz-Security-Token", c->session_token);
    add_query(qs, "X-Amz-SignedHeaders", signed_list);
    buf_release(&cred);
}

int sigv4_presign(const struct sigv4_request *r, const struct sigv4_creds *c, int expires_s,
                  struct buf *query)
{
    struct pairs hs = {.n = 0}, qs = {.n = 0};
    struct buf canon = BUF_INIT, signed_list = BUF_INIT, cq = BUF_INIT;
    char sig[65];

    if (!counts_ok(r) || expires_s < 1 || expires_s > 604800)
        return -1;
    collect_headers(r, &hs);
    join_headers(&hs, &canon, &signed_list);
    add_presign_params(r, c, expires_s, signed_list.p, &qs);
    for (size_t i = 0; i < r->n_query; i++)
        add_query(&qs, r->query[i].name, r->query[i].value);
    qsort(qs.p, qs.n, sizeof(qs.p[0]), cmp_pair);
    join_query(&qs, &cq);
    sign(r, c, cq.p, &hs, sig);
    add_query(&qs, "X-Amz-Signature", sig);
    qsort(qs.p, qs.n, sizeof(qs.p[0]), cmp_pair);
    join_query(&qs, query);
    pairs_release(&hs);
    pairs_release(&qs);
    buf_release(&canon);
    buf_release(&signed_list);
    buf_release(&cq);
    return 0;
}

int sigv4_authorization(const struct sigv4_request *r, const struct sigv4_creds *c, struct buf *out)
{
    struct pairs hs = {.n = 0}, qs = {.n = 0};
    struct buf canon = BUF_INIT, signed_list = BUF_INIT, cq = BUF_INIT;
    char sig[65], date[17];

    if (!counts_ok(r))
        return -1;
    collect_headers(r, &hs);
    join_headers(&hs, &canon, &signed_list);
    for (size_t i = 0; i < r->n_query; i++)
        add_query(&qs, r->query[i].name, r->query[i].value);
    qsort(qs.p, qs.n, sizeof(qs.p[0]), cmp_pair);
    join_query(&qs, &cq);
    buf_adds(&cq, "");
    sign(r, c, cq.p, &hs, sig);
    sigv4_amz_date(r->when, date);
    buf_printf(out,
               ALGORITHM " Credential=%s/%.8s/%s/%s/aws4_request, SignedHeaders=%s, "
                         "Signature=%s",
               c->access_key, date, r->region, r->service, signed_list.p, sig);
    pairs_release(&hs);
    pairs_release(&qs);
    buf_release(&canon);
    buf_release(&signed_list);
    buf_release(&cq);
    return 0;
}
