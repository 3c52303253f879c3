/* test_epub_build.c: a built EPUB passes our own validator with its metadata intact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "media/epub_build.h"
#include "media/media.h"

static const char *const paras[] = {"It was the best of times & the worst of <times>.",
                                    "The second paragraph says \"hello\"."};
static const struct epub_chapter chapters[] = {{"One", paras, 2}, {"Two: the sequel", paras, 1}};
static const struct epub_book book = {
    .identifier = "urn:uuid:5f2b6c1e-0000-4000-8000-000000000001",
    .title = "Esperánza & the Tide",
    .author = "Ada Quill",
    .language = "es",
    .description = "A test book.",
    .modified = "2026-11-26T00:00:00Z",
    .chapters = chapters,
    .n_chapters = 2,
};

static void built_epub_is_valid(void **state)
{
    struct arena *a = arena_new();
    struct media_limits l;
    struct manuscript_report r;
    unsigned char *data;
    size_t len;
    char path[] = "/tmp/mangu-epub-XXXXXX";

    assert_int_equal(epub_build(a, &book, &data, &len), 0);
    assert_true(len > 500);
    assert_memory_equal(data + 30, "mimetype", 8); /* the first entry, stored */
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    media_limits_default(&l);
    l.isolate = false;
    assert_int_equal(media_check_manuscript_file(a, &l, path, "application/epub+zip", &r), 0);
    assert_string_equal(r.title, book.title);
    assert_int_equal(r.n_creators, 1);
    assert_string_equal(r.creators[0].name, "Ada Quill");
    assert_string_equal(r.language, "es");
    assert_int_equal(r.spine_items, 2);
    unlink(path);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(built_epub_is_valid),
    };

    if (media_init() != 0)
        return 1;
    int rc = cmocka_run_group_tests_name("media/epub_build", tests, NULL, NULL);
    media_release();
    return rc;
}
