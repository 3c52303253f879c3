/* test_cart.c: cart pricing (percent rounding, fixed amounts spread and capped, book limits,
 * lines not for sale) and the coupon validity rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "service/cart.h"

#define NOW "2026-03-01T12:00:00Z"

static struct cart_line line(long long id, long long price)
{
    struct cart_line l = {.book = {.id = id,
                                   .price_cents = price,
                                   .currency = "USD",
                                   .status = "published",
                                   .title = "t",
                                   .slug = "t"}};
    return l;
}

static void no_coupon_sums_lines_for_sale(void **state)
{
    struct cart_line lines[] = {line(1, 1000), line(2, 250), line(3, 999)};
    struct cart c = {.lines = lines, .n = 3};

    lines[1].owned = true;
    lines[2].book.status = "draft";
    cart_price(&c);
    assert_int_equal(c.n_available, 1);
    assert_int_equal(c.subtotal_cents, 1000);
    assert_int_equal(c.total_cents, 1000);
    assert_string_equal(c.currency, "USD");
    c.n = 0;
    cart_price(&c);
    assert_null(c.currency);
    assert_int_equal(c.total_cents, 0);
}

static void percent_rounds_half_up_per_line(void **state)
{
    struct cart_line lines[] = {line(1, 999), line(2, 1001), line(3, 1)};
    struct coupon cp = {.kind = "percent", .amount = 15, .active = true};
    struct cart c = {.lines = lines, .n = 3, .coupon = &cp};

    cart_price(&c);
    assert_int_equal(lines[0].discount_cents, 150); /* 149.85 */
    assert_int_equal(lines[1].discount_cents, 150); /* 150.15 */
    assert_int_equal(lines[2].discount_cents, 0);   /* 0.15 */
    assert_int_equal(c.discount_cents, 300);
    assert_int_equal(c.total_cents, 2001 - 300);
    cp.amount = 100;
    cart_price(&c);
    assert_int_equal(c.total_cents, 0);
}

static void fixed_is_spread_and_capped(void **state)
{
    struct cart_line lines[] = {line(1, 100), line(2, 200), line(3, 700)};
    struct coupon cp = {.kind = "fixed", .amount = 333, .currency = "USD", .active = true};
    struct cart c = {.lines = lines, .n = 3, .coupon = &cp};

    cart_price(&c);
    assert_int_equal(c.discount_cents, 333);
    assert_int_equal(lines[0].discount_cents + lines[1].discount_cents + lines[2].discount_cents,
                     333);
    assert_true(lines[2].discount_cents >= 233 && lines[2].discount_cents <= 234);
    cp.amount = 5000;
    cart_price(&c);
    assert_int_equal(c.discount_cents, 1000);
    assert_int_equal(c.total_cents, 0);
    for (int i = 0; i < 3; i++)
        assert_int_equal(lines[i].discount_cents, lines[i].book.price_cents);
}

static void book_limits_and_no_eligible_line(void **state)
{
    struct cart_line lines[] = {line(1, 1000), line(2, 2000)};
    long long only[] = {2};
    struct coupon cp = {
        .kind = "percent", .amount = 50, .active = true, .book_ids = only, .n_books = 1};
    struct cart c = {.lines = lines, .n = 2, .coupon = &cp};

    cart_price(&c);
    assert_int_equal(lines[0].discount_cents, 0);
    assert_int_equal(lines[1].discount_cents, 1000);
    assert_null(c.coupon_problem);
    lines[1].owned = true;
    cart_price(&c);
    assert_int_equal(c.discount_cents, 0);
    assert_non_null(c.coupon_problem);
    assert_int_equal(c.total_cents, 1000);
}

static void coupon_rules(void **state)
{
    struct coupon cp = {.kind = "percent", .amount = 10, .active = true};

    assert_null(coupon_problem(&cp, NOW, "USD"));
    cp.starts_at = "2026-03-01T12:00:01Z";
    assert_string_equal(coupon_problem(&cp, NOW, "USD"), "this coupon is not valid yet");
    cp.starts_at = NOW;
    assert_null(coupon_problem(&cp, NOW, "USD"));
    cp.ends_at = NOW;
    assert_string_equal(coupon_problem(&cp, NOW, "USD"), "this coupon has expired");
    cp.ends_at = NULL;
    cp.max_redemptions = 3;
    cp.redemptions = 3;
    assert_string_equal(coupon_problem(&cp, NOW, "USD"), "this coupon has been used up");
    cp.redemptions = 2;
    cp.kind = "fixed";
    cp.currency = "EUR";
    assert_non_null(coupon_problem(&cp, NOW, "USD"));
    assert_null(coupon_problem(&cp, NOW, "EUR"));
    assert_null(coupon_problem(&cp, NOW, NULL));
    cp.active = false;
    assert_string_equal(coupon_problem(&cp, NOW, "EUR"), "this coupon is no longer active");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_coupon_sums_lines_for_sale),
        cmocka_unit_test(percent_rounds_half_up_per_line),
        cmocka_unit_test(fixed_is_spread_and_capped),
        cmocka_unit_test(book_limits_and_no_eligible_line),
        cmocka_unit_test(coupon_rules),
    };

    return cmocka_run_group_tests_name("service/cart", tests, NULL, NULL);
}
