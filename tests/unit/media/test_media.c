/* test_media.c: the whole manuscript check, isolated in a child: every test file, type and size
 * rules. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <vips/vips.h>

#include "core/config.h"
#include "core/err.h"
#include "media/media.h"
#include "media_fixture.h"

static int check(struct media_fixture *f, const char *rel, const char *declared)
{
    memset(&f->r, 0, sizeof(f->r));
    return media_check_manuscript_file(f->a, &f->l, testdata(rel), declared, &f->r);
}

static int check_bytes(struct media_fixture *f, const void *p, size_t len, const char *declared)
{
    int fd = memfd_of(p, len);

    assert_true(fd >= 0);
    int rc = media_check_manuscript(f->a, &f->l, fd, declared, &f->r);
    close(fd);
    return rc;
}

/* Every file of the shared test data, through the isolated child and in-process alike. */
static void every_test_file(void **state)
{
    static const struct {
        const char *file, *type;
        int status;
        const char *code; /* a reason when refused, else a warning or NULL */
    } cases[] = {
        {"epub/epub2-alice-gutenberg-cover.epub", "application/epub+zip", 0, NULL},
        {"epub/epub2-minimal-nocover.epub", "application/epub+zip", 0, "epub_no_cover"},
        {"epub/epub3-alice-cover.epub", "application/epub+zip", 0, NULL},
        {"epub/malformed-ncx-bad-xml.epub", "application/epub+zip", 0, "epub_toc_malformed"},
        {"epub/malformed-truncated-zip.epub", "application/epub+zip", ERR_UNPROCESSABLE,
         "epub_zip_unreadable"},
        {"pdf/hello-world-1page.pdf", "application/pdf", 0, "pdf_repaired"},
        {"pdf/hello-world-2pages.pdf", "application/pdf", 0, NULL},
        {"pdf/linearized-2pages.pdf", "application/pdf", 0, NULL},
        {"pdf/odd-javascript-action.pdf", "application/pdf", 0, "pdf_javascript"},
    };
    struct media_fixture *f = *state;

    for (int isolate = 1; isolate >= 0; isolate--) {
        f->l.isolate = isolate;
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
            int rc = check(f, cases[i].file, cases[i].type);
            if (rc != cases[i].status)
                fail_msg("%s: status %d, want %d (%s)", cases[i].file, rc, cases[i].status,
                         f->r.reasons.n ? f->r.reasons.v[0].message : "no reason");
            assert_int_equal(f->r.status, rc);
            assert_string_equal(f->r.media_type, cases[i].type);
            const struct media_notes *n = rc ? &f->r.reasons : &f->r.warnings;
            assert_true(!cases[i].code || notes_find(n, cases[i].code));
            assert_true(rc == 0 || f->r.reasons.n > 0);
        }
    }
}

/* The EPUB's metadata and cover bytes survive the trip through the pipe. */
static void metadata_and_cover_come_back_from_the_child(void **state)
{
    struct media_fixture *f = *state;
    struct manuscript_report inproc;

    assert_int_equal(check(f, "epub/epub2-alice-gutenberg-cover.epub", NULL), 0);
    assert_int_equal(f->r.format, MEDIA_EPUB);
    assert_string_equal(f->r.title, "Alice's Adventures in Wonderland");
    assert_string_equal(f->r.creators[1].name, "Lewis Carroll");
    assert_string_equal(f->r.creators[1].role, "aut");
    assert_string_equal(f->r.creators[1].file_as, "Carroll, Lewis");
    assert_string_equal(f->r.language, "en");
    assert_string_equal(f->r.cover_type, "image/jpeg");
    assert_int_equal(f->r.cover_len, 36192);
    f->l.isolate = false;
    assert_int_equal(media_check_manuscript_file(f->a, &f->l,
                                                 testdata("epub/epub2-alice-gutenberg-cover.epub"),
                                                 NULL, &inproc),
                     0);
    assert_memory_equal(f->r.cover, inproc.cover, inproc.cover_len);
    assert_int_equal(f->r.pages, inproc.pages);
    assert_int_equal(f->r.n_subjects, inproc.n_subjects);
    assert_int_equal(f->r.warnings.n, inproc.warnings.n);

    assert_int_equal(check(f, "pdf/odd-javascript-action.pdf", "application/pdf"), 0);
    assert_int_equal(f->r.format, MEDIA_PDF);
    assert_true(f->r.javascript);
    assert_int_equal(f->r.pages, 1);
}

static void report_json_round_trip(void **state)
{
    struct media_fixture *f = *state;
    struct manuscript_report back = {0};

    assert_int_equal(check(f, "epub/malformed-ncx-bad-xml.epub", "application/epub+zip"), 0);
    json_t *j = report_to_json(&f->r);
    assert_true(json_is_true(json_object_get(j, "ok")));
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "metadata"), "title")),
                        "Alice's Adventures in Wonderland");
    assert_int_equal(report_from_json(f->a, j, &back), 0);
    assert_string_equal(back.title, f->r.title);
    assert_string_equal(back.warnings.v[0].code, f->r.warnings.v[0].code);
    assert_int_equal(back.n_creators, f->r.n_creators);
    assert_int_equal(back.cover_len, f->r.cover_len);
    json_decref(j);
}

/* A JPEG renamed .epub: 415, whatever it is called. */
static void jpeg_named_epub_is_refused(void **state)
{
    struct media_fixture *f = *state;
    VipsImage *img;
    void *jpeg;
    size_t len;

    assert_int_equal(vips_black(&img, 64, 64, NULL), 0);
    assert_int_equal(vips_jpegsave_buffer(img, &jpeg, &len, NULL), 0);
    assert_int_equal(check_bytes(f, jpeg, len, "application/epub+zip"), ERR_MEDIA_TYPE);
    assert_string_equal(f->r.media_type, "image/jpeg");
    assert_non_null(notes_find(&f->r.reasons, "type_mismatch"));
    assert_int_equal(check_bytes(f, jpeg, len, NULL), ERR_MEDIA_TYPE);
    g_free(jpeg);
    g_object_unref(img);
}

static void declared_type_must_match(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check(f, "pdf/hello-world-2pages.pdf", "application/epub+zip"),
                     ERR_MEDIA_TYPE);
    assert_non_null(notes_find(&f->r.reasons, "type_mismatch"));
    assert_int_equal(check(f, "epub/epub3-alice-cover.epub", "Application/PDF; x=y"),
                     ERR_MEDIA_TYPE);
    assert_int_equal(check(f, "epub/epub3-alice-cover.epub", "text/html"), ERR_MEDIA_TYPE);
    assert_non_null(notes_find(&f->r.reasons, "unsupported_type"));
    assert_int_equal(check(f, "epub/epub3-alice-cover.epub", "application/octet-stream"), 0);
    assert_int_equal(check(f, "pdf/hello-world-2pages.pdf", "application/pdf; charset=binary"), 0);
    assert_int_equal(check_bytes(f, "just some text\n", 15, NULL), ERR_MEDIA_TYPE);
}

static void size_limits(void **state)
{
    struct media_fixture *f = *state;

    f->l.max_manuscript_bytes = 1 << 20;
    assert_int_equal(check(f, "pdf/hello-world-2pages.pdf", NULL), 0);
    f->l.max_manuscript_bytes = 961;
    assert_int_equal(check(f, "pdf/hello-world-2pages.pdf", NULL), ERR_TOO_LARGE);
    assert_non_null(notes_find(&f->r.reasons, "too_large"));
    assert_null(f->r.media_type); /* refused before reading */
    memset(&f->r, 0, sizeof(f->r));
    assert_int_equal(check_bytes(f, "", 0, NULL), ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "empty"));
}

static bool dir_is_empty(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int n = 0;

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n == 0;
}

/* An entry "../x" is refused and nothing is written anywhere, in the child or in-process. */
static void zip_slip_writes_nothing(void **state)
{
    struct media_fixture *f = *state;
    char top[] = "/tmp/mangu-slip-XXXXXX", work[64], cwd[4096];
    struct zipb b;
    size_t len;

    assert_non_null(mkdtemp(top));
    snprintf(work, sizeof(work), "%s/work", top);
    assert_int_equal(mkdir(work, 0700), 0);
    assert_int_equal(zipb_epub(&b, NULL), 0);
    zipb_adds(&b, "../x", "escaped", 0);
    zipb_adds(&b, "../../x", "escaped", 0);
    unsigned char *p = zipb_finish(&b, &len);
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(work), 0);
    for (int isolate = 1; isolate >= 0; isolate--) {
        f->l.isolate = isolate;
        memset(&f->r, 0, sizeof(f->r));
        assert_int_equal(check_bytes(f, p, len, "application/epub+zip"), ERR_UNPROCESSABLE);
        assert_non_null(notes_find(&f->r.reasons, "epub_unsafe_path"));
    }
    assert_int_equal(chdir(cwd), 0);
    assert_true(dir_is_empty(work));
    rmdir(work);
    assert_true(dir_is_empty(top)); /* no "x" beside "work" */
    rmdir(top);
    free(p);
}

/* The bomb runs in the child: the parent's memory does not move and the answer is quick. */
static void zip_bomb_in_the_child(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;
    size_t len;
    char zeros[1024] = {0};

    assert_int_equal(zipb_epub(&b, NULL), 0);
    zipb_add(&b, "OEBPS/bomb.xhtml", zeros, sizeof(zeros), 0);
    unsigned char *p = zipb_finish(&b, &len);
    /* declare 4 GB uncompressed in both headers */
    for (size_t i = 0; i + 46 < len; i++)
        if ((!memcmp(p + i, "PK\3\4", 4) && !memcmp(p + i + 30, "OEBPS/bomb", 10)) ||
            (!memcmp(p + i, "PK\1\2", 4) && !memcmp(p + i + 46, "OEBPS/bomb", 10)))
            memcpy(p + i + (p[i + 2] == 3 ? 22 : 24), "\xf0\xff\xff\xff", 4);
    long rss = max_rss_kib();
    double t0 = now_s();
    assert_int_equal(check_bytes(f, p, len, NULL), ERR_UNPROCESSABLE);
    assert_true(now_s() - t0 < 2.0);
    assert_true(max_rss_kib() - rss < 8 * 1024);
    assert_non_null(notes_find(&f->r.reasons, "epub_unpacked_too_large"));
    free(p);
}

/* A parse that overruns its time is refused, not retried, and the caller goes on. */
static void overrun_is_refused(void **state)
{
    struct media_fixture *f = *state;

    f->l.timeout_ms = 0;
    assert_int_equal(check(f, "epub/epub3-alice-cover.epub", NULL), ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "parse_timeout"));
    f->l.timeout_ms = 30000;
    assert_int_equal(check(f, "epub/epub3-alice-cover.epub", NULL), 0);
}

static void limits_follow_the_configuration(void **state)
{
    struct config c = {0};
    struct media_limits l;

    c.max_manuscript_bytes = 1u << 30;
    c.max_cover_bytes = 5u << 20;
    c.max_cover_px = 4000;
    media_limits_from_config(&l, &c);
    assert_int_equal(l.max_manuscript_bytes, 1u << 30);
    assert_int_equal(l.max_cover_bytes, 5u << 20);
    assert_int_equal(l.max_cover_px, 4000);
    assert_int_equal(l.max_unpacked_bytes, 2u << 30);
    assert_true(l.isolate);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_test_file, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(metadata_and_cover_come_back_from_the_child, media_setup,
                                        media_teardown),
        cmocka_unit_test_setup_teardown(report_json_round_trip, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(jpeg_named_epub_is_refused, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(declared_type_must_match, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(size_limits, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(zip_slip_writes_nothing, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(zip_bomb_in_the_child, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(overrun_is_refused, media_setup, media_teardown),
        cmocka_unit_test(limits_follow_the_configuration),
    };

    if (media_init() != 0)
        return 1;
    int rc = cmocka_run_group_tests_name("media/media", tests, NULL, NULL);
    media_release();
    return rc;
}
