/* driver.h: the contract between blob.c and its drivers (fs.c, s3.c); not for callers. */
#ifndef MANGU_BLOB_DRIVER_H
#define MANGU_BLOB_DRIVER_H

#include <stddef.h>
#include <time.h>

#include "blob/blob.h"

/* What a put stores: "len" bytes at "data", or (fd >= 0) "len" bytes read from "fd". */
struct blob_src {
    const void *data;
    size_t len;
    int fd;
};

/* One URL to sign; checked by blob.c before the driver sees it. */
struct blob_presign {
    const char *method; /* "PUT" or "GET" */
    const char *key;
    const char *content_type; /* PUT */
    long long size;           /* PUT */
    const char *version;      /* GET; may be NULL */
    int expires_s;
};

/*
 * One backend. Keys and content types arrive validated. Return codes are those of blob.h;
 * "get" writes the object to "out_fd" from its current offset.
 */
struct blob_driver {
    const char *name;
    int (*put)(void *impl, struct arena *arena, const char *key, const struct blob_src *src,
               const char *content_type, const char **version);
    int (*get)(void *impl, const char *key, const char *version, int out_fd);
    int (*open_read)(void *impl, struct arena *arena, const char *key, const char *version, int *fd,
                     struct blob_info *info);
    int (*head)(void *impl, struct arena *arena, const char *key, const char *version,
                struct blob_info *info);
    int (*del)(void *impl, const char *key, const char *version);
    /* NULL: blob.c copies through open_read and put */
    int (*copy)(void *impl, struct arena *arena, const char *src_key, const char *dst_key,
                const char **version);
    int (*presign)(void *impl, struct arena *arena, const struct blob_presign *p, time_t now,
                   struct blob_target *out);
    int (*ping)(void *impl);
    const char *(*browser_origin)(void *impl); /* NULL: same origin as the site */
    void (*free)(void *impl);
};

extern const struct blob_driver blob_fs_driver;
extern const struct blob_driver blob_s3_driver;

/* Each returns the driver's state, or NULL with one line in "why" (never a secret). */
void *blob_fs_new(const struct config *cfg, struct buf *why);
void *blob_s3_new(const struct config *cfg, struct buf *why);

/* fs.c: checks a disk URL token against the driver's key (blob_token_check). */
int blob_fs_verify(void *impl, struct arena *arena, const char *token, const char *method,
                   time_t now, struct blob_grant *out);

/* The driver's state when "s" runs "drv", else NULL (for the disk-only calls in fs.c). */
void *blob_impl_of(struct blob_store *s, const struct blob_driver *drv);

/* blob_presign_put/get at a chosen time: for the signer's tests and tests/unit/blob/sigv4_cli.c. */
int blob_presign_at(struct blob_store *s, struct arena *arena, const struct blob_presign *p,
                    time_t now, struct blob_target *out);
/* blob_disk_verify_upload/download at a chosen time ("method" "PUT" or "GET"). */
int blob_disk_verify_at(struct blob_store *s, struct arena *arena, const char *token,
                        const char *method, time_t now, struct blob_grant *out);

#endif
