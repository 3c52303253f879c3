/* blob.c: the generic front: picks a driver, checks keys, types and limits, times pings. */
#include "blob/blob.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "blob/driver.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

#define MAX_PUT_SIZE (5LL << 30) /* S3's limit for one PUT */

struct blob_store {
    const struct blob_driver *drv;
    void *impl;
};

int blob_open(const struct config *cfg, struct blob_store **out, struct buf *why)
{
    const struct blob_driver *drv = &blob_fs_driver;
    void *impl;

    if (cfg->s3_bucket && *cfg->s3_bucket) {
        drv = &blob_s3_driver;
        impl = blob_s3_new(cfg, why);
    } else {
        impl = blob_fs_new(cfg, why);
    }
    if (!impl)
        return -1;
    struct blob_store *s = xcalloc(1, sizeof(*s));
    s->drv = drv;
    s->impl = impl;
    *out = s;
    return 0;
}

void blob_close(struct blob_store *s)
{
    if (!s)
        return;
    s->drv->free(s->impl);
    free(s);
}

const char *blob_driver_name(const struct blob_store *s)
{
    return s->drv->name;
}

const char *blob_browser_origin(const struct blob_store *s)
{
    return s->drv->browser_origin ? s->drv->browser_origin(s->impl) : NULL;
}

void *blob_impl_of(struct blob_store *s, const struct blob_driver *drv)
{
    return s && s->drv == drv ? s->impl : NULL;
}

static bool key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '.' ||
           c == '-';
}

bool blob_key_valid(const char *key)
{
    size_t n = key ? strnlen(key, BLOB_KEY_MAX + 1) : 0;

    if (n == 0 || n > BLOB_KEY_MAX || key[n - 1] == '/')
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!key_char(key[i]) || (key[i] == '.' && key[i + 1] == '.'))
            return false;
        bool seg_start = i == 0 || key[i - 1] == '/';
        if (seg_start && (key[i] == '/' || key[i] == '.'))
            return false; /* empty segment, leading '/', ".", ".." or a hidden name */
    }
    return true;
}

bool blob_content_type_valid(const char *ct)
{
    size_t n = ct ? strnlen(ct, BLOB_CONTENT_TYPE_MAX + 1) : 0;
    size_t type_end = ct ? strcspn(ct, ";") : 0;
    const char *slash = ct ? memchr(ct, '/', type_end) : NULL;

    if (n < 3 || n > BLOB_CONTENT_TYPE_MAX || !slash || slash == ct || slash + 1 == ct + type_end ||
        ct[0] == ' ')
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)ct[i] < 0x20 || (unsigned char)ct[i] > 0x7e)
            return false;
    return true;
}

static int put_src(struct blob_store *s, struct arena *arena, const char *key,
                   const struct blob_src *src, const char *ct, const char **version)
{
    const char *ignored;

    if (!blob_key_valid(key) || !blob_content_type_valid(ct))
        return ERR_INVALID;
    return s->drv->put(s->impl, arena, key, src, ct, version ? version : &ignored);
}

int blob_put(struct blob_store *s, struct arena *arena, const char *key, const void *data,
             size_t len, const char *content_type, const char **version)
{
    struct blob_src src = {data, len, -1};

    return put_src(s, arena, key, &src, content_type, version);
}

int blob_put_file(struct blob_store *s, struct arena *arena, const char *key, const char *path,
                  const char *content_type, const char **version)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        log_warn("blob: cannot open '%s': %s", path, strerror(errno));
        return errno == ENOENT ? ERR_NOT_FOUND : ERR_INTERNAL;
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return ERR_INVALID;
    }
    struct blob_src src = {NULL, (size_t)st.st_size, fd};
    int rc = put_src(s, arena, key, &src, content_type, version);
    close(fd);
    return rc;
}

int blob_get_to_file(struct blob_store *s, const char *key, const char *version, const char *path)
{
    if (!blob_key_valid(key))
        return ERR_INVALID;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        log_warn("blob: cannot create '%s': %s", path, strerror(errno));
        return errno == EEXIST ? ERR_CONFLICT : ERR_INTERNAL;
    }
    int rc = s->drv->get(s->impl, key, version, fd);
    if (rc == 0 && fsync(fd) != 0)
        rc = ERR_UNAVAILABLE;
    if (close(fd) != 0 && rc == 0)
        rc = ERR_UNAVAILABLE;
    if (rc != 0)
        unlink(path);
    return rc;
}

int blob_open_read(struct blob_store *s, struct arena *arena, const char *key, const char *version,
                   int *fd, struct blob_info *info)
{
    *fd = -1;
    if (!blob_key_valid(key))
        return ERR_INVALID;
    return s->drv->open_read(s->impl, arena, key, version, fd, info);
}

int blob_head(struct blob_store *s, struct arena *arena, const char *key, const char *version,
              struct blob_info *info)
{
    if (!blob_key_valid(key))
        return ERR_INVALID;
    return s->drv->head(s->impl, arena, key, version, info);
}

int blob_delete(struct blob_store *s, const char *key, const char *version)
{
    if (!blob_key_valid(key))
        return ERR_INVALID;
    return s->drv->del(s->impl, key, version);
}

/* The copy of drivers without their own: the latest version, streamed into a new one. */
static int copy_through(struct blob_store *s, struct arena *arena, const char *src_key,
                        const char *dst_key, const char **version)
{
    struct blob_info info;
    int fd;
    int rc = s->drv->open_read(s->impl, arena, src_key, NULL, &fd, &info);

    if (rc != 0)
        return rc;
    struct blob_src src = {NULL, (size_t)info.size, fd};
    rc = s->drv->put(s->impl, arena, dst_key, &src, info.content_type, version);
    close(fd);
    return rc;
}

int blob_copy(struct blob_store *s, struct arena *arena, const char *src_key, const char *dst_key,
              const char **version)
{
    const char *ignored;

    if (!blob_key_valid(src_key) || !blob_key_valid(dst_key) || strcmp(src_key, dst_key) == 0)
        return ERR_INVALID;
    if (!version)
        version = &ignored;
    if (s->drv->copy)
        return s->drv->copy(s->impl, arena, src_key, dst_key, version);
    return copy_through(s, arena, src_key, dst_key, version);
}

int blob_presign_at(struct blob_store *s, struct arena *arena, const struct blob_presign *p,
                    time_t now, struct blob_target *out)
{
    bool put = strcmp(p->method, "PUT") == 0;
    int max = put ? BLOB_PUT_EXPIRES_MAX : BLOB_GET_EXPIRES_MAX;

    memset(out, 0, sizeof(*out));
    if (!blob_key_valid(p->key) || p->expires_s < 1 || p->expires_s > max)
        return ERR_INVALID;
    if (put && (!blob_content_type_valid(p->content_type) || p->size < 0 || p->size > MAX_PUT_SIZE))
        return ERR_INVALID;
    if (!put && strcmp(p->method, "GET") != 0)
        return ERR_INVALID;
    out->method = put ? "PUT" : "GET";
    out->expires_at = now + p->expires_s;
    return s->drv->presign(s->impl, arena, p, now, out);
}

int blob_presign_put(struct blob_store *s, struct arena *arena, const char *key,
                     const char *content_type, long long size, int expires_s,
                     struct blob_target *out)
{
    struct blob_presign p = {"PUT", key, content_type, size, NULL, expires_s};

    return blob_presign_at(s, arena, &p, time(NULL), out);
}

int blob_presign_get(struct blob_store *s, struct arena *arena, const char *key,
                     const char *version, int expires_s, struct blob_target *out)
{
    struct blob_presign p = {"GET", key, NULL, -1, version, expires_s};

    return blob_presign_at(s, arena, &p, time(NULL), out);
}

int blob_ping(struct blob_store *s, double *latency_ms)
{
    struct timespec t0, t1;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = s->drv->ping(s->impl);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (latency_ms)
        *latency_ms =
            (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    return rc;
}

int blob_disk_verify_at(struct blob_store *s, struct arena *arena, const char *token,
                        const char *method, time_t now, struct blob_grant *out)
{
    void *impl = blob_impl_of(s, &blob_fs_driver);

    memset(out, 0, sizeof(*out));
    if (!impl)
        return ERR_NOT_FOUND;
    return blob_fs_verify(impl, arena, token, method, now, out);
}

int blob_disk_verify_upload(struct blob_store *s, struct arena *arena, const char *token,
                            struct blob_grant *out)
{
    return blob_disk_verify_at(s, arena, token, "PUT", time(NULL), out);
}

int blob_disk_verify_download(struct blob_store *s, struct arena *arena, const char *token,
                              struct blob_grant *out)
{
    return blob_disk_verify_at(s, arena, token, "GET", time(NULL), out);
}
