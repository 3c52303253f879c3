/* log.h: one JSON object per line on stdout. */
#ifndef MANGU_LOG_H
#define MANGU_LOG_H

#include <jansson.h>

#include "core/buf.h"

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/* Sets the minimum level written and the descriptor lines go to (default: 1). */
void log_init(enum log_level min, int fd);
int log_enabled(enum log_level level);
const char *log_level_name(enum log_level level);
/* Parses "debug|info|warn|error"; returns -1 when unknown. */
int log_level_parse(const char *s);

/* Writes {"time","level","msg", ...fields}; steals "fields" (may be NULL). */
void log_json(enum log_level level, const char *msg, json_t *fields);
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

/* For hot paths that build lines by hand: appends "s" as a JSON string literal. */
void log_add_json_string(struct buf *b, const char *s);
/* Appends the current UTC time as RFC 3339 with milliseconds. */
void log_add_time(struct buf *b);
/* Writes a complete line (a trailing newline is added) in one write(), after any batched ones. */
void log_write_line(struct buf *b);
/* Like log_write_line, but while batching the line waits in memory for the flusher's next
   write (at most interval_ms later, sooner once 32 KiB gather). For per-request lines. */
void log_write_batched(struct buf *b);
/* Starts batching with a flusher thread (interval_ms <= 0: every line is written at once). */
int log_batch_start(int interval_ms);
/* Writes what is batched and stops the flusher; later lines are written at once. */
void log_batch_stop(void);
/* Writes what is batched now (before _exit, or when a line must be on disk). */
void log_flush(void);

#endif
