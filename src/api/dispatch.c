/* dispatch.c: routing, route flags, JSON bodies, security and CORS headers, access log. */
#include "api/dispatch.h"
#include "api/json.h"
#include "api/metrics.h"
#include "api/ratelimit.h"
#include "api/uploads.h"
#include "api/web.h"
#include "blob/blob.h"
#include "core/config.h"
#include "core/log.h"
#include "http/router.h"
#include "service/accounts.h"

#include <string.h>
#include <strings.h>

static bool is_api_path(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0 ||
           strcmp(path, "/metrics") == 0;
}

static const char *allowed_origin(const struct config *cfg, const char *origin)
{
    if (!origin)
        return NULL;
    for (size_t i = 0; i < cfg->n_cors_origins; i++)
        if (strcmp(cfg->cors_origins[i], origin) == 0)
            return cfg->cors_origins[i];
    return NULL;
}

static void add_cors(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *origin = allowed_origin(cx->app->cfg, http_request_header(req, "Origin"));

    if (!origin)
        return;
    http_response_header(res, "Access-Control-Allow-Origin", origin);
    http_response_header(res, "Access-Control-Allow-Credentials", "true");
    http_response_header(res, "Access-Control-Expose-Headers",
                         "X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
                         "RateLimit-Reset, ETag");
    const char *vary = http_response_get_header(res, "Vary");

    http_response_set_header(res, "Vary",
                             vary ? arena_printf(cx->arena, "%s, Origin", vary) : "Origin");
}

static void preflight(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    http_respond_bytes(res, 204, NULL, "", 0);
    if (!allowed_origin(cx->app->cfg, http_request_header(req, "Origin")))
        return;
    http_response_header(res, "Access-Control-Allow-Methods",
                         "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    http_response_header(res, "Access-Control-Allow-Headers",
                         "Authorization, Content-Type, If-None-Match, X-Request-Id");
    http_response_header(res, "Access-Control-Max-Age", "600");
}

/*
 * The pages' policy. connect-src names the storage origin when there is one (S3): the browser
 * PUTs uploads and fetches the reader's presigned downloads there directly.
 */
static const char *page_csp(struct ctx *cx)
{
    const char *storage = blob_browser_origin(cx->app->blob);

    return arena_printf(cx->arena,
                        "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' "
                        "'unsafe-inline'; script-src 'self'; connect-src 'self'%s%s; font-src "
                        "'self' data:; worker-src 'self' blob:; frame-ancestors 'none'; "
                        "base-uri 'self'; form-action 'self'; object-src 'none'",
                        storage ? " " : "", storage ? storage : "");
}

static void add_security_headers(struct ctx *cx, struct http_response *res, bool html)
{
    http_response_header(res, "X-Content-Type-Options", "nosniff");
    http_response_header(res, "Referrer-Policy", "strict-origin-when-cross-origin");
    http_response_header(res, "X-Frame-Options", "DENY");
    http_response_header(res, "Cross-Origin-Opener-Policy", "same-origin");
    if (strncmp(cx->app->cfg->public_url, "https://", 8) == 0)
        http_response_header(res, "Strict-Transport-Security",
                             "max-age=31536000; includeSubDomains");
    if (html)
        http_response_set_header(res, "Content-Security-Policy", page_csp(cx));
    else if (!http_response_get_header(res, "Content-Security-Policy"))
        http_response_header(res, "Content-Security-Policy",
                             "default-src 'none'; frame-ancestors 'none'");
}

static bool is_json_type(const char *ct)
{
    if (!ct)
        return false;
    size_t n = strcspn(ct, ";");
    while (n > 0 && ct[n - 1] == ' ')
        n--;
    return n == 16 && strncasecmp(ct, "application/json", 16) == 0;
}

/* Parses the body of a ROUTE_JSON_BODY route into req->json. 0 or an error code. */
static int parse_json_body(struct ctx *cx, struct http_request *req)
{
    json_error_t jerr;

    if (!is_json_type(http_request_header(req, "Content-Type")))
        return cx_fail(cx, ERR_MEDIA_TYPE, "send the body as application/json");
    json_t *doc = json_loadb(req->body.p, req->body.len, JSON_REJECT_DUPLICATES, &jerr);
    if (!doc)
        return cx_fail_details(cx, ERR_BAD_REQUEST,
                               json_pack("{s:i, s:i}", "line", jerr.line, "column", jerr.column),
                               "the body is not valid JSON: %s", jerr.text);
    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, doc);
    if (!json_is_object(doc))
        return cx_fail(cx, ERR_BAD_REQUEST, "the body must be a JSON object");
    req->json = doc;
    return 0;
}

/* Who is asking, and whether the route lets them in; before any handler runs. */
static int check_access(struct ctx *cx, struct http_request *req, struct http_response *res,
                        unsigned flags)
{
    int rc = accounts_identify(cx, http_request_header(req, "Authorization"));

    if (!(flags & (ROUTE_AUTH | ROUTE_AUTHOR | ROUTE_ADMIN)))
        return 0; /* a bad token on a public route just means anonymous */
    if (rc == ERR_UNAVAILABLE)
        return cx_fail(cx, rc, "the database is unavailable");
    if (rc != 0 || !cx->user_id) {
        http_response_header(res, "WWW-Authenticate", "Bearer");
        return cx_fail(cx, ERR_UNAUTHORIZED, "sign in to continue");
    }
    if ((flags & ROUTE_ADMIN) && strcmp(cx->role, "admin") != 0)
        return cx_fail(cx, ERR_FORBIDDEN, "only admins may do this");
    if ((flags & ROUTE_AUTHOR) && strcmp(cx->role, "author") != 0 &&
        strcmp(cx->role, "admin") != 0)
        return cx_fail(cx, ERR_FORBIDDEN, "only authors may do this; become an author first");
    return 0;
}

static int run_route(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct router_match m;
    enum router_outcome o =
        router_match(cx->app->router, req->method, req->path, cx->arena, req, &m);

    if (o == ROUTER_NOT_FOUND)
        return cx_fail(cx, ERR_NOT_FOUND, "no such API route: %s %s", req->method_name, req->path);
    if (o == ROUTER_METHOD_NOT_ALLOWED) {
        http_response_header(res, "Allow", arena_strdup(cx->arena, m.allow));
        return cx_fail(cx, ERR_METHOD, "%s is not allowed here; use %s", req->method_name, m.allow);
    }
    cx->route = m.route->pattern;
    cx->route_slot = m.index + 1;
    if (!(m.route->flags & ROUTE_NO_LIMIT) && api_ratelimit_request(cx, res) != 0)
        return ERR_RATE_LIMITED;
    int rc = check_access(cx, req, res, m.route->flags);
    if (rc != 0)
        return rc;
    if (m.route->flags & ROUTE_JSON_BODY) {
        rc = parse_json_body(cx, req);
        if (rc != 0)
            return rc;
    }
    return m.route->handler(cx, req, res);
}

static void answer_api(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    int rc;

    if (req->method == HTTP_OPTIONS) {
        preflight(cx, req, res);
        return;
    }
    rc = run_route(cx, req, res);
    if (rc != 0)
        api_respond_error(cx, res, rc);
    if (!http_response_get_header(res, "Cache-Control"))
        http_response_header(res, "Cache-Control", "no-store");
}

void api_handle(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    bool api = is_api_path(req->path);

    if (cx->err_code)
        api_respond_error(cx, res, cx->err_code);
    else if (api)
        answer_api(cx, req, res);
    else
        web_serve(cx, req, res);
    add_cors(cx, req, res);
    /* a page's 304 has no type: browsers merge its headers into the cached page, so it must
       carry the page's policy, never the API's */
    bool html = !api && (res->content_type ? strncmp(res->content_type, "text/html", 9) == 0
                                           : res->status == 304);
    add_security_headers(cx, res, html);
}

void api_done(struct ctx *cx, const struct http_request *req, int status, double seconds)
{
    metrics_observe(cx, status, seconds);
    if (!log_enabled(LOG_INFO))
        return;
    struct buf b = BUF_INIT;
    buf_grow(&b, 320); /* one allocation for a usual line */
    buf_adds(&b, "{\"time\":\"");
    log_add_time(&b);
    buf_printf(&b, "\",\"level\":\"info\",\"msg\":\"request\",\"request_id\":\"%s\",\"method\":",
               cx->request_id);
    log_add_json_string(&b, req->method_name);
    buf_adds(&b, ",\"route\":");
    log_add_json_string(&b, cx->route);
    buf_adds(&b, ",\"path\":");
    log_add_json_string(&b, req->path);
    buf_printf(&b, ",\"status\":%d,\"duration_ms\":%.3f,\"client_ip\":", status, seconds * 1e3);
    log_add_json_string(&b, cx->client_ip ? cx->client_ip : "");
    if (cx->user_id)
        buf_printf(&b, ",\"user_id\":%lld}", cx->user_id);
    else
        buf_adds(&b, ",\"user_id\":null}");
    log_write_batched(&b);
    buf_release(&b);
}

struct http_sink *api_open_sink(struct ctx *cx, struct http_request *req)
{
    if (req->method == HTTP_PUT && strncmp(req->path, "/api/uploads/", 13) == 0)
        return api_uploads_open_sink(cx, req);
    return NULL;
}
