/* web.c: serving the single-page client from memory: hashed assets, index.html fallback. */
#include "api/web.h"
#include "api/commerce.h"
#include "api/files.h"
#include "api/json.h"
#include "api/seo.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/xalloc.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_WEB_FILE (32u << 20)

struct web_file {
    char *path; /* "/assets/index-abc.js" */
    char *data;
    size_t len;
    const char *type;
    char etag[20];
};

struct web_files {
    struct web_file *files;
    size_t n, cap;
};

static const char NOT_BUILT[] =
    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>MANGU</title>"
    "<body style=\"font-family:sans-serif;background:#111;color:#eee;padding:3rem\">"
    "<h1>MANGU Publishing</h1><p>The web client is not built yet. Run <code>make</code> "
    "(or <code>make run</code>) and reload. The API answers under <code>/api/</code>.</p>";

static const char *content_type(const char *path)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".xml", "application/xml"},
        {".map", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".wasm", "application/wasm"},
        {".mjs", "text/javascript; charset=utf-8"},
    };
    const char *dot = strrchr(path, '.');

    for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

/* FNV-1a over the bytes: a cheap validator, not a security measure. */
static void make_etag(struct web_file *f)
{
    unsigned long long h = 1469598103934665603ULL;

    for (size_t i = 0; i < f->len; i++)
        h = (h ^ (unsigned char)f->data[i]) * 1099511628211ULL;
    snprintf(f->etag, sizeof(f->etag), "\"%016llx\"", h);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    struct stat st;

    if (!fp)
        return NULL;
    if (fstat(fileno(fp), &st) != 0 || st.st_size > (off_t)MAX_WEB_FILE) {
        fclose(fp);
        return NULL;
    }
    char *data = xmalloc((size_t)st.st_size + 1);
    *len = fread(data, 1, (size_t)st.st_size, fp);
    fclose(fp);
    return data;
}

static void add_file(struct web_files *w, const char *full, const char *rel)
{
    size_t len;
    char *data = read_file(full, &len);

    if (!data)
        return;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 32;
        w->files = xrealloc(w->files, w->cap * sizeof(*w->files));
    }
    struct web_file *f = &w->files[w->n++];
    f->path = xstrdup(rel);
    f->data = data;
    f->len = len;
    f->type = content_type(rel);
    make_etag(f);
}

static void walk(struct web_files *w, const char *root, const char *rel, int depth)
{
    char dir[PATH_MAX];
    DIR *d;
    struct dirent *e;

    snprintf(dir, sizeof(dir), "%s%s", root, rel);
    if (depth > 8 || !(d = opendir(dir)))
        return;
    while ((e = readdir(d))) {
        char full[PATH_MAX], sub[PATH_MAX];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(sub, sizeof(sub), "%s/%s", rel, e->d_name);
        snprintf(full, sizeof(full), "%s%s", root, sub);
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            walk(w, root, sub, depth + 1);
        else if (S_ISREG(st.st_mode))
            add_file(w, full, sub);
    }
    closedir(d);
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const struct web_file *)a)->path, ((const struct web_file *)b)->path);
}

struct web_files *web_load(const char *dir)
{
    struct web_files *w = xcalloc(1, sizeof(*w));

    walk(w, dir, "", 0);
    if (w->n)
        qsort(w->files, w->n, sizeof(*w->files), by_path);
    else
        log_warn("web client not found in '%s'; serving a placeholder page", dir);
    return w;
}

void web_free(struct web_files *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n; i++) {
        free(w->files[i].path);
        free(w->files[i].data);
    }
    free(w->files);
    free(w);
}

size_t web_count(const struct web_files *w)
{
    return w->n;
}

static const struct web_file *find(const struct web_files *w, const char *path)
{
    struct web_file key = {.path = (char *)path};

    return w->n ? bsearch(&key, w->files, w->n, sizeof(*w->files), by_path) : NULL;
}

static void send_file(struct ctx *cx, struct http_request *req, struct http_response *res,
                      const struct web_file *f, const char *cache_control)
{
    const char *inm = http_request_header(req, "If-None-Match");

    http_response_header(res, "Cache-Control", cache_control);
    http_response_header(res, "ETag", f->etag);
    if (inm && strstr(inm, f->etag)) {
        http_respond_bytes(res, 304, NULL, "", 0);
        return;
    }
    http_respond_bytes(res, 200, f->type, f->data, f->len);
}

void web_serve(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const struct web_files *w = cx->app->web;
    const struct web_file *f;

    cx->route = "static";
    if (req->method != HTTP_GET && req->method != HTTP_HEAD) {
        http_response_header(res, "Allow", "GET, HEAD");
        api_respond_error_msg(cx, res, ERR_METHOD, "only GET and HEAD are allowed here");
        return;
    }
    if (strncmp(req->path, "/assets/", 8) == 0) {
        if ((f = find(w, req->path)))
            send_file(cx, req, res, f, "public, max-age=31536000, immutable");
        else
            api_respond_error_msg(cx, res, ERR_NOT_FOUND, "no such asset");
        return;
    }
    if (strncmp(req->path, "/static/", 8) == 0) { /* uploaded covers: api/files.c */
        api_static_serve(cx, req, res);
        return;
    }
    if (strncmp(req->path, "/checkout/test/", 15) == 0) { /* api/payments.c */
        api_payments_dev_page(cx, req, res);
        return;
    }
    if (seo_handles(req->path)) { /* share tags, sitemaps, robots.txt: api/seo.c */
        f = find(w, "/index.html");
        seo_serve(cx, req, res, f ? f->data : NOT_BUILT, f ? f->len : sizeof(NOT_BUILT) - 1);
        return;
    }
    if (strcmp(req->path, "/index.html") != 0 && (f = find(w, req->path))) {
        send_file(cx, req, res, f, "public, max-age=3600");
        return;
    }
    if ((f = find(w, "/index.html"))) {
        send_file(cx, req, res, f, "no-cache");
        return;
    }
    http_response_header(res, "Cache-Control", "no-cache");
    http_respond_bytes(res, 200, "text/html; charset=utf-8", NOT_BUILT, sizeof(NOT_BUILT) - 1);
}
