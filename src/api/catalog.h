/* catalog.h (api): what the catalog handlers share: slug parameters, JSON shapes, caching. */
#ifndef MANGU_API_CATALOG_H
#define MANGU_API_CATALOG_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"
#include "service/catalog.h"
#include "store/books.h"

#define CATALOG_TTL 60 /* seconds: lists, pages, search */

/* A slug-shaped query parameter, or NULL when absent; "must be a slug" otherwise. */
const char *api_catalog_slug(struct http_request *req, const char *name, json_t *fields);

/* A reference {id, slug, name}, or null when "r->id" is 0. New reference. */
json_t *api_catalog_ref(const struct ref *r);
/* The book summary of the API (see docs/openapi/catalog.json). New reference. */
json_t *api_book_summary(const struct book *b);
/* An array of summaries. New reference. */
json_t *api_book_summaries(const struct book *items, int n);

/*
 * Answers a catalog read with "obj" (stolen) or, when "doc" is given, with those bytes:
 * ETag, 304 for a matching If-None-Match, Cache-Control public (60 s) for anonymous callers
 * and private, no-store for signed-in ones. When "obj" is given and "doc" is non-NULL, "doc"
 * is filled with what was sent (for the cache).
 */
void api_catalog_send(struct ctx *cx, struct http_request *req, struct http_response *res,
                      json_t *obj, struct catalog_doc *doc);
/* Serialises "obj" (stolen) into "res" as a 200 answer and describes it in "doc" with its ETag:
 * the bytes a request sends and the cache keeps. */
void api_catalog_doc(struct http_response *res, json_t *obj, struct catalog_doc *doc);
void api_catalog_send_doc(struct ctx *cx, struct http_request *req, struct http_response *res,
                          const struct catalog_doc *doc);

/*
 * The cached answer under "key" (0, "*slot" -1), or ERR_NOT_FOUND with this thread chosen to
 * build it: store it, then flight_leave(*slot). While another thread of this process builds
 * the same key, serves the stale copy if there is one (its lifetime ran out), else waits for
 * it first. A NULL "key" (no cache) always builds.
 */
int api_catalog_lookup(struct ctx *cx, const char *key, int ttl_s, struct catalog_doc *doc,
                       int *slot);
/* Builds a fresh answer; 0 or an enum err. */
typedef int (*api_catalog_build_fn)(struct ctx *cx, void *arg, json_t **out);
/*
 * The cached answer under "name" (see catalog_cache_key) or, on a miss, the one "build"
 * makes, which is then cached for "ttl_s" seconds. Answers either way.
 */
int api_catalog_cached(struct ctx *cx, struct http_request *req, struct http_response *res,
                       const char *name, int ttl_s, api_catalog_build_fn build, void *arg);
/*
 * The same for answers read often and costly to build (storefront rows): one read in the last
 * quarter of the lifetime hands the rebuild to the refresher thread (api/refresh.h), so no
 * reader waits for it. "arg" (arg_size bytes) is copied and must not point into the request.
 */
int api_catalog_cached_ahead(struct ctx *cx, struct http_request *req, struct http_response *res,
                             const char *name, int ttl_s, api_catalog_build_fn build, void *arg,
                             size_t arg_size);
/* The same, the answer kept in this process only (catalog_local_get): searches. */
int api_catalog_cached_local(struct ctx *cx, struct http_request *req, struct http_response *res,
                             const char *name, int ttl_s, api_catalog_build_fn build, void *arg);

#endif
