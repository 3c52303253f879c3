/*
 * test_catalog_front.c: the catalog's LRU in front of the shared cache (hits, misses, bound,
 * lifetime, generations) over the memory cache, and the generation kept by pub/sub across two
 * fronts on a real Redis (MANGU_TEST_REDIS_URL; skipped without it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/catalog.h"
#include "api/refresh.h"
#include "app/app.h"
#include "cache/cache.h"
#include "cache/driver.h"
#include "core/err.h"
#include "service/catalog.h"
#include "core/flight.h"
#include "service/catalog_front.h"

static long long fake_ms = 1000000;

static long long fake_clock(void *arg)
{
    (void)arg;
    return fake_ms;
}

/* One process: its shared cache, its front and a request. */
struct proc {
    struct config cfg;
    struct app app;
    struct ctx cx;
};

static void proc_open(struct proc *p, const char *redis_url, const char *prefix, size_t lru)
{
    struct buf why = BUF_INIT;

    memset(p, 0, sizeof(*p));
    p->cfg.cache_prefix = (char *)prefix;
    p->cfg.redis_url = (char *)redis_url;
    assert_int_equal(cache_open(&p->cfg, &p->app.cache, &why), 0);
    buf_release(&why);
    p->app.cfg = &p->cfg;
    p->app.catalog_front = catalog_front_test_new(p->app.cache, lru);
    catalog_front_test_set_clock(p->app.catalog_front, fake_clock, NULL);
    catalog_test_set_clock(fake_clock, NULL);
    p->cx.app = &p->app;
    p->cx.arena = arena_new();
}

static void proc_close(struct proc *p)
{
    catalog_front_stop(p->app.catalog_front);
    cache_close(p->app.cache);
    arena_free(p->cx.arena);
}

/* Stores a document with body "body" under "key" through the catalog service. */
static void put(struct proc *p, const char *key, const char *body, int ttl)
{
    struct catalog_doc d = {
        .etag = catalog_etag(p->cx.arena, body, strlen(body)), .body = body, .len = strlen(body)};

    catalog_cache_put(&p->cx, key, &d, ttl);
}

/* The body the catalog service finds under "key", or NULL on a miss. */
static const char *got(struct proc *p, const char *key)
{
    struct catalog_doc d;

    if (catalog_cache_get(&p->cx, key, 60, &d) != 0)
        return NULL;
    return arena_strndup(p->cx.arena, d.body, d.len);
}

/* Removes "key" from the shared cache only: what is still found came from the front. */
static void forget_shared(struct proc *p, const char *key)
{
    assert_int_equal(cache_del(p->app.cache, key), 0);
}

static void test_miss_then_hit(void **state)
{
    struct proc p;

    (void)state;
    proc_open(&p, NULL, "t:", 1 << 20);
    const char *key = catalog_cache_key(&p.cx, "featured_books:24");
    assert_non_null(key);
    assert_null(got(&p, key));
    put(&p, key, "{\"items\":[1]}", 300);
    forget_shared(&p, key);
    assert_string_equal(got(&p, key), "{\"items\":[1]}"); /* from the front */
    proc_close(&p);
}

static void test_shared_hit_is_copied(void **state)
{
    struct proc p, other;

    (void)state;
    proc_open(&p, NULL, "t:", 1 << 20);
    proc_open(&other, NULL, "t:", 1 << 20);
    const char *key = catalog_cache_key(&p.cx, "book:dune");
    struct catalog_doc d = {.etag = catalog_etag(p.cx.arena, "{}", 2), .body = "{}", .len = 2};
    char *val = arena_printf(p.cx.arena, "%s{}", d.etag);

    /* written by another process: only in the shared cache */
    assert_int_equal(cache_set(p.app.cache, key, val, strlen(val), 60), 0);
    assert_string_equal(got(&p, key), "{}");
    forget_shared(&p, key);
    assert_string_equal(got(&p, key), "{}");
    assert_null(got(&other, key)); /* fronts are per process */
    proc_close(&other);
    proc_close(&p);
}

static void test_not_ours_is_a_miss(void **state)
{
    struct proc p;

    (void)state;
    proc_open(&p, NULL, "t:", 1 << 20);
    const char *key = catalog_cache_key(&p.cx, "new_books:24");
    assert_int_equal(cache_set(p.app.cache, key, "junk", 4, 60), 0);
    assert_null(got(&p, key));
    forget_shared(&p, key);
    assert_null(got(&p, key)); /* never copied into the front */
    proc_close(&p);
}

static void test_bound(void **state)
{
    struct proc p;
    char body[2000], name[32];
    const char *keys[4];
    size_t one;

    (void)state;
    memset(body, 'x', sizeof(body) - 1);
    body[sizeof(body) - 1] = '\0';
    /* room for three documents (each is the ETag, 18 bytes, then the body) */
    one = cache_memory_entry_size(40, 18 + strlen(body));
    proc_open(&p, NULL, "t:", 3 * one + one / 2);
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof(name), "page:%d", i);
        keys[i] = catalog_cache_key(&p.cx, name);
        put(&p, keys[i], body, 60);
        forget_shared(&p, keys[i]);
    }
    assert_null(got(&p, keys[0])); /* the least recently used left */
    for (int i = 1; i < 4; i++)
        assert_non_null(got(&p, keys[i]));
    proc_close(&p);
}

static void test_lifetime(void **state)
{
    struct proc p;

    (void)state;
    proc_open(&p, NULL, "t:", 1 << 20);
    const char *longer = catalog_cache_key(&p.cx, "trending_books:24");
    const char *shorter = catalog_cache_key(&p.cx, "suggest:ab");
    struct catalog_doc d;
    put(&p, longer, "[1]", 180);
    put(&p, shorter, "[2]", 3);
    forget_shared(&p, longer);
    forget_shared(&p, shorter);
    fake_ms += 3000;
    assert_int_equal(catalog_cache_get(&p.cx, shorter, 3, &d), 0);
    assert_true(d.stale); /* past its lifetime: kept as long again, marked stale */
    assert_int_equal(catalog_cache_get(&p.cx, longer, 180, &d), 0);
    assert_false(d.stale);
    fake_ms += 3000;
    assert_null(got(&p, shorter)); /* never beyond twice the answer's own lifetime */
    assert_non_null(got(&p, longer));
    fake_ms += (CATALOG_FRONT_TTL - 6) * 1000;
    assert_null(got(&p, longer)); /* nor beyond the front's */
    proc_close(&p);
}

static void test_generation_change(void **state)
{
    struct proc p;

    (void)state;
    proc_open(&p, NULL, "t:", 1 << 20);
    const char *before = catalog_cache_key(&p.cx, "featured_books:24");
    put(&p, before, "[\"old\"]", 300);
    catalog_changed(&p.cx);
    const char *after = catalog_cache_key(&p.cx, "featured_books:24");
    assert_string_not_equal(before, after);
    assert_null(got(&p, after)); /* the old answer is out of reach at once */
    proc_close(&p);
}

/* A write whose bump failed: the cache is bypassed until the bump is made. */
static void test_failed_bump_is_owed(void **state)
{
    struct proc p;

    (void)state;
    proc_open(&p, NULL, "t:", 1 << 20);
    const char *before = catalog_cache_key(&p.cx, "featured_books:24");
    put(&p, before, "[\"old\"]", 300);
    /* a counter that cannot be incremented stands in for a cache that fails the bump */
    assert_int_equal(cache_set(p.app.cache, "catalog_gen", "x", 1, 0), 0);
    catalog_changed(&p.cx);
    assert_null(catalog_cache_key(&p.cx, "featured_books:24"));
    assert_null(catalog_cache_key(&p.cx, "featured_books:24")); /* still owed */
    assert_int_equal(cache_set(p.app.cache, "catalog_gen", "9000", 4, 0), 0);
    const char *after = catalog_cache_key(&p.cx, "featured_books:24"); /* made now */
    assert_non_null(after);
    assert_string_equal(after, "featured_books:v9001:24");
    assert_string_equal(catalog_cache_key(&p.cx, "featured_books:24"), after);
    proc_close(&p);
}

static void test_disabled(void **state)
{
    struct proc p;

    (void)state;
    proc_open(&p, NULL, "t:", 0);
    const char *key = catalog_cache_key(&p.cx, "featured_books:24");
    put(&p, key, "[]", 60);
    assert_non_null(got(&p, key));
    forget_shared(&p, key);
    assert_null(got(&p, key));
    proc_close(&p);
}

/*
 * Over the memory cache the front holds only this process's own answers (searches): a flood of
 * them stays in its LRU and cannot push the catalog's pages out of the memory cache, and a
 * page is not copied into the LRU beside the memory cache.
 */
static void test_memory_keeps_local_answers_apart(void **state)
{
    struct proc p;
    char body[1024];

    (void)state;
    memset(&p, 0, sizeof(p));
    p.cfg.cache_prefix = "t:";
    p.cfg.cache_max_bytes = 32 * 1024;
    struct buf why = BUF_INIT;
    assert_int_equal(cache_open(&p.cfg, &p.app.cache, &why), 0);
    buf_release(&why);
    p.app.cfg = &p.cfg;
    p.app.catalog_front = catalog_front_start(p.app.cache, 16 * 1024);
    p.cx.app = &p.app;
    p.cx.arena = arena_new();

    const char *page = catalog_cache_key(&p.cx, "trending_books:24");
    put(&p, page, "{\"items\":[7]}", 180);
    memset(body, 'x', sizeof(body) - 1);
    body[sizeof(body) - 1] = '\0';
    const char *key = NULL;
    for (int i = 0; i < 200; i++) { /* 200 KB of searches: six times the memory cache */
        key = catalog_cache_key(&p.cx, arena_printf(p.cx.arena, "search:%d", i));
        struct catalog_doc d = {.etag = catalog_etag(p.cx.arena, body, strlen(body)),
                                .body = body,
                                .len = strlen(body)};
        catalog_local_put(&p.cx, key, &d, 60);
    }
    assert_string_equal(got(&p, page), "{\"items\":[7]}");
    struct catalog_doc last;
    assert_int_equal(catalog_local_get(&p.cx, key, 60, &last), 0);
    char *raw;
    size_t len;
    assert_int_equal(cache_get(p.app.cache, p.cx.arena, key, &raw, &len), ERR_NOT_FOUND);
    forget_shared(&p, page);
    assert_null(got(&p, page)); /* never copied into the LRU */
    assert_false(catalog_front_copies(p.app.catalog_front));
    proc_close(&p);
}

/* A page whose lifetime ran out: one request rebuilds it, the others get the stale copy at once. */
static void test_stale_served_while_rebuilt(void **state)
{
    struct proc p;
    struct catalog_doc d;
    int lead, other;

    (void)state;
    proc_open(&p, NULL, "t:", 1 << 20);
    const char *key = catalog_cache_key(&p.cx, "trending_books:24");
    put(&p, key, "[\"old\"]", 180);
    assert_int_equal(api_catalog_lookup(&p.cx, key, 180, &d, &lead), 0);
    assert_int_equal(lead, -1);
    assert_false(d.stale);
    fake_ms += 181 * 1000;
    assert_int_equal(api_catalog_lookup(&p.cx, key, 180, &d, &lead), ERR_NOT_FOUND);
    assert_true(lead >= 0); /* this one rebuilds it */
    assert_int_equal(api_catalog_lookup(&p.cx, key, 180, &d, &other), 0);
    assert_int_equal(other, -1);
    assert_true(d.stale);
    assert_int_equal(d.len, strlen("[\"old\"]"));
    assert_memory_equal(d.body, "[\"old\"]", d.len);
    put(&p, key, "[\"new\"]", 180);
    flight_leave(lead);
    assert_int_equal(api_catalog_lookup(&p.cx, key, 180, &d, &other), 0);
    assert_false(d.stale);
    assert_memory_equal(d.body, "[\"new\"]", d.len);
    fake_ms += 361 * 1000; /* nobody asked for twice its lifetime: a plain miss, built at once */
    cache_test_set_clock(p.app.cache, fake_clock, NULL);
    assert_int_equal(api_catalog_lookup(&p.cx, key, 180, &d, &lead), ERR_NOT_FOUND);
    assert_true(lead >= 0);
    flight_leave(lead);
    proc_close(&p);
}

/* A row read in the last quarter of its lifetime: served at once, rebuilt on the refresher. */

static int row_builds;

static int build_counted(struct ctx *cx, void *arg, json_t **out)
{
    (void)cx;
    row_builds++;
    *out = json_pack("{s:i, s:i}", "build", row_builds, "limit", *(int *)arg);
    return 0;
}

static const char *no_value(void *impl, const char *name)
{
    (void)impl;
    (void)name;
    return NULL;
}

/* One anonymous read of the row through the API's cache; its body. */
static const char *read_row(struct proc *p)
{
    struct http_request req = {.method = HTTP_GET, .header_fn = no_value, .query_fn = no_value};
    struct http_response res;
    int limit = 12;

    http_response_init(&res, p->cx.arena);
    assert_int_equal(api_catalog_cached_ahead(&p->cx, &req, &res, "trending_books:12", 180,
                                              build_counted, &limit, sizeof(limit)),
                     0);
    assert_int_equal(res.status, 200);
    return arena_strndup(p->cx.arena, res.body, res.body_len);
}

static void wait_refreshed(unsigned long long before)
{
    for (int i = 0; i < 500 && api_refresh_count() == before; i++)
        usleep(10 * 1000);
    assert_int_equal(api_refresh_count(), before + 1);
}

static void test_due_rebuilt_ahead(void **state)
{
    struct proc p;
    int slot;

    (void)state;
    row_builds = 0;
    proc_open(&p, NULL, "t:", 1 << 20);
    const char *key = catalog_cache_key(&p.cx, "trending_books:12");
    assert_int_equal(api_refresh_start(&p.app), 0);
    assert_string_equal(read_row(&p), "{\"build\":1,\"limit\":12}"); /* a miss: built inline */
    fake_ms += 130 * 1000;
    assert_string_equal(read_row(&p), "{\"build\":1,\"limit\":12}");
    assert_int_equal(row_builds, 1); /* 50 s of 180 left: not due */
    fake_ms += 10 * 1000;
    unsigned long long before = api_refresh_count();
    assert_string_equal(read_row(&p), "{\"build\":1,\"limit\":12}"); /* due: served as it is */
    wait_refreshed(before);
    assert_int_equal(row_builds, 2);
    assert_false(catalog_refresh_claim(&p.cx, key, 180)); /* the refresher holds this window */
    assert_string_equal(read_row(&p), "{\"build\":2,\"limit\":12}");
    assert_true(flight_try(key, &slot)); /* the refresher left the flight */
    flight_leave(slot);
    api_refresh_stop();

    fake_ms += 140 * 1000; /* due again, with no refresher: nothing queued, no slot kept */
    assert_string_equal(read_row(&p), "{\"build\":2,\"limit\":12}");
    assert_int_equal(row_builds, 2);
    assert_true(flight_try(key, &slot));
    flight_leave(slot);
    fake_ms += 41 * 1000; /* stale: this reader rebuilds it, as before the refresher */
    assert_string_equal(read_row(&p), "{\"build\":3,\"limit\":12}");
    proc_close(&p);
}

/* Redis: two processes' fronts on one prefix. */

static const char *redis_url(void)
{
    const char *u = getenv("MANGU_TEST_REDIS_URL");

    if (!u || !*u)
        skip();
    return u;
}

static void wait_live(struct proc *p)
{
    for (int i = 0; i < 200 && !catalog_front_test_live(p->app.catalog_front); i++)
        usleep(10000);
    assert_true(catalog_front_test_live(p->app.catalog_front));
}

static unsigned long long round_trips(struct proc *p)
{
    struct cache_stats st;

    cache_get_stats(p->app.cache, &st);
    return st.hits + st.misses + st.errors;
}

static void test_redis_generation_follows(void **state)
{
    const char *url = redis_url();
    char prefix[48];
    struct proc a, b;

    (void)state;
    snprintf(prefix, sizeof(prefix), "tf%ld%d:", (long)time(NULL), (int)getpid());
    proc_open(&a, url, prefix, 1 << 20);
    proc_open(&b, url, prefix, 1 << 20);
    wait_live(&a);
    wait_live(&b);
    const char *key = catalog_cache_key(&b.cx, "featured_books:24");
    put(&b, key, "[\"old\"]", 300);
    unsigned long long before = round_trips(&b);
    for (int i = 0; i < 50; i++)
        assert_string_equal(catalog_cache_key(&b.cx, "featured_books:24"), key);
    assert_string_equal(got(&b, key), "[\"old\"]");
    assert_int_equal(round_trips(&b), before); /* no Redis call for a cached read */
    const char *mine = catalog_cache_key(&a.cx, "featured_books:24");
    catalog_changed(&a.cx); /* a write in the other process */
    /* the writer's own copy moves before catalog_changed() returns, not when it hears of it */
    assert_string_not_equal(catalog_cache_key(&a.cx, "featured_books:24"), mine);
    const char *now = key;
    for (int i = 0; i < 200 && strcmp(now, key) == 0; i++) {
        usleep(10000);
        now = catalog_cache_key(&b.cx, "featured_books:24");
    }
    assert_string_not_equal(now, key); /* told within 2 s */
    assert_null(got(&b, now));
    proc_close(&b);
    proc_close(&a);
}

/* Two processes find the same row due: only the first rebuilds it. */
static void test_redis_one_refresh_claim(void **state)
{
    struct proc a, b;
    const char *url = redis_url();
    char prefix[64];

    (void)state;
    snprintf(prefix, sizeof(prefix), "t%d-claim:", (int)getpid());
    proc_open(&a, url, prefix, 1 << 20);
    proc_open(&b, url, prefix, 1 << 20);
    const char *key = catalog_cache_key(&a.cx, "trending_books:12");
    assert_true(catalog_refresh_claim(&a.cx, key, 180));
    assert_false(catalog_refresh_claim(&b.cx, key, 180));
    assert_false(catalog_refresh_claim(&a.cx, key, 180));
    assert_true(catalog_refresh_claim(&b.cx, catalog_cache_key(&b.cx, "new_books:12"), 180));
    proc_close(&b);
    proc_close(&a);
}


int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_miss_then_hit),
        cmocka_unit_test(test_shared_hit_is_copied),
        cmocka_unit_test(test_not_ours_is_a_miss),
        cmocka_unit_test(test_bound),
        cmocka_unit_test(test_lifetime),
        cmocka_unit_test(test_generation_change),
        cmocka_unit_test(test_failed_bump_is_owed),
        cmocka_unit_test(test_disabled),
        cmocka_unit_test(test_memory_keeps_local_answers_apart),
        cmocka_unit_test(test_stale_served_while_rebuilt),
        cmocka_unit_test(test_due_rebuilt_ahead),
        cmocka_unit_test(test_redis_generation_follows),
        cmocka_unit_test(test_redis_one_refresh_claim),
    };

    return cmocka_run_group_tests_name("service/catalog_front", tests, NULL, NULL);
}
