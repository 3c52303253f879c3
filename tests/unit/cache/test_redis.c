/*
 * test_redis.c: the Redis driver against a real redis-server (MANGU_TEST_REDIS_URL), plus URL
 * parsing and fail-fast on a closed port, which need no server. MANGU_TEST_REDIS_SERVER names
 * a redis-server binary for the recovery half of the outage test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cache/cache.h"
#include "core/err.h"
#include "core/log.h"

static const char *test_url;   /* MANGU_TEST_REDIS_URL */
static const char *server_cmd; /* MANGU_TEST_REDIS_SERVER */
static char prefix[64];        /* unique per run */

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int open_url(const char *url, const char *pfx, struct cache **c, struct buf *why)
{
    struct config cfg;

    memset(&cfg, 0, sizeof(cfg));
    cfg.redis_url = (char *)url;
    cfg.cache_prefix = (char *)pfx;
    return cache_open(&cfg, c, why);
}

static struct cache *open_test(const char *pfx)
{
    struct cache *c = NULL;
    struct buf why = BUF_INIT;

    if (!test_url)
        skip();
    assert_int_equal(open_url(test_url, pfx, &c, &why), 0);
    buf_release(&why);
    return c;
}

static int get_str(struct cache *c, const char *key, const char *want)
{
    struct arena *a = arena_new();
    char *val = NULL;
    size_t len = 0;
    int rc = cache_get(c, a, key, &val, &len);

    if (rc == 0 && want) {
        assert_int_equal(len, strlen(want));
        assert_string_equal(val, want);
    }
    arena_free(a);
    return rc;
}

static void bad_url(const char *url, const char *why_has)
{
    struct cache *c = NULL;
    struct buf why = BUF_INIT;

    assert_int_equal(open_url(url, "", &c, &why), -1);
    assert_non_null(why.p);
    assert_non_null(strstr(why.p, why_has));
    assert_null(strstr(why.p, "hunter2"));
    buf_release(&why);
}

static void good_url(const char *url)
{
    struct cache *c = NULL;
    struct buf why = BUF_INIT;

    assert_int_equal(open_url(url, "", &c, &why), 0); /* lazy: nothing listens there */
    assert_string_equal(cache_driver_name(c), "redis");
    cache_close(c);
    buf_release(&why);
}

static void test_urls(void **state)
{
    (void)state;
    bad_url("rediss://:hunter2@cache.example:6380", "TLS");
    bad_url("http://cache.example", "redis://");
    bad_url("redis://:hunter2%zz@cache.example", "escape");
    bad_url("redis://:hunter2@cache.example:99999", "port");
    bad_url("redis://:hunter2@:6379", "host");
    bad_url("redis://:hunter2@[::1", "host");
    bad_url("redis://:hunter2@cache.example/x1", "database");
    bad_url("redis://:hunter2@cache.example/0?timeout=1", "query");
    good_url("redis://localhost");
    good_url("redis://127.0.0.1:6379/");
    good_url("redis://:hunter2@cache.example:6380/3");
    good_url("redis://hunter2@cache.example");
    good_url("redis://app:p%40ss@[::1]:6380/2");
}

static void test_get_set_del(void **state)
{
    struct cache *c = open_test(prefix);

    (void)state;
    assert_int_equal(get_str(c, "book:1", NULL), ERR_NOT_FOUND);
    assert_int_equal(cache_set(c, "book:1", "hello", 5, 60), 0);
    assert_int_equal(get_str(c, "book:1", "hello"), 0);
    assert_int_equal(cache_set(c, "bin", "a\0b", 3, 60), 0);
    struct arena *a = arena_new();
    char *val;
    size_t len;
    assert_int_equal(cache_get(c, a, "bin", &val, &len), 0);
    assert_int_equal(len, 3);
    assert_memory_equal(val, "a\0b\0", 4);
    arena_free(a);
    assert_int_equal(cache_del(c, "book:1"), 0);
    assert_int_equal(get_str(c, "book:1", NULL), ERR_NOT_FOUND);
    assert_int_equal(cache_del(c, "book:1"), 0);
    cache_close(c);
}

static void test_prefix(void **state)
{
    char inner[96];
    struct cache *outer = open_test(prefix);

    (void)state;
    snprintf(inner, sizeof(inner), "%sns:", prefix);
    struct cache *c = open_test(inner);
    assert_int_equal(cache_set(c, "k", "v1", 2, 60), 0);
    assert_int_equal(get_str(outer, "ns:k", "v1"), 0);
    assert_int_equal(get_str(outer, "k", NULL), ERR_NOT_FOUND);
    assert_int_equal(cache_del(outer, "ns:k"), 0);
    assert_int_equal(get_str(c, "k", NULL), ERR_NOT_FOUND);
    cache_close(c);
    cache_close(outer);
}

static void test_ttl(void **state)
{
    struct cache *c = open_test(prefix);

    (void)state;
    assert_int_equal(cache_set(c, "brief", "v", 1, 1), 0);
    assert_int_equal(get_str(c, "brief", "v"), 0);
    usleep(1100 * 1000);
    assert_int_equal(get_str(c, "brief", NULL), ERR_NOT_FOUND);
    cache_close(c);
}

/* cache_add: SET NX with a lifetime. */
static void test_add(void **state)
{
    struct cache *c = open_test(prefix);

    (void)state;
    cache_del(c, "seen");
    assert_int_equal(cache_add(c, "seen", "1", 1, 1), 0);
    assert_int_equal(cache_add(c, "seen", "2", 1, 1), ERR_CONFLICT);
    assert_int_equal(get_str(c, "seen", "1"), 0);
    usleep(1100 * 1000);
    assert_int_equal(cache_add(c, "seen", "3", 1, 60), 0);
    assert_int_equal(get_str(c, "seen", "3"), 0);
    cache_del(c, "seen");
    cache_close(c);
}

static void test_incr(void **state)
{
    struct cache *c = open_test(prefix);
    long long n;
    int ttl;

    (void)state;
    assert_int_equal(cache_incr(c, "hits", 10, &n, &ttl), 0);
    assert_int_equal(n, 1);
    assert_int_equal(ttl, 10);
    assert_int_equal(cache_incr(c, "hits", 10, &n, &ttl), 0);
    assert_int_equal(n, 2);
    assert_in_range(ttl, 9, 10);
    assert_int_equal(get_str(c, "hits", "2"), 0);
    /* a counter that lost its lifetime gets one */
    assert_int_equal(cache_set(c, "kept", "41", 2, 0), 0);
    assert_int_equal(cache_incr(c, "kept", 30, &n, &ttl), 0);
    assert_int_equal(n, 42);
    assert_int_equal(ttl, 30);
    assert_int_equal(cache_set(c, "plain", "abc", 3, 60), 0);
    assert_int_equal(cache_incr(c, "plain", 30, &n, &ttl), ERR_INVALID);
    cache_close(c);
}

static void *on_worker(void *arg)
{
    struct cache *c = arg;
    long long n, *top = calloc(1, sizeof(*top));
    int ttl;

    for (int i = 0; i < 250; i++)
        if (cache_incr(c, "shared", 60, &n, &ttl) == 0 && n > *top)
            *top = n;
    return top;
}

static void test_incr_threads(void **state)
{
    struct cache *c = open_test(prefix);
    pthread_t t[4];
    long long top = 0;

    (void)state;
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, on_worker, c), 0);
    for (int i = 0; i < 4; i++) {
        long long *mine;
        pthread_join(t[i], (void **)&mine);
        top = *mine > top ? *mine : top;
        free(mine);
    }
    assert_int_equal(top, 1000);
    cache_close(c);
}

static void test_ping(void **state)
{
    struct cache *c = open_test(prefix);
    double ms = -1;

    (void)state;
    assert_int_equal(cache_ping(c, &ms), 0);
    assert_true(ms >= 0 && ms < 2000);
    cache_close(c);
}

/* A loopback port nothing listens on (just released by the kernel). */
static int closed_port(void)
{
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t n = sizeof(sa);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    assert_true(fd >= 0);
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &n), 0);
    close(fd);
    return ntohs(sa.sin_port);
}

static pid_t start_server(int port)
{
    char p[16];
    pid_t pid = fork();

    snprintf(p, sizeof(p), "%d", port);
    if (pid == 0) {
        freopen("/dev/null", "w", stdout);
        execlp(server_cmd, server_cmd, "--port", p, "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--requirepass", "hunter2", (char *)NULL);
        _exit(127);
    }
    assert_true(pid > 0);
    return pid;
}

/* Calls "cache_get" "n" times while Redis is down; all fail fast. */
static void expect_down(struct cache *c, int n)
{
    double t0 = now_ms();

    assert_int_equal(get_str(c, "k", NULL), ERR_UNAVAILABLE);
    double first = now_ms() - t0;
    for (int i = 1; i < n; i++)
        assert_int_equal(get_str(c, "k", NULL), ERR_UNAVAILABLE);
    double rest = now_ms() - t0 - first;
    print_message("redis down: first call %.1f ms, next %d calls %.2f ms\n", first, n - 1, rest);
    assert_true(first < 2000 && rest < 2000);
}

/* Waits (up to 5 s) for the pool to reach Redis again; the down window is 1 s. */
static void expect_back(struct cache *c)
{
    double t0 = now_ms();

    while (cache_set(c, "k", "v", 1, 60) != 0) {
        assert_true(now_ms() - t0 < 5000);
        usleep(50 * 1000);
    }
    print_message("redis back after %.0f ms\n", now_ms() - t0);
    assert_int_equal(get_str(c, "k", "v"), 0);
}

static int count_in(const char *text, const char *needle)
{
    int n = 0;

    for (const char *p = text; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

static void check_log(FILE *f, int downs, int backs)
{
    char text[8192];
    size_t n;

    fflush(f);
    rewind(f);
    n = fread(text, 1, sizeof(text) - 1, f);
    text[n] = '\0';
    assert_int_equal(count_in(text, "redis unavailable"), downs);
    assert_int_equal(count_in(text, "redis available again"), backs);
    assert_int_equal(count_in(text, "hunter2"), 0);
}

/* The ACL form of AUTH and SELECT, on the server "port" runs. */
static void check_user_and_db(int port)
{
    char url[128];
    struct cache *c = NULL;
    struct buf why = BUF_INIT;

    snprintf(url, sizeof(url), "redis://default:hunter2@127.0.0.1:%d/3", port);
    assert_int_equal(open_url(url, "", &c, &why), 0);
    assert_int_equal(get_str(c, "k", NULL), ERR_NOT_FOUND); /* "k" lives in db 0 */
    assert_int_equal(cache_set(c, "k", "db3", 3, 60), 0);
    assert_int_equal(get_str(c, "k", "db3"), 0);
    cache_close(c);
    buf_release(&why);
}

/* A server that takes connections and never answers: the command timeout bounds the wait. */
static void test_hung_server(void **state)
{
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t n = sizeof(sa);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    char url[64];
    struct cache *c = NULL;
    struct buf why = BUF_INIT;

    (void)state;
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
    assert_int_equal(listen(fd, 8), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&sa, &n), 0);
    snprintf(url, sizeof(url), "redis://127.0.0.1:%d", ntohs(sa.sin_port));
    assert_int_equal(open_url(url, "", &c, &why), 0);
    log_init(LOG_ERROR, 1);
    expect_down(c, 20);
    log_init(LOG_INFO, 1);
    cache_close(c);
    close(fd);
    buf_release(&why);
}

static void test_down_and_back(void **state)
{
    char url[128];
    int port = closed_port();
    struct cache *c = NULL;
    struct buf why = BUF_INIT;
    struct cache_stats st;
    FILE *logf = tmpfile();

    (void)state;
    log_init(LOG_WARN, fileno(logf));
    snprintf(url, sizeof(url), "redis://:hunter2@127.0.0.1:%d", port);
    assert_int_equal(open_url(url, "", &c, &why), 0);
    expect_down(c, 50);
    cache_get_stats(c, &st);
    assert_int_equal(st.errors, 50);
    if (server_cmd) {
        pid_t pid = start_server(port);
        expect_back(c);
        check_user_and_db(port);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        expect_down(c, 50);
        check_log(logf, 2, 1);
    } else {
        print_message("recovery not tested: MANGU_TEST_REDIS_SERVER is not set\n");
        check_log(logf, 1, 0);
    }
    log_init(LOG_INFO, 1);
    fclose(logf);
    cache_close(c);
    buf_release(&why);
}

int main(void)
{
    /* clang-format off */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_urls),
        cmocka_unit_test(test_get_set_del),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_ttl),
        cmocka_unit_test(test_add),
        cmocka_unit_test(test_incr),
        cmocka_unit_test(test_incr_threads),
        cmocka_unit_test(test_ping),
        cmocka_unit_test(test_hung_server),
        cmocka_unit_test(test_down_and_back),
    };
    /* clang-format on */

    signal(SIGPIPE, SIG_IGN); /* as main.c does: a write to a dead Redis must not kill us */
    test_url = getenv("MANGU_TEST_REDIS_URL");
    server_cmd = getenv("MANGU_TEST_REDIS_SERVER");
    if (!test_url)
        print_message("MANGU_TEST_REDIS_URL is not set: tests that need Redis are skipped\n");
    snprintf(prefix, sizeof(prefix), "mangu-test:%ld:", (long)getpid());
    return cmocka_run_group_tests(tests, NULL, NULL);
}
