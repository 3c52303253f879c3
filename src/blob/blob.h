/* blob.h: the object store interface; fs.c (versioned folder, default) and s3.c are its drivers. */
#ifndef MANGU_BLOB_H
#define MANGU_BLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"

/*
 * Keys are made by the server, never from user input: 1 to BLOB_KEY_MAX bytes of
 * [a-z0-9/_.-], segments separated by single '/', no segment empty or starting with '.', no
 * "..", no leading or trailing '/'. Example: "books/42/files/7/manuscript.epub".
 * Every call refuses other keys with ERR_INVALID.
 *
 * Versions: every put creates a new version and returns its id; nothing is overwritten. The
 * disk driver keeps each version; on S3 the id is the bucket's x-amz-version-id, or NULL
 * when the bucket is not versioned (s3rver, for one): then a put to an existing key replaces
 * it, so callers put each upload under a key of its own. Functions taking "version" read the
 * latest version when it is NULL.
 *
 * Errors: 0 or a negative enum err: ERR_INVALID (bad key, content type, size or expiry),
 * ERR_NOT_FOUND (no such key or version), ERR_UNAVAILABLE (storage unreachable, timed out or
 * failing: the caller answers 503 and may retry), ERR_FORBIDDEN (a signed URL token that is
 * forged, expired or for another method), ERR_TOO_LARGE / ERR_UNPROCESSABLE (streamed body
 * longer / shorter than declared), ERR_INTERNAL (anything else; logged with detail).
 *
 * Strings handed out ("version", URLs, content types) are allocated in the caller's "arena"
 * and live as long as it does. Every other pointer argument is borrowed for the call.
 */

#define BLOB_KEY_MAX 512
#define BLOB_CONTENT_TYPE_MAX 127
#define BLOB_PUT_EXPIRES_MAX 900 /* an upload URL lives at most 15 minutes */
#define BLOB_GET_EXPIRES_MAX 300 /* a download URL at most 5 */

struct blob_store; /* process-wide, thread-safe */

/*
 * Opens S3 when "cfg->s3_bucket" is set, else the disk driver under
 * "cfg->data_dir"/objects (created when missing). Nothing is contacted: a store that is down
 * at start is not an error, blob_ping says so. Upload and download URLs of the disk driver are
 * signed with a key derived from "cfg->jwt_secret" and are paths ("/api/uploads/<token>"):
 * the browser sends them to the origin it opened the site at.
 * Returns 0, or -1 with one line in "why". Free with blob_close().
 */
int blob_open(const struct config *cfg, struct blob_store **out, struct buf *why);
void blob_close(struct blob_store *s);
const char *blob_driver_name(const struct blob_store *s); /* "disk" or "s3" */

/*
 * The origin browsers send uploads to and fetch presigned downloads from ("https://bucket.host"
 * or, path style, the public endpoint's origin), or NULL when they talk to this server only
 * (disk). The page's CSP connect-src names it, and the bucket's CORS must admit the site.
 * Owned by the store.
 */
const char *blob_browser_origin(const struct blob_store *s);

bool blob_key_valid(const char *key);
/* "type/subtype" with optional parameters: printable ASCII, at most BLOB_CONTENT_TYPE_MAX. */
bool blob_content_type_valid(const char *content_type);

struct blob_info {
    long long size;
    const char *content_type; /* arena */
    const char *version;      /* arena; NULL on an unversioned bucket */
};

/* Stores "len" bytes of "data" as a new version of "key"; fills "version" (may be NULL). */
int blob_put(struct blob_store *s, struct arena *arena, const char *key, const void *data,
             size_t len, const char *content_type, const char **version);
/* As blob_put, streaming the local file "path" (an upload that has been validated). */
int blob_put_file(struct blob_store *s, struct arena *arena, const char *key, const char *path,
                  const char *content_type, const char **version);
/*
 * Writes the object to a new file "path" (created with O_EXCL, mode 0600; removed again on
 * failure), streaming: memory use does not grow with the object's size.
 */
int blob_get_to_file(struct blob_store *s, const char *key, const char *version, const char *path);
/*
 * Opens the object for reading: "fd" (caller owns; close it) is at offset 0 and holds
 * "info->size" bytes. On disk it is the stored file itself; from S3 the object is first
 * downloaded to an unnamed temporary file under the data folder.
 */
int blob_open_read(struct blob_store *s, struct arena *arena, const char *key, const char *version,
                   int *fd, struct blob_info *info);
int blob_head(struct blob_store *s, struct arena *arena, const char *key, const char *version,
              struct blob_info *info);
/*
 * Removes "version" of "key", or with NULL: on disk every version of "key"; on S3 a plain
 * DELETE (on a versioned bucket that adds a delete marker and keeps the old versions: pass
 * the version to really remove bytes). Deleting what is not there returns 0 on S3 and
 * ERR_NOT_FOUND on disk.
 */
int blob_delete(struct blob_store *s, const char *key, const char *version);
/*
 * Copies the latest version of "src_key" to a new version of "dst_key" (content type kept) and
 * fills "version" (may be NULL). On S3 a server-side CopyObject: the bytes never pass through
 * here, and what is copied is one consistent version even while "src_key" is being rewritten.
 * On disk the object is streamed into a new version. ERR_NOT_FOUND when "src_key" is absent.
 */
int blob_copy(struct blob_store *s, struct arena *arena, const char *src_key, const char *dst_key,
              const char **version);

#define BLOB_MAX_TARGET_HEADERS 4

/* Where and how a browser sends or fetches an object directly. Strings in the arena. */
struct blob_target {
    const char *method; /* "PUT" or "GET" */
    const char *url;
    struct {
        const char *name;
        const char *value;
    } headers[BLOB_MAX_TARGET_HEADERS]; /* the request must carry exactly these */
    int n_headers;
    time_t expires_at;
};

/*
 * The upload target for "size" bytes of "content_type" at "key", valid "expires_s" seconds
 * (1 to BLOB_PUT_EXPIRES_MAX): on S3 a SigV4 presigned PUT with content-type and
 * content-length signed; on disk the path "/api/uploads/<token>", a token whose HMAC covers
 * the method, key, content type, size and expiry (blob_disk_verify_upload checks it).
 * The headers to send are Content-Type and Content-Length.
 */
int blob_presign_put(struct blob_store *s, struct arena *arena, const char *key,
                     const char *content_type, long long size, int expires_s,
                     struct blob_target *out);
/*
 * A download URL for "key" ("version" or the latest), valid "expires_s" seconds (1 to
 * BLOB_GET_EXPIRES_MAX): a presigned S3 GET, or the path "/api/downloads/<token>".
 */
int blob_presign_get(struct blob_store *s, struct arena *arena, const char *key,
                     const char *version, int expires_s, struct blob_target *out);

/* A round trip to the store (S3: HEAD of the bucket; disk: the folder is writable). */
int blob_ping(struct blob_store *s, double *latency_ms);

/* ---- the disk driver's own signed URLs and streaming writer ----------------------------- */

/* What a disk upload or download token grants; strings in the arena. */
struct blob_grant {
    const char *method; /* "PUT" or "GET" */
    const char *key;
    const char *content_type; /* PUT only, else "" */
    long long size;           /* PUT only: the exact body length; else -1 */
    const char *version;      /* GET only; NULL = latest */
    time_t expires_at;
};

/*
 * Checks the "{token}" of PUT /api/uploads/{token} (or GET /api/downloads/{token}): 0 with
 * "out" filled, ERR_FORBIDDEN when it is forged, expired or for the other method, ERR_NOT_FOUND
 * when the store is not the disk driver (such URLs are never issued then).
 */
int blob_disk_verify_upload(struct blob_store *s, struct arena *arena, const char *token,
                            struct blob_grant *out);
int blob_disk_verify_download(struct blob_store *s, struct arena *arena, const char *token,
                              struct blob_grant *out);

struct blob_writer; /* one streamed upload; owned by the caller until commit or abort */

/*
 * Starts writing exactly "size" bytes of "content_type" as a new version of "key" into a
 * temporary file (never in memory). ERR_NOT_FOUND when the store is not the disk driver.
 */
int blob_disk_write_stream_begin(struct blob_store *s, const char *key, const char *content_type,
                                 long long size, struct blob_writer **out);
/*
 * Appends "len" bytes. ERR_TOO_LARGE when the total would pass the declared size (the writer
 * stays usable only for abort), ERR_UNAVAILABLE when the disk fails (full, I/O error).
 */
int blob_disk_write_stream_append(struct blob_writer *w, const void *data, size_t len);
/*
 * Finishes: checks the length (ERR_UNPROCESSABLE when short), fsyncs, publishes the version
 * atomically, fsyncs the folders, and fills "version" and "sha256_hex" (lower-case SHA-256
 * of the body; may be NULL). Frees "w" whatever the outcome; on failure nothing is visible.
 */
int blob_disk_write_stream_commit(struct blob_writer *w, struct arena *arena, const char **version,
                                  char sha256_hex[65]);
/* Drops the temporary file and frees "w" (NULL is ignored). */
void blob_disk_write_stream_abort(struct blob_writer *w);

#endif
