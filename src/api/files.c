/* files.c (api): authors' uploads, and readers' access to the bytes behind a book. */
#include "api/files.h"
#include "api/json.h"
#include "api/uploads.h"
#include "core/timefmt.h"
#include "service/catalog.h"
#include "service/publishing.h"
#include "store/library.h"

#include <stdio.h>
#include <string.h>

#define CONTENT_LINK_S 300 /* a reader's download link lives 5 minutes */

static int book_id(struct ctx *cx, struct http_request *req, const char *name, long long *id)
{
    if (!catalog_parse_id(http_request_param(req, name), id))
        return cx_fail(cx, ERR_NOT_FOUND, "no such book");
    return 0;
}

static json_t *file_json(const struct file_row *f)
{
    json_t *meta = f->metadata_json ? json_loads(f->metadata_json, 0, NULL) : NULL;

    return json_pack("{s:I, s:I, s:s, s:s, s:I, s:s?, s:s, s:I, s:s?, s:s?, s:o, s:s, s:s?}",
                     "id", (json_int_t)f->id, "book_id", (json_int_t)f->book_id, "kind",
                     f->kind, "status", f->status, "version", (json_int_t)f->version,
                     "original_name", f->original_name, "content_type", f->content_type,
                     "size", (json_int_t)f->size_bytes, "sha256", f->sha256, "expires_at",
                     f->expires_at, "metadata", meta ? meta : json_null(), "created_at",
                     f->created_at ? f->created_at : "", "completed_at", f->completed_at);
}

static json_t *target_json(const struct blob_target *t)
{
    json_t *headers = json_object();

    for (int i = 0; i < t->n_headers; i++)
        json_object_set_new(headers, t->headers[i].name, json_string(t->headers[i].value));
    return json_pack("{s:s, s:s, s:o, s:I}", "method", t->method, "url", t->url, "headers",
                     headers, "expires_in", (json_int_t)UPLOAD_EXPIRES_S);
}

int api_files_create(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    json_t *b = req->json, *size = json_object_get(b, "size");
    struct upload_request in = {json_string_value(json_object_get(b, "kind")),
                                json_string_value(json_object_get(b, "file_name")),
                                json_string_value(json_object_get(b, "content_type")),
                                json_is_integer(size) ? json_integer_value(size) : -1};
    struct file_row f;
    struct blob_target t;
    int rc = book_id(cx, req, "id", &id);

    if (rc == 0)
        rc = publishing_request_upload(cx, id, &in, &f, &t);
    if (rc == 0)
        http_respond_json_new(res, 201, json_pack("{s:o, s:o}", "file", file_json(&f), "upload",
                                                  target_json(&t)));
    return rc;
}

int api_files_complete(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id, file_id;
    struct file_row f;
    json_t *report = NULL;
    int rc = book_id(cx, req, "id", &id);

    if (rc == 0 && !catalog_parse_id(http_request_param(req, "file_id"), &file_id))
        rc = cx_fail(cx, ERR_NOT_FOUND, "no such file");
    if (rc == 0)
        rc = publishing_complete(cx, id, file_id, &f, &report);
    if (report)
        arena_defer(cx->arena, (arena_cleanup_fn)json_decref, report);
    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:o, s:O?}", "file", file_json(&f),
                                                  "report", report));
    return rc;
}

int api_files_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    struct file_row *items;
    int n, rc = book_id(cx, req, "id", &id);

    if (rc == 0)
        rc = publishing_check_owner(cx, id);
    if (rc == 0)
        rc = store_files_list(cx, id, &items, &n);
    if (rc != 0)
        return rc;
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(arr, file_json(&items[i]));
    http_respond_json_new(res, 200, json_pack("{s:o}", "items", arr));
    return 0;
}

/* Sends a stored object: S3 answers a short-lived redirect, disk streams it with Range. */
static int deliver(struct ctx *cx, struct http_request *req, struct http_response *res,
                   const struct file_row *f)
{
    struct blob_info info;
    struct blob_target t;
    int fd;

    if (strcmp(blob_driver_name(cx->app->blob), "s3") == 0) {
        if (blob_presign_get(cx->app->blob, cx->arena, f->storage_key, NULL, CONTENT_LINK_S,
                             &t) != 0)
            return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
        http_response_header(res, "Location", t.url);
        http_response_header(res, "Cache-Control", "private, no-store");
        http_respond_bytes(res, 302, NULL, "", 0);
        return 0;
    }
    int rc = blob_open_read(cx->app->blob, cx->arena, f->storage_key, NULL, &fd, &info);
    if (rc != 0)
        return cx_fail(cx, rc == ERR_NOT_FOUND ? rc : ERR_UNAVAILABLE,
                       "the file is not available right now");
    http_response_header(res, "Cache-Control", "private, no-store");
    return api_send_fd(cx, req, res, fd, info.size, f->content_type);
}

/*
 * The reader's file behind a link: a presigned S3 GET, or this server's signed
 * /api/downloads path on disk. Fetched without credentials, so no Authorization header ever
 * follows a redirect to another origin, and the bytes come from storage, not through here.
 */
static int link_to(struct ctx *cx, struct http_response *res, const struct file_row *f)
{
    struct blob_target t;
    char expires[TIME_RFC3339_LEN];

    if (blob_presign_get(cx->app->blob, cx->arena, f->storage_key, NULL, CONTENT_LINK_S, &t) != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
    time_format(t.expires_at, expires);
    http_response_header(res, "Cache-Control", "private, no-store");
    http_respond_json_new(res, 200,
                          json_pack("{s:s, s:s, s:s, s:I}", "url", t.url, "expires_at", expires,
                                    "content_type", f->content_type, "size",
                                    (json_int_t)f->size_bytes));
    return 0;
}

/* The caller's own copy of the book: 403 when it is not in their library. */
static int owned_manuscript(struct ctx *cx, struct http_request *req, long long *id,
                            struct file_row *f)
{
    struct library_entry e;
    int rc = book_id(cx, req, "book_id", id);

    if (rc == 0 && (rc = store_library_find(cx, cx->user_id, *id, &e)) == ERR_NOT_FOUND)
        return cx_fail(cx, ERR_FORBIDDEN, "this book is not in your library");
    if (rc == 0 && (rc = store_files_current(cx, *id, "manuscript", f)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "this book has no readable file yet");
    return rc;
}

int api_library_content(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    struct file_row f;
    int rc = owned_manuscript(cx, req, &id, &f);

    if (rc == 0 && !http_request_header(req, "Range"))
        store_library_count_download(cx, cx->user_id, id);
    return rc ? rc : deliver(cx, req, res, &f);
}

int api_library_content_link(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    long long id;
    struct file_row f;
    int rc = owned_manuscript(cx, req, &id, &f);

    if (rc == 0)
        store_library_count_download(cx, cx->user_id, id);
    return rc ? rc : link_to(cx, res, &f);
}

/* A published book's sample, anyone's. */
static int public_sample(struct ctx *cx, struct http_request *req, struct file_row *f)
{
    long long id, price;
    bool published;
    int rc = book_id(cx, req, "id", &id);

    if (rc == 0 && ((rc = store_library_book_price(cx, id, &price, &published)) != 0 ||
                    !published))
        return rc && rc != ERR_NOT_FOUND ? rc : cx_fail(cx, ERR_NOT_FOUND, "no such book");
    if (rc == 0 && (rc = store_files_current(cx, id, "sample", f)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "this book has no sample");
    return rc;
}

int api_books_sample(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct file_row f;
    int rc = public_sample(cx, req, &f);

    return rc ? rc : deliver(cx, req, res, &f);
}

int api_books_sample_link(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct file_row f;
    int rc = public_sample(cx, req, &f);

    return rc ? rc : link_to(cx, res, &f);
}

/* Only thumbnails are public: "books/<id>/cover/v<n>-<16 hex>-<160|320|640>.<webp|jpg>". */
static bool public_key(const char *key)
{
    long long book, version;
    char hex[17], ext[5];
    int width, end = 0;

    if (sscanf(key, "books/%lld/cover/v%lld-%16[0-9a-f]-%d.%4[a-z]%n", &book, &version, hex,
               &width, ext, &end) != 5 ||
        key[end] != '\0' || !blob_key_valid(key))
        return false;
    return strlen(hex) == 16 && (width == 160 || width == 320 || width == 640) &&
           (strcmp(ext, "webp") == 0 || strcmp(ext, "jpg") == 0);
}

void api_static_serve(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *key = req->path + strlen("/static/");
    struct blob_info info;
    int fd;

    cx->route = "/static/{key}";
    if (!public_key(key)) {
        api_respond_error_msg(cx, res, ERR_NOT_FOUND, "no such file");
        return;
    }
    int rc = blob_open_read(cx->app->blob, cx->arena, key, NULL, &fd, &info);
    if (rc != 0) {
        api_respond_error_msg(cx, res, rc == ERR_NOT_FOUND ? rc : ERR_UNAVAILABLE,
                              rc == ERR_NOT_FOUND ? "no such file" : "storage is unavailable");
        return;
    }
    http_response_header(res, "Cache-Control", "public, max-age=86400");
    api_send_fd(cx, req, res, fd, info.size,
                strstr(key, ".webp") ? "image/webp" : "image/jpeg");
}
