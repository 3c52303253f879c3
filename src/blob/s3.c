/* s3.c: the S3 driver: libcurl with CURLOPT_AWS_SIGV4, pooled easy handles, presigned URLs. */
#include "blob/blob.h"
#include "blob/creds.h"
#include "blob/driver.h"
#include "blob/sigv4.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

#define POOL_MAX 16
#define CONNECT_TIMEOUT_MS 2000L
#define PING_TIMEOUT_MS 2000L
#define SMALL_TIMEOUT_MS 10000L /* HEAD, DELETE */
#define MAX_ERR_BODY 4096

struct s3 {
    char *bucket;
    char *region;
    char *endpoint;        /* origin the server talks to */
    char *public_endpoint; /* origin presigned URLs point at */
    char *browser_origin;  /* scheme and host of those URLs (with the bucket when virtual) */
    bool path_style;
    long timeout_ms;
    char *data_dir; /* for the temporary files of blob_open_read */
    char sigv4[80]; /* "aws:amz:<region>:s3" */
    struct creds_provider *creds;
    pthread_mutex_t lock; /* guards the idle handles */
    CURL *idle[POOL_MAX];
    int n_idle;
};

/* One request and what came back. */
struct call {
    const char *method;
    const char *key;     /* NULL: the bucket itself */
    const char *version; /* sent as ?versionId= */
    const struct blob_src *src;
    size_t sent;   /* bytes of src->data sent so far */
    off_t fd_base; /* src->fd's offset at the start, for rewinds */
    const char *content_type;
    const char *copy_source; /* CopyObject: "/bucket/key", sent as x-amz-copy-source */
    int out_fd; /* GET: a 2xx body goes here */
    long timeout_ms;
    long status;
    char version_id[256];
    char content_type_out[BLOB_CONTENT_TYPE_MAX + 1];
    long long length;
    struct buf err; /* a non-2xx body, bounded */
    bool write_failed;
};

/* ---- handles ------------------------------------------------------------------------- */

static CURL *take(struct s3 *s3)
{
    CURL *h = NULL;

    pthread_mutex_lock(&s3->lock);
    if (s3->n_idle > 0)
        h = s3->idle[--s3->n_idle];
    pthread_mutex_unlock(&s3->lock);
    return h ? h : curl_easy_init();
}

/* Back to the pool with its options cleared (its connections stay open for reuse). */
static void give(struct s3 *s3, CURL *h)
{
    curl_easy_reset(h);
    pthread_mutex_lock(&s3->lock);
    if (s3->n_idle < POOL_MAX) {
        s3->idle[s3->n_idle++] = h;
        h = NULL;
    }
    pthread_mutex_unlock(&s3->lock);
    if (h)
        curl_easy_cleanup(h);
}

/* ---- addresses ----------------------------------------------------------------------- */

/*
 * Splits where "key" (or the bucket, when NULL) lives under "origin" into the host as sent and
 * the raw path: path style "host" + "/bucket/key", else "bucket.host" + "/key".
 */
static void locate(const struct s3 *s3, const char *origin, const char *key, struct buf *host,
                   struct buf *path)
{
    const char *h = strstr(origin, "://") + 3;

    if (s3->path_style) {
        buf_adds(host, h);
        buf_printf(path, "/%s%s%s", s3->bucket, key ? "/" : "", key ? key : "");
    } else {
        buf_printf(host, "%s.%s", s3->bucket, h);
        buf_printf(path, "/%s", key ? key : "");
    }
}

/* "scheme://host/encoded/path" */
static void base_url(const struct s3 *s3, const char *origin, const char *key, struct buf *url,
                     struct buf *host, struct buf *path)
{
    locate(s3, origin, key, host, path);
    buf_add(url, origin, (size_t)(strstr(origin, "://") + 3 - origin));
    buf_adds(url, host->p);
    sigv4_uri_encode(url, path->p, path->len, true);
}

/* ---- curl callbacks ------------------------------------------------------------------ */

static size_t on_read(char *out, size_t size, size_t n, void *arg)
{
    struct call *c = arg;
    size_t want = size * n;

    if (c->src->fd >= 0) {
        ssize_t got;
        do
            got = read(c->src->fd, out, want);
        while (got < 0 && errno == EINTR);
        return got < 0 ? CURL_READFUNC_ABORT : (size_t)got;
    }
    if (want > c->src->len - c->sent)
        want = c->src->len - c->sent;
    memcpy(out, (const char *)c->src->data + c->sent, want);
    c->sent += want;
    return want;
}

static int on_seek(void *arg, curl_off_t offset, int origin)
{
    struct call *c = arg;

    if (origin != SEEK_SET || offset < 0 || (size_t)offset > c->src->len)
        return CURL_SEEKFUNC_CANTSEEK;
    if (c->src->fd < 0) {
        c->sent = (size_t)offset;
        return CURL_SEEKFUNC_OK;
    }
    return lseek(c->src->fd, c->fd_base + (off_t)offset, SEEK_SET) < 0 ? CURL_SEEKFUNC_FAIL
                                                                       : CURL_SEEKFUNC_OK;
}

/* Copies the value of header line "line" into "out" when its name is "name". */
static void header_value(const char *line, size_t len, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);

    if (len <= n || line[n] != ':' || strncasecmp(line, name, n) != 0)
        return;
    const char *v = line + n + 1;
    const char *end = line + len;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
        end--;
    size_t vlen = (size_t)(end - v) < cap - 1 ? (size_t)(end - v) : cap - 1;
    memcpy(out, v, vlen);
    out[vlen] = '\0';
}

static size_t on_header(char *line, size_t size, size_t n, void *arg)
{
    struct call *c = arg;
    size_t len = size * n;
    char num[24] = "";

    if (len > 9 && strncmp(line, "HTTP/", 5) == 0) {
        const char *sp = memchr(line, ' ', len);
        c->status = sp ? strtol(sp + 1, NULL, 10) : 0;
        c->version_id[0] = c->content_type_out[0] = '\0'; /* a new response (after a 100) */
        c->length = -1;
        return len;
    }
    header_value(line, len, "x-amz-version-id", c->version_id, sizeof(c->version_id));
    header_value(line, len, "content-type", c->content_type_out, sizeof(c->content_type_out));
    header_value(line, len, "content-length", num, sizeof(num));
    if (num[0])
        c->length = strtoll(num, NULL, 10);
    return len;
}

static int write_all(int fd, const char *p, size_t len)
{
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

static size_t on_write(char *data, size_t size, size_t n, void *arg)
{
    struct call *c = arg;
    size_t len = size * n;

    if (c->status >= 200 && c->status < 300 && !c->copy_source) {
        if (c->out_fd < 0)
            return len;
        if (write_all(c->out_fd, data, len) != 0) {
            c->write_failed = true;
            return 0;
        }
        return len;
    }
    if (c->err.len < MAX_ERR_BODY)
        buf_add(&c->err, data, len < MAX_ERR_BODY - c->err.len ? len : MAX_ERR_BODY - c->err.len);
    return len;
}

/* ---- one request --------------------------------------------------------------------- */

static struct curl_slist *request_headers(const struct call *c, const struct creds *cr)
{
    struct curl_slist *h = NULL;
    struct buf line = BUF_INIT;

    h = curl_slist_append(h, c->src ? "x-amz-content-sha256: " SIGV4_UNSIGNED_PAYLOAD
                                    : "x-amz-content-sha256: " SIGV4_EMPTY_SHA256);
    if (cr->token) {
        buf_printf(&line, "x-amz-security-token: %s", cr->token);
        h = curl_slist_append(h, line.p);
        buf_reset(&line);
    }
    if (c->content_type) {
        buf_printf(&line, "Content-Type: %s", c->content_type);
        h = curl_slist_append(h, line.p);
        buf_reset(&line);
    }
    if (c->copy_source) {
        buf_printf(&line, "x-amz-copy-source: %s", c->copy_source);
        h = curl_slist_append(h, line.p);
    }
    buf_release(&line);
    return h;
}

static void set_method(CURL *h, struct call *c)
{
    if (strcmp(c->method, "PUT") == 0) {
        curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)c->src->len);
        curl_easy_setopt(h, CURLOPT_READFUNCTION, on_read);
        curl_easy_setopt(h, CURLOPT_READDATA, c);
        curl_easy_setopt(h, CURLOPT_SEEKFUNCTION, on_seek);
        curl_easy_setopt(h, CURLOPT_SEEKDATA, c);
    } else if (strcmp(c->method, "HEAD") == 0) {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else if (strcmp(c->method, "DELETE") == 0) {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "DELETE");
    }
}

static void set_options(struct s3 *s3, CURL *h, struct call *c, const char *url,
                        const struct creds *cr, struct curl_slist *hdrs, char *errbuf)
{
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_AWS_SIGV4, s3->sigv4);
    curl_easy_setopt(h, CURLOPT_USERNAME, cr->access_key);
    curl_easy_setopt(h, CURLOPT_PASSWORD, cr->secret_key);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, CONNECT_TIMEOUT_MS);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, c->timeout_ms);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L); /* a stalled transfer ends in 30 s */
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 30L);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, c);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, c);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    set_method(h, c);
}

/* The <Code> of an S3 error body, or "". */
static void error_code(const struct call *c, char *out, size_t cap)
{
    const char *p = c->err.p ? strstr(c->err.p, "<Code>") : NULL;
    size_t n = p ? strcspn(p + 6, "<") : 0;

    n = n < cap - 1 ? n : cap - 1;
    memcpy(out, p ? p + 6 : "", n);
    out[n] = '\0';
}

static int map_status(long status)
{
    if (status >= 200 && status < 300)
        return 0;
    if (status == 404)
        return ERR_NOT_FOUND;
    if (status == 400)
        return ERR_INVALID;
    if (status == 409 || status == 412)
        return ERR_CONFLICT;
    if (status == 403 || status == 429 || status >= 500)
        return ERR_UNAVAILABLE; /* refused credentials leave storage as unusable as an outage */
    return ERR_INTERNAL;
}

static int finish(struct call *c, CURLcode rc, const char *errbuf)
{
    char code[64];

    if (rc != CURLE_OK) {
        log_json(LOG_WARN, "s3 request failed",
                 json_pack("{s:s, s:s, s:s}", "method", c->method, "key", c->key ? c->key : "",
                           "detail",
                           c->write_failed ? "cannot write the local file"
                           : *errbuf       ? errbuf
                                           : curl_easy_strerror(rc)));
        return ERR_UNAVAILABLE;
    }
    int out = map_status(c->status);
    if (out == 0 && c->copy_source && c->err.p && strstr(c->err.p, "<Error>"))
        out = ERR_UNAVAILABLE; /* CopyObject may fail after its 200: the error is in the body */
    if (out != 0 && !(out == ERR_NOT_FOUND && c->key)) {
        error_code(c, code, sizeof(code));
        log_json(out == ERR_UNAVAILABLE || out == ERR_INTERNAL ? LOG_WARN : LOG_DEBUG,
                 "s3 answered an error",
                 json_pack("{s:s, s:s, s:I, s:s}", "method", c->method, "key", c->key ? c->key : "",
                           "status", (json_int_t)c->status, "code", code));
    }
    return out;
}

static int perform_once(struct s3 *s3, struct call *c, const struct creds *cr)
{
    struct buf url = BUF_INIT, host = BUF_INIT, path = BUF_INIT;
    char errbuf[CURL_ERROR_SIZE] = "";
    CURL *h = take(s3);

    if (!h)
        return ERR_INTERNAL;
    base_url(s3, s3->endpoint, c->key, &url, &host, &path);
    if (c->version) {
        buf_adds(&url, "?versionId=");
        sigv4_uri_encode(&url, c->version, strlen(c->version), false);
    }
    struct curl_slist *hdrs = request_headers(c, cr);
    set_options(s3, h, c, url.p, cr, hdrs, errbuf);
    c->status = 0;
    c->length = -1;
    buf_reset(&c->err);
    int out = finish(c, curl_easy_perform(h), errbuf);
    give(s3, h);
    curl_slist_free_all(hdrs);
    buf_release(&url);
    buf_release(&host);
    buf_release(&path);
    return out;
}

/* Runs "c", once more with fresh credentials when temporary ones were refused as expired. */
static int perform(struct s3 *s3, struct call *c)
{
    struct creds cr;
    char code[64] = "";
    int out = ERR_UNAVAILABLE;

    if (c->src && c->src->fd >= 0)
        c->fd_base = lseek(c->src->fd, 0, SEEK_CUR);
    for (int attempt = 0; attempt < 2; attempt++) {
        if (creds_get(s3->creds, &cr) != 0) {
            out = ERR_UNAVAILABLE;
            break;
        }
        out = perform_once(s3, c, &cr);
        bool temporary = cr.token != NULL;
        creds_release(&cr);
        error_code(c, code, sizeof(code));
        if (!temporary || strcmp(code, "ExpiredToken") != 0)
            break; /* (an error body never reaches "out_fd", so a GET may be retried too) */
        creds_invalidate(s3->creds);
        c->sent = 0;
        if (c->src && c->src->fd >= 0 && lseek(c->src->fd, c->fd_base, SEEK_SET) < 0)
            break;
    }
    buf_release(&c->err);
    return out;
}

static void call_init(struct call *c, const char *method, const char *key, const char *version,
                      long timeout_ms)
{
    memset(c, 0, sizeof(*c));
    c->method = method;
    c->key = key;
    c->version = version;
    c->out_fd = -1;
    c->timeout_ms = timeout_ms;
    c->length = -1;
}

/* ---- the driver --------------------------------------------------------------------- */

static int s3_put(void *impl, struct arena *arena, const char *key, const struct blob_src *src,
                  const char *ct, const char **version)
{
    struct s3 *s3 = impl;
    struct call c;

    call_init(&c, "PUT", key, NULL, s3->timeout_ms);
    c.src = src;
    c.content_type = ct;
    int rc = perform(s3, &c);
    if (rc == 0)
        *version = c.version_id[0] && strcmp(c.version_id, "null") != 0
                       ? arena_strdup(arena, c.version_id)
                       : NULL;
    return rc;
}

static int s3_get(void *impl, const char *key, const char *version, int out_fd)
{
    struct s3 *s3 = impl;
    struct call c;

    call_init(&c, "GET", key, version, s3->timeout_ms);
    c.out_fd = out_fd;
    return perform(s3, &c);
}

/* CopyObject: the copy is made inside the store; the response body says whether it worked. */
static int s3_copy(void *impl, struct arena *arena, const char *src_key, const char *dst_key,
                   const char **version)
{
    static const struct blob_src nothing = {"", 0, -1};
    struct s3 *s3 = impl;
    struct buf source = BUF_INIT;
    struct call c;

    buf_printf(&source, "/%s/", s3->bucket);
    sigv4_uri_encode(&source, src_key, strlen(src_key), true);
    call_init(&c, "PUT", dst_key, NULL, s3->timeout_ms);
    c.src = &nothing;
    c.copy_source = source.p;
    int rc = perform(s3, &c);
    if (rc == 0)
        *version = c.version_id[0] && strcmp(c.version_id, "null") != 0
                       ? arena_strdup(arena, c.version_id)
                       : NULL;
    buf_release(&source);
    return rc;
}

static void fill_info(struct arena *arena, const struct call *c, struct blob_info *info)
{
    info->size = c->length;
    info->content_type = arena_strdup(arena, c->content_type_out[0] ? c->content_type_out
                                                                    : "application/octet-stream");
    info->version = c->version_id[0] && strcmp(c->version_id, "null") != 0
                        ? arena_strdup(arena, c->version_id)
                        : NULL;
}

static int s3_head(void *impl, struct arena *arena, const char *key, const char *version,
                   struct blob_info *info)
{
    struct s3 *s3 = impl;
    struct call c;

    call_init(&c, "HEAD", key, version, SMALL_TIMEOUT_MS);
    int rc = perform(s3, &c);
    if (rc == 0)
        fill_info(arena, &c, info);
    return rc;
}

/* An unnamed file under the data folder, gone when closed. */
static int temp_file(const char *dir)
{
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);

    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
        struct buf b = BUF_INIT;
        buf_printf(&b, "%s/.blob-XXXXXX", dir);
        fd = mkostemp(b.p, O_CLOEXEC);
        if (fd >= 0)
            unlink(b.p);
        buf_release(&b);
    }
    return fd;
}

static int s3_open_read(void *impl, struct arena *arena, const char *key, const char *version,
                        int *fd, struct blob_info *info)
{
    struct s3 *s3 = impl;
    struct call c;
    int tmp = temp_file(s3->data_dir);

    if (tmp < 0) {
        log_warn("blob: cannot create a temporary file in '%s': %s", s3->data_dir, strerror(errno));
        return ERR_UNAVAILABLE;
    }
    call_init(&c, "GET", key, version, s3->timeout_ms);
    c.out_fd = tmp;
    int rc = perform(s3, &c);
    off_t size = rc == 0 ? lseek(tmp, 0, SEEK_CUR) : -1;
    if (rc == 0 && (size < 0 || lseek(tmp, 0, SEEK_SET) != 0))
        rc = ERR_UNAVAILABLE;
    if (rc != 0) {
        close(tmp);
        return rc;
    }
    fill_info(arena, &c, info);
    info->size = (long long)size;
    *fd = tmp;
    return 0;
}

static int s3_del(void *impl, const char *key, const char *version)
{
    struct call c;

    call_init(&c, "DELETE", key, version, SMALL_TIMEOUT_MS);
    return perform(impl, &c);
}

static int s3_ping(void *impl)
{
    struct call c;

    call_init(&c, "HEAD", NULL, NULL, PING_TIMEOUT_MS);
    int rc = perform(impl, &c);
    return rc == 0 ? 0 : ERR_UNAVAILABLE;
}

/* The SigV4 request a presigned URL stands for ("params" has room for 3). */
static size_t presign_params(const struct blob_presign *p, struct sigv4_param *params,
                             struct sigv4_param *headers, char *len, size_t *n_headers)
{
    bool put = strcmp(p->method, "PUT") == 0;
    size_t n = 0;

    params[n++] = (struct sigv4_param){"X-Amz-Content-Sha256", SIGV4_UNSIGNED_PAYLOAD};
    params[n++] = (struct sigv4_param){"x-id", put ? "PutObject" : "GetObject"};
    if (!put && p->version)
        params[n++] = (struct sigv4_param){"versionId", p->version};
    *n_headers = 0;
    if (put) {
        snprintf(len, 24, "%lld", p->size);
        headers[0] = (struct sigv4_param){"content-length", len};
        headers[1] = (struct sigv4_param){"content-type", p->content_type};
        *n_headers = 2;
    }
    return n;
}

static int s3_presign(void *impl, struct arena *arena, const struct blob_presign *p, time_t now,
                      struct blob_target *out)
{
    struct s3 *s3 = impl;
    struct buf url = BUF_INIT, host = BUF_INIT, path = BUF_INIT;
    struct sigv4_param params[3], headers[2];
    struct creds cr;
    char len[24];
    size_t n_headers;

    if (creds_get(s3->creds, &cr) != 0)
        return ERR_UNAVAILABLE;
    size_t n_params = presign_params(p, params, headers, len, &n_headers);
    base_url(s3, s3->public_endpoint, p->key, &url, &host, &path);
    struct sigv4_request r = {p->method,  host.p,  path.p,    params,
                              n_params,   headers, n_headers, SIGV4_UNSIGNED_PAYLOAD,
                              s3->region, "s3",    now};
    struct sigv4_creds sc = {cr.access_key, cr.secret_key, cr.token};
    buf_addc(&url, '?');
    int rc = sigv4_presign(&r, &sc, p->expires_s, &url) == 0 ? 0 : ERR_INVALID;
    if (rc == 0)
        out->url = arena_strdup(arena, url.p);
    for (size_t i = 0; i < n_headers; i++) {
        out->headers[i].name = i == 0 ? "Content-Length" : "Content-Type";
        out->headers[i].value = arena_strdup(arena, headers[i].value);
    }
    out->n_headers = (int)n_headers;
    creds_release(&cr);
    buf_release(&url);
    buf_release(&host);
    buf_release(&path);
    return rc;
}

static const char *s3_browser_origin(void *impl)
{
    return ((struct s3 *)impl)->browser_origin;
}

static char *origin_of(const struct s3 *s3)
{
    struct buf url = BUF_INIT, host = BUF_INIT, path = BUF_INIT;
    const char *e = s3->public_endpoint;

    locate(s3, e, NULL, &host, &path);
    buf_add(&url, e, (size_t)(strstr(e, "://") + 3 - e));
    buf_add(&url, host.p, strcspn(host.p, "/"));
    buf_release(&host);
    buf_release(&path);
    return buf_detach(&url, NULL);
}

static void s3_free(void *impl)
{
    struct s3 *s3 = impl;

    for (int i = 0; i < s3->n_idle; i++)
        curl_easy_cleanup(s3->idle[i]);
    pthread_mutex_destroy(&s3->lock);
    creds_provider_free(s3->creds);
    free(s3->bucket);
    free(s3->region);
    free(s3->endpoint);
    free(s3->public_endpoint);
    free(s3->browser_origin);
    free(s3->data_dir);
    free(s3);
    curl_global_cleanup();
}

void *blob_s3_new(const struct config *cfg, struct buf *why)
{
    struct creds_provider *creds = creds_provider_new(cfg);

    if (!creds || !cfg->s3_endpoint || !strstr(cfg->s3_endpoint, "://")) {
        buf_adds(why, creds ? "MANGU_S3_ENDPOINT: expected an origin"
                            : "MANGU_S3_BUCKET: no credentials for S3");
        creds_provider_free(creds);
        return NULL;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT); /* at start, before threads; counted */
    struct s3 *s3 = xcalloc(1, sizeof(*s3));
    s3->bucket = xstrdup(cfg->s3_bucket);
    s3->region = xstrdup(cfg->s3_region ? cfg->s3_region : "us-east-1");
    s3->endpoint = xstrdup(cfg->s3_endpoint);
    s3->public_endpoint =
        xstrdup(cfg->s3_public_endpoint ? cfg->s3_public_endpoint : cfg->s3_endpoint);
    s3->path_style = cfg->s3_path_style;
    s3->browser_origin = origin_of(s3);
    s3->timeout_ms = (cfg->s3_timeout_s > 0 ? cfg->s3_timeout_s : 600) * 1000L;
    s3->data_dir = xstrdup(cfg->data_dir ? cfg->data_dir : ".");
    snprintf(s3->sigv4, sizeof(s3->sigv4), "aws:amz:%s:s3", s3->region);
    s3->creds = creds;
    pthread_mutex_init(&s3->lock, NULL);
    return s3;
}

const struct blob_driver blob_s3_driver = {
    .name = "s3",
    .put = s3_put,
    .get = s3_get,
    .open_read = s3_open_read,
    .head = s3_head,
    .del = s3_del,
    .copy = s3_copy,
    .presign = s3_presign,
    .ping = s3_ping,
    .browser_origin = s3_browser_origin,
    .free = s3_free,
};
