/* test_arena.c: the request arena: alignment, growth, large pieces, cleanup order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"

static void alloc_is_aligned_and_usable(void **state)
{
    struct arena *a = arena_new();

    for (size_t n = 1; n < 200; n += 7) {
        unsigned char *p = arena_alloc(a, n);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 0xab, n);
    }
    arena_free(a);
}

static void grows_past_one_block(void **state)
{
    struct arena *a = arena_new();
    char *first = arena_strdup(a, "first");

    for (int i = 0; i < 10000; i++)
        arena_alloc(a, 64);
    assert_string_equal(first, "first");
    assert_true(arena_used(a) >= 640000);
    arena_free(a);
}

static void large_piece_keeps_current_block(void **state)
{
    struct arena *a = arena_new();
    char *small1 = arena_alloc(a, 16);
    char *big = arena_alloc(a, 1 << 20);
    char *small2 = arena_alloc(a, 16);

    memset(big, 1, 1 << 20);
    /* the small pieces still come from the same block, one after the other */
    assert_ptr_equal(small2, small1 + 16);
    arena_free(a);
}

static void printf_and_strndup(void **state)
{
    struct arena *a = arena_new();

    assert_string_equal(arena_printf(a, "%s-%d", "book", 42), "book-42");
    assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
    assert_string_equal(arena_strndup(a, "", 0), "");
    char *z = arena_zalloc(a, 32);
    for (int i = 0; i < 32; i++)
        assert_int_equal(z[i], 0);
    arena_free(a);
}

static int order[4];
static int n_order;

static void record(void *p)
{
    order[n_order++] = *(int *)p;
}

static void cleanups_run_last_in_first_out(void **state)
{
    struct arena *a = arena_new();
    static int one = 1, two = 2, three = 3;

    n_order = 0;
    arena_defer(a, record, &one);
    arena_defer(a, record, &two);
    arena_defer(a, record, &three);
    assert_int_equal(n_order, 0);
    arena_free(a);
    assert_int_equal(n_order, 3);
    assert_int_equal(order[0], 3);
    assert_int_equal(order[1], 2);
    assert_int_equal(order[2], 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(alloc_is_aligned_and_usable),     cmocka_unit_test(grows_past_one_block),
        cmocka_unit_test(large_piece_keeps_current_block), cmocka_unit_test(printf_and_strndup),
        cmocka_unit_test(cleanups_run_last_in_first_out),
    };

    return cmocka_run_group_tests_name("core/arena", tests, NULL, NULL);
}
