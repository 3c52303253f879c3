/* metrics.h: request counters and latency histograms, rendered for Prometheus at /metrics. */
#ifndef MANGU_METRICS_H
#define MANGU_METRICS_H

#include <stddef.h>

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/* Counters for "n_routes" routes plus one slot for everything unmatched or static. */
struct metrics *metrics_new(size_t n_routes);
void metrics_free(struct metrics *m);
/* Counts a finished request by cx->route_slot, status and duration. Lock-free. */
void metrics_observe(struct ctx *cx, int status, double seconds);
/* Counts one request refused by a rate limit. */
void metrics_rate_limited(struct app *app);
/* GET /metrics */
int api_metrics_show(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
