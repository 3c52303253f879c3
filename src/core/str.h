/* str.h: borrowed string slices, as request input arrives. */
#ifndef MANGU_STR_H
#define MANGU_STR_H

#include <stdbool.h>
#include <stddef.h>

/* A borrowed slice; "p" is not necessarily NUL-terminated. */
struct str {
    const char *p;
    size_t len;
};

#define STR_LIT(s) ((struct str){(s), sizeof(s) - 1})

struct str str_from(const char *s);
bool str_eq(struct str a, struct str b);
bool str_eq_cstr(struct str a, const char *s);
bool str_starts_with(struct str a, const char *prefix);
bool str_case_eq_cstr(struct str a, const char *s);
/* Parses a whole slice as a non-negative decimal; returns false on anything else or overflow. */
bool str_to_u64(struct str a, unsigned long long *out);

#endif
