/* publishers.c (service): publishers, and their admin edits. */
#include "service/publishers.h"

#include <string.h>

#include "core/timefmt.h"
#include "service/catalog.h"
#include "service/named.h"
#include "service/text.h"

int publishers_get(struct ctx *cx, const char *id_or_slug, struct publisher *out)
{
    long long id;
    int rc = named_ref(id_or_slug, &id);

    if (rc == 0)
        rc = id ? store_publishers_find(cx, id, out)
                : store_publishers_find_slug(cx, id_or_slug, out);
    return named_not_found(cx, rc, "publisher", id_or_slug);
}

int publishers_list(struct ctx *cx, int limit, long long offset, struct publisher **items, int *n,
                    long long *total)
{
    int rc = store_publishers_list(cx, limit, offset, items, n);

    return rc ? rc : store_publishers_count(cx, total);
}

static int check(struct ctx *cx, const struct publisher_input *in, bool create, json_t *fields)
{
    if (!catalog_is_admin(cx))
        return cx_fail(cx, ERR_FORBIDDEN, "only an admin manages publishers");
    named_check_name(in->name, create || in->has_name, in->has_name, 200, fields);
    if (in->has_website && in->website && strncmp(in->website, "https://", 8) != 0 &&
        strncmp(in->website, "http://", 7) != 0)
        json_object_set_new(fields, "website", json_string("must be an http(s) URL"));
    if (in->has_description && in->description && text_chars(in->description) > 5000)
        json_object_set_new(fields, "description", json_string("must be at most 5000 characters"));
    return named_check_fields(cx, fields);
}

int publishers_create(struct ctx *cx, const struct publisher_input *in, json_t *fields,
                      struct publisher *out)
{
    struct publisher p = {.name = in->name, .description = in->description, .website = in->website};
    long long id;
    int rc = check(cx, in, true, fields);

    if (rc || (rc = named_slug(cx, in->name, store_publishers_slugs_like, &p.slug)) != 0)
        return rc;
    rc = store_publishers_insert(cx, &p, time_from_now(cx->arena, 0), &id);
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
    if ((rc = store_publishers_update(cx, &p, time_from_now(cx->arena, 0))) != 0)
        return rc;
    catalog_changed(cx);
    return store_publishers_find(cx, id, out);
}
