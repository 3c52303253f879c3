/* buf.h: a growable byte buffer, always NUL-terminated (git's strbuf). */
#ifndef MANGU_BUF_H
#define MANGU_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
    char *p;    /* owned; NUL-terminated; NULL until the first write */
    size_t len; /* bytes used, not counting the NUL */
    size_t cap;
};

#define BUF_INIT                                                                                   \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);
/* Gives the caller the bytes (free with free()); the buffer is empty afterwards. */
char *buf_detach(struct buf *b, size_t *len);
void buf_release(struct buf *b);

#endif
