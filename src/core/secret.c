/* secret.c: token generation and hashing on libsodium. */
#include "core/secret.h"

#include <sodium.h>
#include <string.h>

void secret_token_new(char out[SECRET_TOKEN_LEN])
{
    unsigned char raw[32];

    randombytes_buf(raw, sizeof(raw));
    sodium_bin2base64(out, SECRET_TOKEN_LEN, raw, sizeof(raw),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof(raw));
}

void secret_hex_new(char *out, size_t nbytes)
{
    unsigned char raw[64];

    if (nbytes > sizeof(raw))
        nbytes = sizeof(raw);
    randombytes_buf(raw, nbytes);
    sodium_bin2hex(out, nbytes * 2 + 1, raw, nbytes);
}

void secret_sha256_hex(const char *s, size_t len, char out[SECRET_HASH_LEN])
{
    unsigned char digest[crypto_hash_sha256_BYTES];

    crypto_hash_sha256(digest, (const unsigned char *)s, len);
    sodium_bin2hex(out, SECRET_HASH_LEN, digest, sizeof(digest));
}

bool secret_equal(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);

    if (la != lb)
        return false;
    return sodium_memcmp(a, b, la) == 0;
}
