/* test_flight.c: one leader per key rebuilds; the others wait for it and are told to re-read. */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "core/flight.h"

#define FOLLOWERS 7

static atomic_int finished; /* followers that returned (a broken flight lets them through) */

static void *follow(void *arg)
{
    int slot;

    *(enum flight *)arg = flight_enter("featured", &slot);
    if (*(enum flight *)arg == FLIGHT_LEAD)
        flight_leave(slot);
    atomic_fetch_add(&finished, 1);
    return NULL;
}

static void followers_wait_for_the_leader(void **state)
{
    pthread_t t[FOLLOWERS];
    enum flight got[FOLLOWERS];
    int slot;

    assert_int_equal(flight_enter("featured", &slot), FLIGHT_LEAD);
    assert_true(slot >= 0);
    for (int i = 0; i < FOLLOWERS; i++)
        pthread_create(&t[i], NULL, follow, &got[i]);
    /* all of them blocked behind the leader, unless they were (wrongly) let through */
    while (flight_waiting() < FOLLOWERS && atomic_load(&finished) < FOLLOWERS)
        sched_yield();
    flight_leave(slot);
    for (int i = 0; i < FOLLOWERS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(got[i], FLIGHT_WAITED);
    }
    assert_int_equal(flight_waiting(), 0);
}

/* flight_try leads only a key nobody leads, and never waits. */
static void trying_never_waits(void **state)
{
    int lead, other;

    (void)state;
    assert_true(flight_try("trending", &lead));
    assert_true(lead >= 0);
    assert_false(flight_try("trending", &other));
    assert_int_equal(other, -1);
    assert_int_equal(flight_enter("new", &other), FLIGHT_LEAD); /* other keys go on */
    flight_leave(other);
    flight_leave(lead);
    assert_true(flight_try("trending", &lead)); /* left, it can be led again */
    flight_leave(lead);
    assert_false(flight_try(NULL, &lead));
}

static void other_keys_do_not_wait(void **state)
{
    int a, b;

    assert_int_equal(flight_enter("trending", &a), FLIGHT_LEAD);
    assert_int_equal(flight_enter("new", &b), FLIGHT_LEAD);
    assert_int_not_equal(a, b);
    flight_leave(a);
    flight_leave(b);
    /* Left, the key can be led again. */
    assert_int_equal(flight_enter("trending", &a), FLIGHT_LEAD);
    flight_leave(a);
}

static void a_full_table_still_lets_callers_build(void **state)
{
    int slots[64], extra;
    char key[16];

    for (int i = 0; i < 64; i++) {
        snprintf(key, sizeof(key), "k%d", i);
        assert_int_equal(flight_enter(key, &slots[i]), FLIGHT_LEAD);
    }
    assert_int_equal(flight_enter("one-more", &extra), FLIGHT_LEAD);
    assert_int_equal(extra, -1);
    flight_leave(extra); /* harmless */
    for (int i = 0; i < 64; i++)
        flight_leave(slots[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(followers_wait_for_the_leader),
        cmocka_unit_test(other_keys_do_not_wait),
        cmocka_unit_test(trying_never_waits),
        cmocka_unit_test(a_full_table_still_lets_callers_build),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
