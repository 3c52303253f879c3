/* covers_card.h: a book's share card (PNG), rendered once per cover and kept in the cache. */
#ifndef MANGU_COVERS_CARD_H
#define MANGU_COVERS_CARD_H

#include <stdbool.h>
#include <stddef.h>

#include "app/ctx.h"
#include "store/seo.h"

/* What GET /api/books/{id}/cover.png sends; arena memory. */
struct cover_card {
    const char *etag;         /* names the cover drawn and the card's design */
    bool not_modified;        /* "if_none_match" named the etag: nothing was rendered */
    const unsigned char *png; /* IMAGE_CARD_W x IMAGE_CARD_H (media/image.h) */
    size_t len;
};

/*
 * The share card of "b": its uploaded cover (the largest thumbnail, "cover_key") when it has
 * one, else its generated SVG cover, rasterised with libvips on first use and then served
 * from the cache (memory or Redis) under a key naming the cover's bytes, so a new cover gets
 * a new card and a new ETag. "if_none_match" may be NULL. 0, ERR_UNAVAILABLE when the
 * uploaded cover cannot be read, or ERR_INTERNAL when it cannot be rendered.
 */
int covers_card(struct ctx *cx, const struct seo_book *b, const char *if_none_match,
                struct cover_card *out);

#endif
