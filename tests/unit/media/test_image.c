/* test_image.c: cover checks (type, bytes, pixels) and WebP/JPEG thumbnail sets with libvips. */
#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>
#include <vips/vips.h>

#include "core/err.h"
#include "media/media.h"
#include "media/sniff.h"
#include "media_test.h"

struct fixture {
    struct arena *a;
    struct media_limits l;
    struct cover_report r;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));

    f->a = arena_new();
    media_limits_default(&f->l);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    arena_free(f->a);
    free(f);
    return 0;
}

/* A "w" x "h" test image with "bands" bands (4: with alpha) saved as "suffix" (".png[...]"). */
static unsigned char *make_image(int w, int h, int bands, const char *suffix, size_t *len)
{
    VipsImage *img = NULL, *cast = NULL;
    void *buf = NULL;

    assert_int_equal(vips_xyz(&img, w, h, NULL), 0); /* a gradient: not trivially compressible */
    if (bands != 2) {
        VipsImage *b = NULL, *join = NULL;
        assert_int_equal(vips_extract_band(img, &b, 0, NULL), 0);
        VipsImage *in[4] = {b, b, b, b};
        assert_int_equal(vips_bandjoin(in, &join, bands, NULL), 0);
        g_object_unref(b);
        g_object_unref(img);
        img = join;
    }
    assert_int_equal(vips_cast_uchar(img, &cast, NULL), 0);
    assert_int_equal(vips_image_write_to_buffer(cast, suffix, &buf, len, NULL), 0);
    g_object_unref(cast);
    g_object_unref(img);
    unsigned char *out = malloc(*len);
    memcpy(out, buf, *len);
    g_free(buf);
    return out;
}

static void accepts_jpeg_png_webp(void **state)
{
    static const char *kinds[][2] = {
        {".jpg", "image/jpeg"}, {".png", "image/png"}, {".webp", "image/webp"}};
    struct fixture *f = *state;

    for (size_t i = 0; i < 3; i++) {
        size_t len;
        unsigned char *p = make_image(300, 450, 3, kinds[i][0], &len);
        assert_int_equal(media_check_cover(f->a, &f->l, p, len, kinds[i][1], &f->r), 0);
        assert_string_equal(f->r.media_type, kinds[i][1]);
        assert_int_equal(f->r.width, 300);
        assert_int_equal(f->r.height, 450);
        /* no declaration: the bytes decide */
        assert_int_equal(media_check_cover(f->a, &f->l, p, len, NULL, &f->r), 0);
        free(p);
    }
}

static void refuses_other_types(void **state)
{
    struct fixture *f = *state;
    size_t len;
    unsigned char *gif = make_image(20, 20, 3, ".gif", &len);
    unsigned char *pdf = slurp(testdata("pdf/hello-world-2pages.pdf"), &len);

    assert_int_equal(media_check_cover(f->a, &f->l, gif, len, NULL, &f->r), ERR_MEDIA_TYPE);
    assert_non_null(notes_find(&f->r.reasons, "unsupported_type"));
    /* and were sniffing wrong, libvips itself would refuse: only three loaders are unblocked */
    static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" "
                              "height=\"10\"/>";
    char why[256];
    int w, h;
    assert_int_equal(image_header(gif, len, &w, &h, why, sizeof(why)), -1);
    assert_int_equal(
        image_header((const unsigned char *)svg, sizeof(svg) - 1, &w, &h, why, sizeof(why)), -1);
    assert_int_equal(media_check_cover(f->a, &f->l, pdf, len, "image/jpeg", &f->r), ERR_MEDIA_TYPE);
    free(gif);
    free(pdf);
    /* a PNG declared as a JPEG */
    unsigned char *png = make_image(20, 20, 3, ".png", &len);
    assert_int_equal(media_check_cover(f->a, &f->l, png, len, "image/jpeg", &f->r), ERR_MEDIA_TYPE);
    assert_non_null(notes_find(&f->r.reasons, "type_mismatch"));
    free(png);
}

static void refuses_too_many_bytes(void **state)
{
    struct fixture *f = *state;
    size_t len;
    unsigned char *p = make_image(200, 200, 3, ".png", &len);

    f->l.max_cover_bytes = len - 1;
    assert_int_equal(media_check_cover(f->a, &f->l, p, len, NULL, &f->r), ERR_TOO_LARGE);
    assert_non_null(notes_find(&f->r.reasons, "too_large"));
    free(p);
}

/* 9000 px is over the default 8000: refused from the header, before any pixel is decoded. */
static void refuses_oversized_dimensions(void **state)
{
    struct fixture *f = *state;
    size_t len;
    unsigned char *p = make_image(9000, 8, 3, ".png", &len);

    assert_int_equal(media_check_cover(f->a, &f->l, p, len, "image/png", &f->r), ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "image_dimensions_too_large"));
    assert_int_equal(f->r.width, 9000);
    free(p);
    /* a header claiming 60000 x 60000 over a few bytes of data is never decoded */
    p = make_image(16, 16, 3, ".png", &len);
    uint32_t big = htonl(60000);
    memcpy(p + 16, &big, 4);
    memcpy(p + 20, &big, 4);
    assert_int_equal(media_check_cover(f->a, &f->l, p, len, NULL, &f->r), ERR_UNPROCESSABLE);
    assert_true(notes_find(&f->r.reasons, "image_dimensions_too_large") ||
                notes_find(&f->r.reasons, "image_corrupt"));
    free(p);
}

static void thumbnails_in_both_formats_at_three_widths(void **state)
{
    struct fixture *f = *state;
    struct thumbnail t[IMAGE_N_THUMBS];
    size_t len;
    unsigned char *p = make_image(1200, 1800, 3, ".jpg[Q=90]", &len);

    assert_int_equal(media_cover_thumbnails(f->a, &f->l, p, len, "image/jpeg", &f->r, t), 0);
    for (int i = 0; i < IMAGE_N_THUMBS; i++) {
        char type[96];
        VipsImage *back = vips_image_new_from_buffer(t[i].data, t[i].len, "", NULL);
        assert_non_null(back);
        assert_int_equal(t[i].nominal, image_widths[i / 2]);
        assert_int_equal(t[i].width, image_widths[i / 2]);
        assert_int_equal(t[i].height, image_widths[i / 2] * 3 / 2);
        assert_int_equal(vips_image_get_width(back), t[i].width);
        assert_int_equal(vips_image_get_height(back), t[i].height);
        assert_string_equal(t[i].format, i % 2 ? "jpeg" : "webp");
        sniff_buffer(t[i].data, t[i].len, type);
        assert_string_equal(type, t[i].media_type);
        g_object_unref(back);
    }
    free(p);
}

/* Transparency is kept in WebP and flattened for JPEG; no metadata survives. */
static void thumbnails_of_transparent_png(void **state)
{
    struct fixture *f = *state;
    struct thumbnail t[IMAGE_N_THUMBS];
    size_t len;
    unsigned char *p = make_image(700, 500, 4, ".png", &len);

    assert_int_equal(media_cover_thumbnails(f->a, &f->l, p, len, NULL, &f->r, t), 0);
    VipsImage *webp = vips_image_new_from_buffer(t[4].data, t[4].len, "", NULL);
    VipsImage *jpeg = vips_image_new_from_buffer(t[5].data, t[5].len, "", NULL);
    assert_int_equal(vips_image_get_width(jpeg), 640);
    assert_int_equal(vips_image_get_height(jpeg), 457);
    assert_true(vips_image_hasalpha(webp));
    assert_false(vips_image_hasalpha(jpeg));
    assert_false(vips_image_get_typeof(jpeg, VIPS_META_EXIF_NAME));
    g_object_unref(webp);
    g_object_unref(jpeg);
    free(p);
}

/* A cover narrower than 640 px is never upscaled. */
static void small_covers_are_not_upscaled(void **state)
{
    struct fixture *f = *state;
    struct thumbnail t[IMAGE_N_THUMBS];
    size_t len;
    unsigned char *p = make_image(300, 413, 3, ".webp", &len);

    assert_int_equal(media_cover_thumbnails(f->a, &f->l, p, len, NULL, &f->r, t), 0);
    assert_int_equal(t[0].width, 160);
    assert_int_equal(t[2].width, 300);
    assert_int_equal(t[4].width, 300);
    assert_int_equal(t[4].nominal, 640);
    free(p);
}

/* A JPEG cut in half has a good header but is refused when decoded. */
static void truncated_image_is_refused_when_decoded(void **state)
{
    struct fixture *f = *state;
    struct thumbnail t[IMAGE_N_THUMBS];
    size_t len;
    unsigned char *p = make_image(800, 1200, 3, ".jpg", &len);

    assert_int_equal(media_check_cover(f->a, &f->l, p, len / 2, NULL, &f->r), 0);
    assert_int_equal(media_cover_thumbnails(f->a, &f->l, p, len / 2, NULL, &f->r, t),
                     ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "image_corrupt"));
    free(p);
}

/* The cover found in the test EPUB makes a thumbnail set. */
static void epub_cover_makes_thumbnails(void **state)
{
    struct fixture *f = *state;
    struct thumbnail t[IMAGE_N_THUMBS];
    struct manuscript_report r;

    f->l.isolate = false;
    assert_int_equal(media_check_manuscript_file(f->a, &f->l,
                                                 testdata("epub/epub3-alice-cover.epub"),
                                                 "application/epub+zip", &r),
                     0);
    assert_string_equal(r.cover_type, "image/jpeg");
    assert_int_equal(
        media_cover_thumbnails(f->a, &f->l, r.cover, r.cover_len, r.cover_type, &f->r, t), 0);
    assert_int_equal(f->r.width, 300);
    assert_int_equal(f->r.height, 413);
    assert_int_equal(t[1].width, 160);
    assert_int_equal(t[1].height, 220);
}

static const char SVG[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"600\" "
                          "viewBox=\"0 0 400 600\"><rect width=\"400\" height=\"600\" "
                          "fill=\"#2a6\"/><circle cx=\"200\" cy=\"300\" r=\"90\" "
                          "fill=\"#fff\"/></svg>";

static void png_size(const unsigned char *png, size_t len, int *w, int *h)
{
    uint32_t v;

    assert_true(len > 24);
    assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
    memcpy(&v, png + 16, 4);
    *w = (int)ntohl(v);
    memcpy(&v, png + 20, 4);
    *h = (int)ntohl(v);
}

static void share_card_from_svg_and_from_a_thumbnail(void **state)
{
    struct fixture *f = *state;
    const unsigned char *png;
    size_t len, jpeg_len;
    char why[200];
    int w, h;

    assert_int_equal(image_share_card(f->a, (const unsigned char *)SVG, strlen(SVG), true, &png,
                                      &len, why, sizeof(why)),
                     0);
    png_size(png, len, &w, &h);
    assert_int_equal(w, IMAGE_CARD_W);
    assert_int_equal(h, IMAGE_CARD_H);
    unsigned char *jpeg = make_image(320, 480, 3, ".jpg", &jpeg_len);
    assert_int_equal(image_share_card(f->a, jpeg, jpeg_len, false, &png, &len, why, sizeof(why)),
                     0);
    png_size(png, len, &w, &h);
    assert_int_equal(w, IMAGE_CARD_W);
    assert_int_equal(h, IMAGE_CARD_H);
    /* each kind only from where it is expected */
    assert_int_equal(image_share_card(f->a, jpeg, jpeg_len, true, &png, &len, why, sizeof(why)),
                     -1);
    assert_int_equal(image_share_card(f->a, (const unsigned char *)SVG, strlen(SVG), false, &png,
                                      &len, why, sizeof(why)),
                     -1);
    free(jpeg);
}

/* SVG decodes for our own covers only: an uploaded SVG never reaches librsvg. */
static void uploads_never_decode_svg(void **state)
{
    struct fixture *f = *state;
    struct thumbnail t[IMAGE_N_THUMBS];
    char why[200];
    int w, h;

    assert_int_equal(
        image_header((const unsigned char *)SVG, strlen(SVG), &w, &h, why, sizeof(why)), -1);
    assert_int_equal(
        image_thumbnails(f->a, (const unsigned char *)SVG, strlen(SVG), t, why, sizeof(why)), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(accepts_jpeg_png_webp, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_other_types, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_too_many_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_oversized_dimensions, setup, teardown),
        cmocka_unit_test_setup_teardown(thumbnails_in_both_formats_at_three_widths, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(thumbnails_of_transparent_png, setup, teardown),
        cmocka_unit_test_setup_teardown(small_covers_are_not_upscaled, setup, teardown),
        cmocka_unit_test_setup_teardown(truncated_image_is_refused_when_decoded, setup, teardown),
        cmocka_unit_test_setup_teardown(epub_cover_makes_thumbnails, setup, teardown),
        cmocka_unit_test_setup_teardown(share_card_from_svg_and_from_a_thumbnail, setup, teardown),
        cmocka_unit_test_setup_teardown(uploads_never_decode_svg, setup, teardown),
    };

    if (media_init() != 0)
        return 1;
    int rc = cmocka_run_group_tests_name("media/image", tests, NULL, NULL);
    media_release();
    return rc;
}
