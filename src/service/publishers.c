/* publishers.c (service): publishers, and their admin edits. */
#include "service/publishers.h"

#include <ctype.h>
#include <string.h>

#include "core/slug.h"
#include "service/catalog.h"
#include "service/text.h"

#define SLUG_MAX 80

int publishers_get(struct ctx *cx, const char *id_or_slug, struct publisher *out)
{
    long long id;
    int rc = ERR_NOT_FOUND;

    if (catalog_parse_id(id_or_slug, &id))
        rc = store_publishers_find(cx, id, out);
    else if (catalog_slug_valid(id_or_slug))
        rc = store_publishers_find_slug(cx, id_or_slug, out);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no publisher '%s'", id_or_slug);
    return rc;
}

int publishers_list(struct ctx *cx, int limit, long long offset, struct publisher **items, int *n,
                    long long *total)
{
    int rc = store_publishers_list(cx, limit, offset, items, n);

    return rc ? rc : store_publishers_count(cx, total);
}

static int check(struct ctx *cx, const struct publisher_input *in, bool create, json_t *fields)
{
    bool blank = true;

    if (!catalog_is_admin(cx))
        return cx_fail(cx, ERR_FORBIDDEN, "only an admin manages publishers");
    for (const char *p = in->name; p && *p && blank; p++)
        blank = isspace((unsigned char)*p);
    if ((create || in->has_name) && (!in->name || blank))
        json_object_set_new(fields, "name", json_string("is required"));
    else if (in->has_name && text_chars(in->name) > 200)
        json_object_set_new(fields, "name", json_string("must be at most 200 characters"));
    if (in->has_website && in->website && strncmp(in->website, "https://", 8) != 0 &&
        strncmp(in->website, "http://", 7) != 0)
        json_object_set_new(fields, "website", json_string("must be an http(s) URL"));
    if (in->has_description && in->description && text_chars(in->description) > 5000)
        json_object_set_new(fields, "description", json_string("must be at most 5000 characters"));
    if (json_object_size(fields) == 0)
        return 0;
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:O}", "fields", fields),
                           "some fields are invalid; see details.fields");
}

int publishers_create(struct ctx *cx, const struct publisher_input *in, json_t *fields,
                      struct publisher *out)
{
    struct publisher p = {.name = in->name, .description = in->description, .website = in->website};
    const char **taken;
    long long id;
    int n, rc = check(cx, in, true, fields);

    if (rc)
        return rc;
    const char *base = slug_from(cx->arena, in->name, SLUG_MAX);
    if ((rc = store_publishers_slugs_like(cx, base, &taken, &n)) != 0)
        return rc;
    p.slug = catalog_unique_slug(cx->arena, base, taken, n, NULL, SLUG_MAX);
    rc = store_publishers_insert(cx, &p, catalog_now(cx), &id);
    if (rc == ERR_CONFLICT)
        return cx_fail(cx, rc, "another publisher took this name's address just now");
    return rc ? rc : store_publishers_find(cx, id, out);
}

int publishers_update(struct ctx *cx, long long id, const struct publisher_input *in,
                      json_t *fields, struct publisher *out)
{
    struct publisher p;
    int rc = check(cx, in, false, fields);

    if (rc == 0 && (rc = store_publishers_find(cx, id, &p)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no publisher %lld", id);
    if (rc)
        return rc;
    p.name = in->has_name ? in->name : p.name;
    p.description = in->has_description ? in->description : p.description;
    p.website = in->has_website ? in->website : p.website;
    if ((rc = store_publishers_update(cx, &p, catalog_now(cx))) != 0)
        return rc;
    catalog_changed(cx);
    return store_publishers_find(cx, id, out);
}
