/* tokens.h: short-lived access tokens (HS256 JWTs) and their verification. */
#ifndef MANGU_TOKENS_H
#define MANGU_TOKENS_H

#include <time.h>

#include "core/arena.h"
#include "core/config.h"

#define ACCESS_TOKEN_TTL 900 /* 15 minutes */
#define ACCESS_TOKEN_MAX 4096

struct access_claims {
    long long user_id;
    char role[16];
    char sid[33]; /* the session (refresh-token family) the token was minted for */
    time_t iat;
    time_t exp;
};

/*
 * Mints a token for "claims" (iat and exp are filled from now). Returns the token in "arena"
 * or NULL on failure.
 */
char *token_mint(const struct config *cfg, struct arena *arena, struct access_claims *claims);
/*
 * Verifies signature (HS256 only), exp, nbf, iat, iss and aud. Returns 0 and fills "out", or
 * -1 for any defect, with no detail: every bad token is just unauthorized.
 */
int token_verify(const struct config *cfg, const char *token, struct access_claims *out);

#endif
