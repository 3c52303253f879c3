/* ratelimit.h (api): rate-limit counts as RateLimit-* headers, and refusals in the metrics. */
#ifndef MANGU_API_RATELIMIT_H
#define MANGU_API_RATELIMIT_H

#include "app/ctx.h"
#include "http/response.h"
#include "service/ratelimit.h"

/*
 * Sets RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset from "r" (replacing earlier
 * values), plus Retry-After when "r" was refused. Nothing when the rule is off. Strings are
 * allocated in the response's arena.
 */
void api_ratelimit_headers(struct http_response *res, const struct ratelimit_result *r);
/*
 * The general limit per client IP (ratelimit_request), called by dispatch before every /api
 * handler whose route lacks ROUTE_NO_LIMIT. Sets the headers; over the limit it counts a
 * rejection in the metrics and returns ERR_RATE_LIMITED recorded in "cx" (answered as 429
 * "rate_limited"). Otherwise 0.
 */
int api_ratelimit_request(struct ctx *cx, struct http_response *res);
/* As api_ratelimit_request() for any scope, key and rule (sign-up and reset: key = client IP). */
int api_ratelimit_enforce(struct ctx *cx, struct http_response *res, const char *scope,
                          const char *key, const struct rate_rule *rule);
/* ratelimit_check_failures() with the headers set and the rejection counted when refused. */
int api_ratelimit_check_failures(struct ctx *cx, struct http_response *res, const char *scope,
                                 const char *key, const struct rate_rule *rule);

#endif
