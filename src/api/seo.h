/* seo.h: pages as outsiders see them: share tags in index.html, sitemap.xml, robots.txt. */
#ifndef MANGU_API_SEO_H
#define MANGU_API_SEO_H

#include <stdbool.h>
#include <stddef.h>

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/* True for the paths seo_serve() answers: /books/{slug}, /authors/{slug}, /robots.txt and the
 * sitemaps (/sitemap.xml, /sitemap-main.xml, /sitemap-books-N.xml). */
bool seo_handles(const char *path);

/*
 * Answers one of those paths. For a book or author page, "index" ("len" bytes, the client's
 * index.html, borrowed) is served with the page's title, description, canonical URL, OpenGraph
 * and Twitter tags and Schema.org JSON-LD put in its head; an unknown or unpublished one gets
 * index.html unchanged with status 404 (the client shows its own not-found page); with the
 * database down, index.html unchanged with 200.
 */
void seo_serve(struct ctx *cx, struct http_request *req, struct http_response *res,
               const char *index, size_t len);

/* "A", "A & B" or "A, B & C": the author line of a cover or title; in "a". */
const char *seo_author_line(struct arena *a, const char *const *names, int n);
/* The site's origin without a trailing slash (MANGU_PUBLIC_URL); in the request arena. */
const char *seo_origin(struct ctx *cx);

/* The sitemaps and robots.txt (api/sitemap.c); called by seo_serve(). */
void seo_robots(struct ctx *cx, struct http_response *res);
/* "path" is /sitemap.xml, /sitemap-main.xml or /sitemap-books-N.xml. */
void seo_sitemap(struct ctx *cx, struct http_response *res, const char *path);

#endif
