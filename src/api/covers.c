/* covers.c: GET /api/books/{id}/cover.svg (the generated cover) and cover.png (the share card). */
#include "api/covers.h"
#include "api/seo.h"
#include "core/buf.h"
#include "service/covers.h"
#include "service/covers_card.h"
#include "store/seo.h"

#include <stdio.h>
#include <string.h>

/* Admins and the book's own authors may see it before it is published. */
static bool may_see(const struct ctx *cx, const struct seo_book *b)
{
    if (b->status && strcmp(b->status, "published") == 0)
        return true;
    if (!cx->user_id || !cx->role)
        return false;
    if (strcmp(cx->role, "admin") == 0)
        return true;
    if (b->status && strcmp(b->status, "deleted") == 0)
        return false;
    for (int i = 0; i < b->n_authors; i++)
        if (b->author_users[i] == cx->user_id)
            return true;
    return false;
}

static bool key_ok(const char *key)
{
    size_t n = strlen(key);

    return n >= 1 && n <= 200 && strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

static const char *etag_of(struct ctx *cx, const char *s, size_t n)
{
    unsigned long long h = 1469598103934665603ULL;

    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return arena_printf(cx->arena, "\"cv%016llx\"", h);
}

/* The book of the route's "id" (an id or a slug) when the caller may see its cover. */
static int find_visible(struct ctx *cx, struct http_request *req, struct seo_book *b)
{
    const char *key = http_request_param(req, "id");
    int rc = key && key_ok(key) ? store_seo_book(cx, key, b) : ERR_NOT_FOUND;

    if (rc == 0 && !may_see(cx, b))
        rc = ERR_NOT_FOUND;
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "book '%s' not found", key ? key : "");
    return rc;
}

int api_covers_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct seo_book b;
    struct buf svg = BUF_INIT;
    int rc = find_visible(cx, req, &b);

    if (rc != 0)
        return rc;
    struct cover_spec spec = {b.slug,      b.title,
                              b.subtitle,  seo_author_line(cx->arena, b.author_names, b.n_authors),
                              b.publisher, b.genre};
    covers_svg(&spec, &svg);
    const char *etag = etag_of(cx, svg.p, svg.len);
    const char *inm = http_request_header(req, "If-None-Match");
    bool public = strcmp(b.status, "published") == 0;
    http_response_header(res, "Cache-Control",
                         public ? "public, max-age=86400" : "private, no-cache");
    http_response_header(res, "ETag", etag);
    if (inm && strstr(inm, etag)) {
        http_respond_bytes(res, 304, NULL, "", 0);
    } else {
        http_respond_bytes(res, 200, "image/svg+xml", arena_strndup(cx->arena, svg.p, svg.len),
                           svg.len);
    }
    buf_release(&svg);
    return 0;
}

int api_covers_card(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct seo_book b;
    struct cover_card card;
    int rc = find_visible(cx, req, &b);

    if (rc == 0)
        rc = covers_card(cx, &b, http_request_header(req, "If-None-Match"), &card);
    if (rc != 0)
        return rc;
    bool public = strcmp(b.status, "published") == 0;
    http_response_header(res, "Cache-Control",
                         public ? "public, max-age=86400" : "private, no-cache");
    http_response_header(res, "ETag", card.etag);
    if (card.not_modified)
        http_respond_bytes(res, 304, NULL, "", 0);
    else
        http_respond_bytes(res, 200, "image/png", (const char *)card.png, card.len);
    return 0;
}
