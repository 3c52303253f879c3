/* test_epub.c: EPUB checks in-process: the shared test data, broken containers, zip bombs,
 * metadata. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/err.h"
#include "media/epub.h"
#include "media/media.h"
#include "media/opf.h"
#include "media/xml.h"
#include "media_fixture.h"

/* Checks testdata file "rel" in-process. */
static int check_file(struct media_fixture *f, const char *rel)
{
    return media_check_testdata(f, epub_check, rel);
}

static int check_bytes(struct media_fixture *f, unsigned char *p, size_t len)
{
    assert_non_null(p);
    int rc = epub_check(f->a, p, len, &f->l, &f->r);
    free(p);
    /* DEBUG_NOTES=1 prints every reason, for when a refusal is not the expected one */
    for (size_t i = 0; getenv("DEBUG_NOTES") && i < f->r.reasons.n; i++)
        fprintf(stderr, "reason %s: %s\n", f->r.reasons.v[i].code, f->r.reasons.v[i].message);
    return rc;
}

/* Finishes the ZIP being built and checks it. */
static int finish_check(struct media_fixture *f, struct zipb *b)
{
    size_t len;
    unsigned char *p = zipb_finish(b, &len);

    return check_bytes(f, p, len);
}

static const struct media_creator *creator(const struct manuscript_report *r, const char *name)
{
    for (size_t i = 0; i < r->n_creators; i++)
        if (strcmp(r->creators[i].name, name) == 0)
            return &r->creators[i];
    return NULL;
}

static bool has_subject(const struct manuscript_report *r, const char *s)
{
    for (size_t i = 0; i < r->n_subjects; i++)
        if (strcmp(r->subjects[i], s) == 0)
            return true;
    return false;
}

static void assert_alice(const struct manuscript_report *r)
{
    assert_int_equal(r->status, 0);
    assert_int_equal(r->reasons.n, 0);
    assert_string_equal(r->title, "Alice's Adventures in Wonderland");
    const struct media_creator *c = creator(r, "Lewis Carroll");
    assert_non_null(c);
    assert_string_equal(c->role, "aut");
    assert_false(c->contributor);
    assert_non_null(r->language);
    assert_int_equal(strncmp(r->language, "en", 2), 0);
    assert_true(has_subject(r, "Fantasy"));
    assert_true(r->pages > 20 && r->pages < 400);
    assert_true(r->pages_estimated);
}

static void epub2_gutenberg_with_cover(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "epub/epub2-alice-gutenberg-cover.epub"), 0);
    assert_alice(&f->r);
    assert_string_equal(f->r.version, "2.0");
    assert_string_equal(f->r.language, "en");
    assert_string_equal(creator(&f->r, "Lewis Carroll")->file_as, "Carroll, Lewis");
    const struct media_creator *ill = creator(&f->r, "Gordon Robinson");
    assert_non_null(ill);
    assert_true(ill->contributor);
    assert_string_equal(ill->role, "ill");
    assert_true(has_subject(&f->r, "Fantasy fiction, English"));
    assert_int_equal(f->r.spine_items, 1);
    /* <meta name="cover"> names the text page; the guide's image reference wins */
    assert_string_equal(f->r.cover_path,
                        "19033/www.gutenberg.org@files@19033@19033-h@images@cover_th.jpg");
    assert_int_equal(f->r.cover_len, 36192);
    assert_memory_equal(f->r.cover, "\xff\xd8\xff", 3);
    assert_string_equal(f->r.cover_type, "image/jpeg");
    assert_null(notes_find(&f->r.warnings, "epub_toc_malformed"));
}

static void epub3_alice_with_cover(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "epub/epub3-alice-cover.epub"), 0);
    assert_alice(&f->r);
    assert_string_equal(f->r.version, "3.0");
    assert_string_equal(f->r.language, "en-US");
    assert_int_equal(f->r.spine_items, 13);
    /* properties="cover-image"; the legacy meta naming no item is ignored */
    assert_string_equal(f->r.cover_path, "OPS/images/cover_th.jpg");
    assert_int_equal(f->r.cover_len, 36192);
    assert_memory_equal(f->r.cover, "\xff\xd8\xff", 3);
    assert_int_equal(f->r.warnings.n, 0);
}

static void epub2_minimal_without_cover(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "epub/epub2-minimal-nocover.epub"), 0);
    assert_string_equal(f->r.title, "Minimal EPUB 2.0");
    assert_string_equal(f->r.language, "en");
    assert_int_equal(f->r.n_creators, 0);
    assert_null(f->r.cover);
    assert_non_null(notes_find(&f->r.warnings, "epub_no_cover"));
    assert_int_equal(f->r.pages, 1);
}

/* Policy: a well-formed OPF with a broken NCX is accepted with a warning. */
static void malformed_ncx_is_a_warning(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "epub/malformed-ncx-bad-xml.epub"), 0);
    assert_alice(&f->r);
    const struct media_note *w = notes_find(&f->r.warnings, "epub_toc_malformed");
    assert_non_null(w);
    assert_non_null(strstr(w->message, "19033/toc.ncx"));
    assert_non_null(strstr(w->message, "line 49"));
    assert_string_equal(creator(&f->r, "Lewis Carroll")->role, "aut");
    assert_non_null(f->r.cover);
}

/* Policy: the right magic bytes but no central directory is refused. */
static void truncated_zip_is_refused(void **state)
{
    struct media_fixture *f = *state;

    assert_int_equal(check_file(f, "epub/malformed-truncated-zip.epub"), ERR_UNPROCESSABLE);
    assert_int_equal(f->r.status, ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "epub_zip_unreadable"));
    assert_null(f->r.title);
}

static void mimetype_rules(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;

    /* not first */
    assert_int_equal(zipb_start(&b), 0);
    zipb_adds(&b, "META-INF/container.xml", test_container, 0);
    zipb_adds(&b, "mimetype", "application/epub+zip", 1);
    assert_int_equal(finish_check(f, &b), ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "epub_mimetype_not_first"));
    /* compressed */
    memset(&f->r, 0, sizeof(f->r));
    assert_int_equal(zipb_start(&b), 0);
    zipb_adds(&b, "mimetype", "application/epub+zip", 0);
    assert_int_equal(finish_check(f, &b), ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "epub_mimetype_compressed"));
    /* wrong content */
    memset(&f->r, 0, sizeof(f->r));
    assert_int_equal(zipb_start(&b), 0);
    zipb_adds(&b, "mimetype", "application/zip", 1);
    assert_int_equal(finish_check(f, &b), ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "epub_mimetype_wrong"));
}

/* Refusals for a package that cannot be read; "opf" NULL leaves out container.xml. */
static void expect_package_refusal(struct media_fixture *f, const char *opf, const char *code)
{
    struct zipb b;

    memset(&f->r, 0, sizeof(f->r));
    assert_int_equal(zipb_start(&b), 0);
    zipb_adds(&b, "mimetype", "application/epub+zip", 1);
    if (opf) {
        zipb_adds(&b, "META-INF/container.xml", test_container, 0);
        zipb_adds(&b, "OEBPS/content.opf", opf, 0);
    }
    assert_int_equal(finish_check(f, &b), ERR_UNPROCESSABLE);
    if (!notes_find(&f->r.reasons, code))
        fail_msg("expected %s, got %s", code, f->r.reasons.n ? f->r.reasons.v[0].code : "none");
}

static void broken_packages_are_refused(void **state)
{
    struct media_fixture *f = *state;

    expect_package_refusal(f, NULL, "epub_container_missing");
    expect_package_refusal(f, "<package><metadata>", "epub_opf_invalid");
    expect_package_refusal(f, "<html/>", "epub_opf_invalid");
    expect_package_refusal(f,
                           "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaa\"><!ENTITY b "
                           "\"&a;&a;&a;&a;\">]><package><metadata>&b;</metadata></package>",
                           "epub_opf_invalid");
    assert_non_null(strstr(f->r.reasons.v[0].message, "ENTITY"));
    expect_package_refusal(f,
                           "<package xmlns=\"http://www.idpf.org/2007/opf\"><metadata/>"
                           "<manifest/><spine/></package>",
                           "epub_spine_empty");
    /* an external DTD is neither fetched nor needed */
    expect_package_refusal(f,
                           "<?xml version=\"1.0\"?><!DOCTYPE package SYSTEM "
                           "\"http://127.0.0.1:1/x.dtd\"><package><spine/></package>",
                           "epub_spine_empty");
    f->l.max_xml_bytes = 256; /* container.xml fits, the padded OPF does not */
    expect_package_refusal(f,
                           "<package xmlns=\"http://www.idpf.org/2007/opf\"><metadata/>"
                           "<!-- padding padding padding padding padding padding padding "
                           "padding padding padding padding padding padding padding padding "
                           "padding padding padding padding padding padding padding padding "
                           "padding padding padding padding padding padding padding padding "
                           "--><manifest/><spine/></package>",
                           "epub_opf_invalid");
    assert_non_null(strstr(f->r.reasons.v[0].message, "larger than 256 bytes"));
}

static void unsafe_names_are_refused(void **state)
{
    static const char *names[] = {"../x",       "OEBPS/../../x", "/etc/passwd",
                                  "a\\b.xhtml", "C:/x",          "a\tb"};
    struct media_fixture *f = *state;

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        struct zipb b;
        memset(&f->r, 0, sizeof(f->r));
        assert_int_equal(zipb_epub(&b, NULL), 0);
        zipb_adds(&b, names[i], "x", 0);
        assert_int_equal(finish_check(f, &b), ERR_UNPROCESSABLE);
        assert_non_null(notes_find(&f->r.reasons, "epub_unsafe_path"));
    }
}

/* libzip shows a NUL in a name as a space; the raw directory is read to refuse it. */
static void nul_in_name_is_refused(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;
    size_t len;

    assert_int_equal(zipb_epub(&b, NULL), 0);
    zipb_adds(&b, "OEBPS/evilQname.xhtml", "x", 0);
    unsigned char *p = zipb_finish(&b, &len);
    assert_int_equal(patch_bytes(p, len, "evilQname", "evil\0name", 9), 2);
    assert_int_equal(check_bytes(f, p, len), ERR_UNPROCESSABLE);
    assert_non_null(notes_find(&f->r.reasons, "epub_unsafe_path"));
}

/* Sets the declared uncompressed size of entry "name" in both of its headers. */
static void declare_size(unsigned char *p, size_t len, const char *name, uint32_t size)
{
    size_t n = strlen(name);
    int found = 0;

    for (size_t i = 0; i + 46 + n <= len; i++) {
        if (!memcmp(p + i, "PK\3\4", 4) && !memcmp(p + i + 30, name, n) && p[i + 26] == n) {
            memcpy(p + i + 22, &size, 4); /* little-endian host */
            found++;
        }
        if (!memcmp(p + i, "PK\1\2", 4) && !memcmp(p + i + 46, name, n) && p[i + 28] == n) {
            memcpy(p + i + 24, &size, 4);
            found++;
        }
    }
    assert_int_equal(found, 2);
}

/* Entries declaring 4 GB of content are refused from the directory alone, instantly. */
static void declared_zip_bomb_is_refused_unread(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;
    size_t len;
    char zeros[4096] = {0};

    assert_int_equal(zipb_epub(&b, NULL), 0);
    zipb_add(&b, "OEBPS/bomb.bin", zeros, sizeof(zeros), 0);
    unsigned char *p = zipb_finish(&b, &len);
    declare_size(p, len, "OEBPS/bomb.bin", 0xfffffff0u);
    long rss = max_rss_kib();
    double t0 = now_s();
    assert_int_equal(check_bytes(f, p, len), ERR_UNPROCESSABLE);
    assert_true(now_s() - t0 < 0.5);
    assert_true(max_rss_kib() - rss < 16 * 1024);
    assert_non_null(notes_find(&f->r.reasons, "epub_unpacked_too_large"));
}

/* Three entries of 600 MB each: each under the cap, together over it. */
static void total_unpacked_size_is_capped(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;
    size_t len;
    char zeros[4096] = {0};

    f->l.max_ratio = 1u << 30; /* only the total is under test here */
    assert_int_equal(zipb_epub(&b, NULL), 0);
    zipb_add(&b, "OEBPS/a.bin", zeros, sizeof(zeros), 0);
    zipb_add(&b, "OEBPS/b.bin", zeros, sizeof(zeros), 0);
    zipb_add(&b, "OEBPS/c.bin", zeros, sizeof(zeros), 0);
    unsigned char *p = zipb_finish(&b, &len);
    declare_size(p, len, "OEBPS/a.bin", 600u << 20);
    declare_size(p, len, "OEBPS/b.bin", 600u << 20);
    declare_size(p, len, "OEBPS/c.bin", 600u << 20);
    assert_int_equal(check_bytes(f, p, len), ERR_UNPROCESSABLE);
    const struct media_note *n = notes_find(&f->r.reasons, "epub_unpacked_too_large");
    assert_non_null(n);
    assert_non_null(strstr(n->message, "OEBPS/b.bin"));
}

/* A libzip source of "total" zero bytes that holds no buffer. */
struct zeros {
    zip_uint64_t total, pos;
};

static zip_int64_t on_zeros(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    struct zeros *z = ud;

    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        z->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        zip_uint64_t n = len < z->total - z->pos ? len : z->total - z->pos;
        memset(data, 0, n);
        z->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = z->total;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(*st);
    }
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
        return 0;
    default:
        return -1;
    }
}

/* 32 MiB of real zeros deflated (about 1000:1): refused by ratio before any inflating. */
static void compression_ratio_bomb_is_refused(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;
    size_t len;
    struct zeros z = {32u << 20, 0};

    assert_int_equal(zipb_epub(&b, NULL), 0);
    zip_int64_t i =
        zip_file_add(b.z, "OEBPS/zeros.xhtml", zip_source_function(b.z, on_zeros, &z), 0);
    assert_true(i >= 0);
    zip_set_file_compression(b.z, (zip_uint64_t)i, ZIP_CM_DEFLATE, 1);
    unsigned char *p = zipb_finish(&b, &len);
    assert_true(len < 1u << 20);
    long rss = max_rss_kib();
    double t0 = now_s();
    assert_int_equal(check_bytes(f, p, len), ERR_UNPROCESSABLE);
    assert_true(now_s() - t0 < 0.5);
    assert_true(max_rss_kib() - rss < 16 * 1024);
    assert_non_null(notes_find(&f->r.reasons, "epub_compression_ratio"));
}

static const char rich_opf[] =
    "<?xml version=\"1.0\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
    "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:identifier id=\"id\">urn:uuid:1234</dc:identifier>"
    "<dc:identifier id=\"isbn\">urn:isbn:978-0-306-40615-7</dc:identifier>"
    "<dc:title id=\"sub\">A Subtitle</dc:title><dc:title id=\"main\">  The\n  Main Title "
    "</dc:title>"
    "<meta refines=\"#main\" property=\"title-type\">main</meta>"
    "<meta refines=\"#sub\" property=\"title-type\">subtitle</meta>"
    "<dc:creator id=\"c1\">Ada Writer</dc:creator>"
    "<meta refines=\"#c1\" property=\"role\" scheme=\"marc:relators\">aut</meta>"
    "<meta refines=\"#c1\" property=\"file-as\">Writer, Ada</meta>"
    "<dc:creator id=\"c2\">Ed Itor</dc:creator>"
    "<meta refines=\"#c2\" property=\"role\" scheme=\"marc:relators\">edt</meta>"
    "<dc:language>fr</dc:language><dc:publisher>Maison</dc:publisher>"
    "<dc:description>A &lt;b&gt;fine&lt;/b&gt; book.</dc:description>"
    "<dc:subject>Poetry</dc:subject><dc:subject>Poetry</dc:subject><dc:subject>French</dc:subject>"
    "</metadata><manifest>"
    "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
    "<item id=\"p1\" href=\"p1.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"img\" href=\"images/front%20cover.png\" media-type=\"image/png\" "
    "properties=\"svg cover-image\"/></manifest><spine><itemref idref=\"p1\"/></spine></package>";

static void epub3_metadata_from_refinements(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;

    assert_int_equal(zipb_epub(&b, rich_opf), 0);
    zipb_adds(&b, "OEBPS/nav.xhtml", test_page, 0);
    zipb_adds(&b, "OEBPS/images/front cover.png", "\x89PNG\r\n\x1a\n", 1);
    assert_int_equal(finish_check(f, &b), 0);
    assert_string_equal(f->r.title, "The Main Title");
    assert_string_equal(f->r.subtitle, "A Subtitle");
    assert_string_equal(f->r.isbn, "9780306406157");
    assert_string_equal(f->r.language, "fr");
    assert_string_equal(f->r.publisher, "Maison");
    assert_string_equal(f->r.description, "A <b>fine</b> book.");
    assert_int_equal(f->r.n_creators, 2);
    assert_string_equal(f->r.creators[0].role, "aut");
    assert_string_equal(f->r.creators[0].file_as, "Writer, Ada");
    assert_string_equal(f->r.creators[1].role, "edt");
    assert_int_equal(f->r.n_subjects, 2);
    assert_string_equal(f->r.cover_path, "OEBPS/images/front cover.png");
    assert_string_equal(f->r.cover_type, "image/png");
    assert_int_equal(f->r.warnings.n, 0);
}

static const char epub2_opf[] =
    "<?xml version=\"1.0\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" "
    "xmlns:opf=\"http://www.idpf.org/2007/opf\" version=\"2.0\" unique-identifier=\"id\">"
    "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:identifier id=\"id\" opf:scheme=\"ISBN\">0-306-40615-2</dc:identifier>"
    "<dc:identifier opf:scheme=\"ISBN\">978-0-306-40615-8</dc:identifier>"
    "<dc:title>Main</dc:title><dc:title>Second</dc:title>"
    "<dc:creator opf:role=\"aut\" opf:file-as=\"Doe, J\">J Doe</dc:creator>"
    "<meta name=\"cover\" content=\"nothing-here\"/></metadata><manifest>"
    "<item id=\"p1\" href=\"p1.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"cv\" href=\"text/cover.xhtml\" media-type=\"application/xhtml+xml\"/>"
    "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>"
    "</manifest><spine toc=\"ncx\"><itemref idref=\"p1\"/><itemref idref=\"gone\"/></spine>"
    "<guide><reference type=\"cover\" href=\"text/cover.xhtml#top\"/></guide></package>";

/* EPUB 2: ISBN-10 converted, a second title as subtitle, the guide's page gives the cover. */
static void epub2_metadata_and_cover_page(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;

    assert_int_equal(zipb_epub(&b, epub2_opf), 0);
    zipb_adds(&b, "OEBPS/toc.ncx", "<ncx><navMap/></ncx>", 0);
    zipb_adds(&b, "OEBPS/text/cover.xhtml",
              "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><div><img "
              "src=\"../img/c.jpg\" alt=\"\"/></div></body></html>",
              0);
    zipb_adds(&b, "OEBPS/img/c.jpg", "\xff\xd8\xff\xe0", 1);
    assert_int_equal(finish_check(f, &b), 0);
    assert_string_equal(f->r.isbn, "9780306406157");
    assert_string_equal(f->r.title, "Main");
    assert_string_equal(f->r.subtitle, "Second");
    assert_string_equal(f->r.creators[0].file_as, "Doe, J");
    assert_string_equal(f->r.cover_path, "OEBPS/img/c.jpg");
    assert_null(f->r.cover_type); /* not in the manifest: the caller sniffs */
    assert_non_null(notes_find(&f->r.warnings, "epub_spine_dangling"));
    assert_null(notes_find(&f->r.warnings, "epub_isbn_invalid")); /* first valid one wins */
}

static void invalid_isbn_is_a_warning(void **state)
{
    struct media_fixture *f = *state;
    struct zipb b;
    static const char opf[] =
        "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier>urn:isbn:9780306406158"
        "</dc:identifier><dc:title>T</dc:title></metadata><manifest><item id=\"p1\" "
        "href=\"p1.xhtml\" media-type=\"application/xhtml+xml\"/></manifest><spine><itemref "
        "idref=\"p1\"/></spine></package>";

    assert_int_equal(zipb_epub(&b, opf), 0);
    assert_int_equal(finish_check(f, &b), 0);
    assert_null(f->r.isbn);
    assert_non_null(notes_find(&f->r.warnings, "epub_isbn_invalid"));
    assert_non_null(notes_find(&f->r.warnings, "epub_toc_missing"));
}

static void hrefs_resolve_inside_the_archive(void **state)
{
    struct media_fixture *f = *state;
    struct arena *a = f->a;

    assert_string_equal(opf_resolve(a, "OPS/content.opf", "images/a%20b.jpg"),
                        "OPS/images/a b.jpg");
    assert_string_equal(opf_resolve(a, "OPS/content.opf", "../x.jpg#frag"), "x.jpg");
    assert_string_equal(opf_resolve(a, "content.opf", "./a/./b.xhtml"), "a/b.xhtml");
    assert_string_equal(opf_resolve(a, "", "OEBPS/content.opf"), "OEBPS/content.opf");
    assert_null(opf_resolve(a, "OPS/content.opf", "../../x.jpg"));
    assert_null(opf_resolve(a, "OPS/content.opf", "http://example.com/x.jpg"));
    assert_null(opf_resolve(a, "OPS/content.opf", "/etc/passwd"));
    assert_null(opf_resolve(a, "OPS/content.opf", "a%00b"));
    assert_null(opf_resolve(a, "OPS/content.opf", "a%2"));
    assert_null(opf_resolve(a, "OPS/content.opf", "..%5c..%5cx"));
    assert_null(opf_resolve(a, "OPS/content.opf", "#only-a-fragment"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(epub2_gutenberg_with_cover, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(epub3_alice_with_cover, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(epub2_minimal_without_cover, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(malformed_ncx_is_a_warning, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(truncated_zip_is_refused, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(mimetype_rules, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(broken_packages_are_refused, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(unsafe_names_are_refused, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(nul_in_name_is_refused, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(declared_zip_bomb_is_refused_unread, media_setup,
                                        media_teardown),
        cmocka_unit_test_setup_teardown(total_unpacked_size_is_capped, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(compression_ratio_bomb_is_refused, media_setup,
                                        media_teardown),
        cmocka_unit_test_setup_teardown(epub3_metadata_from_refinements, media_setup,
                                        media_teardown),
        cmocka_unit_test_setup_teardown(epub2_metadata_and_cover_page, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(invalid_isbn_is_a_warning, media_setup, media_teardown),
        cmocka_unit_test_setup_teardown(hrefs_resolve_inside_the_archive, media_setup,
                                        media_teardown),
    };

    xml_init();
    int rc = cmocka_run_group_tests_name("media/epub", tests, NULL, NULL);
    xml_release();
    return rc;
}
