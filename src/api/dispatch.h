/* dispatch.h: from a parsed request to a complete response: routing, flags, headers. */
#ifndef MANGU_DISPATCH_H
#define MANGU_DISPATCH_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

/* The route table of the whole API (api/routes.c). */
extern const struct route api_routes[];
extern const size_t api_n_routes;

/*
 * Answers one request (http_handle_fn). A failure the server recorded in "cx" before dispatch
 * (such as a body over the cap) is answered as an error without routing.
 */
void api_handle(struct ctx *cx, struct http_request *req, struct http_response *res);
/*
 * Picks where a request body goes (http_sink_fn): uploads to storage stream to a sink, every
 * other body is gathered in memory.
 */
struct http_sink *api_open_sink(struct ctx *cx, struct http_request *req);
/* Writes the access log line and the metrics of a finished request (http_done_fn). */
void api_done(struct ctx *cx, const struct http_request *req, int status, double seconds);

#endif
