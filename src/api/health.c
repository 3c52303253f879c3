/* health.c: dependency checks for the load balancer, and the OpenAPI document. */
#include "api/health.h"
#include "blob/blob.h"
#include "cache/cache.h"
#include "core/version.h"
#include "db/db.h"

#include <math.h>

extern const char openapi_json[];
extern const size_t openapi_json_len;

const char *openapi_document(size_t *len)
{
    *len = openapi_json_len;
    return openapi_json;
}

static json_t *check(const char *driver, int rc, double latency_ms)
{
    json_t *o = json_pack("{s:s, s:s, s:f}", "status", rc == 0 ? "up" : "down", "driver", driver,
                          "latency_ms", round(latency_ms * 1000) / 1000);

    if (rc != 0)
        json_object_set_new(o, "error", json_string("unreachable"));
    return o;
}

int api_health_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct app *app = cx->app;
    double db_ms = 0, cache_ms = 0, blob_ms = 0;
    int db_rc = db_ping(app->db, &db_ms);
    int cache_rc = cache_ping(app->cache, &cache_ms);
    int blob_rc = blob_ping(app->blob, &blob_ms);
    const char *status = db_rc ? "down" : cache_rc || blob_rc ? "degraded" : "ok";

    json_t *body = json_pack("{s:s, s:s, s:I, s:{s:o, s:o, s:o}}", "status", status, "version",
                             MANGU_VERSION, "uptime_s", (json_int_t)(time(NULL) - app->started),
                             "checks", "database", check(db_driver_name(app->db), db_rc, db_ms),
                             "cache", check(cache_driver_name(app->cache), cache_rc, cache_ms),
                             "storage", check(blob_driver_name(app->blob), blob_rc, blob_ms));
    http_respond_json_new(res, db_rc ? 503 : 200, body);
    return 0;
}

int api_openapi_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    size_t len;
    const char *doc = openapi_document(&len);

    http_respond_bytes(res, 200, "application/json", doc, len);
    http_response_header(res, "Cache-Control", "public, max-age=300");
    return 0;
}
