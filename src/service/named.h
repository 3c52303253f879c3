/* named.h (service): the rules authors, publishers and categories share: references, names, slugs.
 */
#ifndef MANGU_SERVICE_NAMED_H
#define MANGU_SERVICE_NAMED_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "app/ctx.h"

/*
 * How "ref" names a row: 0 with "*id" set when it is a whole id, 0 with "*id" = 0 when it has
 * the shape of a slug, ERR_NOT_FOUND (not recorded) when it is neither.
 */
int named_ref(const char *ref, long long *id);
/* "rc", except that ERR_NOT_FOUND is recorded as "no <noun> '<ref>'". */
int named_not_found(struct ctx *cx, int rc, const char *noun, const char *ref);

/*
 * Adds "name"'s problem to "fields" (borrowed): "is required" when it is "required" and
 * missing or blank; too long when it was "given" and has more than "max" characters.
 */
void named_check_name(const char *name, bool required, bool given, size_t max, json_t *fields);
/* Fails with ERR_INVALID listing "fields" when it holds any problem; else 0. */
int named_check_fields(struct ctx *cx, json_t *fields);

/* The store's lookup of the slugs taken among "base" and "base-N". */
typedef int (*named_slugs_fn)(struct ctx *cx, const char *base, const char ***slugs, int *n);
/* A free slug made from "name" (at most 80 bytes; "base-N" when "base" is taken), in the arena. */
int named_slug(struct ctx *cx, const char *name, named_slugs_fn taken, const char **slug);

#endif
