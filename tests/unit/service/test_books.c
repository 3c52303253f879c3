/* test_books.c: the book value checks: ISBN check digits and conversion, language tags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "service/books.h"

static void isbn_ok(const char *in, const char *want)
{
    char out[14];

    if (books_isbn_normalize(in, out) != 0)
        fail_msg("'%s' was refused", in);
    assert_string_equal(out, want);
}

static void isbn_bad(const char *in)
{
    char out[14];

    if (books_isbn_normalize(in, out) == 0)
        fail_msg("'%s' was accepted as %s", in, out);
}

static void test_isbn(void **state)
{
    (void)state;
    isbn_ok("9780198526636", "9780198526636");
    isbn_ok("978-0-19-852663-6", "9780198526636");
    isbn_ok("0-19-852663-6", "9780198526636"); /* ISBN-10 to 13 */
    isbn_ok("0 8044 2957 X", "9780804429573"); /* check digit X */
    isbn_ok("080442957x", "9780804429573");
    isbn_bad("9780198526637"); /* wrong check digit */
    isbn_bad("0-19-852663-7");
    isbn_bad("X080442957");     /* X only last */
    isbn_bad("97801985266361"); /* 14 digits */
    isbn_bad("978019852663");
    isbn_bad("");
    isbn_bad("isbn 9780198526636");
}

static void lang(const char *in, const char *want)
{
    char out[36];
    bool ok = books_language_normalize(in, out, sizeof(out));

    if (!want) {
        if (ok)
            fail_msg("'%s' was accepted as %s", in, out);
        return;
    }
    if (!ok)
        fail_msg("'%s' was refused", in);
    assert_string_equal(out, want);
}

static void test_language(void **state)
{
    (void)state;
    lang("en", "en");
    lang("EN", "en");
    lang("pt-br", "pt-BR");
    lang("zh-hant-tw", "zh-Hant-TW");
    lang("es-419", "es-419");
    lang("fil", "fil");
    lang("e", NULL);
    lang("english", NULL);
    lang("en-", NULL);
    lang("en--us", NULL);
    lang("en_US", NULL);
    lang("12", NULL);
    lang("en-abcdefghi", NULL);
    lang("", NULL);
}

static void test_sort_names(void **state)
{
    (void)state;
    assert_string_equal(books_sort_names[BOOK_SORT_NEWEST], "newest");
    assert_string_equal(books_sort_names[BOOK_SORT_TITLE], "title");
    assert_null(books_sort_names[BOOK_SORT_COUNT]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_isbn),
        cmocka_unit_test(test_language),
        cmocka_unit_test(test_sort_names),
    };

    return cmocka_run_group_tests_name("service/books", tests, NULL, NULL);
}
