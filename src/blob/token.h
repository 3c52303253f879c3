/* token.h: the disk driver's signed URL tokens, an HMAC-SHA256 over what a URL grants. */
#ifndef MANGU_BLOB_TOKEN_H
#define MANGU_BLOB_TOKEN_H

#include <time.h>

#include "blob/blob.h"

#define BLOB_TOKEN_KEY_LEN 32
#define BLOB_TOKEN_MAX 2048

/* Derives the token key from the server's secret, so the secret itself signs nothing else. */
void blob_token_key(const char *secret, unsigned char key[BLOB_TOKEN_KEY_LEN]);
/*
 * Appends the token for "g" to "out": base64url(payload) "." base64url(HMAC(key, that)), where
 * the payload lists the method, expiry, size, key, content type and version. The token is
 * safe as one URL path segment. "g"'s strings must not hold a newline (keys and content
 * types that passed blob.h's checks never do).
 */
void blob_token_make(const unsigned char key[BLOB_TOKEN_KEY_LEN], const struct blob_grant *g,
                     struct buf *out);
/*
 * Checks "token" at time "now": 0 with "out" filled (strings in "arena"), or ERR_FORBIDDEN
 * when it is malformed, forged, expired or grants another "method".
 */
int blob_token_check(const unsigned char key[BLOB_TOKEN_KEY_LEN], struct arena *arena,
                     const char *token, const char *method, time_t now, struct blob_grant *out);

#endif
