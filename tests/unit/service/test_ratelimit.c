/* test_ratelimit.c: rule parsing, fixed windows on a fake clock, headers (api/ratelimit.c), the
 * cache-down fallback.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sodium.h>

#include "cache/cache.h"
#include "cache/driver.h"
#include "core/log.h"
#include "api/ratelimit.h"
#include "service/ratelimit.h"

static long long fake_ms = 5000000;

static long long fake_clock(void *arg)
{
    (void)arg;
    return fake_ms;
}

struct fixture {
    struct config cfg;
    struct app app;
    struct arena *arena;
    struct ctx cx;
    struct http_response res;
};

/* An app on the in-process cache with the fake clock, and one request context. */
static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct buf why = BUF_INIT;

    f->cfg.cache_prefix = "t:";
    f->cfg.rate_limit = (struct rate_rule){3, 60};
    assert_int_equal(cache_open(&f->cfg, &f->app.cache, &why), 0);
    cache_test_set_clock(f->app.cache, fake_clock, NULL);
    f->app.cfg = &f->cfg;
    f->arena = arena_new();
    f->cx.app = &f->app;
    f->cx.arena = f->arena;
    f->cx.client_ip = "192.0.2.7";
    http_response_init(&f->res, f->arena);
    buf_release(&why);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    arena_free(f->arena);
    cache_close(f->app.cache);
    free(f);
    return 0;
}

static void windows_parse(void **state)
{
    static const struct {
        const char *s;
        long long limit;
        int window_s;
    } good[] = {{"100/15m", 100, 900}, {"10/1h", 10, 3600}, {"5/30s", 5, 30},
                {"60/m", 60, 60},      {"off", 0, 0},       {"1/168h", 1, 604800}};
    static const char *const bad[] = {
        "",     "100",    "100/",   "100/15", "0/1m",          "-1/1m",
        "1/0m", "1/15d",  "1/169h", "1/1m ",  " 1/1m",         "1/1mm",
        "x/1m", "1e3/1m", "OFF",    "1/-1m",  "2000000000/1s", "1/99999999999999999999h"};
    struct rate_rule r;

    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        assert_int_equal(config_parse_rate(good[i].s, &r), 0);
        assert_int_equal(r.limit, good[i].limit);
        assert_int_equal(r.window_s, good[i].window_s);
    }
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (config_parse_rate(bad[i], &r) == 0)
            fail_msg("'%s' was accepted", bad[i]);
}

static void n_allowed_then_refused(void **state)
{
    struct fixture *f = *state;
    struct rate_rule rule = {5, 60};
    struct ratelimit_result r;

    for (int i = 1; i <= 5; i++) {
        assert_int_equal(ratelimit_hit(&f->app, "api", "a", &rule, &r), 0);
        assert_true(r.allowed);
        assert_int_equal(r.limit, 5);
        assert_int_equal(r.remaining, 5 - i);
        assert_int_equal(r.reset_s, 60);
    }
    assert_int_equal(ratelimit_hit(&f->app, "api", "a", &rule, &r), ERR_RATE_LIMITED);
    assert_false(r.allowed);
    assert_int_equal(r.remaining, 0);
    /* other keys and scopes have their own counts */
    assert_int_equal(ratelimit_hit(&f->app, "api", "b", &rule, &r), 0);
    assert_int_equal(r.remaining, 4);
    assert_int_equal(ratelimit_hit(&f->app, "signup", "a", &rule, &r), 0);
}

static void window_resets(void **state)
{
    struct fixture *f = *state;
    struct rate_rule rule = {2, 10};
    struct ratelimit_result r;

    ratelimit_hit(&f->app, "api", "w", &rule, &r);
    fake_ms += 4000;
    ratelimit_hit(&f->app, "api", "w", &rule, &r);
    assert_int_equal(r.reset_s, 6); /* fixed: the window started with the first hit */
    assert_int_equal(ratelimit_hit(&f->app, "api", "w", &rule, &r), ERR_RATE_LIMITED);
    fake_ms += 5999;
    assert_int_equal(ratelimit_hit(&f->app, "api", "w", &rule, &r), ERR_RATE_LIMITED);
    assert_int_equal(r.reset_s, 1);
    fake_ms += 1;
    assert_int_equal(ratelimit_hit(&f->app, "api", "w", &rule, &r), 0);
    assert_int_equal(r.remaining, 1);
    assert_int_equal(r.reset_s, 10);
}

static void off_allows_everything(void **state)
{
    struct fixture *f = *state;
    struct rate_rule rule = {0, 0};
    struct ratelimit_result r;

    for (int i = 0; i < 50; i++)
        assert_int_equal(ratelimit_hit(&f->app, "api", "off", &rule, &r), 0);
    assert_int_equal(r.limit, 0);
    api_ratelimit_headers(&f->res, &r);
    assert_null(http_response_get_header(&f->res, "RateLimit-Limit"));
}

static void failures_peek_and_clear(void **state)
{
    struct fixture *f = *state;
    struct rate_rule rule = {3, 900};
    struct ratelimit_result r;
    const char *k = ratelimit_account_key(&f->cx, "Reader@Example.COM");

    assert_null(strstr(k, "xample")); /* the address is hashed */
    assert_string_equal(k, ratelimit_account_key(&f->cx, "reader@example.com"));
    assert_non_null(strstr(k, "@192.0.2.7"));
    for (int i = 0; i < 3; i++) {
        assert_int_equal(ratelimit_peek(&f->app, "login", k, &rule, &r), 0);
        assert_int_equal(r.remaining, 3 - i);
        ratelimit_fail(&f->cx, "login", k, &rule);
    }
    assert_int_equal(api_ratelimit_check_failures(&f->cx, &f->res, "login", k, &rule),
                     ERR_RATE_LIMITED);
    assert_int_equal(f->cx.err_code, ERR_RATE_LIMITED);
    assert_string_equal(http_response_get_header(&f->res, "RateLimit-Remaining"), "0");
    int retry = atoi(http_response_get_header(&f->res, "Retry-After"));
    assert_true(retry >= 898 && retry <= 900); /* from the stored end of the window */
    ratelimit_clear(&f->app, "login", k);
    assert_int_equal(ratelimit_peek(&f->app, "login", k, &rule, &r), 0);
    assert_int_equal(r.remaining, 3);
}

static void request_returns_the_numbers(void **state)
{
    struct fixture *f = *state;
    struct ratelimit_result r;

    assert_int_equal(ratelimit_request(&f->cx, &r), 0);
    assert_true(r.allowed);
    assert_int_equal(r.limit, 3);
    assert_int_equal(r.remaining, 2);
    assert_int_equal(r.reset_s, 60);
    assert_null(http_response_get_header(&f->res, "RateLimit-Limit")); /* the service sets none */
    for (int i = 0; i < 2; i++)
        assert_int_equal(ratelimit_request(&f->cx, &r), 0);
    assert_int_equal(ratelimit_request(&f->cx, &r), ERR_RATE_LIMITED);
    assert_false(r.allowed);
    assert_int_equal(r.remaining, 0);
    assert_int_equal(f->cx.err_code, ERR_RATE_LIMITED);
}

static void headers_and_refusal(void **state)
{
    struct fixture *f = *state;

    for (int i = 0; i < 3; i++)
        assert_int_equal(api_ratelimit_request(&f->cx, &f->res), 0);
    assert_string_equal(http_response_get_header(&f->res, "RateLimit-Limit"), "3");
    assert_string_equal(http_response_get_header(&f->res, "RateLimit-Remaining"), "0");
    assert_string_equal(http_response_get_header(&f->res, "RateLimit-Reset"), "60");
    assert_null(http_response_get_header(&f->res, "Retry-After"));
    assert_int_equal(api_ratelimit_request(&f->cx, &f->res), ERR_RATE_LIMITED);
    assert_int_equal(f->cx.err_code, ERR_RATE_LIMITED);
    assert_non_null(strstr(f->cx.err_msg, "too many requests"));
    assert_string_equal(http_response_get_header(&f->res, "Retry-After"), "60");
}

static void ipv6_counts_by_slash_64(void **state)
{
    struct fixture *f = *state;

    f->cx.client_ip = "2001:db8:1:2::1";
    for (int i = 0; i < 3; i++)
        assert_int_equal(api_ratelimit_request(&f->cx, &f->res), 0);
    f->cx.client_ip = "2001:db8:1:2:ffff::9";
    assert_int_equal(api_ratelimit_request(&f->cx, &f->res), ERR_RATE_LIMITED);
    f->cx.client_ip = "2001:db8:1:3::1";
    assert_int_equal(api_ratelimit_request(&f->cx, &f->res), 0);
}

/* A loopback port with nothing listening. */
static int closed_port(void)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(a);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd);
    return ntohs(a.sin_port);
}

static int count_lines(FILE *f, const char *needle)
{
    char line[1024];
    int n = 0;

    rewind(f);
    while (fgets(line, sizeof(line), f))
        n += strstr(line, needle) != NULL;
    return n;
}

static void falls_back_when_the_cache_is_down(void **state)
{
    struct fixture *f = *state;
    struct config cfg = {0};
    struct app app = {0};
    struct buf why = BUF_INIT;
    struct rate_rule rule = {4, 60};
    struct ratelimit_result r;
    char url[64];
    FILE *logf = tmpfile();

    snprintf(url, sizeof(url), "redis://127.0.0.1:%d/0", closed_port());
    cfg.redis_url = url;
    cfg.cache_prefix = "t:";
    assert_int_equal(cache_open(&cfg, &app.cache, &why), 0);
    app.cfg = &cfg;
    log_init(LOG_INFO, fileno(logf));
    for (int i = 1; i <= 4; i++) {
        assert_int_equal(ratelimit_hit(&app, "api", "down", &rule, &r), 0);
        assert_int_equal(r.remaining, 4 - i);
    }
    assert_int_equal(ratelimit_hit(&app, "api", "down", &rule, &r), ERR_RATE_LIMITED);
    assert_int_equal(ratelimit_peek(&app, "api", "down", &rule, &r), ERR_RATE_LIMITED);
    fflush(logf);
    assert_int_equal(count_lines(logf, "rate limits are per process now"), 1);
    /* the shared cache answers again (here: another app on the memory cache) */
    assert_int_equal(ratelimit_hit(&f->app, "api", "up", &rule, &r), 0);
    fflush(logf);
    assert_int_equal(count_lines(logf, "rate limits are shared again"), 1);
    log_init(LOG_INFO, 1);
    fclose(logf);
    cache_close(app.cache);
    buf_release(&why);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(windows_parse),
        cmocka_unit_test_setup_teardown(n_allowed_then_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(window_resets, setup, teardown),
        cmocka_unit_test_setup_teardown(off_allows_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(failures_peek_and_clear, setup, teardown),
        cmocka_unit_test_setup_teardown(request_returns_the_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(headers_and_refusal, setup, teardown),
        cmocka_unit_test_setup_teardown(ipv6_counts_by_slash_64, setup, teardown),
        cmocka_unit_test_setup_teardown(falls_back_when_the_cache_is_down, setup, teardown),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests_name("service/ratelimit", tests, NULL, NULL);
}
