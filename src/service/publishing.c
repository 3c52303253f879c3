/* publishing.c (service): nothing an author uploads is visible until it has been validated. */
#include "service/publishing.h"
#include "core/log.h"
#include "core/secret.h"
#include "core/ticker.h"
#include "core/timefmt.h"
#include "media/media.h"
#include "service/catalog.h"
#include "store/books.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const char *const manuscript_types[] = {"application/epub+zip", "application/pdf", NULL};
static const char *const image_types[] = {"image/jpeg", "image/png", "image/webp", NULL};

static bool one_of(const char *s, const char *const *list)
{
    for (int i = 0; s && list[i]; i++)
        if (strcasecmp(s, list[i]) == 0)
            return true;
    return false;
}

int publishing_check_owner(struct ctx *cx, long long book_id)
{
    struct book b;
    bool mine = false;
    int rc = store_books_find(cx, book_id, &b);

    if (rc == ERR_NOT_FOUND || (rc == 0 && b.status && strcmp(b.status, "deleted") == 0))
        return cx_fail(cx, ERR_NOT_FOUND, "no such book");
    if (rc != 0 || catalog_is_admin(cx))
        return rc;
    rc = store_books_is_author(cx, book_id, cx->user_id, &mine);
    if (rc == 0 && !mine)
        return cx_fail(cx, ERR_FORBIDDEN, "only this book's authors may change it");
    return rc;
}

/* Size and type rules per kind: 413 and 415 before any byte is sent. */
static int check_upload(struct ctx *cx, const struct upload_request *in)
{
    struct media_limits l;
    bool image = in->kind && strcmp(in->kind, "cover") == 0;

    media_limits_from_config(&l, cx->app->cfg);
    if (!in->kind || (!image && strcmp(in->kind, "manuscript") && strcmp(in->kind, "sample")))
        return cx_fail_details(cx, ERR_INVALID,
                               json_pack("{s:{s:s}}", "fields", "kind",
                                         "manuscript, cover or sample"),
                               "kind must be manuscript, cover or sample");
    if (in->size <= 0)
        return cx_fail_details(cx, ERR_INVALID,
                               json_pack("{s:{s:s}}", "fields", "size", "the size in bytes"),
                               "size must be the file's size in bytes");
    if (!one_of(in->content_type, image ? image_types : manuscript_types))
        return cx_fail(cx, ERR_MEDIA_TYPE, image ? "covers must be JPEG, PNG or WebP images"
                                                 : "manuscripts must be EPUB or PDF files");
    size_t max = image ? l.max_cover_bytes : l.max_manuscript_bytes;
    if ((unsigned long long)in->size > max)
        return cx_fail(cx, ERR_TOO_LARGE, "this file is larger than %zu bytes", max);
    return 0;
}

/* Keys are made here only: the uploader's file name never reaches storage paths. */
static const char *new_key(struct ctx *cx, long long book_id, const char *kind, long long v)
{
    char rnd[17];

    secret_hex_new(rnd, 8);
    return arena_printf(cx->arena, "books/%lld/%s/v%lld-%s", book_id, kind, v, rnd);
}

#define UPLOAD_PREFIX "uploads/"

/*
 * Where the browser sends the bytes of the file stored at "key": a key of its own. Completion
 * copies it to "key", which no upload URL names, so a presigned PUT reused within its 15
 * minutes cannot change what was validated and is served.
 */
static const char *upload_key(struct ctx *cx, const char *key)
{
    return arena_printf(cx->arena, UPLOAD_PREFIX "%s", key);
}

const char *publishing_stored_key(const char *upload_key)
{
    size_t n = strlen(UPLOAD_PREFIX);

    return strncmp(upload_key, UPLOAD_PREFIX, n) == 0 ? upload_key + n : NULL;
}

/* Both objects of a file that will never be ready (best effort: the janitor retries rows). */
static int delete_objects(struct ctx *cx, const char *key)
{
    int rc = blob_delete(cx->app->blob, upload_key(cx, key), NULL);
    int rc2 = blob_delete(cx->app->blob, key, NULL);

    return rc != 0 && rc != ERR_NOT_FOUND ? rc : rc2;
}

static const char *clean_name(struct ctx *cx, const char *name)
{
    if (!name)
        return NULL;
    size_t n = strnlen(name, 200);
    char *out = arena_strndup(cx->arena, name, n);

    for (char *p = out; *p; p++)
        if ((unsigned char)*p < ' ' || *p == '/' || *p == '\\')
            *p = '_';
    return out;
}

int publishing_request_upload(struct ctx *cx, long long book_id, const struct upload_request *in,
                              struct file_row *file, struct blob_target *target)
{
    int rc = check_upload(cx, in);

    if (rc != 0 || (rc = publishing_check_owner(cx, book_id)) != 0)
        return rc;
    memset(file, 0, sizeof(*file));
    file->book_id = book_id;
    file->kind = in->kind;
    file->content_type = in->content_type;
    file->size_bytes = in->size;
    file->original_name = clean_name(cx, in->file_name);
    file->expires_at = time_from_now(cx->arena, UPLOAD_EXPIRES_S);
    file->status = "pending";
    if ((rc = store_files_next_version(cx, book_id, in->kind, &file->version)) != 0)
        return rc;
    file->storage_key = new_key(cx, book_id, in->kind, file->version);
    rc = blob_presign_put(cx->app->blob, cx->arena, upload_key(cx, file->storage_key),
                          in->content_type, in->size, UPLOAD_EXPIRES_S, target);
    if (rc != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
    return store_files_insert_pending(cx, file, cx->user_id, &file->id);
}

static int sha256_fd(int fd, char out[65])
{
    crypto_hash_sha256_state st;
    unsigned char buf[65536], digest[crypto_hash_sha256_BYTES];
    off_t off = 0;
    ssize_t n;

    crypto_hash_sha256_init(&st);
    while ((n = pread(fd, buf, sizeof(buf), off)) > 0) {
        crypto_hash_sha256_update(&st, buf, (unsigned long long)n);
        off += n;
    }
    crypto_hash_sha256_final(&st, digest);
    sodium_bin2hex(out, 65, digest, sizeof(digest));
    return n < 0 ? -1 : 0;
}

/* A refused file is marked failed and its bytes removed: nothing half-done stays behind. */
static int refuse(struct ctx *cx, const struct file_row *f, int code, json_t *report)
{
    json_t *reasons = json_object_get(report, "reasons");
    const char *first = json_string_value(json_object_get(json_array_get(reasons, 0), "message"));
    char *err = json_dumps(reasons ? reasons : json_null(), JSON_COMPACT);

    store_files_mark_failed(cx, f->id, err);
    free(err);
    delete_objects(cx, f->storage_key);
    return cx_fail_details(cx, code, json_pack("{s:O}", "reasons", reasons ? reasons : json_array()),
                           "the file was refused: %s", first ? first : "it is not valid");
}

static json_t *simple_report(const char *code, const char *message)
{
    return json_pack("{s:b, s:[{s:s, s:s}]}", "ok", 0, "reasons", "code", code, "message",
                     message);
}

/* An EPUB's own cover, kept to become the book's cover when the book has none. */
struct found_cover {
    const unsigned char *data; /* NULL: none to use */
    size_t len;
    const char *type;
    struct thumbnail thumbs[IMAGE_N_THUMBS];
};

static bool book_has_cover(struct ctx *cx, long long book_id)
{
    struct book b;

    return store_books_find(cx, book_id, &b) != 0 || (b.cover_key && *b.cover_key);
}

/* Makes the thumbnails of the manuscript's cover; an image that will not decode is skipped. */
static void keep_cover(struct ctx *cx, const struct file_row *f, const struct manuscript_report *r,
                       struct found_cover *out)
{
    struct media_limits l;
    struct cover_report cr;

    if (!r->cover || r->format != MEDIA_EPUB || strcmp(f->kind, "manuscript") != 0 ||
        book_has_cover(cx, f->book_id))
        return;
    media_limits_from_config(&l, cx->app->cfg);
    if (media_cover_thumbnails(cx->arena, &l, r->cover, r->cover_len, r->cover_type, &cr,
                               out->thumbs) != 0)
        return;
    out->data = r->cover;
    out->len = r->cover_len;
    out->type = r->cover_type;
}

static int check_manuscript(struct ctx *cx, struct file_row *f, int fd, json_t **report,
                            struct found_cover *cover)
{
    struct media_limits l;
    struct manuscript_report r;

    media_limits_from_config(&l, cx->app->cfg);
    int rc = media_check_manuscript(cx->arena, &l, fd, f->content_type, &r);
    if (rc == ERR_UNAVAILABLE || rc == ERR_INTERNAL)
        return cx_fail(cx, rc, "the file could not be checked now; try again");
    *report = report_to_json(&r);
    if (rc != 0)
        return refuse(cx, f, rc, *report);
    f->page_count = r.pages > 0 ? r.pages : 0;
    char *meta = json_dumps(json_object_get(*report, "metadata"), JSON_COMPACT);
    f->metadata_json = arena_strdup(cx->arena, meta ? meta : "{}");
    free(meta);
    f->content_type = r.format == MEDIA_PDF ? "application/pdf" : "application/epub+zip";
    keep_cover(cx, f, &r, cover);
    return 0;
}

static unsigned char *read_all(struct ctx *cx, int fd, size_t len)
{
    unsigned char *data = arena_alloc(cx->arena, len + 1);
    size_t got = 0;
    ssize_t n;

    while (got < len && (n = pread(fd, data + got, len - got, (off_t)got)) > 0)
        got += (size_t)n;
    return got == len ? data : NULL;
}

/* True when an earlier thumbnail of the set has the same format and width (small originals). */
static bool repeats(const struct thumbnail *t, int i)
{
    for (int j = 0; j < i; j++)
        if (t[j].width == t[i].width && strcmp(t[j].format, t[i].format) == 0)
            return true;
    return false;
}

static int store_one(struct ctx *cx, const struct file_row *f, const struct thumbnail *t,
                     const char *now, const char **key)
{
    struct file_row row = {.width = t->width, .height = t->height, .content_type = t->media_type,
                           .size_bytes = (long long)t->len};
    char sha[SECRET_HASH_LEN];

    row.storage_key = arena_printf(cx->arena, "%s-%d.%s", f->storage_key, t->nominal,
                                   strcmp(t->format, "jpeg") ? t->format : "jpg");
    secret_sha256_hex((const char *)t->data, t->len, sha);
    row.sha256 = arena_strdup(cx->arena, sha);
    if (blob_put(cx->app->blob, cx->arena, row.storage_key, t->data, t->len, t->media_type,
                 NULL) != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
    *key = row.storage_key;
    return store_files_insert_thumbnail(cx, f, &row, now);
}

/* Stores each thumbnail, then records them; the largest WebP becomes the book's cover. */
static int store_thumbnails(struct ctx *cx, const struct file_row *f,
                            const struct thumbnail *t, const char *now)
{
    const char *cover = NULL, *key = NULL;

    for (int i = 0; i < IMAGE_N_THUMBS; i++) {
        if (repeats(t, i))
            continue;
        int rc = store_one(cx, f, &t[i], now, &key);
        if (rc != 0)
            return rc;
        if (strcmp(t[i].format, "webp") == 0) /* ascending widths: the last is the largest */
            cover = key;
    }
    return store_files_set_book_cover(cx, f->book_id, cover, now);
}

/*
 * Records the manuscript's cover as the book's cover file, with thumbnails as for an uploaded
 * one. They hang off the manuscript they came from (store_files_insert_ready gives no id).
 */
static int use_manuscript_cover(struct ctx *cx, const struct file_row *m,
                                const struct found_cover *c, const char *now)
{
    struct file_row row = {.book_id = m->book_id, .kind = "cover", .content_type = c->type,
                           .size_bytes = (long long)c->len,
                           .original_name = "the manuscript's cover"};
    char sha[SECRET_HASH_LEN];
    int rc = store_files_next_version(cx, m->book_id, "cover", &row.version);

    if (rc != 0)
        return rc;
    row.storage_key = new_key(cx, m->book_id, "cover", row.version);
    secret_sha256_hex((const char *)c->data, c->len, sha);
    row.sha256 = arena_strdup(cx->arena, sha);
    if (blob_put(cx->app->blob, cx->arena, row.storage_key, c->data, c->len, c->type, NULL) != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
    if ((rc = store_files_insert_ready(cx, &row, now)) != 0)
        return rc;
    row.id = m->id;
    return store_thumbnails(cx, &row, c->thumbs, now);
}

static int check_cover(struct ctx *cx, struct file_row *f, int fd, struct thumbnail *thumbs,
                       json_t **report)
{
    struct media_limits l;
    struct cover_report r;
    unsigned char *data = read_all(cx, fd, (size_t)f->size_bytes);

    if (!data)
        return cx_fail(cx, ERR_UNAVAILABLE, "the file could not be read; try again");
    media_limits_from_config(&l, cx->app->cfg);
    int rc = media_cover_thumbnails(cx->arena, &l, data, (size_t)f->size_bytes,
                                    f->content_type, &r, thumbs);
    *report = json_pack("{s:b, s:o, s:o, s:i, s:i, s:s?}", "ok", rc == 0, "reasons",
                        notes_to_json(&r.reasons), "warnings", notes_to_json(&r.warnings),
                        "width", r.width, "height", r.height, "media_type", r.media_type);
    if (rc != 0)
        return refuse(cx, f, rc, *report);
    f->width = r.width;
    f->height = r.height;
    return 0;
}

/*
 * Copies the uploaded bytes to the file's own key and opens that copy: what is checked is what
 * will be served. The file stays pending when storage is down (complete again later).
 */
static int open_upload(struct ctx *cx, struct file_row *f, int *fd, json_t **report)
{
    struct blob_info info;
    int rc = blob_copy(cx->app->blob, cx->arena, upload_key(cx, f->storage_key), f->storage_key,
                       NULL);

    if (rc == 0)
        rc = blob_open_read(cx->app->blob, cx->arena, f->storage_key, NULL, fd, &info);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, ERR_CONFLICT, "nothing was uploaded yet; send the file first");
    if (rc != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable; try again shortly");
    if (info.size != f->size_bytes) {
        close(*fd);
        *report = simple_report("size_mismatch", "the file is not the size that was announced");
        return refuse(cx, f, ERR_UNPROCESSABLE, *report);
    }
    if (sha256_fd(*fd, (char *)(f->sha256 = arena_alloc(cx->arena, 65))) != 0) {
        close(*fd);
        return cx_fail(cx, ERR_UNAVAILABLE, "the file could not be read; try again");
    }
    return 0;
}

static int make_current(struct ctx *cx, struct file_row *f, const struct thumbnail *thumbs,
                        const struct found_cover *found)
{
    const char *now = time_from_now(cx->arena, 0);
    bool cover = strcmp(f->kind, "cover") == 0;
    bool manuscript = strcmp(f->kind, "manuscript") == 0;
    int rc = cx_begin(cx);

    if (rc != 0)
        return rc;
    if ((rc = store_files_make_current(cx, f, now)) == 0 &&
        (!cover || (rc = store_thumbnails(cx, f, thumbs, now)) == 0) &&
        (!manuscript ||
         (rc = store_files_set_book_format(
              cx, f->book_id, strcmp(f->content_type, "application/pdf") ? "epub" : "pdf",
              now)) == 0) &&
        (!found->data || (rc = use_manuscript_cover(cx, f, found, now)) == 0) &&
        (rc = cx_commit(cx)) == 0) {
        catalog_changed(cx);
        return 0;
    }
    cx_rollback(cx);
    return rc;
}

static int check_pending(struct ctx *cx, const struct file_row *f)
{
    time_t expires;

    if (strcmp(f->status, "failed") == 0)
        return cx_fail(cx, ERR_CONFLICT, "this upload was refused; start a new one");
    if (strcmp(f->status, "pending") != 0)
        return 0;
    if (f->expires_at && time_parse(f->expires_at, &expires) == 0 && expires < time(NULL)) {
        store_files_mark_failed(cx, f->id, "[\"the upload link expired\"]");
        delete_objects(cx, f->storage_key);
        return cx_fail(cx, ERR_CONFLICT, "the upload link expired; start a new upload");
    }
    return 0;
}

int publishing_complete(struct ctx *cx, long long book_id, long long file_id,
                        struct file_row *out, json_t **report)
{
    struct thumbnail thumbs[IMAGE_N_THUMBS];
    struct found_cover found = {0};
    int fd = -1;
    int rc = publishing_check_owner(cx, book_id);

    *report = NULL;
    if (rc == 0 && (rc = store_files_find(cx, book_id, file_id, out)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no such file");
    if (rc != 0 || (rc = check_pending(cx, out)) != 0 || strcmp(out->status, "pending") != 0)
        return rc; /* already completed: answer it again */
    if ((rc = open_upload(cx, out, &fd, report)) != 0)
        return rc;
    if (strcmp(out->kind, "cover") == 0)
        rc = check_cover(cx, out, fd, thumbs, report);
    else
        rc = check_manuscript(cx, out, fd, report, &found);
    close(fd);
    if (rc == 0 && (rc = make_current(cx, out, thumbs, &found)) == 0) {
        blob_delete(cx->app->blob, upload_key(cx, out->storage_key), NULL);
        if (strcmp(out->kind, "manuscript") == 0)
            json_object_set_new(*report, "book_cover_from_manuscript",
                                json_boolean(found.data != NULL));
        rc = store_files_find(cx, book_id, file_id, out);
    }
    return rc;
}

int publishing_cleanup(struct app *app)
{
    struct ctx cx = {.app = app, .arena = arena_new(), .route = "janitor", .client_ip = "-"};
    struct file_row *items;
    int n = 0;

    strcpy(cx.request_id, "janitor");
    if (store_files_expired(&cx, time_from_now(cx.arena, 0), 100, &items, &n) == 0)
        for (int i = 0; i < n; i++) {
            int rc = delete_objects(&cx, items[i].storage_key);
            if (rc == 0 || rc == ERR_NOT_FOUND)
                store_files_delete(&cx, items[i].id);
        }
    if (n > 0)
        log_json(LOG_INFO, "expired uploads removed", json_pack("{s:i}", "count", n));
    arena_free(cx.arena);
    return n;
}

static struct ticker *janitor;

static void janitor_tick(void *app)
{
    publishing_cleanup(app);
}

int publishing_janitor_start(struct app *app)
{
    janitor = ticker_start(janitor_tick, app, 60 * 1000);
    return janitor ? 0 : -1;
}

void publishing_janitor_stop(void)
{
    ticker_stop(janitor);
    janitor = NULL;
}
