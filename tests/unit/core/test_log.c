/* test_log.c: access lines batched by the flusher reach the descriptor whole, in order, none lost;
   a direct line goes out after the batched ones before it. */
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/log.h"

enum { THREADS = 4, LINES_PER_THREAD = 5000 };

/* Everything written to the log file so far. */
static char *drain(int fd, size_t *len)
{
    struct buf out = BUF_INIT;
    char tmp[65536];
    ssize_t n;
    off_t at = 0;

    while ((n = pread(fd, tmp, sizeof(tmp), at)) > 0) {
        buf_add(&out, tmp, (size_t)n);
        at += n;
    }
    *len = out.len;
    return out.p ? out.p : calloc(1, 1);
}

/* fds[0] reads and fds[1] appends to one unlinked temporary file that the log writes to. */
static int open_log_file(int fds[2])
{
    char path[] = "/tmp/mangu-test-log-XXXXXX";

    fds[1] = mkstemp(path);
    if (fds[1] < 0)
        return -1;
    fds[0] = open(path, O_RDONLY);
    unlink(path);
    log_init(LOG_INFO, fds[1]);
    return fds[0] < 0 ? -1 : 0;
}

/* Points the log back at stdout and closes the file. */
static void close_log_file(int fds[2])
{
    log_init(LOG_INFO, 1);
    close(fds[0]);
    close(fds[1]);
}

static void *write_lines(void *arg)
{
    int id = (int)(intptr_t)arg;

    for (int i = 0; i < LINES_PER_THREAD; i++) {
        struct buf b = BUF_INIT;
        buf_printf(&b, "{\"t\":%d,\"i\":%d}", id, i);
        log_write_batched(&b);
        buf_release(&b);
    }
    return NULL;
}

static void batched_lines_are_whole_ordered_and_all_written(void **state)
{
    int fds[2];
    pthread_t th[THREADS];
    int next[THREADS] = {0};
    size_t len;

    assert_int_equal(open_log_file(fds), 0);
    assert_int_equal(log_batch_start(50), 0);
    for (int t = 0; t < THREADS; t++)
        pthread_create(&th[t], NULL, write_lines, (void *)(intptr_t)t);
    for (int t = 0; t < THREADS; t++)
        pthread_join(th[t], NULL);
    log_batch_stop();
    char *text = drain(fds[0], &len);
    int lines = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"), lines++) {
        int t, i;
        assert_int_equal(sscanf(line, "{\"t\":%d,\"i\":%d}", &t, &i), 2);
        assert_in_range(t, 0, THREADS - 1);
        assert_int_equal(i, next[t]); /* each thread's lines in its order, none missing */
        next[t]++;
    }
    assert_int_equal(lines, THREADS * LINES_PER_THREAD);
    free(text);
    close_log_file(fds);
}

static void a_direct_line_follows_the_batched_ones(void **state)
{
    int fds[2];
    size_t len;
    struct buf a = BUF_INIT, b = BUF_INIT;

    assert_int_equal(open_log_file(fds), 0);
    assert_int_equal(log_batch_start(10000), 0); /* the flusher would wait 10 s */
    buf_adds(&a, "batched");
    log_write_batched(&a);
    char *none = drain(fds[0], &len);
    assert_int_equal(len, 0); /* still in memory */
    free(none);
    buf_adds(&b, "direct");
    log_write_line(&b);
    char *text = drain(fds[0], &len);
    assert_string_equal(text, "batched\ndirect\n");
    free(text);
    log_batch_stop();
    buf_release(&a);
    buf_release(&b);
    close_log_file(fds);
}

static void without_batching_each_line_is_written_at_once(void **state)
{
    int fds[2];
    size_t len;
    struct buf a = BUF_INIT;

    assert_int_equal(open_log_file(fds), 0);
    assert_int_equal(log_batch_start(0), 0);
    buf_adds(&a, "now");
    log_write_batched(&a);
    char *text = drain(fds[0], &len);
    assert_string_equal(text, "now\n");
    free(text);
    buf_release(&a);
    close_log_file(fds);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(batched_lines_are_whole_ordered_and_all_written),
        cmocka_unit_test(a_direct_line_follows_the_batched_ones),
        cmocka_unit_test(without_batching_each_line_is_written_at_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
