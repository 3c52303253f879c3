/* ratelimit.c (api): turns the counts of service/ratelimit.c into headers and 429 metrics. */
#include "api/ratelimit.h"

#include "api/metrics.h"

void api_ratelimit_headers(struct http_response *res, const struct ratelimit_result *r)
{
    struct arena *a = res->arena;

    if (!r->limit)
        return;
    http_response_set_header(res, "RateLimit-Limit", arena_printf(a, "%lld", r->limit));
    http_response_set_header(res, "RateLimit-Remaining", arena_printf(a, "%lld", r->remaining));
    http_response_set_header(res, "RateLimit-Reset", arena_printf(a, "%d", r->reset_s));
    if (!r->allowed)
        http_response_set_header(res, "Retry-After", arena_printf(a, "%d", r->reset_s));
}

/* "rc" of a limit check; a refusal is counted in the metrics. */
static int counted(struct ctx *cx, int rc)
{
    if (rc == ERR_RATE_LIMITED)
        metrics_rate_limited(cx->app);
    return rc;
}

int api_ratelimit_request(struct ctx *cx, struct http_response *res)
{
    struct ratelimit_result r;
    int rc = ratelimit_request(cx, &r);

    api_ratelimit_headers(res, &r);
    return counted(cx, rc);
}

int api_ratelimit_enforce(struct ctx *cx, struct http_response *res, const char *scope,
                          const char *key, const struct rate_rule *rule)
{
    struct ratelimit_result r;
    int rc = ratelimit_enforce(cx, scope, key, rule, &r);

    api_ratelimit_headers(res, &r);
    return counted(cx, rc);
}

int api_ratelimit_check_failures(struct ctx *cx, struct http_response *res, const char *scope,
                                 const char *key, const struct rate_rule *rule)
{
    struct ratelimit_result r;
    int rc = ratelimit_check_failures(cx, scope, key, rule, &r);

    if (rc)
        api_ratelimit_headers(res, &r);
    return counted(cx, rc);
}
