/* test_range.c: the Range header forms, edges and refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "http/range.h"

static void check(const char *h, long long size, enum range_outcome want, long long ws,
                  long long wl)
{
    long long s = -1, l = -1;

    assert_int_equal(range_parse(h, size, &s, &l), want);
    if (want == RANGE_OK) {
        assert_int_equal(s, ws);
        assert_int_equal(l, wl);
    }
}

static void forms(void **state)
{
    check("bytes=0-99", 1000, RANGE_OK, 0, 100);
    check("bytes=900-", 1000, RANGE_OK, 900, 100);
    check("bytes=-100", 1000, RANGE_OK, 900, 100);
    check("bytes=990-5000", 1000, RANGE_OK, 990, 10);
    check("bytes=-5000", 1000, RANGE_OK, 0, 1000);
    check("bytes=5-5", 1000, RANGE_OK, 5, 1);
}

static void ignored(void **state)
{
    check(NULL, 1000, RANGE_NONE, 0, 0);
    check("items=0-1", 1000, RANGE_NONE, 0, 0);
    check("bytes=0-1,5-6", 1000, RANGE_NONE, 0, 0);
    check("bytes=abc", 1000, RANGE_NONE, 0, 0);
    check("bytes=9-3", 1000, RANGE_NONE, 0, 0);
    check("bytes=-", 1000, RANGE_NONE, 0, 0);
    check("bytes=99999999999999999999-", 1000, RANGE_NONE, 0, 0);
}

static void unsatisfiable(void **state)
{
    check("bytes=1000-", 1000, RANGE_UNSATISFIABLE, 0, 0);
    check("bytes=-0", 1000, RANGE_UNSATISFIABLE, 0, 0);
    check("bytes=0-", 0, RANGE_UNSATISFIABLE, 0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(forms),
        cmocka_unit_test(ignored),
        cmocka_unit_test(unsatisfiable),
    };

    return cmocka_run_group_tests_name("http/range", tests, NULL, NULL);
}
