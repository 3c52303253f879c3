/* arena.h: a region allocator for one request; everything is freed at once. */
#ifndef MANGU_ARENA_H
#define MANGU_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

typedef void (*arena_cleanup_fn)(void *ptr);

/* Caller owns; free with arena_free(). */
struct arena *arena_new(void);
/* Runs the deferred cleanups last-in first-out, then frees every block. */
void arena_free(struct arena *a);

/* Memory valid until arena_free(); 16-byte aligned; never NULL (aborts on OOM). */
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

/* Registers "fn(ptr)" to run when the arena is freed (PGresult, json_t, pooled handles). */
void arena_defer(struct arena *a, arena_cleanup_fn fn, void *ptr);

/* Bytes handed out so far (for tests and metrics). */
size_t arena_used(const struct arena *a);

#endif
