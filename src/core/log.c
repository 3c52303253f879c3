/* log.c: JSON lines; each line leaves in a single write() so threads never interleave. */
#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

void log_add_time(struct buf *b)
{
    struct timespec ts;
    struct tm tm;
    char tmp[40];

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(tmp, sizeof(tmp), "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(tmp + n, sizeof(tmp) - n, ".%03ldZ", ts.tv_nsec / 1000000);
    buf_adds(b, tmp);
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

void log_write_line(struct buf *b)
{
    buf_addc(b, '\n');
    size_t off = 0;
    while (off < b->len) {
        ssize_t n = write(log_fd, b->p + off, b->len - off);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
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
