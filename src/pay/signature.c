/* signature.c: verifying Stripe-Signature headers on libsodium's HMAC-SHA256. */
#include "pay/signature.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define MAC_LEN crypto_auth_hmacsha256_BYTES

struct parsed {
    const char *t; /* digits as sent: the signed text uses them verbatim */
    size_t t_len;
    long long t_val;
    const char *v1[STRIPE_SIG_MAX_V1];
    int n_v1;
};

static bool parse_t(struct parsed *p, const char *v, size_t n)
{
    if (p->t || n == 0 || n > 12)
        return false;
    p->t_val = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9')
            return false;
        p->t_val = p->t_val * 10 + (v[i] - '0');
    }
    p->t = v;
    p->t_len = n;
    return true;
}

/* Splits "k=v,k=v"; keeps t and the v1 values that are exactly 64 hex digits long. */
static enum stripe_sig_result parse(const char *h, struct parsed *p)
{
    bool any_v1 = false;

    memset(p, 0, sizeof(*p));
    while (*h) {
        size_t n = strcspn(h, ",");
        const char *eq = memchr(h, '=', n);
        if (!eq)
            return STRIPE_SIG_MALFORMED;
        size_t klen = (size_t)(eq - h), vlen = n - klen - 1;
        if (klen == 1 && h[0] == 't') {
            if (!parse_t(p, eq + 1, vlen))
                return STRIPE_SIG_MALFORMED;
        } else if (klen == 2 && h[0] == 'v' && h[1] == '1') {
            any_v1 = true;
            if (vlen == 2 * MAC_LEN && p->n_v1 < STRIPE_SIG_MAX_V1)
                p->v1[p->n_v1++] = eq + 1;
        }
        h += n;
        if (*h == ',')
            h++;
    }
    if (!p->t)
        return STRIPE_SIG_MALFORMED;
    return any_v1 ? STRIPE_SIG_OK : STRIPE_SIG_NO_V1;
}

static void mac(const char *key, size_t key_len, const char *t, size_t t_len, const char *body,
                size_t len, unsigned char out[MAC_LEN])
{
    crypto_auth_hmacsha256_state st;

    crypto_auth_hmacsha256_init(&st, (const unsigned char *)key, key_len);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)t, t_len);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
    crypto_auth_hmacsha256_final(&st, out);
    sodium_memzero(&st, sizeof(st));
}

/* True when one of the v1 values is the MAC under "key". */
static bool matches(const struct parsed *p, const char *key, size_t key_len, const char *body,
                    size_t len)
{
    unsigned char want[MAC_LEN], got[MAC_LEN];
    bool ok = false;

    mac(key, key_len, p->t, p->t_len, body, len, want);
    for (int i = 0; i < p->n_v1; i++) {
        size_t bin_len = 0;
        if (sodium_hex2bin(got, sizeof(got), p->v1[i], 2 * MAC_LEN, NULL, &bin_len, NULL) != 0 ||
            bin_len != MAC_LEN)
            continue;
        if (sodium_memcmp(got, want, MAC_LEN) == 0)
            ok = true; /* keep going: the time taken does not depend on which one matched */
    }
    return ok;
}

/* Tries each comma-separated secret of "secrets". */
static bool any_secret(const struct parsed *p, const char *secrets, const char *body, size_t len)
{
    bool ok = false;
    int tried = 0;

    for (const char *s = secrets; s && *s && tried < STRIPE_SIG_MAX_SECRETS;) {
        while (*s == ' ' || *s == ',')
            s++;
        size_t n = strcspn(s, ",");
        size_t k = n;
        while (k > 0 && s[k - 1] == ' ')
            k--;
        if (k > 0) {
            ok |= matches(p, s, k, body, len);
            tried++;
        }
        s += n;
    }
    return ok;
}

enum stripe_sig_result stripe_signature_check(const char *header, const char *body, size_t len,
                                              const char *secrets, long long now, int tolerance)
{
    struct parsed p;

    if (!header || !*header)
        return STRIPE_SIG_MISSING;
    if (strnlen(header, STRIPE_SIG_MAX_HEADER + 1) > STRIPE_SIG_MAX_HEADER)
        return STRIPE_SIG_TOO_LONG;
    enum stripe_sig_result r = parse(header, &p);
    if (r != STRIPE_SIG_OK)
        return r;
    if (!any_secret(&p, secrets, body, len))
        return STRIPE_SIG_MISMATCH;
    if (p.t_val > now + tolerance || p.t_val < now - tolerance)
        return STRIPE_SIG_STALE;
    return STRIPE_SIG_OK;
}

const char *stripe_signature_reason(enum stripe_sig_result r)
{
    switch (r) {
    case STRIPE_SIG_OK:
        return "valid";
    case STRIPE_SIG_MISSING:
        return "no Stripe-Signature header";
    case STRIPE_SIG_TOO_LONG:
        return "the Stripe-Signature header is too long";
    case STRIPE_SIG_MALFORMED:
        return "the Stripe-Signature header is malformed";
    case STRIPE_SIG_NO_V1:
        return "the Stripe-Signature header has no v1 signature";
    case STRIPE_SIG_MISMATCH:
        return "no v1 signature matches";
    case STRIPE_SIG_STALE:
        return "the signature's timestamp is outside the tolerance";
    }
    return "invalid signature";
}

void stripe_signature_make(const char *body, size_t len, const char *secret, long long t, char *out,
                           size_t size)
{
    char ts[24], hex[2 * MAC_LEN + 1];
    unsigned char m[MAC_LEN];
    int n = snprintf(ts, sizeof(ts), "%lld", t);

    mac(secret, strlen(secret), ts, (size_t)n, body, len, m);
    sodium_bin2hex(hex, sizeof(hex), m, sizeof(m));
    snprintf(out, size, "t=%s,v1=%s", ts, hex);
}
