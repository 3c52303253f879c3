/* test_catalog.c: slugs, ids and ETags of the catalog. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "service/catalog.h"

static void test_unique_slug(void **state)
{
    struct arena *a = arena_new();
    const char *taken[] = {"alice", "alice-2", "alice-in-wonderland"};
    const char *reserved[] = {"new", "featured", NULL};

    (void)state;
    assert_string_equal(catalog_unique_slug(a, "bob", taken, 3, reserved, 80), "bob");
    assert_string_equal(catalog_unique_slug(a, "alice", taken, 3, reserved, 80), "alice-3");
    assert_string_equal(catalog_unique_slug(a, "new", taken, 3, reserved, 80), "new-2");
    assert_string_equal(catalog_unique_slug(a, "new", NULL, 0, NULL, 80), "new");
    arena_free(a);
}

static void test_slug_valid(void **state)
{
    (void)state;
    assert_true(catalog_slug_valid("science-fiction"));
    assert_true(catalog_slug_valid("top-10"));
    assert_false(catalog_slug_valid("1984"));
    assert_false(catalog_slug_valid("-a"));
    assert_false(catalog_slug_valid("a-"));
    assert_false(catalog_slug_valid("a--b"));
    assert_false(catalog_slug_valid("A"));
    assert_false(catalog_slug_valid("a b"));
    assert_false(catalog_slug_valid(""));
}

static void test_parse_id(void **state)
{
    long long id = 0;

    (void)state;
    assert_true(catalog_parse_id("42", &id));
    assert_int_equal(id, 42);
    assert_false(catalog_parse_id("0", &id));
    assert_false(catalog_parse_id("-1", &id));
    assert_false(catalog_parse_id("4x", &id));
    assert_false(catalog_parse_id("99999999999999999999", &id));
    assert_false(catalog_parse_id("", &id));
    assert_false(catalog_parse_id(NULL, &id));
}

static void test_etag(void **state)
{
    struct arena *a = arena_new();
    const char *e1 = catalog_etag(a, "{\"a\":1}", 7), *e2 = catalog_etag(a, "{\"a\":2}", 7);

    (void)state;
    assert_int_equal(strlen(e1), 18);
    assert_true(e1[0] == '"' && e1[17] == '"');
    assert_string_equal(e1, catalog_etag(a, "{\"a\":1}", 7));
    assert_string_not_equal(e1, e2);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unique_slug),
        cmocka_unit_test(test_slug_valid),
        cmocka_unit_test(test_parse_id),
        cmocka_unit_test(test_etag),
    };

    return cmocka_run_group_tests_name("service/catalog", tests, NULL, NULL);
}
