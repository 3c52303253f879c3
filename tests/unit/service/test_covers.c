/* test_covers.c: generated covers: escaping, determinism, variety, and text that fits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/rng.h"
#include "service/covers.h"

static char *render(const char *slug, const char *title, const char *author, const char *genre)
{
    struct cover_spec s = {slug, title, NULL, author, "Lantern House", genre};
    struct buf b = BUF_INIT;

    covers_svg(&s, &b);
    return buf_detach(&b, NULL);
}

/* No raw markup from the input, entities only where we put them, no control bytes. */
static void assert_clean_xml(const char *svg)
{
    for (const char *p = svg; *p; p++) {
        assert_false((unsigned char)*p < 0x20 && *p != '\n');
        if (*p == '&')
            assert_true(!strncmp(p, "&amp;", 5) || !strncmp(p, "&lt;", 4) ||
                        !strncmp(p, "&gt;", 4) || !strncmp(p, "&quot;", 6) ||
                        !strncmp(p, "&#39;", 5));
    }
}

static void escapes_text(void **state)
{
    char *svg = render("x", "<script>alert(\"x\")</script> & 'q'", "A & B <c>", "science");

    assert_null(strstr(svg, "<script"));
    assert_non_null(strstr(svg, "&lt;script&gt;"));
    assert_non_null(strstr(svg, "A &amp; B &lt;c&gt;"));
    assert_clean_xml(svg);
    free(svg);
}

static void replaces_invalid_utf8_and_controls(void **state)
{
    char *svg = render("bad", "Bad \xC3\x28 bytes \xED\xA0\x80 and \x01 bell \xF0\x9F\x93\x9A",
                       "\xFF\xFE", NULL);

    assert_clean_xml(svg);
    assert_non_null(strstr(svg, "\xEF\xBF\xBD"));     /* U+FFFD stands in */
    assert_non_null(strstr(svg, "\xF0\x9F\x93\x9A")); /* a valid emoji survives */
    free(svg);
}

static void is_a_2_by_3_svg_with_the_title(void **state)
{
    char *svg = render("pride-and-prejudice", "Pride and Prejudice", "Jane Austen", "classics");

    assert_true(
        strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 600\"", 60) == 0);
    assert_non_null(strstr(svg, "<title>Pride and Prejudice</title>"));
    assert_non_null(strstr(svg, "Jane Austen") ? strstr(svg, "Jane Austen")
                                               : strstr(svg, "JANE AUSTEN"));
    assert_non_null(strstr(svg, "</svg>\n"));
    free(svg);
}

static void same_input_same_bytes(void **state)
{
    char *a = render("the-ember-crown", "The Ember Crown", "Isolde Marchetti", "fantasy");
    char *b = render("the-ember-crown", "The Ember Crown", "Isolde Marchetti", "fantasy");
    char *c = render("the-ember-crown-2", "The Ember Crown", "Isolde Marchetti", "fantasy");

    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    free(a);
    free(b);
    free(c);
}

/* Forty slugs without a genre give many different designs and palettes. */
static void covers_vary(void **state)
{
    char seen[40][64];
    int distinct = 0;

    for (int i = 0; i < 40; i++) {
        char slug[32];
        snprintf(slug, sizeof(slug), "book-%d", i);
        char *svg = render(slug, "Title", "Author", NULL);
        const char *body = strstr(svg, "</title>\n") + 9; /* the first shape after the title */
        snprintf(seen[i], sizeof(seen[i]), "%.60s", body);
        int k = 0;
        while (k < i && strcmp(seen[k], seen[i]) != 0)
            k++;
        distinct += k == i;
        free(svg);
    }
    assert_true(distinct >= 12);
}

static void long_titles_fit(void **state)
{
    struct cover_fit f = {FACE_SERIF, 1, 1, 0.05, 300, 4, 48, 18};
    struct cover_lines l;

    covers_fit("The Extraordinarily Long and Winding Chronicle of the Seventeen Lighthouses of "
               "the Northern Archipelago, With Maps, Letters and an Index",
               &f, &l);
    assert_true(l.n >= 1 && l.n <= 4);
    assert_true(l.size >= 18 && l.size <= 48);
    for (int i = 0; i < l.n; i++) {
        assert_true(l.width[i] <= f.max_width + 1e-9);
        assert_true(covers_text_width(l.line[i], strlen(l.line[i]), &f, l.size) <=
                    f.max_width + 1e-9);
    }
}

static void short_titles_are_big_and_balanced(void **state)
{
    struct cover_fit f = {FACE_SANS, 1, 0, 0, 320, 4, 64, 20};
    struct cover_lines l;

    covers_fit("Emma", &f, &l);
    assert_int_equal(l.n, 1);
    assert_true(l.size == 64);
    covers_fit("Habits of the Unhurried Mind", &f, &l);
    assert_true(l.n <= 3); /* three lines of large type before four */
    assert_string_not_equal(l.line[l.n - 1], "the");
}

static void unbreakable_words_are_cut_with_an_ellipsis(void **state)
{
    struct cover_fit f = {FACE_SERIF, 0, 0, 0, 200, 2, 40, 20};
    struct cover_lines l;

    covers_fit("Supercalifragilisticexpialidocious-and-then-some-more-and-more-words", &f, &l);
    assert_int_equal(l.n, 2);
    assert_true(l.size == 20);
    assert_non_null(strstr(l.line[1], "\xE2\x80\xA6"));
    for (int i = 0; i < l.n; i++)
        assert_true(l.width[i] <= f.max_width + 1e-9);
}

/* Lines never outgrow their buffers, whatever the text: narrow glyphs, tiny sizes. */
static void lines_stay_in_their_buffers(void **state)
{
    struct cover_fit f = {FACE_CONDENSED, 0, 0, -0.2, 2000, 2, 4, 1};
    struct cover_lines l;
    char text[600];

    memset(text, '\'', sizeof(text) - 1);
    text[sizeof(text) - 1] = '\0';
    covers_fit(text, &f, &l);
    for (int i = 0; i < l.n; i++)
        assert_true(strlen(l.line[i]) < COVER_LINE_MAX);
    for (size_t i = 0; i + 1 < sizeof(text); i += 2)
        text[i] = ' ';
    covers_fit(text, &f, &l);
    for (int i = 0; i < l.n; i++)
        assert_true(strlen(l.line[i]) < COVER_LINE_MAX);
}

/* Random bytes as title and author: always a clean document, under the sanitizers too. */
static void random_input_is_always_clean(void **state)
{
    struct rng r;
    char title[400], author[80], slug[16];

    rng_seed(&r, 42);
    for (int k = 0; k < 300; k++) {
        size_t n = rng_below(&r, sizeof(title) - 1), m = rng_below(&r, sizeof(author) - 1);
        for (size_t i = 0; i < n; i++)
            title[i] = (char)(1 + rng_below(&r, 255));
        for (size_t i = 0; i < m; i++)
            author[i] = (char)(1 + rng_below(&r, 255));
        title[n] = author[m] = '\0';
        snprintf(slug, sizeof(slug), "r-%d", k);
        char *svg = render(slug, title, author, k % 3 ? NULL : "comics");
        assert_clean_xml(svg);
        free(svg);
    }
}

static void capitals_and_empty_text(void **state)
{
    struct cover_fit f = {FACE_SANS, 0, 1, 0.1, 300, 2, 20, 10};
    struct cover_lines l;

    covers_fit("lucía ferrer", &f, &l);
    assert_string_equal(l.line[0], "LUCÍA FERRER");
    covers_fit("   ", &f, &l);
    assert_int_equal(l.n, 0);
    covers_fit(NULL, &f, &l);
    assert_int_equal(l.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_text),
        cmocka_unit_test(replaces_invalid_utf8_and_controls),
        cmocka_unit_test(is_a_2_by_3_svg_with_the_title),
        cmocka_unit_test(same_input_same_bytes),
        cmocka_unit_test(covers_vary),
        cmocka_unit_test(long_titles_fit),
        cmocka_unit_test(short_titles_are_big_and_balanced),
        cmocka_unit_test(unbreakable_words_are_cut_with_an_ellipsis),
        cmocka_unit_test(lines_stay_in_their_buffers),
        cmocka_unit_test(random_input_is_always_clean),
        cmocka_unit_test(capitals_and_empty_text),
    };

    return cmocka_run_group_tests_name("service/covers", tests, NULL, NULL);
}
