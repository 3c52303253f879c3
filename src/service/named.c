/* named.c (service): references by id or slug, name checks and fresh slugs for catalog rows. */
#include "service/named.h"

#include <ctype.h>

#include "core/slug.h"
#include "service/catalog.h"
#include "service/text.h"

#define SLUG_MAX 80

int named_ref(const char *ref, long long *id)
{
    *id = 0;
    if (catalog_parse_id(ref, id) || catalog_slug_valid(ref))
        return 0;
    return ERR_NOT_FOUND;
}

int named_not_found(struct ctx *cx, int rc, const char *noun, const char *ref)
{
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no %s '%s'", noun, ref);
    return rc;
}

void named_check_name(const char *name, bool required, bool given, size_t max, json_t *fields)
{
    bool blank = true;

    for (const char *p = name; p && *p && blank; p++)
        blank = isspace((unsigned char)*p);
    if (required && (!name || blank))
        json_object_set_new(fields, "name", json_string("is required"));
    else if (given && text_chars(name) > max)
        json_object_set_new(fields, "name", json_sprintf("must be at most %zu characters", max));
}

int named_check_fields(struct ctx *cx, json_t *fields)
{
    if (json_object_size(fields) == 0)
        return 0;
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:O}", "fields", fields),
                           "some fields are invalid; see details.fields");
}

int named_slug(struct ctx *cx, const char *name, named_slugs_fn taken, const char **slug)
{
    const char *base = slug_from(cx->arena, name, SLUG_MAX);
    const char **slugs;
    int n, rc = taken(cx, base, &slugs, &n);

    if (rc == 0)
        *slug = catalog_unique_slug(cx->arena, base, slugs, n, NULL, SLUG_MAX);
    return rc;
}
