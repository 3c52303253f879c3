/* sitemap.c: robots.txt and the sitemaps (one file, or an index of parts past 40,000 books). */
#include "api/json.h"
#include "api/seo.h"
#include "core/buf.h"
#include "service/covers.h"
#include "store/seo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOOKS_PER_FILE 40000 /* with the main part, under the protocol's 50,000 URLs */
#define AUTHORS_MAX 9000

/* Hands "b"'s bytes to the response (copied into the arena) with the sitemap cache rule. */
static void send(struct ctx *cx, struct http_response *res, const char *type, struct buf *b)
{
    http_response_header(res, "Cache-Control", "public, max-age=3600");
    http_respond_bytes(res, 200, type, arena_strndup(cx->arena, b->p ? b->p : "", b->len), b->len);
    buf_release(b);
}

void seo_robots(struct ctx *cx, struct http_response *res)
{
    struct buf b = BUF_INIT;

    buf_printf(&b, "User-agent: *\nAllow: /\n\nSitemap: %s/sitemap.xml\n", seo_origin(cx));
    send(cx, res, "text/plain; charset=utf-8", &b);
}

static void url(struct buf *b, const char *origin, const char *dir, const char *slug,
                const char *updated)
{
    buf_adds(b, "<url><loc>");
    covers_escape(b, origin, strlen(origin));
    buf_adds(b, dir);
    covers_escape(b, slug, strlen(slug));
    buf_adds(b, "</loc>");
    if (updated && strlen(updated) >= 10)
        buf_printf(b, "<lastmod>%.10s</lastmod>", updated);
    buf_adds(b, "</url>\n");
}

static int add_entries(struct buf *b, const char *origin, const char *dir,
                       const struct seo_entry *e, int n)
{
    for (int i = 0; i < n; i++)
        url(b, origin, dir, e[i].slug, e[i].updated_at);
    return 0;
}

/* The home page, every category and authors with a published book. */
static int main_part(struct ctx *cx, struct buf *b, const char *origin)
{
    struct seo_entry *e = NULL;
    int n = 0, rc;

    buf_printf(b, "<url><loc>%s/</loc></url>\n", origin);
    if ((rc = store_seo_categories(cx, &e, &n)) != 0)
        return rc;
    add_entries(b, origin, "/categories/", e, n);
    if ((rc = store_seo_authors(cx, AUTHORS_MAX, &e, &n)) != 0)
        return rc;
    return add_entries(b, origin, "/authors/", e, n);
}

static int books_part(struct ctx *cx, struct buf *b, const char *origin, long long page)
{
    struct seo_entry *e = NULL;
    int n = 0, rc = store_seo_books(cx, BOOKS_PER_FILE, (page - 1) * BOOKS_PER_FILE, &e, &n);

    return rc ? rc : add_entries(b, origin, "/books/", e, n);
}

static void sitemap_index(struct buf *b, const char *origin, long long pages)
{
    buf_adds(b, "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    buf_printf(b, "<sitemap><loc>%s/sitemap-main.xml</loc></sitemap>\n", origin);
    for (long long k = 1; k <= pages; k++)
        buf_printf(b, "<sitemap><loc>%s/sitemap-books-%lld.xml</loc></sitemap>\n", origin, k);
    buf_adds(b, "</sitemapindex>\n");
}

/* Which part "path" names: 0 the whole or index, -1 main, N books page N; -2 none. */
static long long part_of(const char *path, long long pages)
{
    char *end = NULL;
    long long k;

    if (strcmp(path, "/sitemap.xml") == 0)
        return 0;
    if (strcmp(path, "/sitemap-main.xml") == 0)
        return pages > 1 ? -1 : -2;
    if (strncmp(path, "/sitemap-books-", 15) != 0)
        return -2;
    k = strtoll(path + 15, &end, 10);
    return pages > 1 && k >= 1 && k <= pages && end && strcmp(end, ".xml") == 0 ? k : -2;
}

void seo_sitemap(struct ctx *cx, struct http_response *res, const char *path)
{
    const char *origin = seo_origin(cx);
    struct buf b = BUF_INIT;
    long long books = 0, part = -2;
    int rc = store_seo_count_books(cx, &books);
    long long pages = (books + BOOKS_PER_FILE - 1) / BOOKS_PER_FILE;

    if (rc != 0 || (part = part_of(path, pages)) == -2) {
        api_respond_error_msg(cx, res, rc ? ERR_UNAVAILABLE : ERR_NOT_FOUND,
                              rc ? "the database is unavailable" : "no such sitemap");
        return;
    }
    buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (part == 0 && pages > 1) {
        sitemap_index(&b, origin, pages);
        send(cx, res, "application/xml; charset=utf-8", &b);
        return;
    }
    buf_adds(&b, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    if (part <= 0)
        rc = main_part(cx, &b, origin);
    if (rc == 0 && part >= 0)
        rc = books_part(cx, &b, origin, part ? part : 1);
    buf_adds(&b, "</urlset>\n");
    if (rc != 0) {
        buf_release(&b);
        api_respond_error_msg(cx, res, ERR_UNAVAILABLE, "the database is unavailable");
        return;
    }
    send(cx, res, "application/xml; charset=utf-8", &b);
}
