/* test_ticker.c: the periodic thread calls at once, keeps its interval and stops promptly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "core/ticker.h"

static atomic_int calls;

static void count(void *arg)
{
    atomic_fetch_add(&calls, 1);
    atomic_store((atomic_int *)arg, 1);
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

/* The first call comes at once, not after the first interval. */
static void calls_at_start(void **state)
{
    atomic_int seen = 0;
    struct ticker *t = ticker_start(count, &seen, 60 * 60 * 1000);

    assert_non_null(t);
    for (int i = 0; i < 500 && !atomic_load(&seen); i++)
        sleep_ms(10);
    assert_int_equal(atomic_load(&seen), 1);
    ticker_stop(t);
}

/* Stopping wakes the thread out of an hour's wait: the test would hang otherwise. */
static void stop_does_not_wait_for_the_interval(void **state)
{
    atomic_int seen = 0;
    struct ticker *t = ticker_start(count, &seen, 60 * 60 * 1000);

    while (!atomic_load(&seen))
        sleep_ms(1);
    atomic_store(&calls, 0);
    ticker_stop(t);
    assert_int_equal(atomic_load(&calls), 0); /* no extra call on the way out */
}

/* A short interval calls again and again; the count is read under the ticker's lock. */
static void calls_repeatedly(void **state)
{
    atomic_int seen = 0;
    struct ticker *t = ticker_start(count, &seen, 1);

    for (int i = 0; i < 1000 && ticker_calls(t) < 5; i++)
        sleep_ms(5);
    assert_true(ticker_calls(t) >= 5);
    ticker_stop(t);
}

static void stopping_null_is_harmless(void **state)
{
    ticker_stop(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(calls_at_start),
        cmocka_unit_test(stop_does_not_wait_for_the_interval),
        cmocka_unit_test(calls_repeatedly),
        cmocka_unit_test(stopping_null_is_harmless),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
