/* image.c: libvips behind one adapter: restricted loaders, header checks, WebP and JPEG thumbnails.
 */
#include "media/image.h"
#include "core/log.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <vips/vips.h>

#define THUMB_MAX_HEIGHT 100000 /* width decides; dimensions are bounded before this runs */

const int image_widths[IMAGE_N_WIDTHS] = {160, 320, 640};

/* libvips' per-image warnings ("error in tile ...") go to our log at debug level, not stderr. */
static void on_vips_log(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer u)
{
    log_msg(LOG_DEBUG, "libvips: %s", msg);
}

int image_init(void)
{
    if (VIPS_INIT("mangu") != 0)
        return -1;
    g_log_set_handler(
        "VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
        on_vips_log, NULL);
    vips_concurrency_set(1);
    vips_cache_set_max(0); /* nothing of an upload outlives its call */
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
    vips_operation_block_set("VipsForeignLoadPng", FALSE);
    vips_operation_block_set("VipsForeignLoadWebp", FALSE);
    vips_operation_block_set("VipsForeignLoadSvgBuffer", FALSE); /* our covers: see image.h */
    return 0;
}

void image_release(void)
{
    vips_shutdown();
}

/* Moves libvips' error text into "why" (one line) and clears it. */
static int fail(char *why, size_t why_len, const char *what)
{
    const char *msg = vips_error_buffer();
    size_t n;

    snprintf(why, why_len, "%s: %s", what, msg && *msg ? msg : "unknown error");
    n = strlen(why);
    for (size_t i = 0; i < n; i++)
        if (why[i] == '\n')
            why[i] = i + 1 == n ? '\0' : ' ';
    vips_error_clear();
    return -1;
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The loader libvips would pick for "data" is one "svg" allows: our SVG, or JPEG, PNG, WebP. */
static bool loader_allowed(const unsigned char *data, size_t len, bool svg)
{
    const char *name = vips_foreign_find_load_buffer(data, len);

    if (!name) {
        vips_error_clear();
        return false;
    }
    if (svg)
        return starts(name, "VipsForeignLoadSvg");
    return starts(name, "VipsForeignLoadJpeg") || starts(name, "VipsForeignLoadPng") ||
           starts(name, "VipsForeignLoadWebp");
}

static int refuse(char *why, size_t why_len, const char *what)
{
    snprintf(why, why_len, "%s: not a JPEG, PNG or WebP image", what);
    return -1;
}

int image_header(const unsigned char *data, size_t len, int *w, int *h, char *why, size_t why_len)
{
    if (!loader_allowed(data, len, false))
        return refuse(why, why_len, "cannot read the image header");
    VipsImage *img = vips_image_new_from_buffer(data, len, "", "access", VIPS_ACCESS_SEQUENTIAL,
                                                "fail_on", VIPS_FAIL_ON_ERROR, NULL);

    if (!img)
        return fail(why, why_len, "cannot read the image header");
    *w = vips_image_get_width(img);
    *h = vips_image_get_height(img);
    g_object_unref(img);
    return 0;
}

/* Saves "img" as WebP or JPEG into "t" (bytes moved into "a"). */
static int save(struct arena *a, VipsImage *img, bool jpeg, struct thumbnail *t)
{
    void *buf = NULL;
    size_t len = 0;
    VipsImage *flat = NULL;
    int rc;

    if (jpeg && vips_image_hasalpha(img)) {
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        rc = vips_flatten(img, &flat, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
        if (rc != 0)
            return -1;
        img = flat;
    }
    if (jpeg)
        rc = vips_jpegsave_buffer(img, &buf, &len, "Q", 82, "strip", TRUE, "optimize_coding", TRUE,
                                  NULL);
    else
        rc = vips_webpsave_buffer(img, &buf, &len, "Q", 80, "strip", TRUE, NULL);
    t->width = vips_image_get_width(img);
    t->height = vips_image_get_height(img);
    if (flat)
        g_object_unref(flat);
    if (rc != 0)
        return -1;
    arena_defer(a, g_free, buf);
    t->format = jpeg ? "jpeg" : "webp";
    t->media_type = jpeg ? "image/jpeg" : "image/webp";
    t->data = buf;
    t->len = len;
    return 0;
}

/* Both formats at width "w" from "src" (already at most the largest width). */
static int make_pair(struct arena *a, VipsImage *src, int w, struct thumbnail pair[2])
{
    VipsImage *t = NULL;

    if (vips_thumbnail_image(src, &t, w, "height", THUMB_MAX_HEIGHT, "size", VIPS_SIZE_DOWN,
                             NULL) != 0)
        return -1;
    int rc = save(a, t, false, &pair[0]);
    if (rc == 0)
        rc = save(a, t, true, &pair[1]);
    pair[0].nominal = pair[1].nominal = w;
    g_object_unref(t);
    return rc;
}

int image_thumbnails(struct arena *a, const unsigned char *data, size_t len,
                     struct thumbnail out[IMAGE_N_THUMBS], char *why, size_t why_len)
{
    const int largest = image_widths[IMAGE_N_WIDTHS - 1];
    VipsImage *big = NULL, *mem = NULL;

    memset(out, 0, sizeof(*out) * IMAGE_N_THUMBS);
    if (!loader_allowed(data, len, false))
        return refuse(why, why_len, "cannot decode the image");
    /* shrink-on-load for JPEG and WebP; the largest thumbnail is kept decoded for the others */
    if (vips_thumbnail_buffer((void *)data, len, &big, largest, "height", THUMB_MAX_HEIGHT, "size",
                              VIPS_SIZE_DOWN, "option_string", "fail_on=error", NULL) != 0)
        return fail(why, why_len, "cannot decode the image");
    mem = vips_image_copy_memory(big);
    g_object_unref(big);
    if (!mem)
        return fail(why, why_len, "cannot decode the image");
    int rc = 0;
    for (int i = 0; i < IMAGE_N_WIDTHS && rc == 0; i++)
        rc = make_pair(a, mem, image_widths[i], &out[2 * i]);
    g_object_unref(mem);
    return rc == 0 ? 0 : fail(why, why_len, "cannot make the thumbnails");
}

/* ---- share cards ------------------------------------------------------------------------ */

#define CARD_MARGIN 30     /* above and below the cover */
#define CARD_BG_SHRINK 5   /* the background is blurred at a fifth of the size, then enlarged */
#define CARD_BG_SIGMA 10.0 /* blur radius at that size */
#define CARD_BG_DARKEN 0.6 /* the background's brightness, so the cover stands out */

/* "*img" as 3-band 8-bit sRGB, transparency flattened onto "shade"; replaces and unrefs it. */
static int to_rgb(VipsImage **img, double shade)
{
    VipsImage *t = NULL;

    if (vips_image_hasalpha(*img)) {
        VipsArrayDouble *bg = vips_array_double_newv(1, shade);
        int rc = vips_flatten(*img, &t, "background", bg, NULL);
        vips_area_unref(VIPS_AREA(bg));
        if (rc != 0)
            return -1;
        g_object_unref(*img);
        *img = t;
    }
    if (vips_colourspace(*img, &t, VIPS_INTERPRETATION_sRGB, NULL) != 0)
        return -1;
    g_object_unref(*img);
    *img = t;
    if (vips_cast_uchar(*img, &t, NULL) != 0)
        return -1;
    g_object_unref(*img);
    *img = t;
    return 0;
}

/* The card's background: the cover cropped to the card's shape, blurred and darkened. */
static int card_background(const unsigned char *data, size_t len, VipsImage **out)
{
    VipsImage *small = NULL, *blur = NULL, *big = NULL, *dark = NULL;
    int rc =
        vips_thumbnail_buffer((void *)data, len, &small, IMAGE_CARD_W / CARD_BG_SHRINK, "height",
                              IMAGE_CARD_H / CARD_BG_SHRINK, "crop", VIPS_INTERESTING_LOW, NULL);

    if (rc == 0)
        rc = to_rgb(&small, 40.0);
    if (rc == 0)
        rc = vips_gaussblur(small, &blur, CARD_BG_SIGMA, NULL);
    if (rc == 0)
        rc = vips_resize(blur, &big, CARD_BG_SHRINK, "kernel", VIPS_KERNEL_LINEAR, NULL);
    if (rc == 0)
        rc = vips_linear1(big, &dark, CARD_BG_DARKEN, 0.0, NULL);
    if (rc == 0)
        rc = vips_cast_uchar(dark, out, NULL);
    if (small)
        g_object_unref(small);
    if (blur)
        g_object_unref(blur);
    if (big)
        g_object_unref(big);
    if (dark)
        g_object_unref(dark);
    return rc;
}

/* Both layers made: the cover in the middle of the background, exactly the card's size. */
static int compose(VipsImage *bg, VipsImage *cover, VipsImage **out)
{
    VipsImage *canvas = NULL;
    int x = (IMAGE_CARD_W - vips_image_get_width(cover)) / 2;
    int y = (IMAGE_CARD_H - vips_image_get_height(cover)) / 2;
    int rc = vips_insert(bg, cover, &canvas, x, y, NULL);

    if (rc == 0)
        rc = vips_crop(canvas, out, 0, 0, IMAGE_CARD_W, IMAGE_CARD_H, NULL);
    if (canvas)
        g_object_unref(canvas);
    return rc;
}

int image_share_card(struct arena *a, const unsigned char *data, size_t len, bool svg,
                     const unsigned char **png, size_t *png_len, char *why, size_t why_len)
{
    VipsImage *cover = NULL, *bg = NULL, *card = NULL;
    void *buf = NULL;
    size_t n = 0;
    int rc;

    if (!loader_allowed(data, len, svg))
        return refuse(why, why_len, "cannot make a share card");
    rc = vips_thumbnail_buffer((void *)data, len, &cover, IMAGE_CARD_W - 2 * CARD_MARGIN, "height",
                               IMAGE_CARD_H - 2 * CARD_MARGIN, NULL);
    if (rc == 0)
        rc = to_rgb(&cover, 255.0);
    if (rc == 0)
        rc = card_background(data, len, &bg);
    if (rc == 0)
        rc = compose(bg, cover, &card);
    if (rc == 0)
        rc = vips_pngsave_buffer(card, &buf, &n, "compression", 6, "strip", TRUE, NULL);
    if (cover)
        g_object_unref(cover);
    if (bg)
        g_object_unref(bg);
    if (card)
        g_object_unref(card);
    if (rc != 0)
        return fail(why, why_len, "cannot make a share card");
    arena_defer(a, g_free, buf);
    *png = buf;
    *png_len = n;
    return 0;
}
