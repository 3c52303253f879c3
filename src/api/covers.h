/* covers.h: GET /api/books/{id}/cover.svg and cover.png: generated covers and share cards. */
#ifndef MANGU_API_COVERS_H
#define MANGU_API_COVERS_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/*
 * The book's cover as SVG ("id" is a numeric id or a slug), cached publicly for a day with an
 * ETag. An unpublished book's cover is shown only to admins and the book's authors (privately
 * cached); anyone else gets 404, as for a book that does not exist.
 */
int api_covers_show(struct ctx *cx, struct http_request *req, struct http_response *res);
/*
 * The book's share card for social sites, which do not show SVG: a 1200 x 630 PNG of its
 * uploaded cover or, without one, its generated cover (service/covers_card.c). Same
 * visibility and caching as the SVG; rendered once per cover, then served from the cache.
 */
int api_covers_card(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
