/* covers_card.c: share cards: the cover on a blurred backdrop, PNG, cached by the cover's bytes. */
#include "service/covers_card.h"
#include "blob/blob.h"
#include "cache/cache.h"
#include "core/buf.h"
#include "core/log.h"
#include "media/image.h"
#include "service/covers.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CARD_DESIGN 1              /* bump when image_share_card() draws differently */
#define CARD_TTL (7 * 86400)       /* keys name the cover's bytes: never stale, only unused */
#define CARD_SOURCE_MAX (16 << 20) /* an uploaded thumbnail is far smaller */

static unsigned long long fnv(const void *p, size_t n)
{
    const unsigned char *s = p;
    unsigned long long h = 1469598103934665603ULL ^ CARD_DESIGN;

    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ULL;
    return h;
}

/* "A, B & C", as the SVG route sets it (api/seo.c: seo_author_line), in the arena. */
static const char *author_line(struct arena *a, const struct seo_book *b)
{
    struct buf line = BUF_INIT;

    for (int i = 0; i < b->n_authors; i++) {
        if (i)
            buf_adds(&line, i == b->n_authors - 1 ? " & " : ", ");
        buf_adds(&line, b->author_names[i] ? b->author_names[i] : "");
    }
    const char *s = arena_strdup(a, line.p ? line.p : "");
    buf_release(&line);
    return s;
}

/* The generated SVG of "b", in the arena: the same bytes as GET .../cover.svg. */
static const char *svg_of(struct ctx *cx, const struct seo_book *b, size_t *len)
{
    struct cover_spec spec = {b->slug,      b->title, b->subtitle, author_line(cx->arena, b),
                              b->publisher, b->genre};
    struct buf svg = BUF_INIT;

    covers_svg(&spec, &svg);
    *len = svg.len;
    const char *s = arena_strndup(cx->arena, svg.p, svg.len);
    buf_release(&svg);
    return s;
}

/* The bytes of the uploaded cover "key", in the arena. */
static int read_upload(struct ctx *cx, const char *key, const unsigned char **data, size_t *len)
{
    struct blob_info info;
    int fd = -1, rc = blob_open_read(cx->app->blob, cx->arena, key, NULL, &fd, &info);

    if (rc != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "the cover '%s' cannot be read now", key);
    if (info.size < 1 || info.size > CARD_SOURCE_MAX) {
        close(fd);
        return cx_fail(cx, ERR_INTERNAL, "the cover '%s' has %lld bytes", key, info.size);
    }
    unsigned char *buf = arena_alloc(cx->arena, (size_t)info.size);
    size_t got = 0;
    while (got < (size_t)info.size) {
        ssize_t n = pread(fd, buf + got, (size_t)info.size - got, (off_t)got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got != (size_t)info.size)
        return cx_fail(cx, ERR_UNAVAILABLE, "the cover '%s' was cut short", key);
    *data = buf;
    *len = got;
    return 0;
}

static int render(struct ctx *cx, const struct seo_book *b, const char *svg, size_t svg_len,
                  struct cover_card *out)
{
    const unsigned char *src = (const unsigned char *)svg;
    size_t len = svg_len;
    char why[256];
    int rc = 0;

    if (!svg && (rc = read_upload(cx, b->cover_key, &src, &len)) != 0)
        return rc;
    if (image_share_card(cx->arena, src, len, svg != NULL, &out->png, &out->len, why,
                         sizeof(why)) != 0)
        return cx_fail(cx, ERR_INTERNAL, "share card of '%s': %s", b->slug, why);
    return 0;
}

int covers_card(struct ctx *cx, const struct seo_book *b, const char *if_none_match,
                struct cover_card *out)
{
    bool uploaded = b->cover_key && *b->cover_key;
    size_t svg_len = 0;
    const char *svg = uploaded ? NULL : svg_of(cx, b, &svg_len);
    /* an uploaded cover's key names one version of its bytes (objects are never overwritten) */
    unsigned long long h = uploaded ? fnv(b->cover_key, strlen(b->cover_key)) : fnv(svg, svg_len);
    const char *key = arena_printf(cx->arena, "cover_card:%016llx", h);
    char *cached;
    size_t len;

    memset(out, 0, sizeof(*out));
    out->etag = arena_printf(cx->arena, "\"pc%016llx\"", h);
    if (if_none_match && strstr(if_none_match, out->etag)) {
        out->not_modified = true;
        return 0;
    }
    if (cache_get(cx->app->cache, cx->arena, key, &cached, &len) == 0 && len > 8) {
        out->png = (const unsigned char *)cached;
        out->len = len;
        return 0;
    }
    int rc = render(cx, b, svg, svg_len, out);
    if (rc == 0)
        cache_set(cx->app->cache, key, out->png, out->len, CARD_TTL);
    return rc;
}
