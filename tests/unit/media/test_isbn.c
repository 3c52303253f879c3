/* test_isbn.c: ISBN check digits and ISBN-10 to ISBN-13 conversion. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "media/isbn.h"

static void valid_isbns_normalize_to_13_digits(void **state)
{
    static const char *cases[][2] = {
        {"978-0-306-40615-7", "9780306406157"},
        {"9780306406157", "9780306406157"},
        {"urn:isbn:978-0-306-40615-7", "9780306406157"},
        {"URN:ISBN:0306406152", "9780306406157"},
        {"ISBN 0-306-40615-2", "9780306406157"},
        {"isbn:0 306 40615 2", "9780306406157"},
        {"0-8044-2957-X", "9780804429573"},
        {"080442957x", "9780804429573"},
        {"979-10-90636-07-1", "9791090636071"},
    };
    char out[14];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(isbn_normalize(cases[i][0], out), 0);
        assert_string_equal(out, cases[i][1]);
    }
}

static void invalid_isbns_are_refused(void **state)
{
    static const char *cases[] = {
        "978-0-306-40615-8", /* wrong check digit */
        "0-306-40615-3",     /* wrong check digit */
        "977-0-306-40615-7", /* not a book prefix */
        "X306406152",        /* X only as the last ISBN-10 digit */
        "97803064061579",    /* too long */
        "030640615",         /* too short */
        "urn:uuid:1234",     "", "978030640615X",
    };
    char out[14];

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(isbn_normalize(cases[i], out), -1);
        assert_string_equal(out, "");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_isbns_normalize_to_13_digits),
        cmocka_unit_test(invalid_isbns_are_refused),
    };

    return cmocka_run_group_tests_name("media/isbn", tests, NULL, NULL);
}
