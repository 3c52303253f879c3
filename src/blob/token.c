/* token.c: signed URL tokens for the disk driver, on libsodium's HMAC-SHA256 and base64. */
#include "blob/token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/err.h"

#define TOKEN_VERSION "1"
#define N_FIELDS 7 /* version, method, expiry, size, key, content type, object version */

void blob_token_key(const char *secret, unsigned char key[BLOB_TOKEN_KEY_LEN])
{
    static const char label[] = "mangu blob url v1";

    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)label, sizeof(label) - 1);
    crypto_auth_hmacsha256_final(&st, key);
    sodium_memzero(&st, sizeof(st));
}

static void add_b64(struct buf *out, const void *data, size_t n)
{
    size_t cap = sodium_base64_encoded_len(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);

    buf_grow(out, cap);
    sodium_bin2base64(out->p + out->len, cap, data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out->len += strlen(out->p + out->len);
}

static void mac_of(const unsigned char *key, const char *s, size_t n, unsigned char out[32])
{
    crypto_auth_hmacsha256(out, (const unsigned char *)s, n, key);
}

void blob_token_make(const unsigned char key[BLOB_TOKEN_KEY_LEN], const struct blob_grant *g,
                     struct buf *out)
{
    struct buf payload = BUF_INIT;
    unsigned char mac[32];
    size_t start = out->len;

    buf_printf(&payload, TOKEN_VERSION "\n%s\n%lld\n%lld\n%s\n%s\n%s", g->method,
               (long long)g->expires_at, g->size, g->key, g->content_type ? g->content_type : "",
               g->version ? g->version : "");
    add_b64(out, payload.p, payload.len);
    mac_of(key, out->p + start, out->len - start, mac);
    buf_addc(out, '.');
    add_b64(out, mac, sizeof(mac));
    buf_release(&payload);
}

/* Splits the decoded payload at newlines into exactly N_FIELDS NUL-terminated fields. */
static int split_fields(char *p, char *fields[N_FIELDS])
{
    int n = 0;

    fields[n++] = p;
    for (; *p; p++) {
        if (*p != '\n')
            continue;
        if (n == N_FIELDS)
            return -1;
        *p = '\0';
        fields[n++] = p + 1;
    }
    return n == N_FIELDS ? 0 : -1;
}

static int parse_ll(const char *s, long long *out)
{
    char *end;

    if (!*s)
        return -1;
    *out = strtoll(s, &end, 10);
    return *end ? -1 : 0;
}

/* Decodes the verified payload into "out". */
static int parse_payload(struct arena *arena, const char *b64, size_t n, struct blob_grant *out)
{
    char *raw = arena_alloc(arena, n + 1);
    size_t len = 0;
    char *f[N_FIELDS];
    long long exp, size;

    if (sodium_base642bin((unsigned char *)raw, n, b64, n, NULL, &len, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return -1;
    raw[len] = '\0';
    if (strlen(raw) != len || split_fields(raw, f) != 0 || strcmp(f[0], TOKEN_VERSION) != 0 ||
        parse_ll(f[2], &exp) != 0 || parse_ll(f[3], &size) != 0 || !blob_key_valid(f[4]))
        return -1;
    out->method = f[1];
    out->expires_at = (time_t)exp;
    out->size = size;
    out->key = f[4];
    out->content_type = f[5];
    out->version = *f[6] ? f[6] : NULL;
    return 0;
}

int blob_token_check(const unsigned char key[BLOB_TOKEN_KEY_LEN], struct arena *arena,
                     const char *token, const char *method, time_t now, struct blob_grant *out)
{
    size_t n = token ? strnlen(token, BLOB_TOKEN_MAX + 1) : 0;
    const char *dot = n && n <= BLOB_TOKEN_MAX ? memchr(token, '.', n) : NULL;
    unsigned char want[32], got[32];
    size_t got_len = 0;

    if (!dot)
        return ERR_FORBIDDEN;
    size_t plen = (size_t)(dot - token);
    mac_of(key, token, plen, want);
    if (sodium_base642bin(got, sizeof(got), dot + 1, n - plen - 1, NULL, &got_len, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        got_len != sizeof(got) || crypto_verify_32(want, got) != 0)
        return ERR_FORBIDDEN;
    memset(out, 0, sizeof(*out));
    if (parse_payload(arena, token, plen, out) != 0 || strcmp(out->method, method) != 0 ||
        now > out->expires_at)
        return ERR_FORBIDDEN;
    return 0;
}
