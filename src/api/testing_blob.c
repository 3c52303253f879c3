/* testing_blob.c: test-build-only routes that put, read, sign and stream objects (3010-storage). */
#include "api/testing_blob.h"
#include "blob/blob.h"

#include <string.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

static const char *key_arg(struct http_request *req)
{
    const char *key = http_request_query(req, "key");

    return key ? key : "";
}

/* A store failure as the request's error, with the key for the message. */
static int fail(struct ctx *cx, int rc, const char *key)
{
    return cx_fail(cx, rc, "storage: '%s': %s", key, err_name(rc));
}

int api_test_blob_put(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *key = key_arg(req), *version = NULL;
    const char *ct = http_request_header(req, "Content-Type");
    int rc = blob_put(cx->app->blob, cx->arena, key, req->body.p, req->body.len,
                      ct ? ct : "application/octet-stream", &version);

    if (rc != 0)
        return fail(cx, rc, key);
    http_respond_json_new(res, 201,
                          json_pack("{s:s, s:s?, s:I}", "key", key, "version", version, "size",
                                    (json_int_t)req->body.len));
    return 0;
}

/* Streams "fd" ("size" bytes) as the response; the server closes it. */
static void respond_fd(struct http_response *res, int fd, const struct blob_info *info)
{
    res->status = 200;
    res->content_type = info->content_type;
    res->body_fd = fd;
    res->fd_offset = 0;
    res->fd_len = info->size;
    if (info->version)
        http_response_header(res, "X-Blob-Version", info->version);
}

static int get_object(struct ctx *cx, struct http_response *res, const char *key,
                      const char *version)
{
    struct blob_info info;
    int fd;
    int rc = blob_open_read(cx->app->blob, cx->arena, key, version, &fd, &info);

    if (rc != 0)
        return fail(cx, rc, key);
    respond_fd(res, fd, &info);
    return 0;
}

int api_test_blob_get(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return get_object(cx, res, key_arg(req), http_request_query(req, "version"));
}

int api_test_blob_head(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *key = key_arg(req);
    struct blob_info info;
    int rc = blob_head(cx->app->blob, cx->arena, key, http_request_query(req, "version"), &info);

    if (rc != 0)
        return fail(cx, rc, key);
    http_respond_json_new(res, 200,
                          json_pack("{s:I, s:s, s:s?}", "size", (json_int_t)info.size,
                                    "content_type", info.content_type, "version", info.version));
    return 0;
}

int api_test_blob_delete(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *key = key_arg(req);
    int rc = blob_delete(cx->app->blob, key, http_request_query(req, "version"));

    if (rc != 0)
        return fail(cx, rc, key);
    http_respond_bytes(res, 204, NULL, "", 0);
    return 0;
}

static json_t *target_json(const struct blob_target *t)
{
    json_t *headers = json_object();

    for (int i = 0; i < t->n_headers; i++)
        json_object_set_new(headers, t->headers[i].name, json_string(t->headers[i].value));
    return json_pack("{s:s, s:s, s:o, s:I}", "method", t->method, "url", t->url, "headers", headers,
                     "expires_at", (json_int_t)t->expires_at);
}

int api_test_blob_presign(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    json_t *j = req->json;
    const char *method = json_string_value(json_object_get(j, "method"));
    const char *key = json_string_value(json_object_get(j, "key"));
    const char *ct = json_string_value(json_object_get(j, "content_type"));
    const char *version = json_string_value(json_object_get(j, "version"));
    json_int_t size = json_integer_value(json_object_get(j, "size"));
    json_int_t expires = json_integer_value(json_object_get(j, "expires_s"));
    struct blob_target t;
    int rc;

    if (!method || !key)
        return cx_fail(cx, ERR_INVALID, "method and key are required");
    if (strcmp(method, "PUT") == 0)
        rc = blob_presign_put(cx->app->blob, cx->arena, key, ct, (long long)size, (int)expires, &t);
    else
        rc = blob_presign_get(cx->app->blob, cx->arena, key, version, (int)expires, &t);
    if (rc != 0)
        return fail(cx, rc, key);
    http_respond_json_new(res, 200, target_json(&t));
    return 0;
}

/* Writes the buffered body through the streaming writer, 64 KiB at a time. */
static int stream_body(struct ctx *cx, const struct blob_grant *g, struct str body,
                       const char **version, char sha[65])
{
    struct blob_writer *w;
    int rc = blob_disk_write_stream_begin(cx->app->blob, g->key, g->content_type, g->size, &w);

    for (size_t off = 0; rc == 0 && off < body.len; off += CHUNK) {
        size_t n = body.len - off < CHUNK ? body.len - off : CHUNK;
        rc = blob_disk_write_stream_append(w, body.p + off, n);
    }
    if (rc == 0)
        return blob_disk_write_stream_commit(w, cx->arena, version, sha);
    blob_disk_write_stream_abort(w);
    return rc;
}

int api_test_blob_upload(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct blob_grant g;
    const char *ct = http_request_header(req, "Content-Type"), *version = NULL;
    char sha[65];
    int rc =
        blob_disk_verify_upload(cx->app->blob, cx->arena, http_request_param(req, "token"), &g);

    if (rc != 0)
        return cx_fail(cx, rc, "upload URL refused: %s", err_name(rc));
    if (!ct || strcmp(ct, g.content_type) != 0)
        return cx_fail(cx, ERR_FORBIDDEN, "Content-Type differs from the signed one");
    if ((long long)req->body.len > g.size)
        return cx_fail(cx, ERR_TOO_LARGE, "the body is larger than the signed size");
    if ((rc = stream_body(cx, &g, req->body, &version, sha)) != 0)
        return fail(cx, rc, g.key);
    http_respond_json_new(
        res, 201, json_pack("{s:s, s:s, s:s}", "key", g.key, "version", version, "sha256", sha));
    return 0;
}

int api_test_blob_download(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct blob_grant g;
    int rc =
        blob_disk_verify_download(cx->app->blob, cx->arena, http_request_param(req, "token"), &g);

    if (rc != 0)
        return cx_fail(cx, rc, "download URL refused: %s", err_name(rc));
    return get_object(cx, res, g.key, g.version);
}
