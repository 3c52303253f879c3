/* arena.c: bump allocation in chained blocks, with LIFO cleanups. */
#include "core/arena.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 8192
#define ARENA_ALIGN 16

struct block {
    struct block *next;
    size_t cap;
    size_t used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
};

struct cleanup {
    struct cleanup *next;
    arena_cleanup_fn fn;
    void *ptr;
};

struct arena {
    struct block *head;
    struct cleanup *cleanups;
    size_t total;
};

static struct block *block_new(size_t cap, struct block *next)
{
    struct block *b = xmalloc(sizeof(*b) + cap);

    b->next = next;
    b->cap = cap;
    b->used = 0;
    return b;
}

struct arena *arena_new(void)
{
    struct arena *a = xmalloc(sizeof(*a));

    a->head = block_new(ARENA_BLOCK - sizeof(struct block), NULL);
    a->cleanups = NULL;
    a->total = 0;
    return a;
}

void arena_free(struct arena *a)
{
    if (!a)
        return;
    while (a->cleanups) {
        struct cleanup *c = a->cleanups;
        a->cleanups = c->next;
        c->fn(c->ptr);
    }
    while (a->head) {
        struct block *b = a->head;
        a->head = b->next;
        free(b);
    }
    free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    struct block *b = a->head;

    if (need == 0)
        need = ARENA_ALIGN;
    if (b->cap - b->used < need) {
        if (need > ARENA_BLOCK / 4) {
            /* a large piece gets its own block, behind the current one */
            struct block *big = block_new(need, b->next);
            b->next = big;
            big->used = need;
            a->total += need;
            return big->data;
        }
        b = a->head = block_new(ARENA_BLOCK - sizeof(struct block), b);
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
    void *p = arena_alloc(a, n);

    memset(p, 0, n);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);

    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
    va_list cp;

    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void arena_defer(struct arena *a, arena_cleanup_fn fn, void *ptr)
{
    struct cleanup *c = arena_alloc(a, sizeof(*c));

    c->fn = fn;
    c->ptr = ptr;
    c->next = a->cleanups;
    a->cleanups = c;
}

size_t arena_used(const struct arena *a)
{
    return a->total;
}
