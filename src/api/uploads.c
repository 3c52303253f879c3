/* uploads.c (api): bodies of signed disk uploads stream to storage, never into memory. */
#include "api/uploads.h"
#include "blob/blob.h"
#include "http/range.h"
#include "service/publishing.h"
#include "store/files.h"
#include <stdio.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct upload_sink {
    struct http_sink base; /* first: the server sees only this */
    struct blob_writer *writer;
    struct blob_grant grant;
};

static int sink_write(struct http_sink *base, const char *data, size_t len)
{
    struct upload_sink *u = (struct upload_sink *)base;

    return blob_disk_write_stream_append(u->writer, data, len);
}

/* Runs at the end of the request: a writer not committed by then leaves nothing behind. */
static void sink_cleanup(void *p)
{
    struct upload_sink *u = p;

    blob_disk_write_stream_abort(u->writer);
    u->writer = NULL;
}

static const char *token_of(const char *path)
{
    return path + strlen("/api/uploads/");
}

static int check_request(struct ctx *cx, struct http_request *req, const struct blob_grant *g)
{
    const char *type = http_request_header(req, "Content-Type");
    const char *len = http_request_header(req, "Content-Length");
    char want[24];

    snprintf(want, sizeof(want), "%lld", g->size);
    if (!type || strcasecmp(type, g->content_type) != 0)
        return cx_fail(cx, ERR_MEDIA_TYPE, "send this upload as %s, as announced",
                       g->content_type);
    if (!len || strcmp(len, want) != 0)
        return cx_fail(cx, ERR_INVALID, "send exactly %lld bytes with a Content-Length, as "
                                        "announced", g->size);
    return 0;
}

struct http_sink *api_uploads_open_sink(struct ctx *cx, struct http_request *req)
{
    struct upload_sink *u = arena_zalloc(cx->arena, sizeof(*u));
    int rc = blob_disk_verify_upload(cx->app->blob, cx->arena, token_of(req->path), &u->grant);

    if (rc != 0) {
        cx_fail(cx, rc == ERR_NOT_FOUND ? ERR_NOT_FOUND : ERR_FORBIDDEN,
                "this upload link is not valid or has expired; ask for a new one");
        return NULL;
    }
    if (check_request(cx, req, &u->grant) != 0)
        return NULL;
    bool pending = false;
    const char *stored = publishing_stored_key(u->grant.key);
    if (stored && store_files_key_pending(cx, stored, &pending) != 0)
        return NULL;
    if (!pending) {
        /* a completed file's bytes never change: the link dies with its pending state */
        cx_fail(cx, ERR_FORBIDDEN, "this upload is already complete; start a new one");
        return NULL;
    }
    rc = blob_disk_write_stream_begin(cx->app->blob, u->grant.key, u->grant.content_type,
                                      u->grant.size, &u->writer);
    if (rc != 0) {
        cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
        return NULL;
    }
    arena_defer(cx->arena, sink_cleanup, u);
    u->base.write = sink_write;
    u->base.max_len = (unsigned long long)u->grant.size;
    return &u->base;
}

int api_uploads_put(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct upload_sink *u = (struct upload_sink *)req->sink;
    const char *version;
    char sha[65];

    if (!u)
        return cx_fail(cx, ERR_INVALID, "the upload has no body");
    if (u->base.failed)
        return cx_fail(cx, u->base.failed == ERR_TOO_LARGE ? ERR_TOO_LARGE : ERR_UNAVAILABLE,
                       "the upload could not be stored");
    int rc = blob_disk_write_stream_commit(u->writer, cx->arena, &version, sha);
    u->writer = NULL; /* commit frees it whatever the outcome */
    if (rc == ERR_UNPROCESSABLE)
        return cx_fail(cx, ERR_INVALID, "the upload is shorter than announced");
    if (rc != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
    http_respond_json_new(res, 200,
                          json_pack("{s:s, s:I, s:s}", "key", u->grant.key, "size",
                                    (json_int_t)u->grant.size, "sha256", sha));
    return 0;
}

/*
 * Answers an open object "fd" of "size" bytes, honouring a single Range; "fd" is closed with
 * the response (or here on a 416).
 */
int api_send_fd(struct ctx *cx, struct http_request *req, struct http_response *res, int fd,
                long long size, const char *type)
{
    long long start = 0, len = size;
    enum range_outcome r = range_parse(http_request_header(req, "Range"), size, &start, &len);

    http_response_header(res, "Accept-Ranges", "bytes");
    if (r == RANGE_UNSATISFIABLE) {
        close(fd);
        http_response_header(res, "Content-Range", arena_printf(cx->arena, "bytes */%lld", size));
        http_respond_bytes(res, 416, NULL, "", 0);
        return 0;
    }
    if (r == RANGE_OK)
        http_response_header(res, "Content-Range",
                             arena_printf(cx->arena, "bytes %lld-%lld/%lld", start,
                                          start + len - 1, size));
    res->status = r == RANGE_OK ? 206 : 200;
    res->content_type = type;
    res->body_fd = fd;
    res->fd_offset = start;
    res->fd_len = len;
    return 0;
}

int api_downloads_get(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct blob_grant g;
    struct blob_info info;
    int fd;
    int rc = blob_disk_verify_download(cx->app->blob, cx->arena,
                                       http_request_param(req, "token"), &g);

    if (rc != 0)
        return cx_fail(cx, rc == ERR_NOT_FOUND ? ERR_NOT_FOUND : ERR_FORBIDDEN,
                       "this download link is not valid or has expired");
    rc = blob_open_read(cx->app->blob, cx->arena, g.key, g.version, &fd, &info);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "this file no longer exists");
    if (rc != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
    http_response_header(res, "Cache-Control", "private, max-age=300");
    return api_send_fd(cx, req, res, fd, info.size, info.content_type);
}
