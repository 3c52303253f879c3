/* media.c: the manuscript and cover checks: size, sniffed type, then the parser, isolated. */
#include "media/media.h"
#include "core/err.h"
#include "media/epub.h"
#include "media/isolate.h"
#include "media/pdf.h"
#include "media/sniff.h"
#include "media/xml.h"

#include <ctype.h>
#include <stdarg.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MIB ((size_t)1 << 20)
#define JSON_MAX (4 * MIB) /* a child's report, cover bytes aside */

int media_init(void)
{
    if (sniff_init() != 0)
        return -1;
    xml_init();
    if (image_init() != 0) {
        xml_release();
        sniff_release();
        return -1;
    }
    return 0;
}

void media_release(void)
{
    image_release();
    xml_release();
    sniff_release();
}

/* "Application/EPUB+zip; charset=x" -> "application/epub+zip" in "a"; NULL when empty. */
static const char *bare_type(struct arena *a, const char *t)
{
    if (!t)
        return NULL;
    size_t n = strcspn(t, ";");
    while (n > 0 && isspace((unsigned char)t[n - 1]))
        n--;
    char *s = arena_strndup(a, t, n);
    for (char *p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return *s ? s : NULL;
}

static enum media_format format_of(const char *type)
{
    if (!type)
        return MEDIA_UNKNOWN;
    if (!strcmp(type, "application/epub+zip") || !strcmp(type, "application/zip"))
        return MEDIA_EPUB;
    return !strcmp(type, "application/pdf") ? MEDIA_PDF : MEDIA_UNKNOWN;
}

static bool is_cover_type(const char *t)
{
    return !strcmp(t, "image/jpeg") || !strcmp(t, "image/png") || !strcmp(t, "image/webp");
}

/* The declared type against the sniffed one: the format to check, or a refusal in "r". */
static int decide_format(struct arena *a, const char *declared, struct manuscript_report *r)
{
    const char *want = bare_type(a, declared);
    enum media_format sniffed = format_of(r->media_type);

    if (want && !strcmp(want, "application/octet-stream"))
        want = NULL;
    if (want && strcmp(want, "application/epub+zip") != 0 && strcmp(want, "application/pdf") != 0)
        return report_refuse(a, r, ERR_MEDIA_TYPE, "unsupported_type",
                             "'%s' is not a manuscript type (EPUB or PDF)", want);
    if (sniffed == MEDIA_UNKNOWN)
        return report_refuse(a, r, ERR_MEDIA_TYPE, want ? "type_mismatch" : "unsupported_type",
                             "the content is '%s', not an EPUB or a PDF", r->media_type);
    if (want && format_of(want) != sniffed)
        return report_refuse(a, r, ERR_MEDIA_TYPE, "type_mismatch",
                             "declared '%s' but the content is '%s'", want, r->media_type);
    r->format = sniffed;
    return 0;
}

/* Runs the EPUB or PDF check over "len" bytes mapped from "fd", in this process. */
static int parse_fd(struct arena *a, const struct media_limits *l, int fd, size_t len,
                    struct manuscript_report *r)
{
    void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);

    if (map == MAP_FAILED)
        return ERR_INTERNAL;
    int rc = r->format == MEDIA_EPUB ? epub_check(a, map, len, l, r) : pdf_check(a, map, len, l, r);
    munmap(map, len);
    return rc;
}

struct job {
    const struct media_limits *l;
    int fd;
    size_t len;
    enum media_format format;
};

/* In the child: parse, then write the report as JSON, a NUL, and the cover bytes. */
static int on_child(void *arg, struct buf *out)
{
    struct job *j = arg;
    struct arena *a = arena_new();
    struct manuscript_report r = {.format = j->format};

    if (parse_fd(a, j->l, j->fd, j->len, &r) == ERR_INTERNAL)
        return 2;
    json_t *js = report_to_json(&r);
    char *text = json_dumps(js, JSON_COMPACT);
    if (!text)
        return 3;
    buf_adds(out, text);
    buf_addc(out, '\0');
    buf_add(out, r.cover, r.cover_len);
    return 0; /* nothing freed: the process ends */
}

/* Fills "r" from a child's output; -1 when it is not what on_child writes. */
static int read_child(struct arena *a, const struct buf *b, struct manuscript_report *r)
{
    const char *nul = b->p ? memchr(b->p, '\0', b->len) : NULL;

    if (!nul)
        return -1;
    json_t *js = json_loadb(b->p, (size_t)(nul - b->p), 0, NULL);
    int rc = js ? report_from_json(a, js, r) : -1;
    json_decref(js);
    size_t cover = b->len - (size_t)(nul - b->p) - 1;
    if (rc != 0 || cover != r->cover_len)
        return -1;
    if (cover) {
        unsigned char *p = arena_alloc(a, cover);
        memcpy(p, nul + 1, cover);
        r->cover = p;
    }
    return 0;
}

static int parse_isolated(struct arena *a, const struct media_limits *l, int fd, size_t len,
                          struct manuscript_report *r)
{
    struct job j = {l, fd, len, r->format};
    struct isolate_limits il = {l->timeout_ms, l->cpu_s, l->mem_bytes + len,
                                JSON_MAX + l->max_cover_bytes};
    struct buf out = BUF_INIT;
    int detail;
    const char *what = media_format_name(r->format);
    enum isolate_status st = isolate_run(on_child, &j, &il, fd, &out, &detail);

    if (st == ISOLATE_OK && read_child(a, &out, r) != 0)
        st = ISOLATE_TOO_MUCH;
    buf_release(&out);
    switch (st) {
    case ISOLATE_OK:
        return r->status;
    case ISOLATE_UNAVAILABLE:
        return report_refuse(a, r, ERR_UNAVAILABLE, "check_unavailable",
                             "no process could be started to check the file");
    case ISOLATE_TIMEOUT:
        return report_refuse(a, r, ERR_UNPROCESSABLE, "parse_timeout",
                             "checking the %s took longer than allowed (%d ms wall, %d s CPU)",
                             what, l->timeout_ms, l->cpu_s);
    default:
        return report_refuse(a, r, ERR_UNPROCESSABLE, "parse_failed",
                             "the %s checker stopped abnormally (%s %d)", what,
                             st == ISOLATE_SIGNALED ? "signal" : "status", detail);
    }
}

/* Keeps an extracted cover only when its bytes are JPEG, PNG or WebP. */
static void sniff_cover(struct arena *a, struct manuscript_report *r)
{
    char type[96];

    if (!r->cover)
        return;
    sniff_buffer(r->cover, r->cover_len, type);
    if (!is_cover_type(type)) {
        report_warn(a, r, "epub_cover_unsupported",
                    "cover '%s' is '%s' (JPEG, PNG or WebP are used)", r->cover_path, type);
        r->cover = NULL;
        r->cover_len = 0;
        r->cover_type = NULL;
        return;
    }
    r->cover_type = arena_strdup(a, type);
}

static int check_size(struct arena *a, const struct media_limits *l, int fd,
                      struct manuscript_report *r)
{
    struct stat st;

    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return report_refuse(a, r, ERR_INTERNAL, "unreadable", "the upload cannot be read");
    r->size = (size_t)st.st_size;
    if (r->size == 0)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "empty", "the file is empty");
    if (r->size > l->max_manuscript_bytes)
        return report_refuse(a, r, ERR_TOO_LARGE, "too_large",
                             "the file is %zu bytes (at most %zu)", r->size,
                             l->max_manuscript_bytes);
    return 0;
}

int media_check_manuscript(struct arena *a, const struct media_limits *l, int fd,
                           const char *declared_type, struct manuscript_report *r)
{
    unsigned char *head = arena_alloc(a, SNIFF_HEAD);
    char type[96];

    memset(r, 0, sizeof(*r));
    int rc = check_size(a, l, fd, r);
    if (rc)
        return rc;
    ssize_t n = pread(fd, head, SNIFF_HEAD, 0);
    if (n <= 0)
        return report_refuse(a, r, ERR_INTERNAL, "unreadable", "the upload cannot be read");
    r->media_type = arena_strdup(a, sniff_buffer(head, (size_t)n, type));
    if ((rc = decide_format(a, declared_type, r)) != 0)
        return rc;
    const char *sniffed = r->media_type;
    size_t size = r->size;
    rc = l->isolate ? parse_isolated(a, l, fd, r->size, r) : parse_fd(a, l, fd, r->size, r);
    r->media_type = sniffed; /* the parent's view, whatever the child said */
    r->size = size;
    if (rc == ERR_INTERNAL && r->status == 0)
        return report_refuse(a, r, ERR_INTERNAL, "unreadable", "the upload cannot be mapped");
    sniff_cover(a, r);
    return r->status;
}

int media_check_manuscript_file(struct arena *a, const struct media_limits *l, const char *path,
                                const char *declared_type, struct manuscript_report *r)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

    if (fd < 0) {
        memset(r, 0, sizeof(*r));
        return report_refuse(a, r, ERR_INTERNAL, "unreadable", "the upload cannot be opened");
    }
    int rc = media_check_manuscript(a, l, fd, declared_type, r);
    close(fd);
    return rc;
}

/* Refuses in a cover report, as report_refuse() does in a manuscript report. */
static int cover_refuse(struct arena *a, struct cover_report *r, int err, const char *code,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int cover_refuse(struct arena *a, struct cover_report *r, int err, const char *code,
                        const char *fmt, ...)
{
    va_list ap;

    if (r->status == 0)
        r->status = err;
    va_start(ap, fmt);
    notes_vadd(a, &r->reasons, code, fmt, ap);
    va_end(ap);
    return err;
}

int media_check_cover(struct arena *a, const struct media_limits *l, const unsigned char *data,
                      size_t len, const char *declared_type, struct cover_report *r)
{
    char type[96], why[256];
    const char *want = bare_type(a, declared_type);

    memset(r, 0, sizeof(*r));
    r->size = len;
    if (len > l->max_cover_bytes)
        return cover_refuse(a, r, ERR_TOO_LARGE, "too_large",
                            "the image is %zu bytes (at most %zu)", len, l->max_cover_bytes);
    r->media_type = arena_strdup(a, sniff_buffer(data, len, type));
    if (!is_cover_type(type))
        return cover_refuse(a, r, ERR_MEDIA_TYPE, "unsupported_type",
                            "the content is '%s' (JPEG, PNG or WebP expected)", type);
    if (want && strcmp(want, "application/octet-stream") && strcmp(want, type))
        return cover_refuse(a, r, ERR_MEDIA_TYPE, "type_mismatch",
                            "declared '%s' but the content is '%s'", want, type);
    if (image_header(data, len, &r->width, &r->height, why, sizeof(why)) != 0)
        return cover_refuse(a, r, ERR_UNPROCESSABLE, "image_corrupt", "%s", why);
    if (r->width > l->max_cover_px || r->height > l->max_cover_px)
        return cover_refuse(a, r, ERR_UNPROCESSABLE, "image_dimensions_too_large",
                            "the image is %d x %d pixels (at most %d per side)", r->width,
                            r->height, l->max_cover_px);
    return 0;
}

int media_cover_thumbnails(struct arena *a, const struct media_limits *l, const unsigned char *data,
                           size_t len, const char *declared_type, struct cover_report *r,
                           struct thumbnail out[IMAGE_N_THUMBS])
{
    char why[256];
    int rc = media_check_cover(a, l, data, len, declared_type, r);

    if (rc)
        return rc;
    if (image_thumbnails(a, data, len, out, why, sizeof(why)) != 0)
        return cover_refuse(a, r, ERR_UNPROCESSABLE, "image_corrupt", "%s", why);
    return 0;
}
