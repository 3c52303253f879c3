/* test_pdf.c: PDF checks in-process on the shared test data, encrypted copies and broken files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <qpdf/qpdf-c.h>

#include "core/err.h"
#include "media/media.h"
#include "media/pdf.h"
#include "media_fixture.h"

/* Checks testdata file "rel" in-process. */
static int check_file(struct media_fixture *f, const char *rel)
{
    return media_check_testdata(f, pdf_check, rel);
}

/* A copy of testdata "rel" encrypted with AES-256 (R6) and "user"/"owner" passwords. */
static unsigned char *encrypted_copy(const char *rel, const char *user, size_t *len)
{
    size_t n;
    unsigned char *src = slurp(testdata(rel), &n);
    qpdf_data q = qpdf_init();

    assert_non_null(src);
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    assert_false(qpdf_read_memory(q, "in", (const char *)src, n, NULL) & QPDF_ERRORS);
    assert_false(qpdf_init_write_memory(q) & QPDF_ERRORS);
    qpdf_set_r6_encryption_parameters2(q, user, "owner-secret", QPDF_TRUE, QPDF_FALSE, QPDF_TRUE,
                                       QPDF_FALSE, QPDF_TRUE, QPDF_FALSE, qpdf_r3p_low, QPDF_TRUE);
    assert_false(qpdf_write(q) & QPDF_ERRORS);
    *len = qpdf_get_buffer_length(q);
    unsigned char *out = malloc(*len);
    memcpy(out, qpdf_get_buffer(q), *len);
    qpdf_cleanup(&q);
    free(src);
    return out;
}

/* A recoverable /Length problem: accepted, with the repair reported. */
static void one_page_with_bad_length(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "pdf/hello-world-1page.pdf"), 0);
    assert_int_equal(f->r.format, MEDIA_PDF);
    assert_int_equal(f->r.pages, 1);
    assert_false(f->r.pages_estimated);
    assert_string_equal(f->r.version, "1.7");
    assert_false(f->r.encrypted);
    assert_false(f->r.javascript);
    const struct media_note *w = notes_find(&f->r.warnings, "pdf_repaired");
    assert_non_null(w);
    assert_non_null(strstr(w->message, "Length"));
}

static void two_pages(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "pdf/hello-world-2pages.pdf"), 0);
    assert_int_equal(f->r.pages, 2);
    assert_false(f->r.linearized);
    assert_int_equal(f->r.warnings.n, 0);
    assert_int_equal(f->r.reasons.n, 0);
}

static void linearized_two_pages(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "pdf/linearized-2pages.pdf"), 0);
    assert_int_equal(f->r.pages, 2);
    assert_string_equal(f->r.version, "1.6");
    assert_true(f->r.linearized);
}

/* Policy: JavaScript is accepted, flagged and warned about. */
static void javascript_is_flagged(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "pdf/odd-javascript-action.pdf"), 0);
    assert_int_equal(f->r.pages, 1);
    assert_true(f->r.javascript);
    assert_non_null(notes_find(&f->r.warnings, "pdf_javascript"));
}

/* Policy: needing a password refuses; encrypted but openable is accepted with a flag. */
static void encryption_is_detected(void **state)
{
    struct media_fixture *f = *state;
    size_t len;
    unsigned char *p = encrypted_copy("pdf/hello-world-2pages.pdf", "user-secret", &len);

    assert_int_equal(pdf_check(f->a, p, len, &f->l, &f->r), ERR_UNPROCESSABLE);
    assert_true(f->r.encrypted);
    assert_non_null(notes_find(&f->r.reasons, "pdf_password_required"));
    free(p);

    memset(&f->r, 0, sizeof(f->r));
    p = encrypted_copy("pdf/hello-world-2pages.pdf", "", &len);
    assert_int_equal(pdf_check(f->a, p, len, &f->l, &f->r), 0);
    assert_true(f->r.encrypted);
    assert_int_equal(f->r.pages, 2);
    assert_non_null(notes_find(&f->r.warnings, "pdf_encrypted"));
    free(p);
}

static void info_dictionary_gives_metadata(void **state)
{
    struct media_fixture *f = *state;
    static const char pdf[] =
        "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R/Lang(fr-CA)>> endobj\n"
        "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
        "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>> endobj\n"
        "4 0 obj <</Title(\\376\\377\\000C\\000a\\000f\\000\\351)/Author(Ann Author)>> endobj\n"
        "trailer <</Root 1 0 R/Info 4 0 R/Size 5>>\n%%EOF\n";

    /* no xref at all: qpdf rebuilds it, which is reported as a repair */
    assert_int_equal(pdf_check(f->a, (const unsigned char *)pdf, sizeof(pdf) - 1, &f->l, &f->r), 0);
    assert_string_equal(f->r.title, "Caf\xc3\xa9");
    assert_int_equal(f->r.n_creators, 1);
    assert_string_equal(f->r.creators[0].name, "Ann Author");
    assert_string_equal(f->r.creators[0].role, "aut");
    assert_string_equal(f->r.language, "fr-CA");
    assert_non_null(notes_find(&f->r.warnings, "pdf_repaired"));
}

static void broken_pdfs_are_refused(void **state)
{
    struct media_fixture *f = *state;
    static const char nopages[] = "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                                  "2 0 obj <</Type/Pages/Kids[]/Count 0>> endobj\n"
                                  "trailer <</Root 1 0 R/Size 3>>\n%%EOF\n";
    static const char garbage[] = "%PDF-1.7\nthis is not a pdf at all\n";
    static const char noheader[] = "Hello, world!\n";

    assert_int_equal(
        pdf_check(f->a, (const unsigned char *)nopages, sizeof(nopages) - 1, &f->l, &f->r),
        ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "pdf_no_pages"));
    memset(&f->r, 0, sizeof(f->r));
    assert_int_equal(
        pdf_check(f->a, (const unsigned char *)garbage, sizeof(garbage) - 1, &f->l, &f->r),
        ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "pdf_unreadable"));
    memset(&f->r, 0, sizeof(f->r));
    assert_int_equal(
        pdf_check(f->a, (const unsigned char *)noheader, sizeof(noheader) - 1, &f->l, &f->r),
        ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "pdf_header_missing"));
}

/* Each truncation of a real file is either read or refused, never a crash (ASan watches). */
static void every_truncation_is_handled(void **state)
{
    struct media_fixture *f = *state;
    size_t len;
    unsigned char *p = slurp(testdata("pdf/linearized-2pages.pdf"), &len);

    assert_non_null(p);
    for (size_t n = 0; n < len; n += 97) {
        struct arena *a = arena_new();
        struct manuscript_report r = {0};
        int rc = pdf_check(a, p, n, &f->l, &r);
        assert_true(rc == 0 || rc == ERR_UNPROCESSABLE);
        assert_true(rc != 0 || r.pages >= 1);
        arena_free(a);
    }
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(one_page_with_bad_length, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(two_pages, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(linearized_two_pages, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(javascript_is_flagged, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(encryption_is_detected, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(info_dictionary_gives_metadata, media_setup,
                                        media_teardown),
        cmocka_unit_test_setup_teardown(broken_pdfs_are_refused, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(every_truncation_is_handled, media_setup, media_teardown),
    };

    return cmocka_run_group_tests_name("media/pdf", tests, NULL, NULL);
}
