/* test_writer_gate.c: the FIFO writer lock of db/writer_gate.c: order, hand-off, timeouts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include "db/writer_gate.h"

struct turn {
    struct writer_gate *g;
    int id;
    int *order;
    atomic_int *served;
    int rc;
};

static void *take_turn(void *arg)
{
    struct turn *t = arg;

    t->rc = writer_gate_enter(t->g, 60000);
    if (t->rc == 0) {
        t->order[atomic_fetch_add(t->served, 1)] = t->id;
        writer_gate_leave(t->g);
    }
    return NULL;
}

/* Waits until "n" threads stand in line (no clock involved: it yields until they do). */
static void until_waiting(struct writer_gate *g, int n)
{
    while (writer_gate_waiting(g) < n)
        sched_yield();
}

static void test_waiters_served_in_arrival_order(void **state)
{
    struct writer_gate *g = writer_gate_get("/tmp/gate-order.db");
    int order[5] = {0};
    atomic_int served = 0;
    struct turn t[5];
    pthread_t th[5];

    (void)state;
    assert_int_equal(writer_gate_enter(g, 0), 0);
    for (int i = 0; i < 5; i++) {
        t[i] = (struct turn){g, i + 1, order, &served, -1};
        assert_int_equal(pthread_create(&th[i], NULL, take_turn, &t[i]), 0);
        until_waiting(g, i + 1);
    }
    writer_gate_leave(g);
    for (int i = 0; i < 5; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(t[i].rc, 0);
    }
    for (int i = 0; i < 5; i++)
        assert_int_equal(order[i], i + 1);
    assert_int_equal(writer_gate_waiting(g), 0);
    writer_gate_put(g);
}

static void test_same_path_same_gate(void **state)
{
    struct writer_gate *a = writer_gate_get("/tmp/gate-same.db");
    struct writer_gate *b = writer_gate_get("/tmp/gate-same.db");
    struct writer_gate *other = writer_gate_get("/tmp/gate-other.db");

    (void)state;
    assert_ptr_equal(a, b);
    assert_ptr_not_equal(a, other);
    assert_int_equal(writer_gate_enter(a, 0), 0);
    assert_int_equal(writer_gate_enter(b, 0), -1);    /* held: no wait allowed */
    assert_int_equal(writer_gate_enter(other, 0), 0); /* another file is not blocked */
    writer_gate_leave(other);
    writer_gate_leave(a);
    assert_int_equal(writer_gate_enter(b, 0), 0);
    writer_gate_leave(b);
    writer_gate_put(a);
    writer_gate_put(b);
    writer_gate_put(other);
}

static void test_timed_out_waiter_leaves_the_line(void **state)
{
    struct writer_gate *g = writer_gate_get("/tmp/gate-timeout.db");
    int order[2] = {0};
    atomic_int served = 0;
    struct turn late = {g, 2, order, &served, -1};
    pthread_t th;

    (void)state;
    assert_int_equal(writer_gate_enter(g, 0), 0);
    assert_int_equal(writer_gate_enter(g, 1), -1); /* gives up and leaves no trace */
    assert_int_equal(writer_gate_waiting(g), 0);
    assert_int_equal(pthread_create(&th, NULL, take_turn, &late), 0);
    until_waiting(g, 1);
    writer_gate_leave(g);
    pthread_join(th, NULL);
    assert_int_equal(late.rc, 0);
    assert_int_equal(order[0], 2);
    assert_int_equal(writer_gate_enter(g, 0), 0); /* free again */
    writer_gate_leave(g);
    writer_gate_put(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_waiters_served_in_arrival_order),
        cmocka_unit_test(test_same_path_same_gate),
        cmocka_unit_test(test_timed_out_waiter_leaves_the_line),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
