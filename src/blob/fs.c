/* fs.c: the disk driver: a versioned folder, atomic publishes, signed URLs, a streaming writer. */
#include "blob/blob.h"
#include "blob/driver.h"
#include "blob/token.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

/*
 * Layout under <data>/objects:
 *   <key>@v/<version>/data   the bytes          ('@' never occurs in a key, so a key's folder
 *   <key>@v/<version>/meta   the content type    never collides with another key's path)
 *   .tmp/                     uploads in progress and deletions (a key never starts with '.')
 * A version is 16 digits (microseconds since 1970, raised past the latest so that ids grow).
 * A put fills a folder in .tmp, fsyncs it and renames it to <key>@v/<version> without
 * replacing anything, then fsyncs both folders: a version is either whole or absent.
 */

#define VERSION_LEN 16
#define VDIR_MAX (PATH_MAX + 32) /* a version folder: <key folder>/<version> */
#define FILE_MAX (PATH_MAX + 64) /* a file in it */
#define CHUNK (64 * 1024)
#define STALE_TMP_S (24 * 3600) /* leftovers of a crash are swept at start after a day */

struct fs {
    char *root; /* <data>/objects */
    char *tmp;  /* <root>/.tmp */
    unsigned char token_key[BLOB_TOKEN_KEY_LEN];
};

struct blob_writer {
    struct fs *fs;
    char *key;
    char *content_type;
    long long size;
    long long written;
    int fd;
    char dir[PATH_MAX]; /* the temporary version folder */
    crypto_hash_sha256_state sha;
};

/* An errno from the disk as a code: a full, read-only or failing disk is "unavailable". */
static int disk_err(const char *what, const char *path)
{
    int e = errno;

    log_warn("blob: cannot %s '%s': %s", what, path, strerror(e));
    return e == ENOENT ? ERR_NOT_FOUND : ERR_UNAVAILABLE;
}

static int fsync_path(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* mkdir -p, fsyncing the parent of each folder it creates. */
static int mkdir_p(char *path)
{
    char *slash = strrchr(path, '/');

    if (mkdir(path, 0750) == 0) {
        if (slash) {
            *slash = '\0';
            fsync_path(path);
            *slash = '/';
        }
        return 0;
    }
    if (errno == EEXIST)
        return 0;
    if (errno != ENOENT || !slash || slash == path)
        return -1;
    *slash = '\0';
    int rc = mkdir_p(path);
    *slash = '/';
    return rc == 0 ? mkdir_p(path) : -1;
}

static int key_dir(const struct fs *fs, const char *key, char out[PATH_MAX])
{
    int n = snprintf(out, PATH_MAX, "%s/%s@v", fs->root, key);

    return n > 0 && n < PATH_MAX ? 0 : -1;
}

static bool is_version(const char *s)
{
    size_t n = strspn(s, "0123456789");

    return n == VERSION_LEN && s[n] == '\0';
}

/* The largest version in "dir" into "out" ("" when none). 0, or -1 with errno. */
static int latest_version(const char *dir, char out[VERSION_LEN + 1])
{
    DIR *d = opendir(dir);
    struct dirent *e;

    out[0] = '\0';
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (is_version(e->d_name) && strcmp(e->d_name, out) > 0)
            memcpy(out, e->d_name, VERSION_LEN + 1);
    closedir(d);
    return 0;
}

/* The folder of "version" (or the latest) of "key". */
static int version_dir(const struct fs *fs, const char *key, const char *version,
                       char out[VDIR_MAX])
{
    char dir[PATH_MAX], latest[VERSION_LEN + 1];

    if (key_dir(fs, key, dir) != 0)
        return ERR_INVALID;
    if (version && !is_version(version))
        return ERR_NOT_FOUND;
    if (!version) {
        if (latest_version(dir, latest) != 0)
            return errno == ENOENT || errno == ENOTDIR ? ERR_NOT_FOUND : disk_err("list", dir);
        if (!latest[0])
            return ERR_NOT_FOUND;
        version = latest;
    }
    snprintf(out, VDIR_MAX, "%s/%s", dir, version);
    return 0;
}

static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Removes the files of a version folder, then the folder. */
static void remove_version_dir(const char *dir)
{
    char path[FILE_MAX];

    snprintf(path, sizeof(path), "%s/data", dir);
    unlink(path);
    snprintf(path, sizeof(path), "%s/meta", dir);
    unlink(path);
    rmdir(dir);
}

/* ---- the streaming writer ------------------------------------------------------------ */

static int writer_new(struct fs *fs, const char *key, const char *ct, long long size,
                      struct blob_writer **out)
{
    struct blob_writer *w = xcalloc(1, sizeof(*w));
    char path[PATH_MAX + 8];

    w->fs = fs;
    w->fd = -1;
    w->size = size;
    snprintf(w->dir, sizeof(w->dir), "%s/put-XXXXXX", fs->tmp);
    if (!mkdtemp(w->dir)) {
        int rc = disk_err("create a folder in", fs->tmp);
        free(w);
        return rc == ERR_NOT_FOUND ? ERR_UNAVAILABLE : rc;
    }
    snprintf(path, sizeof(path), "%s/data", w->dir);
    w->fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (w->fd < 0) {
        int rc = disk_err("create", path);
        rmdir(w->dir);
        free(w);
        return rc == ERR_NOT_FOUND ? ERR_UNAVAILABLE : rc;
    }
    w->key = xstrdup(key);
    w->content_type = xstrdup(ct);
    crypto_hash_sha256_init(&w->sha);
    *out = w;
    return 0;
}

static void writer_free(struct blob_writer *w)
{
    if (w->fd >= 0)
        close(w->fd);
    free(w->key);
    free(w->content_type);
    free(w);
}

void blob_disk_write_stream_abort(struct blob_writer *w)
{
    if (!w)
        return;
    if (w->fd >= 0)
        close(w->fd);
    w->fd = -1;
    remove_version_dir(w->dir);
    writer_free(w);
}

int blob_disk_write_stream_begin(struct blob_store *s, const char *key, const char *content_type,
                                 long long size, struct blob_writer **out)
{
    struct fs *fs = blob_impl_of(s, &blob_fs_driver);

    *out = NULL;
    if (!fs)
        return ERR_NOT_FOUND;
    if (!blob_key_valid(key) || !blob_content_type_valid(content_type) || size < 0)
        return ERR_INVALID;
    return writer_new(fs, key, content_type, size, out);
}

int blob_disk_write_stream_append(struct blob_writer *w, const void *data, size_t len)
{
    if (w->fd < 0)
        return ERR_INVALID;
    if ((long long)len > w->size - w->written)
        return ERR_TOO_LARGE;
    if (write_all(w->fd, data, len) != 0) {
        disk_err("write", w->dir);
        return ERR_UNAVAILABLE;
    }
    crypto_hash_sha256_update(&w->sha, data, len);
    w->written += (long long)len;
    return 0;
}

/* Syncs and closes the data, writes the meta file and syncs the temporary folder. */
static int seal(struct blob_writer *w)
{
    char path[PATH_MAX + 8];

    int bad = fsync(w->fd) != 0;

    if (close(w->fd) != 0)
        bad = 1;
    w->fd = -1;
    if (bad)
        return disk_err("sync", w->dir);
    snprintf(path, sizeof(path), "%s/meta", w->dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0)
        return disk_err("create", path);
    size_t n = strlen(w->content_type);
    bad = write_all(fd, w->content_type, n) != 0 || write_all(fd, "\n", 1) != 0 || fsync(fd) != 0;
    if (close(fd) != 0 || bad)
        return disk_err("write", path);
    return fsync_path(w->dir) == 0 ? 0 : disk_err("sync", w->dir);
}

/* The next version id of a key whose latest is "latest": now in microseconds, or latest+1. */
static void next_version(const char *latest, char out[VERSION_LEN + 1])
{
    struct timespec ts;
    long long v, last = latest[0] ? strtoll(latest, NULL, 10) : 0;

    char tmp[24];

    clock_gettime(CLOCK_REALTIME, &ts);
    v = (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
    if (v <= last)
        v = last + 1;
    snprintf(tmp, sizeof(tmp), "%016lld", v); /* 16 digits until the year 2286 */
    memcpy(out, tmp, VERSION_LEN);
    out[VERSION_LEN] = '\0';
}

/* rename() that fails with EEXIST rather than replace (plain rename where unsupported). */
static int move_noreplace(const char *from, const char *to)
{
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    return errno == EINVAL ? rename(from, to) : -1;
}

/* Moves the sealed folder "from" to a fresh version of "key"; never replaces a version. */
static int publish(struct fs *fs, const char *from, const char *key, char version[VERSION_LEN + 1])
{
    char dir[PATH_MAX], latest[VERSION_LEN + 1], dest[PATH_MAX + VERSION_LEN + 2];

    if (key_dir(fs, key, dir) != 0)
        return ERR_INVALID;
    for (int tries = 0; tries < 32; tries++) {
        if (mkdir_p(dir) != 0 || latest_version(dir, latest) != 0) {
            if (errno == ENOENT)
                continue; /* a delete removed the folder meanwhile */
            return disk_err("create", dir);
        }
        next_version(latest, version);
        snprintf(dest, sizeof(dest), "%s/%s", dir, version);
        if (move_noreplace(from, dest) == 0) {
            if (fsync_path(dir) != 0 || fsync_path(fs->tmp) != 0)
                return disk_err("sync", dir);
            return 0;
        }
        if (errno != EEXIST && errno != ENOTEMPTY && errno != ENOENT)
            return disk_err("rename into", dir);
    }
    return disk_err("publish a version in", dir);
}

int blob_disk_write_stream_commit(struct blob_writer *w, struct arena *arena, const char **version,
                                  char sha256_hex[65])
{
    char v[VERSION_LEN + 1];
    unsigned char digest[crypto_hash_sha256_BYTES];
    int rc = w->fd < 0 ? ERR_INVALID : w->written != w->size ? ERR_UNPROCESSABLE : 0;

    if (rc == 0)
        rc = seal(w);
    if (rc == 0)
        rc = publish(w->fs, w->dir, w->key, v);
    if (rc != 0) {
        blob_disk_write_stream_abort(w);
        return rc;
    }
    crypto_hash_sha256_final(&w->sha, digest);
    if (sha256_hex)
        sodium_bin2hex(sha256_hex, 65, digest, sizeof(digest));
    if (version)
        *version = arena_strdup(arena, v);
    writer_free(w);
    return 0;
}

/* ---- the driver --------------------------------------------------------------------- */

/* Copies "len" bytes of "src" into the writer, 64 KiB at a time. */
static int append_src(struct blob_writer *w, const struct blob_src *src)
{
    if (src->fd < 0)
        return blob_disk_write_stream_append(w, src->data, src->len);
    char *chunk = xmalloc(CHUNK);
    int rc = 0;
    for (;;) {
        ssize_t n = read(src->fd, chunk, CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            rc = ERR_INTERNAL;
        if (n <= 0 || rc)
            break;
        if ((rc = blob_disk_write_stream_append(w, chunk, (size_t)n)) != 0)
            break;
    }
    free(chunk);
    return rc;
}

static int fs_put(void *impl, struct arena *arena, const char *key, const struct blob_src *src,
                  const char *ct, const char **version)
{
    struct blob_writer *w;
    int rc = writer_new(impl, key, ct, (long long)src->len, &w);

    if (rc != 0)
        return rc;
    if ((rc = append_src(w, src)) != 0) {
        blob_disk_write_stream_abort(w);
        return rc;
    }
    return blob_disk_write_stream_commit(w, arena, version, NULL);
}

static char *read_meta(struct arena *arena, const char *vdir)
{
    char path[FILE_MAX], line[BLOB_CONTENT_TYPE_MAX + 2] = "";
    FILE *f;

    snprintf(path, sizeof(path), "%s/meta", vdir);
    if ((f = fopen(path, "re")) != NULL) {
        if (!fgets(line, sizeof(line), f))
            line[0] = '\0';
        fclose(f);
    }
    line[strcspn(line, "\n")] = '\0';
    return arena_strdup(arena, line[0] ? line : "application/octet-stream");
}

static int fs_open_read(void *impl, struct arena *arena, const char *key, const char *version,
                        int *fd, struct blob_info *info)
{
    char vdir[VDIR_MAX], path[FILE_MAX];
    struct stat st;
    int rc = version_dir(impl, key, version, vdir);

    if (rc != 0)
        return rc;
    snprintf(path, sizeof(path), "%s/data", vdir);
    *fd = open(path, O_RDONLY | O_CLOEXEC);
    if (*fd < 0)
        return errno == ENOENT || errno == ENOTDIR ? ERR_NOT_FOUND : disk_err("open", path);
    if (fstat(*fd, &st) != 0) {
        close(*fd);
        *fd = -1;
        return disk_err("stat", path);
    }
    info->size = (long long)st.st_size;
    info->content_type = read_meta(arena, vdir);
    info->version = arena_strdup(arena, strrchr(vdir, '/') + 1);
    return 0;
}

static int fs_head(void *impl, struct arena *arena, const char *key, const char *version,
                   struct blob_info *info)
{
    int fd;
    int rc = fs_open_read(impl, arena, key, version, &fd, info);

    if (rc == 0)
        close(fd);
    return rc;
}

static int fs_get(void *impl, const char *key, const char *version, int out_fd)
{
    struct arena *a = arena_new();
    struct blob_info info;
    int fd, rc = fs_open_read(impl, a, key, version, &fd, &info);
    char *chunk = rc == 0 ? xmalloc(CHUNK) : NULL;

    while (rc == 0) {
        ssize_t n = read(fd, chunk, CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0)
            break;
        if (n < 0 || write_all(out_fd, chunk, (size_t)n) != 0)
            rc = ERR_UNAVAILABLE;
    }
    if (chunk) {
        free(chunk);
        close(fd);
    }
    arena_free(a);
    return rc;
}

/* Moves one version folder over an empty one in .tmp (atomic for readers), then removes it. */
static int drop_version(struct fs *fs, const char *dir, const char *version)
{
    char from[PATH_MAX + VERSION_LEN + 2], to[PATH_MAX];

    snprintf(from, sizeof(from), "%s/%s", dir, version);
    snprintf(to, sizeof(to), "%s/del-XXXXXX", fs->tmp);
    if (!mkdtemp(to))
        return disk_err("create a folder in", fs->tmp);
    if (rename(from, to) != 0) {
        int rc = errno == ENOENT ? ERR_NOT_FOUND : disk_err("rename", from);
        rmdir(to);
        return rc;
    }
    remove_version_dir(to);
    return 0;
}

/* Drops every version of the key in "dir"; ERR_NOT_FOUND when there was none. */
static int drop_all(struct fs *fs, const char *dir)
{
    char latest[VERSION_LEN + 1];
    int dropped = 0;

    while (latest_version(dir, latest) == 0 && latest[0]) {
        int rc = drop_version(fs, dir, latest);
        if (rc != 0 && rc != ERR_NOT_FOUND)
            return rc;
        dropped++;
    }
    return dropped ? 0 : ERR_NOT_FOUND;
}

/* Removes the key's folder and then each empty parent up to the root (best effort). */
static void prune(const struct fs *fs, char *dir)
{
    size_t root_len = strlen(fs->root);

    while (strlen(dir) > root_len && rmdir(dir) == 0) {
        char *slash = strrchr(dir, '/');
        if (!slash)
            break;
        *slash = '\0';
    }
}

static int fs_del(void *impl, const char *key, const char *version)
{
    struct fs *fs = impl;
    char dir[PATH_MAX];
    int rc;

    if (key_dir(fs, key, dir) != 0)
        return ERR_INVALID;
    if (version)
        rc = is_version(version) ? drop_version(fs, dir, version) : ERR_NOT_FOUND;
    else
        rc = drop_all(fs, dir);
    if (rc == 0) {
        fsync_path(dir);
        fsync_path(fs->tmp);
        prune(fs, dir);
    }
    return rc;
}

static int fs_presign(void *impl, struct arena *arena, const struct blob_presign *p, time_t now,
                      struct blob_target *out)
{
    struct fs *fs = impl;
    bool put = strcmp(p->method, "PUT") == 0;
    struct blob_grant g = {out->method,
                           p->key,
                           put ? p->content_type : "",
                           put ? p->size : -1,
                           put ? NULL : p->version,
                           out->expires_at};
    struct buf url = BUF_INIT;

    if (!put && p->version && !is_version(p->version))
        return ERR_NOT_FOUND;
    /* path only: the page uploads to the origin it was opened at, whatever MANGU_PUBLIC_URL says */
    buf_printf(&url, "/api/%s/", put ? "uploads" : "downloads");
    blob_token_make(fs->token_key, &g, &url);
    out->url = arena_strdup(arena, url.p);
    buf_release(&url);
    if (put) {
        out->headers[0].name = "Content-Type";
        out->headers[0].value = arena_strdup(arena, p->content_type);
        out->headers[1].name = "Content-Length";
        out->headers[1].value = arena_printf(arena, "%lld", p->size);
        out->n_headers = 2;
    }
    return 0;
}

int blob_fs_verify(void *impl, struct arena *arena, const char *token, const char *method,
                   time_t now, struct blob_grant *out)
{
    struct fs *fs = impl;

    return blob_token_check(fs->token_key, arena, token, method, now, out);
}

static int fs_ping(void *impl)
{
    struct fs *fs = impl;

    return access(fs->tmp, W_OK | X_OK) == 0 ? 0 : ERR_UNAVAILABLE;
}

/* Removes what a crash left in .tmp more than a day ago. */
static void sweep_tmp(const struct fs *fs)
{
    DIR *d = opendir(fs->tmp);
    struct dirent *e;
    char path[PATH_MAX];
    struct stat st;
    time_t now = time(NULL);

    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", fs->tmp, e->d_name);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && now - st.st_mtime > STALE_TMP_S)
            remove_version_dir(path);
    }
    closedir(d);
}

static void fs_free(void *impl)
{
    struct fs *fs = impl;

    sodium_memzero(fs->token_key, sizeof(fs->token_key));
    free(fs->root);
    free(fs->tmp);
    free(fs);
}

void *blob_fs_new(const struct config *cfg, struct buf *why)
{
    struct fs *fs = xcalloc(1, sizeof(*fs));
    struct buf b = BUF_INIT;

    buf_printf(&b, "%s/objects/.tmp", cfg->data_dir);
    fs->tmp = buf_detach(&b, NULL);
    fs->root = xstrndup(fs->tmp, strlen(fs->tmp) - 5);
    blob_token_key(cfg->jwt_secret ? cfg->jwt_secret : "", fs->token_key);
    if (strlen(fs->tmp) > PATH_MAX - BLOB_KEY_MAX - 64 || mkdir_p(fs->tmp) != 0) {
        buf_printf(why, "MANGU_DATA_DIR: cannot create '%s': %s", fs->tmp,
                   strlen(fs->tmp) > PATH_MAX - BLOB_KEY_MAX - 64 ? "path too long"
                                                                  : strerror(errno));
        fs_free(fs);
        return NULL;
    }
    sweep_tmp(fs);
    return fs;
}

const struct blob_driver blob_fs_driver = {
    .name = "disk",
    .put = fs_put,
    .get = fs_get,
    .open_read = fs_open_read,
    .head = fs_head,
    .del = fs_del,
    .presign = fs_presign,
    .ping = fs_ping,
    .free = fs_free,
};
