/* server.c: libmicrohttpd glue: request context, body gathering with a cap, drain on stop. */
#include "http/server.h"
#include "core/config.h"
#include "core/log.h"
#include "core/xalloc.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct http_server {
    struct MHD_Daemon *daemon;
    struct app *app;
    http_handle_fn handle;
    http_done_fn done;
    http_sink_fn open_sink;
    atomic_int in_flight;
};

/* One request's state across MHD's calls of the access handler. */
struct pending {
    struct ctx cx;
    struct http_request req;
    struct buf body;
    struct timespec start;
    int status;
    int rejected; /* a response was queued before the body arrived (413) */
};

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static const char *lookup_header(void *impl, const char *name)
{
    return MHD_lookup_connection_value(impl, MHD_HEADER_KIND, name);
}

static const char *lookup_query(void *impl, const char *name)
{
    return MHD_lookup_connection_value(impl, MHD_GET_ARGUMENT_KIND, name);
}

static const char *peer_address(struct MHD_Connection *conn, struct arena *arena)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char tmp[INET6_ADDRSTRLEN] = "unknown";

    if (info && info->client_addr) {
        const struct sockaddr *sa = info->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, tmp, sizeof(tmp));
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, tmp, sizeof(tmp));
    }
    return arena_strdup(arena, tmp);
}

static bool is_trusted(const struct config *cfg, const char *ip)
{
    return cidr_list_contains(cfg->trusted_proxies, cfg->n_trusted_proxies, ip);
}

/* The rightmost X-Forwarded-For hop that is not one of our proxies is the client. */
static const char *forwarded_client(const struct config *cfg, const char *xff, const char *peer,
                                    struct arena *arena)
{
    char *list = arena_strdup(arena, xff);
    const char *client = peer;

    for (;;) {
        char *comma = strrchr(list, ',');
        char *item = comma ? comma + 1 : list;
        while (*item == ' ')
            item++;
        char *end = item + strlen(item);
        while (end > item && end[-1] == ' ')
            *--end = '\0';
        if (*item == '\0')
            break;
        client = item;
        if (!is_trusted(cfg, item) || !comma)
            break;
        *comma = '\0';
    }
    return client;
}

static bool sane_request_id(const char *id)
{
    size_t n = strlen(id);

    if (n == 0 || n > 32)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(id[i] == '-' || id[i] == '_' || id[i] == '.' || (id[i] >= '0' && id[i] <= '9') ||
              (id[i] >= 'a' && id[i] <= 'z') || (id[i] >= 'A' && id[i] <= 'Z')))
            return false;
    return true;
}

/* Unique across threads and processes: a random per-thread prefix and a counter. */
static void new_request_id(char out[33])
{
    static _Thread_local unsigned long long prefix, counter;
    static const char hex[] = "0123456789abcdef";

    if (!prefix) {
        FILE *f = fopen("/dev/urandom", "rb");
        if (!f || fread(&prefix, sizeof(prefix), 1, f) != 1)
            prefix = (unsigned long long)time(NULL) ^ (unsigned long long)(size_t)&counter;
        if (f)
            fclose(f);
        prefix |= 1;
    }
    unsigned long long parts[2] = {prefix, ++counter};
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < 16; i++)
            out[p * 16 + i] = hex[(parts[p] >> (60 - 4 * i)) & 15];
    out[32] = '\0';
}

static void identify(struct http_server *s, struct pending *p, struct MHD_Connection *conn)
{
    const struct config *cfg = s->app->cfg;
    const char *peer = peer_address(conn, p->cx.arena);
    bool trusted = is_trusted(cfg, peer);
    const char *xff = trusted ? lookup_header(conn, "X-Forwarded-For") : NULL;
    const char *rid = trusted ? lookup_header(conn, "X-Request-Id") : NULL;

    const char *ua = lookup_header(conn, "User-Agent");

    p->cx.client_ip = xff ? forwarded_client(cfg, xff, peer, p->cx.arena) : peer;
    p->cx.user_agent = ua; /* borrowed: MHD keeps headers until the request completes */
    if (rid && sane_request_id(rid))
        snprintf(p->cx.request_id, sizeof(p->cx.request_id), "%s", rid);
    else
        new_request_id(p->cx.request_id);
}

static void body_release(void *b)
{
    buf_release(b);
}

static struct pending *pending_new(struct http_server *s, struct MHD_Connection *conn,
                                   const char *url, const char *method)
{
    struct arena *arena = arena_new();
    struct pending *p = arena_zalloc(arena, sizeof(*p));

    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->cx.app = s->app;
    p->cx.arena = arena;
    p->cx.route = "unmatched";
    arena_defer(arena, body_release, &p->body);
    p->req.method = http_method_parse(method);
    p->req.method_name = arena_strdup(arena, method);
    p->req.path = arena_strdup(arena, url);
    p->req.impl = conn;
    p->req.header_fn = lookup_header;
    p->req.query_fn = lookup_query;
    identify(s, p, conn);
    p->req.client_ip = p->cx.client_ip;
    atomic_fetch_add(&s->in_flight, 1);
    return p;
}

static enum MHD_Result queue(struct http_server *s, struct pending *p, struct MHD_Connection *conn,
                             struct http_response *res)
{
    struct MHD_Response *r;

    if (res->body_fd >= 0)
        r = MHD_create_response_from_fd_at_offset64((uint64_t)res->fd_len, res->body_fd,
                                                    (uint64_t)res->fd_offset);
    else
        r = MHD_create_response_from_buffer(res->body_len, (void *)res->body,
                                            MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    if (res->content_type)
        MHD_add_response_header(r, "Content-Type", res->content_type);
    for (int i = 0; i < res->n_headers; i++)
        MHD_add_response_header(r, res->headers[i].name, res->headers[i].value);
    MHD_add_response_header(r, "X-Request-Id", p->cx.request_id);
    if (atomic_load(&s->app->draining))
        MHD_add_response_header(r, "Connection", "close");
    p->status = res->status;
    enum MHD_Result rc = MHD_queue_response(conn, (unsigned int)res->status, r);
    MHD_destroy_response(r);
    return rc;
}

static bool declared_too_large(struct MHD_Connection *conn, unsigned long long max)
{
    const char *cl = lookup_header(conn, "Content-Length");
    unsigned long long n;

    return cl && str_to_u64(str_from(cl), &n) && n > max;
}

static bool has_body(struct MHD_Connection *conn)
{
    const char *cl = lookup_header(conn, "Content-Length");

    return (cl && strcmp(cl, "0") != 0) || lookup_header(conn, "Transfer-Encoding");
}

/* Answers the failure recorded in the context now; the rest of the body is never read. */
static enum MHD_Result reject(struct http_server *s, struct pending *p,
                              struct MHD_Connection *conn)
{
    struct http_response res;

    http_response_init(&res, p->cx.arena);
    s->handle(&p->cx, &p->req, &res);
    p->rejected = 1;
    return queue(s, p, conn, &res);
}

static enum MHD_Result reject_too_large(struct http_server *s, struct pending *p,
                                        struct MHD_Connection *conn, unsigned long long max)
{
    p->cx.err_code = ERR_TOO_LARGE;
    p->cx.err_msg = arena_printf(p->cx.arena, "the request body is larger than %llu bytes", max);
    return reject(s, p, conn);
}

/* The first call: headers only; answering now would cost keep-alive, unless refusing. */
static enum MHD_Result on_headers(struct http_server *s, struct pending *p,
                                  struct MHD_Connection *conn)
{
    unsigned long long max = s->app->cfg->max_body;

    if (s->open_sink && has_body(conn)) {
        p->req.sink = s->open_sink(&p->cx, &p->req);
        if (p->cx.err_code)
            return reject(s, p, conn);
        if (p->req.sink)
            max = p->req.sink->max_len;
    }
    return declared_too_large(conn, max) ? reject_too_large(s, p, conn, max) : MHD_YES;
}

static enum MHD_Result on_body(struct http_server *s, struct pending *p,
                               struct MHD_Connection *conn, const char *data, size_t len)
{
    struct http_sink *sink = p->req.sink;

    if (p->rejected)
        return MHD_YES;
    if (!sink) {
        if (p->body.len + len > s->app->cfg->max_body)
            return reject_too_large(s, p, conn, s->app->cfg->max_body);
        buf_add(&p->body, data, len);
        return MHD_YES;
    }
    if (sink->written + len > sink->max_len)
        return reject_too_large(s, p, conn, sink->max_len);
    if (!sink->failed)
        sink->failed = sink->write(sink, data, len);
    sink->written += len;
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **req_cls)
{
    struct http_server *s = cls;
    struct pending *p = *req_cls;

    if (!p) {
        p = *req_cls = pending_new(s, conn, url, method);
        return on_headers(s, p, conn);
    }
    if (*upload_data_size) {
        enum MHD_Result rc = on_body(s, p, conn, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return rc;
    }
    if (p->rejected)
        return MHD_YES;
    struct http_response res;
    http_response_init(&res, p->cx.arena);
    p->req.body = (struct str){p->body.p ? p->body.p : "", p->body.len};
    s->handle(&p->cx, &p->req, &res);
    return queue(s, p, conn, &res);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct http_server *s = cls;
    struct pending *p = *req_cls;

    if (!p)
        return;
    *req_cls = NULL;
    if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK && p->status == 0)
        p->status = 499; /* the client went away before an answer */
    s->done(&p->cx, &p->req, p->status, seconds_since(&p->start));
    atomic_fetch_sub(&s->in_flight, 1);
    arena_free(p->cx.arena);
}

static int resolve(const struct config *cfg, struct sockaddr_storage *ss, struct buf *why)
{
    struct addrinfo hints = {.ai_flags = AI_NUMERICSERV, .ai_socktype = SOCK_STREAM};
    struct addrinfo *res;
    char port[8];

    snprintf(port, sizeof(port), "%d", cfg->listen_port);
    int rc = getaddrinfo(cfg->listen_host, port, &hints, &res);
    if (rc != 0) {
        buf_printf(why, "MANGU_LISTEN: cannot resolve '%s': %s", cfg->listen_host,
                   gai_strerror(rc));
        return -1;
    }
    memcpy(ss, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return 0;
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
    struct buf b = BUF_INIT;

    buf_vprintf(&b, fmt, ap);
    while (b.len && b.p[b.len - 1] == '\n')
        b.p[--b.len] = '\0';
    log_json(LOG_WARN, "http server", json_pack("{s:s}", "detail", b.p ? b.p : ""));
    buf_release(&b);
}

int http_server_start(struct app *app, const struct http_handlers *handlers,
                      struct http_server **out, struct buf *why)
{
    const struct config *cfg = app->cfg;
    struct sockaddr_storage ss;

    if (resolve(cfg, &ss, why) != 0)
        return -1;
    struct http_server *s = xcalloc(1, sizeof(*s));
    s->app = app;
    s->handle = handlers->handle;
    s->done = handlers->done;
    s->open_sink = handlers->open_sink;
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (ss.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    s->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER,
                                 on_mhd_log, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                                 MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)cfg->threads,
                                 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)cfg->idle_timeout_s,
                                 MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->max_header,
                                 MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
                                 MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_END);
    if (!s->daemon) {
        buf_printf(why, "cannot listen on %s:%d (is the port taken?)", cfg->listen_host,
                   cfg->listen_port);
        free(s);
        return -1;
    }
    *out = s;
    return 0;
}

int http_server_drain(struct http_server *s, int timeout_s)
{
    struct timespec t0;

    atomic_store(&s->app->draining, true);
    MHD_socket fd = MHD_quiesce_daemon(s->daemon);
    if (fd != MHD_INVALID_SOCKET)
        close(fd); /* new connections are refused from here on */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (atomic_load(&s->in_flight) > 0 && seconds_since(&t0) < timeout_s)
        usleep(20 * 1000);
    int left = atomic_load(&s->in_flight);
    if (left > 0)
        return left; /* MHD_stop_daemon would wait for them; the caller exits instead */
    MHD_stop_daemon(s->daemon);
    free(s);
    return 0;
}
