/* test_sniff.c: libmagic's view of the shared test data and of images. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "media/sniff.h"
#include "media_test.h"

static const char *sniff_file(const char *rel, char out[96])
{
    size_t len;
    unsigned char *p = slurp(testdata(rel), &len);

    assert_non_null(p);
    sniff_buffer(p, len, out);
    free(p);
    return out;
}

static void test_data_types(void **state)
{
    static const char *cases[][2] = {
        {"epub/epub2-alice-gutenberg-cover.epub", "application/epub+zip"},
        {"epub/epub2-minimal-nocover.epub", "application/epub+zip"},
        {"epub/epub3-alice-cover.epub", "application/epub+zip"},
        {"epub/malformed-ncx-bad-xml.epub", "application/epub+zip"},
        /* the magic bytes look right; only the ZIP parser can refuse it */
        {"epub/malformed-truncated-zip.epub", "application/epub+zip"},
        {"pdf/hello-world-1page.pdf", "application/pdf"},
        {"pdf/hello-world-2pages.pdf", "application/pdf"},
        {"pdf/linearized-2pages.pdf", "application/pdf"},
        {"pdf/odd-javascript-action.pdf", "application/pdf"},
    };
    char out[96];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        assert_string_equal(sniff_file(cases[i][0], out), cases[i][1]);
}

static void images_and_others(void **state)
{
    static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x02";
    static const unsigned char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF\0\1\1\0\0\1\0\1\0\0";
    static const unsigned char webp[] = "RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0";
    char out[96];
    struct zipb b;
    size_t len;

    assert_string_equal(sniff_buffer(png, sizeof(png) - 1, out), "image/png");
    assert_string_equal(sniff_buffer(jpeg, sizeof(jpeg) - 1, out), "image/jpeg");
    assert_string_equal(sniff_buffer(webp, sizeof(webp) - 1, out), "image/webp");
    assert_int_equal(zipb_start(&b), 0);
    zipb_adds(&b, "notes.txt", "a plain ZIP, no mimetype entry", 0);
    unsigned char *zip = zipb_finish(&b, &len);
    assert_string_equal(sniff_buffer(zip, len, out), "application/zip");
    free(zip);
    assert_string_equal(sniff_buffer("", 0, out), "application/octet-stream");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_data_types),
        cmocka_unit_test(images_and_others),
    };

    if (sniff_init() != 0)
        return 1;
    int rc = cmocka_run_group_tests_name("media/sniff", tests, NULL, NULL);
    sniff_release();
    return rc;
}
