/* tokens.c: JWT minting and verification through libjwt, pinned to HS256. */
#include "service/tokens.h"
#include "core/secret.h"

#include <errno.h>
#include <jwt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define AUDIENCE "mangu"
#define CLOCK_SKEW 30

static int set_key(const struct config *cfg, jwt_t *jwt)
{
    return jwt_set_alg(jwt, JWT_ALG_HS256, (const unsigned char *)cfg->jwt_secret,
                       (int)strlen(cfg->jwt_secret));
}

char *token_mint(const struct config *cfg, struct arena *arena, struct access_claims *claims)
{
    jwt_t *jwt = NULL;
    char sub[24], jti[33];
    char *out = NULL;

    struct timespec now;

    /* Not time(): glibc's reads the kernel's coarse clock, which can still show the last second
     * after SQLite's clock stamped the account's password_changed_at with the new one, and a
     * token issued then would look older than the password it was issued for. */
    clock_gettime(CLOCK_REALTIME, &now);
    claims->iat = now.tv_sec;
    claims->exp = claims->iat + ACCESS_TOKEN_TTL;
    snprintf(sub, sizeof(sub), "%lld", claims->user_id);
    secret_hex_new(jti, 16);
    if (jwt_new(&jwt) != 0)
        return NULL;
    if (jwt_add_grant(jwt, "iss", cfg->public_url) == 0 &&
        jwt_add_grant(jwt, "aud", AUDIENCE) == 0 && jwt_add_grant(jwt, "sub", sub) == 0 &&
        jwt_add_grant(jwt, "role", claims->role) == 0 &&
        jwt_add_grant(jwt, "sid", claims->sid) == 0 && jwt_add_grant(jwt, "jti", jti) == 0 &&
        jwt_add_grant_int(jwt, "iat", (long)claims->iat) == 0 &&
        jwt_add_grant_int(jwt, "exp", (long)claims->exp) == 0 && set_key(cfg, jwt) == 0) {
        char *s = jwt_encode_str(jwt);
        if (s) {
            out = arena_strdup(arena, s);
            free(s);
        }
    }
    jwt_free(jwt);
    return out;
}

static int int_grant(jwt_t *jwt, const char *name, long *out)
{
    errno = 0;
    *out = jwt_get_grant_int(jwt, name);
    return errno == 0 ? 0 : -1;
}

static int copy_grant(jwt_t *jwt, const char *name, char *out, size_t cap)
{
    const char *v = jwt_get_grant(jwt, name);

    if (!v || strlen(v) >= cap)
        return -1;
    memcpy(out, v, strlen(v) + 1);
    return 0;
}

static int check_claims(const struct config *cfg, jwt_t *jwt, struct access_claims *out)
{
    long exp, iat, nbf;
    char sub[24], *end;
    time_t now = time(NULL);
    const char *iss = jwt_get_grant(jwt, "iss"), *aud = jwt_get_grant(jwt, "aud");

    if (jwt_get_alg(jwt) != JWT_ALG_HS256 || !iss || strcmp(iss, cfg->public_url) != 0 ||
        !aud || strcmp(aud, AUDIENCE) != 0)
        return -1;
    if (int_grant(jwt, "exp", &exp) != 0 || int_grant(jwt, "iat", &iat) != 0 || exp <= now ||
        iat > now + CLOCK_SKEW || exp - iat > ACCESS_TOKEN_TTL)
        return -1;
    if (int_grant(jwt, "nbf", &nbf) == 0 && nbf > now + CLOCK_SKEW)
        return -1;
    if (copy_grant(jwt, "sub", sub, sizeof(sub)) != 0 ||
        copy_grant(jwt, "role", out->role, sizeof(out->role)) != 0 ||
        copy_grant(jwt, "sid", out->sid, sizeof(out->sid)) != 0)
        return -1;
    out->user_id = strtoll(sub, &end, 10);
    if (*end != '\0' || out->user_id <= 0)
        return -1;
    out->iat = iat;
    out->exp = exp;
    return 0;
}

/* Only three base64url parts of sane length reach the parser. */
static int well_formed(const char *token)
{
    size_t n = strnlen(token, ACCESS_TOKEN_MAX + 1), dots = 0;

    if (n == 0 || n > ACCESS_TOKEN_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = token[i];
        if (c == '.')
            dots++;
        else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_'))
            return 0;
    }
    return dots == 2 && token[n - 1] != '.';
}

int token_verify(const struct config *cfg, const char *token, struct access_claims *out)
{
    jwt_t *jwt = NULL;

    memset(out, 0, sizeof(*out));
    if (!well_formed(token))
        return -1;
    if (jwt_decode(&jwt, token, (const unsigned char *)cfg->jwt_secret,
                   (int)strlen(cfg->jwt_secret)) != 0 ||
        !jwt)
        return -1;
    int rc = check_claims(cfg, jwt, out);
    jwt_free(jwt);
    return rc;
}
