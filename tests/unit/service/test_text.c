/* test_text.c: UTF-8 checks, folding as SQLite's unicode61 folds, words and query tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "service/text.h"

static void test_utf8_valid(void **state)
{
    (void)state;
    assert_true(text_utf8_valid("", 0));
    assert_true(text_utf8_valid("Esperánza 😀", strlen("Esperánza 😀")));
    assert_false(text_utf8_valid("\xff", 1));
    assert_false(text_utf8_valid("a\xc3", 2));            /* truncated */
    assert_false(text_utf8_valid("\xc0\xaf", 2));         /* overlong "/" */
    assert_false(text_utf8_valid("\xed\xa0\x80", 3));     /* a surrogate */
    assert_false(text_utf8_valid("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
    assert_false(text_utf8_valid("a\0b", 3));             /* NUL inside */
}

/* The tokens of "q" joined by "|". */
static const char *tokens(struct arena *a, const char *q, size_t max_chars, int max)
{
    const char **t;
    int n = text_tokens(a, q, strlen(q), max_chars, max, &t);
    char *out = arena_alloc(a, 4096);

    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        strcat(out, t[i]);
    }
    return out;
}

static void test_tokens_fold_case_and_accents(void **state)
{
    struct arena *a = arena_new();

    (void)state;
    assert_string_equal(tokens(a, "Esperánza", 200, 12), "esperanza");
    assert_string_equal(tokens(a, "ÉCOLE Ñandú Łódź ÆØ ß", 200, 12), "ecole|nandu|łodz|æø|ß");
    assert_string_equal(tokens(a, "Ἀθῆναι Москва", 200, 12), "ἀθῆναι|москва");
    assert_string_equal(tokens(a, "e\xcc\x81t\xc3\xa9", 200, 12), "ete"); /* combining acute */
    arena_free(a);
}

static void test_tokens_ignore_query_syntax(void **state)
{
    struct arena *a = arena_new();

    (void)state;
    assert_string_equal(tokens(a, "\"alice\" OR NEAR(wonder*) -rabbit ^x:y", 200, 12),
                        "alice|or|near|wonder|rabbit|x|y");
    assert_string_equal(tokens(a, "\"\"\"''' *** --- ()", 200, 12), "");
    assert_string_equal(tokens(a, "😀🔥 dragons 🐉", 200, 12), "dragons");
    assert_string_equal(tokens(a,
                               "a\xff\xfe"
                               "b",
                               200, 12),
                        "a|b");                                            /* invalid bytes split */
    assert_string_equal(tokens(a, "alice ALICE Alice", 200, 12), "alice"); /* distinct */
    arena_free(a);
}

static void test_tokens_are_capped(void **state)
{
    struct arena *a = arena_new();
    char big[10001];

    (void)state;
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    const char *one = tokens(a, big, 200, 12);
    assert_int_equal(strlen(one), TEXT_TOKEN_MAX);
    assert_string_equal(tokens(a, "a b c d e f g h i j k l m n o", 200, 12),
                        "a|b|c|d|e|f|g|h|i|j|k|l");
    assert_string_equal(tokens(a, "abc def ghi", 6, 12), "abc|de"); /* 6 characters read */
    arena_free(a);
}

static void test_words_keep_positions(void **state)
{
    struct arena *a = arena_new();
    struct text_word *w;
    const char *s = "Alice's  Adventures";
    int n = text_words(a, s, strlen(s), strlen(s), 10, &w);

    (void)state;
    assert_int_equal(n, 3);
    assert_int_equal(w[0].start, 0);
    assert_int_equal(w[0].end, 5);
    assert_string_equal(w[0].folded, "alice");
    assert_string_equal(w[1].folded, "s");
    assert_int_equal(w[2].start, 9);
    assert_string_equal(w[2].folded, "adventures");
    assert_int_equal(text_chars("ñandú"), 5);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_tokens_fold_case_and_accents),
        cmocka_unit_test(test_tokens_ignore_query_syntax),
        cmocka_unit_test(test_tokens_are_capped),
        cmocka_unit_test(test_words_keep_positions),
    };

    return cmocka_run_group_tests_name("service/text", tests, NULL, NULL);
}
