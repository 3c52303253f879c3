/* config_parse.h: the small parsers the config_*.c files share. */
#ifndef MANGU_CONFIG_PARSE_H
#define MANGU_CONFIG_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"

/* A whole decimal number from "lo" to "hi" into "*out"; -1 (no message) otherwise. */
int config_parse_long(const char *val, long lo, long hi, long *out);
/* config_parse_long into "*field"; -1 with the accepted range in "why". */
int config_parse_int_field(int *field, const char *val, long lo, long hi, struct buf *why);
/* A byte count from "lo" to "hi" into "*out"; -1 with the accepted range in "why". */
int config_parse_bytes(const char *val, size_t lo, size_t hi, size_t *out, struct buf *why);
/* Replaces the owned string "*field" with a copy of "val". */
void config_set_str(char **field, const char *val);
/* A non-empty "val" into "*field"; -1 with "expected <what>" in "why" when empty. */
int config_parse_text(char **field, const char *val, const char *what, struct buf *why);
/* The first "n" bytes of "s" are an http(s) origin: scheme and host, no path, no '*'. */
bool config_is_origin(const char *s, size_t n);

#endif
