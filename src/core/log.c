/* log.c: JSON lines; each line leaves whole in one write() so threads never interleave.
   Access lines may be batched: gathered in memory and written by a flusher thread. */
#include "core/log.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/timefmt.h"

static enum log_level log_min = LOG_INFO;
static int log_fd = 1;

static const char *const level_names[] = {"debug", "info", "warn", "error"};

void log_init(enum log_level min, int fd)
{
    log_min = min;
    log_fd = fd;
}

int log_enabled(enum log_level level)
{
    return level >= log_min;
}

const char *log_level_name(enum log_level level)
{
    return level_names[level];
}

int log_level_parse(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, level_names[i]) == 0)
            return i;
    return -1;
}

/* Formatting the date costs more than the rest of an access line: once a second per thread. */
void log_add_time(struct buf *b)
{
    static _Thread_local time_t last_sec = -1;
    static _Thread_local char date[24];
    struct timespec ts;
    char ms[8];

    clock_gettime(CLOCK_REALTIME, &ts);
    if (ts.tv_sec != last_sec) {
        struct tm tm;
        gmtime_r(&ts.tv_sec, &tm);
        strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%S", &tm);
        last_sec = ts.tv_sec;
    }
    buf_adds(b, date);
    unsigned milli = (unsigned)(ts.tv_nsec / 1000000);
    ms[0] = '.';
    ms[1] = (char)('0' + milli / 100);
    ms[2] = (char)('0' + milli / 10 % 10);
    ms[3] = (char)('0' + milli % 10);
    ms[4] = 'Z';
    buf_add(b, ms, 5);
}

void log_add_json_string(struct buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";

    buf_addc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            buf_addc(b, '\\');
            buf_addc(b, (char)*p);
        } else if (*p < 0x20) {
            char esc[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
            buf_add(b, esc, 6);
        } else {
            buf_addc(b, (char)*p);
        }
    }
    buf_addc(b, '"');
}

static void write_all(const char *p, size_t len)
{
    size_t off = 0;

    while (off < len) {
        ssize_t n = write(log_fd, p + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        off += (size_t)n;
    }
}

/* Batching: "pending" (under pending_lock) fills; whoever holds write_lock swaps it with
   "spare" and writes that, so lines reach the descriptor in the order they were logged. */
enum { BATCH_WAKE = 32 * 1024, BATCH_MAX = 256 * 1024 };
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t flusher_wake; /* on CLOCK_MONOTONIC (time_deadline_ms) */
static struct buf pending = BUF_INIT, spare = BUF_INIT;
static pthread_t flusher;
static int flush_ms;
static bool batching, stopping;

/* Called with write_lock held. */
static void write_pending(void)
{
    pthread_mutex_lock(&pending_lock);
    struct buf t = pending;
    pending = spare;
    spare = t;
    pthread_mutex_unlock(&pending_lock);
    if (spare.len)
        write_all(spare.p, spare.len);
    buf_reset(&spare);
}

void log_flush(void)
{
    pthread_mutex_lock(&write_lock);
    write_pending();
    pthread_mutex_unlock(&write_lock);
}

/* With pending_lock held: waits until the interval has passed, 32 KiB have gathered or
   batching stops (a spurious wake-up goes back to waiting). */
static void wait_for_flush(void)
{
    struct timespec until = time_deadline_ms(flush_ms);

    while (!stopping && pending.len < BATCH_WAKE &&
           pthread_cond_timedwait(&flusher_wake, &pending_lock, &until) != ETIMEDOUT)
        ;
}

static void *flusher_main(void *unused)
{
    (void)unused;
    pthread_mutex_lock(&pending_lock);
    while (!stopping) {
        wait_for_flush();
        pthread_mutex_unlock(&pending_lock);
        log_flush();
        pthread_mutex_lock(&pending_lock);
    }
    pthread_mutex_unlock(&pending_lock);
    return NULL;
}

int log_batch_start(int interval_ms)
{
    if (interval_ms <= 0 || batching)
        return 0;
    pthread_condattr_t attr;

    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&flusher_wake, &attr);
    pthread_condattr_destroy(&attr);
    flush_ms = interval_ms;
    stopping = false;
    if (pthread_create(&flusher, NULL, flusher_main, NULL) != 0) {
        pthread_cond_destroy(&flusher_wake);
        return -1;
    }
    batching = true;
    return 0;
}

void log_batch_stop(void)
{
    if (!batching)
        return;
    pthread_mutex_lock(&pending_lock);
    stopping = true;
    pthread_cond_signal(&flusher_wake);
    pthread_mutex_unlock(&pending_lock);
    pthread_join(flusher, NULL);
    pthread_cond_destroy(&flusher_wake);
    batching = false;
    log_flush();
}

void log_write_batched(struct buf *b)
{
    if (!batching) {
        log_write_line(b);
        return;
    }
    buf_addc(b, '\n');
    pthread_mutex_lock(&pending_lock);
    buf_add(&pending, b->p, b->len);
    size_t held = pending.len;
    pthread_mutex_unlock(&pending_lock);
    if (held >= BATCH_WAKE)
        pthread_cond_signal(&flusher_wake);
    if (held >= BATCH_MAX)
        log_flush(); /* the flusher is behind: this thread writes rather than hold more */
}

void log_write_line(struct buf *b)
{
    buf_addc(b, '\n');
    pthread_mutex_lock(&write_lock);
    write_pending(); /* lines batched before this one go first */
    write_all(b->p, b->len);
    pthread_mutex_unlock(&write_lock);
}

void log_json(enum log_level level, const char *msg, json_t *fields)
{
    if (!log_enabled(level)) {
        json_decref(fields);
        return;
    }
    struct buf b = BUF_INIT;
    buf_adds(&b, "{\"time\":\"");
    log_add_time(&b);
    buf_printf(&b, "\",\"level\":\"%s\",\"msg\":", level_names[level]);
    log_add_json_string(&b, msg);
    if (fields && json_object_size(fields) > 0) {
        char *rest = json_dumps(fields, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(9));
        if (rest && rest[0] == '{' && rest[1] != '}') {
            buf_addc(&b, ',');
            buf_adds(&b, rest + 1);
        } else {
            buf_addc(&b, '}');
        }
        free(rest);
    } else {
        buf_addc(&b, '}');
    }
    json_decref(fields);
    log_write_line(&b);
    buf_release(&b);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
    if (!log_enabled(level))
        return;
    struct buf msg = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    log_json(level, msg.p ? msg.p : "", NULL);
    buf_release(&msg);
}
