/* secret.h: random tokens, their stored hashes, and constant-time comparison. */
#ifndef MANGU_SECRET_H
#define MANGU_SECRET_H

#include <stdbool.h>
#include <stddef.h>

#define SECRET_TOKEN_LEN 44 /* 256 random bits in URL-safe base64 (43) plus the NUL */
#define SECRET_HASH_LEN 65  /* SHA-256 in lower-case hex plus the NUL */

/* Fills "out" with 256 fresh random bits, URL-safe base64 without padding. */
void secret_token_new(char out[SECRET_TOKEN_LEN]);
/* Fills "out" with "nbytes" random bytes as hex (out needs 2 * nbytes + 1). */
void secret_hex_new(char *out, size_t nbytes);
/* SHA-256 of "s" ("len" bytes) as lower-case hex: what is stored instead of a token. */
void secret_sha256_hex(const char *s, size_t len, char out[SECRET_HASH_LEN]);
/* True when the two NUL-terminated strings are equal, in time independent of where they differ. */
bool secret_equal(const char *a, const char *b);

#endif
