/* test_isolate.c: the forked checker: output back, deadlines, CPU and memory limits, crashes. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "media/isolate.h"
#include "media_test.h"

static const struct isolate_limits quick = {2000, 2, 256u << 20, 1u << 20};

static int on_hello(void *arg, struct buf *out)
{
    buf_adds(out, "hello from ");
    buf_adds(out, arg);
    return 0;
}

static int on_exit_7(void *arg, struct buf *out)
{
    return 7;
}

static int on_spin(void *arg, struct buf *out)
{
    for (volatile unsigned long i = 0;; i++)
        ;
    return 0;
}

static int on_sleep(void *arg, struct buf *out)
{
    for (;;)
        pause();
    return 0;
}

static int on_abort(void *arg, struct buf *out)
{
    abort();
}

/* Tries to take 2 GiB; under RLIMIT_AS malloc fails (or a sanitizer's allocator aborts). */
static int on_hog(void *arg, struct buf *out)
{
    char *p = malloc((size_t)2 << 30);

    if (!p)
        return 9;
    memset(p, 1, (size_t)2 << 30);
    return 0;
}

static int on_flood(void *arg, struct buf *out)
{
    for (int i = 0; i < 4096; i++)
        buf_add(out,
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                256);
    return 0;
}

/* Reports which of the parent's descriptors it still has and whether it may create a file. */
static int on_probe(void *arg, struct buf *out)
{
    int *fds = arg;
    int made = open((const char *)&fds[2], O_WRONLY | O_CREAT | O_EXCL, 0600);

    buf_printf(out, "kept=%d other=%d made=%d", fcntl(fds[0], F_GETFD) >= 0,
               fcntl(fds[1], F_GETFD) >= 0, made >= 0);
    return 0;
}

static enum isolate_status run(isolate_fn fn, void *arg, const struct isolate_limits *l,
                               struct buf *out, int *detail)
{
    return isolate_run(fn, arg, l, -1, out, detail);
}

static void output_comes_back(void **state)
{
    struct buf out = BUF_INIT;
    int detail;

    assert_int_equal(run(on_hello, "the child", &quick, &out, &detail), ISOLATE_OK);
    assert_string_equal(out.p, "hello from the child");
    buf_release(&out);
    assert_int_equal(run(on_exit_7, NULL, &quick, &out, &detail), ISOLATE_EXITED);
    assert_int_equal(detail, 7);
    buf_release(&out);
}

static void wall_clock_ends_a_sleeper(void **state)
{
    struct isolate_limits l = quick;
    struct buf out = BUF_INIT;
    int detail;

    l.timeout_ms = 300;
    assert_int_equal(run(on_sleep, NULL, &l, &out, &detail), ISOLATE_TIMEOUT);
    /* on_sleep never ends by itself: only the parent's deadline can have ended it */
    buf_release(&out);
}

static void cpu_limit_ends_a_spinner(void **state)
{
    struct isolate_limits l = quick;
    struct buf out = BUF_INIT;
    int detail;

    l.cpu_s = 1;
    l.timeout_ms = 120000;
    assert_int_equal(run(on_spin, NULL, &l, &out, &detail), ISOLATE_TIMEOUT);
    assert_int_equal(detail, SIGXCPU); /* RLIMIT_CPU ended it, not the wall-clock deadline */
    buf_release(&out);
}

static void memory_limit_holds(void **state)
{
    struct buf out = BUF_INIT;
    int detail;
    enum isolate_status st = run(on_hog, NULL, &quick, &out, &detail);

    assert_true(st == ISOLATE_EXITED || st == ISOLATE_SIGNALED);
    assert_true(st != ISOLATE_EXITED || detail != 0);
    buf_release(&out);
}

static void crash_is_reported(void **state)
{
    struct buf out = BUF_INIT;
    int detail;

    assert_int_equal(run(on_abort, NULL, &quick, &out, &detail), ISOLATE_SIGNALED);
    assert_int_equal(detail, SIGABRT);
    buf_release(&out);
}

static void output_is_capped(void **state)
{
    struct isolate_limits l = quick;
    struct buf out = BUF_INIT;
    int detail;

    l.max_output = 65536;
    assert_int_equal(run(on_flood, NULL, &l, &out, &detail), ISOLATE_TOO_MUCH);
    assert_true(out.len <= 65536);
    buf_release(&out);
}

/* The child keeps only the descriptor it was given and can create no file. */
static void child_is_confined(void **state)
{
    char dir[] = "/tmp/mangu-isolate-XXXXXX";
    int fds[2 + 64 / sizeof(int)];
    struct buf out = BUF_INIT;
    int detail;

    assert_non_null(mkdtemp(dir));
    fds[0] = open("/dev/null", O_RDONLY);
    fds[1] = open("/dev/null", O_RDONLY);
    snprintf((char *)&fds[2], 64, "%s/made", dir);
    assert_int_equal(isolate_run(on_probe, fds, &quick, fds[0], &out, &detail), ISOLATE_OK);
    assert_string_equal(out.p, "kept=1 other=0 made=0");
    assert_int_equal(access((const char *)&fds[2], F_OK), -1);
    close(fds[0]);
    close(fds[1]);
    rmdir(dir);
    buf_release(&out);
}

/* Every child was reaped: no zombie is left behind. */
static void no_children_left(void **state)
{
    assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
    assert_int_equal(errno, ECHILD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(output_comes_back),        cmocka_unit_test(wall_clock_ends_a_sleeper),
        cmocka_unit_test(cpu_limit_ends_a_spinner), cmocka_unit_test(memory_limit_holds),
        cmocka_unit_test(crash_is_reported),        cmocka_unit_test(output_is_capped),
        cmocka_unit_test(child_is_confined),        cmocka_unit_test(no_children_left),
    };

    return cmocka_run_group_tests_name("media/isolate", tests, NULL, NULL);
}
