/* ratelimit.h: fixed-window counters in the cache, shared by every server process. */
#ifndef MANGU_RATELIMIT_H
#define MANGU_RATELIMIT_H

#include <stdbool.h>

#include "app/ctx.h"
#include "core/config.h"

/*
 * How the limits work
 * -------------------
 * A rule is "limit per window_s seconds" (struct rate_rule, from MANGU_RATE_LIMIT* in
 * core/config.h; limit 0 = off). Each (scope, key) pair has one counter under the cache key
 * "rl:<scope>:<key>", created by the first hit with a lifetime of one window (a fixed window:
 * it resets window_s seconds after that hit). Hits are counted with cache_incr(), one atomic
 * INCR on Redis, so processes sharing a Redis share one count with no read-then-write race.
 *
 * When the cache answers ERR_UNAVAILABLE (Redis down), counting continues in a private
 * in-process cache: limits then apply per process. That is logged once (warn) when it starts
 * and once (info) when the shared cache answers again. Nothing here ever refuses a request
 * because a backend is down; if even the fallback fails, the hit is allowed.
 *
 * Scopes used by the API: "api" (the general limit per client IP, applied by dispatch),
 * "login" (failed sign-ins per account and IP), "signup" and "reset" (per IP).
 */

struct ratelimit_result {
    bool allowed;
    long long limit;     /* the rule's count; 0 when the rule is off (nothing else is set) */
    long long remaining; /* hits left in the current window */
    int reset_s;         /* seconds until the window ends, at least 1 */
};

/* Service level: no HTTP. "scope" and "key" are borrowed; keys are short (an IP, a hash). */

/*
 * Counts one hit of "key" in "scope" against "rule" and fills "out". Returns 0 when this hit
 * is within the limit, ERR_RATE_LIMITED when it is over (refused hits still count).
 */
int ratelimit_hit(struct app *app, const char *scope, const char *key, const struct rate_rule *rule,
                  struct ratelimit_result *out);
/*
 * Fills "out" without counting anything: allowed while fewer than "rule->limit" hits were
 * counted in this window. Returns 0 or ERR_RATE_LIMITED, like ratelimit_hit().
 */
int ratelimit_peek(struct app *app, const char *scope, const char *key,
                   const struct rate_rule *rule, struct ratelimit_result *out);
/* Forgets the count of "key" in "scope" (for example after a successful sign-in). */
void ratelimit_clear(struct app *app, const char *scope, const char *key);

/* Request level: these also record a refusal in "cx"; api/ratelimit.c sets the headers. */

/*
 * The general limit (cfg->rate_limit) per client IP (an IPv6 client counts by its /64):
 * counts the hit and fills "out"; over the limit returns ERR_RATE_LIMITED recorded in "cx"
 * ("too many requests; try again in N seconds"). Otherwise 0.
 */
int ratelimit_request(struct ctx *cx, struct ratelimit_result *out);
/* As ratelimit_request() for any scope, key and rule (sign-up and reset: key = client IP). */
int ratelimit_enforce(struct ctx *cx, const char *scope, const char *key,
                      const struct rate_rule *rule, struct ratelimit_result *out);

/*
 * Failure-only limits such as sign-in: call ratelimit_check_failures() before verifying the
 * password (0, or ERR_RATE_LIMITED recorded in "cx", with "out" filled for the headers) and
 * ratelimit_fail() after each failure; ratelimit_clear() after a success if wanted. The API
 * calls it through api_ratelimit_check_failures(), which sets the headers:
 *
 *   const char *k = ratelimit_account_key(cx, email);
 *   if ((rc = api_ratelimit_check_failures(cx, res, "login", k, &cfg->rate_limit_login)) != 0)
 *       return rc;
 *   if (!password_ok) { ratelimit_fail(cx, "login", k, &cfg->rate_limit_login); return 401; }
 */
int ratelimit_check_failures(struct ctx *cx, const char *scope, const char *key,
                             const struct rate_rule *rule, struct ratelimit_result *out);
void ratelimit_fail(struct ctx *cx, const char *scope, const char *key,
                    const struct rate_rule *rule);
/*
 * The key for "account and IP": a hash of the ASCII-lower-cased "email" (so addresses never
 * sit in the cache) and the client IP. Allocated in cx->arena.
 */
const char *ratelimit_account_key(struct ctx *cx, const char *email);

#endif
