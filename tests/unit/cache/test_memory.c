/* test_memory.c: the in-process cache: values, expiry on a fake clock, LRU bound, counters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "cache/driver.h"
#include "core/err.h"

#define PREFIX "t:"

static long long fake_ms = 1000000;

static long long fake_clock(void *arg)
{
    (void)arg;
    return fake_ms;
}

/* A memory cache bounded by "max_bytes" on the fake clock. */
static struct cache *open_mem(size_t max_bytes)
{
    struct config cfg;
    struct buf why = BUF_INIT;
    struct cache *c = NULL;

    memset(&cfg, 0, sizeof(cfg));
    cfg.cache_prefix = PREFIX;
    cfg.cache_max_bytes = max_bytes;
    assert_int_equal(cache_open(&cfg, &c, &why), 0);
    buf_release(&why);
    cache_test_set_clock(c, fake_clock, NULL);
    return c;
}

/* The charge for the key "key" (prefix included) holding "vlen" bytes. */
static size_t charge(const char *key, size_t vlen)
{
    return cache_memory_entry_size(strlen(PREFIX) + strlen(key), vlen);
}

static int present(struct cache *c, const char *key)
{
    struct arena *a = arena_new();
    char *val;
    size_t len;
    int rc = cache_get(c, a, key, &val, &len);

    arena_free(a);
    return rc == 0;
}

/* Stores "len" bytes of 'v' (at most 128) under "key" for 60 s. */
static void set_v(struct cache *c, const char *key, size_t len)
{
    char v[128];

    assert_true(len <= sizeof(v));
    memset(v, 'v', sizeof(v));
    assert_int_equal(cache_set(c, key, v, len, 60), 0);
}

static void set_str(struct cache *c, const char *key, const char *val, int ttl)
{
    assert_int_equal(cache_set(c, key, val, strlen(val), ttl), 0);
}

static void test_get_set_del(void **state)
{
    struct cache *c = open_mem(0);
    struct arena *a = arena_new();
    char *val;
    size_t len;

    (void)state;
    assert_string_equal(cache_driver_name(c), "memory");
    assert_int_equal(cache_get(c, a, "book:1", &val, &len), ERR_NOT_FOUND);
    set_str(c, "book:1", "hello", 60);
    assert_int_equal(cache_get(c, a, "book:1", &val, &len), 0);
    assert_int_equal(len, 5);
    assert_string_equal(val, "hello");
    assert_int_equal(cache_set(c, "bin", "a\0b", 3, 60), 0);
    assert_int_equal(cache_get(c, a, "bin", &val, &len), 0);
    assert_int_equal(len, 3);
    assert_memory_equal(val, "a\0b\0", 4);
    assert_int_equal(cache_del(c, "book:1"), 0);
    assert_int_equal(cache_get(c, a, "book:1", &val, &len), ERR_NOT_FOUND);
    assert_int_equal(cache_del(c, "book:1"), 0);
    arena_free(a);
    cache_close(c);
}

static void test_long_key(void **state)
{
    struct cache *c = open_mem(0);
    char key[1000];

    (void)state;
    memset(key, 'k', sizeof(key) - 1);
    key[sizeof(key) - 1] = '\0';
    set_str(c, key, "v", 60);
    assert_true(present(c, key));
    key[500] = 'x';
    assert_false(present(c, key));
    cache_close(c);
}

static void test_ttl_expiry(void **state)
{
    struct cache *c = open_mem(0);
    struct cache_stats st;

    (void)state;
    set_str(c, "short", "v", 2);
    set_str(c, "forever", "v", 0);
    fake_ms += 1999;
    assert_true(present(c, "short"));
    fake_ms += 1;
    assert_false(present(c, "short"));
    cache_get_stats(c, &st);
    assert_int_equal(st.entries, 1); /* removed when found expired */
    assert_int_equal(st.bytes, charge("forever", 1));
    fake_ms += 1000LL * 86400 * 365;
    assert_true(present(c, "forever"));
    cache_close(c);
}

/* cache_add: set-if-absent; an expired key counts as absent. */
static void test_add(void **state)
{
    struct cache *c = open_mem(0);

    (void)state;
    assert_int_equal(cache_add(c, "seen", "1", 1, 2), 0);
    assert_int_equal(cache_add(c, "seen", "2", 1, 2), ERR_CONFLICT);
    assert_true(present(c, "seen"));
    fake_ms += 2000;
    assert_int_equal(cache_add(c, "seen", "3", 1, 2), 0);
    set_str(c, "plain", "v", 60);
    assert_int_equal(cache_add(c, "plain", "w", 1, 60), ERR_CONFLICT);
    cache_close(c);
}

static void test_lru_eviction(void **state)
{
    struct cache *c = open_mem(3 * charge("a", 100));
    struct cache_stats st;

    (void)state;
    set_v(c, "a", 100);
    set_v(c, "b", 100);
    set_v(c, "c", 100);
    assert_true(present(c, "a")); /* now "b" is the least recently used */
    set_v(c, "d", 100);
    assert_false(present(c, "b"));
    assert_true(present(c, "a"));
    assert_true(present(c, "c"));
    assert_true(present(c, "d"));
    /* the order is now a, c, d (oldest first): a bigger value pushes out two */
    set_v(c, "e", 110);
    assert_false(present(c, "a"));
    assert_false(present(c, "c"));
    assert_true(present(c, "d"));
    assert_true(present(c, "e"));
    cache_get_stats(c, &st);
    assert_int_equal(st.entries, 2);
    assert_true(st.bytes <= 3 * charge("a", 100));
    cache_close(c);
}

/* Entries written and never read again (a crawl of list pages) go before those that are read. */
static void test_read_entries_outlast_a_flood(void **state)
{
    char key[16];
    struct cache *c = open_mem(10 * charge("k00", 100));
    struct cache_stats st;

    (void)state;
    set_v(c, "trending", 100);
    set_v(c, "featured", 100);
    assert_true(present(c, "trending"));
    assert_true(present(c, "featured"));
    for (int i = 0; i < 50; i++) { /* five times the bound, each written once */
        snprintf(key, sizeof(key), "k%02d", i);
        set_v(c, key, 100);
    }
    assert_true(present(c, "trending"));
    assert_true(present(c, "featured"));
    assert_true(present(c, "k49")); /* the newest of the flood is still there */
    assert_false(present(c, "k40"));
    cache_get_stats(c, &st);
    assert_true(st.bytes <= 10 * charge("k00", 100));
    /* Read entries keep to their share: reading every one leaves the oldest read to go. */
    for (int i = 0; i < 12; i++) {
        snprintf(key, sizeof(key), "r%02d", i);
        set_v(c, key, 100);
        assert_true(present(c, key));
    }
    assert_false(present(c, "trending"));
    assert_true(present(c, "r11"));
    /* ... and new writes still have room beside them: two in a row both stay. */
    set_v(c, "n1", 100);
    set_v(c, "n2", 100);
    assert_true(present(c, "n1"));
    assert_true(present(c, "n2"));
    cache_get_stats(c, &st);
    assert_true(st.bytes <= 10 * charge("k00", 100));
    cache_close(c);
}

static void test_overwrite_accounting(void **state)
{
    char big[300];
    struct cache *c = open_mem(charge("k", 200));
    struct cache_stats st;

    (void)state;
    memset(big, 'x', sizeof(big));
    assert_int_equal(cache_set(c, "k", big, 100, 60), 0);
    cache_get_stats(c, &st);
    assert_int_equal(st.bytes, charge("k", 100));
    assert_int_equal(cache_set(c, "k", big, 10, 60), 0);
    cache_get_stats(c, &st);
    assert_int_equal(st.bytes, charge("k", 10));
    assert_int_equal(st.entries, 1);
    /* larger than the whole bound: not stored, and the old value is gone */
    assert_int_equal(cache_set(c, "k", big, sizeof(big), 60), 0);
    assert_false(present(c, "k"));
    cache_get_stats(c, &st);
    assert_int_equal(st.bytes, 0);
    assert_int_equal(st.entries, 0);
    cache_close(c);
}

static void test_many_keys(void **state)
{
    struct cache *c = open_mem(0);
    struct cache_stats st;
    size_t want = 0;
    char key[32];

    (void)state;
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof(key), "key:%d", i);
        set_str(c, key, key, 60);
        want += charge(key, strlen(key));
    }
    cache_get_stats(c, &st);
    assert_int_equal(st.entries, 5000);
    assert_int_equal(st.bytes, want);
    for (int i = 0; i < 5000; i += 7) {
        snprintf(key, sizeof(key), "key:%d", i);
        assert_true(present(c, key));
    }
    cache_close(c);
}

/*
 * The charge covers what the entries really take from malloc, hash table included, and not
 * much more (glibc's allocator; under ASan malloc's own counters do not move: skipped).
 */
static void test_charge_is_real(void **state)
{
    struct cache *c = open_mem(64UL << 20);
    struct cache_stats st;
    char key[32], val[300];
    const int n = 4000;

    (void)state;
    memset(val, 'v', sizeof(val));
    struct mallinfo2 before = mallinfo2();
    for (int i = 0; i < n; i++) {
        snprintf(key, sizeof(key), "key:%d", i);
        assert_int_equal(cache_set(c, key, val, (size_t)(i % 300), 60), 0);
    }
    struct mallinfo2 after = mallinfo2();
    size_t used = after.uordblks - before.uordblks;

    cache_get_stats(c, &st);
    cache_close(c);
    if (used < (size_t)n * 64)
        skip();
    assert_true(st.bytes >= used);
    assert_true(st.bytes <= used + used / 10);
}

static void incr(struct cache *c, const char *key, int window, long long want, int want_ttl)
{
    long long n = -1;
    int ttl = -1;

    assert_int_equal(cache_incr(c, key, window, &n, &ttl), 0);
    assert_int_equal(n, want);
    assert_int_equal(ttl, want_ttl);
}

static void test_incr_window(void **state)
{
    struct cache *c = open_mem(0);
    struct arena *a = arena_new();
    char *val;
    size_t len;

    (void)state;
    incr(c, "hits", 60, 1, 60);
    fake_ms += 10500;
    incr(c, "hits", 60, 2, 50); /* 49.5 s left, rounded up */
    assert_int_equal(cache_get(c, a, "hits", &val, &len), 0);
    assert_string_equal(val, "2");
    fake_ms += 49499;
    incr(c, "hits", 60, 3, 1);
    fake_ms += 1;
    incr(c, "hits", 60, 1, 60); /* the window ended: a new one starts */
    for (int i = 2; i <= 12; i++)
        incr(c, "hits", 60, i, 60);
    arena_free(a);
    cache_close(c);
}

static void test_incr_odd_values(void **state)
{
    struct cache *c = open_mem(0);
    long long n;
    int ttl;

    (void)state;
    set_str(c, "plain", "abc", 60);
    assert_int_equal(cache_incr(c, "plain", 60, &n, &ttl), ERR_INVALID);
    set_str(c, "kept", "41", 0); /* a counter with no lifetime gets the window */
    incr(c, "kept", 30, 42, 30);
    incr(c, "tiny", 0, 1, 1); /* a window below 1 s is 1 s */
    cache_close(c);
}

struct worker {
    struct cache *c;
    long long max;
};

static void *on_worker(void *arg)
{
    struct worker *w = arg;

    for (int i = 0; i < 1000; i++) {
        long long n;
        int ttl;

        if (cache_incr(w->c, "shared", 3600, &n, &ttl) != 0)
            return NULL;
        if (n > w->max)
            w->max = n;
    }
    return NULL;
}

static void test_incr_threads(void **state)
{
    struct cache *c = open_mem(0);
    struct worker w[4];
    pthread_t t[4];
    long long top = 0;

    (void)state;
    cache_test_set_clock(c, NULL, NULL); /* the real clock: the fake one is not shared safely */
    for (int i = 0; i < 4; i++) {
        w[i] = (struct worker){c, 0};
        assert_int_equal(pthread_create(&t[i], NULL, on_worker, &w[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        top = w[i].max > top ? w[i].max : top;
    }
    assert_int_equal(top, 4000);
    incr(c, "shared", 3600, 4001, 3600);
    cache_close(c);
}

static void test_stats(void **state)
{
    struct cache *c = open_mem(0);
    struct cache_stats st;
    double ms = -1;

    (void)state;
    set_str(c, "a", "1", 60);
    assert_true(present(c, "a"));
    assert_true(present(c, "a"));
    assert_false(present(c, "b"));
    assert_int_equal(cache_ping(c, &ms), 0);
    assert_true(ms >= 0);
    cache_get_stats(c, &st);
    assert_int_equal(st.hits, 2);
    assert_int_equal(st.misses, 1);
    assert_int_equal(st.errors, 0);
    assert_int_equal(st.entries, 1);
    assert_int_equal(st.bytes, charge("a", 1));
    cache_close(c);
}

int main(void)
{
    /* clang-format off */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_set_del),
        cmocka_unit_test(test_long_key),
        cmocka_unit_test(test_ttl_expiry),
        cmocka_unit_test(test_add),
        cmocka_unit_test(test_lru_eviction),
        cmocka_unit_test(test_read_entries_outlast_a_flood),
        cmocka_unit_test(test_overwrite_accounting),
        cmocka_unit_test(test_charge_is_real),
        cmocka_unit_test(test_many_keys),
        cmocka_unit_test(test_incr_window),
        cmocka_unit_test(test_incr_odd_values),
        cmocka_unit_test(test_incr_threads),
        cmocka_unit_test(test_stats),
    };
    /* clang-format on */

    return cmocka_run_group_tests(tests, NULL, NULL);
}
