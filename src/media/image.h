/* image.h: cover images with libvips: header-only size checks and thumbnail sets. */
#ifndef MANGU_MEDIA_IMAGE_H
#define MANGU_MEDIA_IMAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

#define IMAGE_N_WIDTHS 3 /* 160, 320, 640 */
#define IMAGE_N_THUMBS (2 * IMAGE_N_WIDTHS)

extern const int image_widths[IMAGE_N_WIDTHS];

struct thumbnail {
    int nominal;        /* the width asked for: 160, 320 or 640 */
    int width;          /* as made: "nominal", or the original's when narrower (never upscaled) */
    int height;         /* keeps the aspect ratio */
    const char *format; /* "webp" or "jpeg" */
    const char *media_type;    /* "image/webp" or "image/jpeg" */
    const unsigned char *data; /* borrowed from the arena */
    size_t len;
};

/*
 * Starts libvips once per process (main.c, before threads): one worker thread per pipeline
 * (vips_concurrency_set(1)), no operation cache, and every loader blocked except JPEG, PNG,
 * WebP and SVG from memory. SVG is only ever our own generated covers: image_header() and
 * image_thumbnails() refuse anything but JPEG, PNG and WebP before decoding. 0, or -1 when
 * libvips cannot start. image_release() shuts it down at exit.
 */
int image_init(void);
void image_release(void);

/*
 * Reads only the header of the JPEG, PNG or WebP in "data" into "*w" and "*h"; no pixels are
 * decoded. 0, or -1 with a line in "why" (at least 160 bytes).
 */
int image_header(const unsigned char *data, size_t len, int *w, int *h, char *why, size_t why_len);

/*
 * Makes the thumbnail set of the (already checked) image in "data": WebP and JPEG at widths 160,
 * 320 and 640, aspect ratio kept, metadata stripped, colour converted to sRGB and transparency
 * flattened onto white for JPEG. out[2 * i] is WebP and out[2 * i + 1] JPEG for image_widths[i];
 * the bytes are in "a". Decoding stops at the first error. 0, or -1 with a line in "why".
 */
int image_thumbnails(struct arena *a, const unsigned char *data, size_t len,
                     struct thumbnail out[IMAGE_N_THUMBS], char *why, size_t why_len);

/* The share card: the size OpenGraph and Twitter's summary_large_image show best (1.91:1). */
#define IMAGE_CARD_W 1200
#define IMAGE_CARD_H 630

/*
 * Renders a share card: the cover in "data" (our generated SVG when "svg", else an uploaded
 * cover's JPEG, PNG or WebP thumbnail) fitted whole in the middle of an IMAGE_CARD_W x
 * IMAGE_CARD_H canvas, on a blurred, darkened enlargement of itself. The PNG bytes are in "a".
 * 0, or -1 with a line in "why".
 */
int image_share_card(struct arena *a, const unsigned char *data, size_t len, bool svg,
                     const unsigned char **png, size_t *png_len, char *why, size_t why_len);

#endif
