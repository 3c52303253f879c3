/* seo.c: share tags (OpenGraph, Twitter, JSON-LD) for book and author pages in index.html. */
#include "api/seo.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/log.h"
#include "core/rng.h"
#include "service/covers.h"
#include "store/seo.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SITE_NAME "MANGU Publishing"
#define DESCRIPTION_MAX 200 /* bytes of a meta description, cut at a word */
#define CARD_W "1200"       /* the share card's size: IMAGE_CARD_W x IMAGE_CARD_H */
#define CARD_H "630"

/* What a page's head says about it; strings in the request arena. */
struct page {
    const char *title, *og_title, *description, *url, *image, *image_alt, *type;
    const char *extra; /* more <meta> lines (book:isbn ...), already escaped */
    json_t *ld;        /* the Schema.org object; owned by the arena */
};

static bool one_segment(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);

    return strncmp(path, prefix, n) == 0 && path[n] && !strchr(path + n, '/');
}

bool seo_handles(const char *path)
{
    return strcmp(path, "/robots.txt") == 0 || strcmp(path, "/sitemap.xml") == 0 ||
           strcmp(path, "/sitemap-main.xml") == 0 || strncmp(path, "/sitemap-books-", 15) == 0 ||
           one_segment(path, "/books/") || one_segment(path, "/authors/");
}

const char *seo_origin(struct ctx *cx)
{
    const char *u = cx->app->cfg->public_url;
    size_t n = strlen(u);

    while (n > 0 && u[n - 1] == '/')
        n--;
    return arena_strndup(cx->arena, u, n);
}

const char *seo_author_line(struct arena *a, const char *const *names, int n)
{
    struct buf b = BUF_INIT;

    for (int i = 0; i < n; i++) {
        if (i)
            buf_adds(&b, i == n - 1 ? " & " : ", ");
        buf_adds(&b, names[i] ? names[i] : "");
    }
    const char *s = arena_strdup(a, b.p ? b.p : "");
    buf_release(&b);
    return s;
}

/* "s" with white space collapsed and cut at a word near "max" bytes, with an ellipsis. */
static const char *shorten(struct arena *a, const char *s, size_t max)
{
    char *out = arena_alloc(a, max + 8);
    size_t o = 0, cut = 0;
    bool space = false;

    for (; *s; s++) {
        bool ws = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
        if (ws) {
            space = o > 0;
            continue;
        }
        if (space) {
            if (o + 1 >= max)
                break;
            cut = o;
            out[o++] = ' ';
            space = false;
        }
        if (o >= max)
            break;
        out[o++] = *s;
    }
    if (*s) { /* cut: end at the last space, or drop a character that may be partial */
        if (cut) {
            o = cut;
        } else {
            while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
                o--;
            if (o > 0 && (unsigned char)out[o - 1] >= 0xC0)
                o--;
        }
        memcpy(out + o, "\xE2\x80\xA6", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

static void esc(struct buf *b, const char *s)
{
    covers_escape(b, s, strlen(s));
}

static void meta(struct buf *b, const char *key, const char *name, const char *value)
{
    if (!value)
        return;
    buf_printf(b, "<meta %s=\"%s\" content=\"", key, name);
    esc(b, value);
    buf_adds(b, "\">\n");
}

/* The JSON-LD object as a script element; "<", ">" and "&" become \u escapes, so no "</". */
static void json_ld(struct buf *b, json_t *ld)
{
    char *s = json_dumps(ld, JSON_COMPACT | JSON_REAL_PRECISION(4));

    buf_adds(b, "<script type=\"application/ld+json\">");
    for (const char *p = s; p && *p; p++) {
        if (*p == '<' || *p == '>' || *p == '&')
            buf_printf(b, "\\u%04x", (unsigned char)*p);
        else
            buf_addc(b, *p);
    }
    buf_adds(b, "</script>\n");
    free(s);
}

static void write_tags(struct buf *b, const struct page *pg)
{
    const char *desc = pg->description;

    buf_adds(b, "<title>");
    esc(b, pg->title);
    buf_adds(b, "</title>\n");
    meta(b, "name", "description", desc);
    buf_adds(b, "<link rel=\"canonical\" href=\"");
    esc(b, pg->url);
    buf_adds(b, "\">\n");
    meta(b, "property", "og:site_name", SITE_NAME);
    meta(b, "property", "og:type", pg->type);
    meta(b, "property", "og:title", pg->og_title);
    meta(b, "property", "og:description", desc);
    meta(b, "property", "og:url", pg->url);
    meta(b, "property", "og:image", pg->image);
    if (pg->image) {
        meta(b, "property", "og:image:type", "image/png");
        meta(b, "property", "og:image:width", CARD_W);
        meta(b, "property", "og:image:height", CARD_H);
    }
    meta(b, "property", "og:image:alt", pg->image ? pg->image_alt : NULL);
    if (pg->extra)
        buf_adds(b, pg->extra);
    meta(b, "name", "twitter:card", pg->image ? "summary_large_image" : "summary");
    meta(b, "name", "twitter:title", pg->og_title);
    meta(b, "name", "twitter:description", desc);
    meta(b, "name", "twitter:image", pg->image);
    meta(b, "name", "twitter:image:alt", pg->image ? pg->image_alt : NULL);
    json_ld(b, pg->ld);
}

/* Length of the element starting at "p" (through its ">"), or 0 when unterminated. */
static size_t element_len(const char *p, const char *end)
{
    const char *gt = memchr(p, '>', (size_t)(end - p));

    return gt ? (size_t)(gt - p + 1) : 0;
}

static bool has(const char *p, size_t n, const char *needle)
{
    return memmem(p, n, needle, strlen(needle)) != NULL;
}

/* True when the head element at "p" is one the page's own tags replace. */
static size_t replaced(const char *p, const char *end)
{
    size_t n = element_len(p, end);

    if (n && strncasecmp(p, "<title", 6) == 0) {
        const char *close = memmem(p, (size_t)(end - p), "</title>", 8);
        return close ? (size_t)(close - p) + 8 : 0;
    }
    if (n && strncasecmp(p, "<meta", 5) == 0 &&
        (has(p, n, "name=\"description\"") || has(p, n, "property=\"og:") ||
         has(p, n, "name=\"twitter:")))
        return n;
    if (n && strncasecmp(p, "<link", 5) == 0 && has(p, n, "rel=\"canonical\""))
        return n;
    return 0;
}

/* Copies "html" into "out" with the page's tags in place of the head's own; false without a
 * </head> (then "out" is untouched). */
static bool inject(struct buf *out, const char *html, size_t len, const struct page *pg)
{
    const char *end = html + len, *head_end = NULL, *p = html;

    for (const char *q = html; q + 7 <= end && !head_end; q++)
        if (*q == '<' && strncasecmp(q, "</head>", 7) == 0)
            head_end = q;
    if (!head_end)
        return false;
    while (p < head_end) {
        const char *lt = memchr(p, '<', (size_t)(head_end - p));
        if (!lt) {
            buf_add(out, p, (size_t)(head_end - p));
            break;
        }
        buf_add(out, p, (size_t)(lt - p));
        size_t skip = replaced(lt, head_end);
        if (skip) {
            p = lt + skip;
            while (p < head_end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
                p++;
        } else {
            buf_addc(out, '<');
            p = lt + 1;
        }
    }
    write_tags(out, pg);
    buf_add(out, head_end, (size_t)(end - head_end));
    return true;
}

static const char *price(struct arena *a, long long cents)
{
    return arena_printf(a, "%lld.%02lld", cents / 100, cents % 100);
}

/* Schema.org Book with its Offer, authors, publisher and rating. */
static json_t *book_ld(struct ctx *cx, const struct seo_book *b, const struct page *pg,
                       const char *origin)
{
    json_t *ld = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "@context", "https://schema.org",
                           "@type", "Book", "name", b->title, "url", pg->url, "image", pg->image,
                           "bookFormat", "https://schema.org/EBook");
    json_t *authors = json_array();

    for (int i = 0; i < b->n_authors; i++)
        json_array_append_new(
            authors,
            json_pack("{s:s, s:s, s:s}", "@type", "Person", "name", b->author_names[i], "url",
                      arena_printf(cx->arena, "%s/authors/%s", origin, b->author_slugs[i])));
    json_object_set_new(ld, "author", authors);
    if (b->description)
        json_object_set_new(ld, "description", json_string(b->description));
    if (b->isbn)
        json_object_set_new(ld, "isbn", json_string(b->isbn));
    if (b->page_count > 0)
        json_object_set_new(ld, "numberOfPages", json_integer(b->page_count));
    if (b->language)
        json_object_set_new(ld, "inLanguage", json_string(b->language));
    if (b->published_at)
        json_object_set_new(ld, "datePublished", json_stringn(b->published_at, 10));
    if (b->publisher)
        json_object_set_new(ld, "publisher",
                            json_pack("{s:s, s:s}", "@type", "Organization", "name", b->publisher));
    if (b->rating_count > 0)
        json_object_set_new(ld, "aggregateRating",
                            json_pack("{s:s, s:f, s:I, s:i, s:i}", "@type", "AggregateRating",
                                      "ratingValue", (double)(long)(b->rating_avg * 10 + 0.5) / 10,
                                      "ratingCount", (json_int_t)b->rating_count, "bestRating", 5,
                                      "worstRating", 1));
    json_object_set_new(ld, "offers",
                        json_pack("{s:s, s:s, s:s, s:s, s:s}", "@type", "Offer", "price",
                                  price(cx->arena, b->price_cents), "priceCurrency",
                                  b->currency ? b->currency : "USD", "availability",
                                  "https://schema.org/InStock", "url", pg->url));
    return ld;
}

static const char *book_extra(struct ctx *cx, const struct seo_book *b, const char *origin)
{
    struct buf x = BUF_INIT;

    meta(&x, "property", "book:isbn", b->isbn);
    meta(&x, "property", "book:release_date", b->published_at);
    for (int i = 0; i < b->n_authors; i++)
        meta(&x, "property", "book:author",
             arena_printf(cx->arena, "%s/authors/%s", origin, b->author_slugs[i]));
    const char *s = arena_strdup(cx->arena, x.p ? x.p : "");
    buf_release(&x);
    return s;
}

/*
 * The share card: a 1200 x 630 PNG (media/image.h) of the uploaded cover or, without one, of
 * the generated cover. Social sites show neither SVG nor a tall cover in a large card.
 */
static const char *book_card(struct ctx *cx, const char *origin, const char *slug)
{
    return arena_printf(cx->arena, "%s/api/books/%s/cover.png", origin, slug);
}

static int book_page(struct ctx *cx, const char *key, struct page *pg)
{
    struct seo_book b;
    const char *origin = seo_origin(cx);
    int rc = store_seo_book(cx, key, &b);

    if (rc != 0)
        return rc;
    if (!b.status || strcmp(b.status, "published") != 0)
        return ERR_NOT_FOUND;
    const char *by = seo_author_line(cx->arena, b.author_names, b.n_authors);
    pg->type = "book";
    pg->og_title = b.title;
    pg->title = *by ? arena_printf(cx->arena, "%s by %s | %s", b.title, by, SITE_NAME)
                    : arena_printf(cx->arena, "%s | %s", b.title, SITE_NAME);
    pg->description =
        shorten(cx->arena,
                b.description && *b.description
                    ? b.description
                    : arena_printf(cx->arena, "%s, an e-book on %s.", b.title, SITE_NAME),
                DESCRIPTION_MAX);
    pg->url = arena_printf(cx->arena, "%s/books/%s", origin, b.slug);
    pg->image = book_card(cx, origin, b.slug);
    pg->image_alt = *by ? arena_printf(cx->arena, "Cover of %s by %s", b.title, by)
                        : arena_printf(cx->arena, "Cover of %s", b.title);
    pg->extra = book_extra(cx, &b, origin);
    pg->ld = book_ld(cx, &b, pg, origin);
    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, pg->ld);
    return 0;
}

/* "Books by N on MANGU Publishing: A, B and C." for an author without a bio. */
static const char *author_summary(struct ctx *cx, const struct seo_author *a)
{
    const char *titles = seo_author_line(cx->arena, a->titles, a->n_titles);

    if (!a->n_titles)
        return arena_printf(cx->arena, "%s on %s.", a->name, SITE_NAME);
    return arena_printf(cx->arena, "Books by %s on %s: %s.", a->name, SITE_NAME, titles);
}

static json_t *author_ld(struct ctx *cx, const struct seo_author *a, const struct page *pg,
                         const char *origin)
{
    json_t *ld = json_pack("{s:s, s:s, s:s, s:s}", "@context", "https://schema.org", "@type",
                           "Person", "name", a->name, "url", pg->url);
    json_t *works = json_array();

    if (a->bio)
        json_object_set_new(ld, "description", json_string(a->bio));
    for (int i = 0; i < a->n_titles; i++)
        json_array_append_new(
            works, json_pack("{s:s, s:s, s:s}", "@type", "Book", "name", a->titles[i], "url",
                             arena_printf(cx->arena, "%s/books/%s", origin, a->book_slugs[i])));
    json_object_set_new(ld, "workExample", works);
    return ld;
}

static int author_page(struct ctx *cx, const char *slug, struct page *pg)
{
    struct seo_author a;
    const char *origin = seo_origin(cx);
    int rc = store_seo_author(cx, slug, &a);

    if (rc != 0)
        return rc;
    pg->type = "profile";
    pg->og_title = a.name;
    pg->title = arena_printf(cx->arena, "%s | %s", a.name, SITE_NAME);
    pg->description =
        shorten(cx->arena, a.bio && *a.bio ? a.bio : author_summary(cx, &a), DESCRIPTION_MAX);
    pg->url = arena_printf(cx->arena, "%s/authors/%s", origin, a.slug);
    if (a.n_titles) {
        pg->image = book_card(cx, origin, a.book_slugs[0]);
        pg->image_alt = arena_printf(cx->arena, "Cover of %s by %s", a.titles[0], a.name);
    }
    pg->extra = NULL;
    pg->ld = author_ld(cx, &a, pg, origin);
    arena_defer(cx->arena, (arena_cleanup_fn)json_decref, pg->ld);
    return 0;
}

static void send_html(struct ctx *cx, struct http_request *req, struct http_response *res,
                      int status, const char *body, size_t len)
{
    char *etag = arena_alloc(cx->arena, 24);
    const char *inm = http_request_header(req, "If-None-Match");
    uint64_t h = 1469598103934665603ULL;

    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)body[i]) * 1099511628211ULL;
    snprintf(etag, 24, "\"p%016llx\"", (unsigned long long)h);
    http_response_header(res, "Cache-Control", "no-cache");
    if (status == 200) {
        http_response_header(res, "ETag", etag);
        if (inm && strstr(inm, etag)) {
            http_respond_bytes(res, 304, NULL, "", 0);
            return;
        }
    }
    http_respond_bytes(res, status, "text/html; charset=utf-8", body, len);
}

void seo_serve(struct ctx *cx, struct http_request *req, struct http_response *res,
               const char *index, size_t len)
{
    const char *path = req->path;
    struct page pg = {0};
    struct buf out = BUF_INIT;
    int rc;

    if (strcmp(path, "/robots.txt") == 0) {
        seo_robots(cx, res);
        return;
    }
    if (strncmp(path, "/sitemap", 8) == 0) {
        seo_sitemap(cx, res, path);
        return;
    }
    cx->route = path[1] == 'b' ? "/books/{slug}" : "/authors/{slug}";
    rc = path[1] == 'b' ? book_page(cx, path + 7, &pg) : author_page(cx, path + 9, &pg);
    if (rc == 0 && inject(&out, index, len, &pg)) {
        char *body = arena_strndup(cx->arena, out.p, out.len);
        send_html(cx, req, res, 200, body, out.len);
    } else if (rc == ERR_NOT_FOUND) {
        send_html(cx, req, res, 404, index, len);
    } else {
        if (rc != 0)
            log_warn("share tags left out of '%s': the database is unavailable", path);
        send_html(cx, req, res, 200, index, len);
    }
    buf_release(&out);
}
