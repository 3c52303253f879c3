/* server.h: the HTTP server; the only module that knows libmicrohttpd. */
#ifndef MANGU_SERVER_H
#define MANGU_SERVER_H

#include "app/ctx.h"
#include "core/buf.h"
#include "http/request.h"
#include "http/response.h"

/*
 * Answers one request: fills "res" completely (status, headers, body). Called on a worker
 * thread with a fresh "cx" whose arena lives until the response has been sent.
 */
typedef void (*http_handle_fn)(struct ctx *cx, struct http_request *req, struct http_response *res);
/* Called once the response is sent (or the client went away), for the log and metrics. */
typedef void (*http_done_fn)(struct ctx *cx, const struct http_request *req, int status,
                             double seconds);

/*
 * Called after the headers of a request that carries a body: returns a sink to stream the
 * body to (uploads), or NULL to gather it in memory under MANGU_MAX_BODY. A failure recorded
 * in "cx" (such as a bad upload token) is answered at once, before any of the body is read.
 */
typedef struct http_sink *(*http_sink_fn)(struct ctx *cx, struct http_request *req);

struct http_handlers {
    http_handle_fn handle;
    http_done_fn done;
    http_sink_fn open_sink; /* may be NULL */
};

struct http_server;

/*
 * Starts listening on the configured address with a pool of worker threads. Returns 0, or -1
 * with "why" (such as the port being taken). Stop with http_server_drain().
 */
int http_server_start(struct app *app, const struct http_handlers *handlers,
                      struct http_server **out, struct buf *why);
/*
 * Stops accepting new connections at once, lets in-flight requests finish for at most
 * "timeout_s" seconds, then stops the workers and frees the server. Returns the number of
 * requests still in flight when the time ran out (0 on a clean drain); the server is then
 * left running and the caller must end the process.
 */
int http_server_drain(struct http_server *s, int timeout_s);

#endif
