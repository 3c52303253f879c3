/* categories.c (service): the genre tree and its admin edits (no cycles, unique slugs). */
#include "service/categories.h"

#include <string.h>

#include "core/timefmt.h"
#include "service/catalog.h"
#include "service/named.h"
#include "service/text.h"

int categories_all(struct ctx *cx, struct category **items, int *n)
{
    return store_categories_all(cx, items, n);
}

int categories_find(struct ctx *cx, const struct category *all, int n, const char *id_or_slug,
                    int *index)
{
    long long id = 0;
    bool by_id = catalog_parse_id(id_or_slug, &id);

    for (int i = 0; i < n; i++)
        if (by_id ? all[i].id == id : strcmp(all[i].slug, id_or_slug) == 0) {
            *index = i;
            return 0;
        }
    return cx_fail(cx, ERR_NOT_FOUND, "no category '%s'", id_or_slug);
}

static int admin_only(struct ctx *cx)
{
    return catalog_is_admin(cx) ? 0
                                : cx_fail(cx, ERR_FORBIDDEN, "only an admin manages categories");
}

/* True when "id" is "ancestor" or lies below it. */
static bool within(const struct category *all, int n, long long id, long long ancestor)
{
    for (int hops = 0; id > 0 && hops <= n; hops++) {
        if (id == ancestor)
            return true;
        long long parent = 0;
        for (int i = 0; i < n; i++)
            if (all[i].id == id)
                parent = all[i].parent_id;
        id = parent;
    }
    return false;
}

/* Records the problems of "in" in "fields"; 0 or the error of reading the tree. */
static int check(struct ctx *cx, const struct category_input *in, bool create, long long self,
                 json_t *fields)
{
    struct category *all;
    int n = 0, rc;
    bool found = false;

    named_check_name(in->name, create || in->has_name, in->has_name, 100, fields);
    if (in->has_slug && (!in->slug || !catalog_slug_valid(in->slug)))
        json_object_set_new(fields, "slug",
                            json_string("must be lower-case words joined by "
                                        "hyphens, with a letter"));
    if (in->has_description && in->description && text_chars(in->description) > 2000)
        json_object_set_new(fields, "description", json_string("must be at most 2000 characters"));
    if (!in->has_parent || in->parent_id == 0)
        return 0;
    if ((rc = store_categories_all(cx, &all, &n)) != 0)
        return rc;
    for (int i = 0; i < n && !found; i++)
        found = all[i].id == in->parent_id;
    if (!found)
        json_object_set_new(fields, "parent_id", json_string("is not a category"));
    else if (self && within(all, n, in->parent_id, self))
        json_object_set_new(fields, "parent_id",
                            json_string("would put the category inside "
                                        "itself"));
    return 0;
}

static int slug_for(struct ctx *cx, const struct category_input *in, const char **slug)
{
    if (!in->has_slug)
        return named_slug(cx, in->name, store_categories_slugs_like, slug);
    *slug = in->slug;
    return 0;
}

int categories_create(struct ctx *cx, const struct category_input *in, json_t *fields,
                      struct category *out)
{
    struct category c = {.parent_id = in->parent_id,
                         .name = in->name,
                         .description = in->description,
                         .position = in->position};
    long long id;
    int rc = admin_only(cx);

    if (rc)
        return rc;
    if ((rc = check(cx, in, true, 0, fields)) != 0 || (rc = named_check_fields(cx, fields)) != 0 ||
        (rc = slug_for(cx, in, &c.slug)) != 0)
        return rc;
    rc = store_categories_insert(cx, &c, time_from_now(cx->arena, 0), &id);
    if (rc == ERR_CONFLICT)
        return cx_fail_details(cx, rc, json_pack("{s:{s:s}}", "fields", "slug", "is taken"),
                               "another category has the slug '%s'", c.slug);
    if (rc == 0)
        catalog_changed(cx);
    return rc ? rc : store_categories_find(cx, id, out);
}

int categories_update(struct ctx *cx, long long id, const struct category_input *in, json_t *fields,
                      struct category *out)
{
    struct category c;
    int rc = admin_only(cx);

    if (rc == 0 && (rc = store_categories_find(cx, id, &c)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no category %lld", id);
    if (rc)
        return rc;
    if ((rc = check(cx, in, false, id, fields)) != 0 || (rc = named_check_fields(cx, fields)) != 0)
        return rc;
    c.name = in->has_name ? in->name : c.name;
    c.slug = in->has_slug ? in->slug : c.slug;
    c.description = in->has_description ? in->description : c.description;
    c.parent_id = in->has_parent ? in->parent_id : c.parent_id;
    c.position = in->has_position ? in->position : c.position;
    rc = store_categories_update(cx, &c, time_from_now(cx->arena, 0));
    if (rc == ERR_CONFLICT)
        return cx_fail_details(cx, rc, json_pack("{s:{s:s}}", "fields", "slug", "is taken"),
                               "another category has the slug '%s'", c.slug);
    if (rc == 0)
        catalog_changed(cx);
    return rc ? rc : store_categories_find(cx, id, out);
}

/* True in "*yes" when category "id" has subcategories. */
static int has_children(struct ctx *cx, long long id, bool *yes)
{
    struct category *all;
    int n, rc = store_categories_all(cx, &all, &n);

    *yes = false;
    for (int i = 0; rc == 0 && i < n && !*yes; i++)
        *yes = all[i].parent_id == id;
    return rc;
}

int categories_delete(struct ctx *cx, long long id)
{
    struct category c;
    bool children = false;
    int rc = admin_only(cx);

    if (rc == 0 && (rc = store_categories_find(cx, id, &c)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no category %lld", id);
    if (rc == 0)
        rc = has_children(cx, id, &children);
    if (rc == 0)
        rc = children ? ERR_CONFLICT : store_categories_delete(cx, id);
    if (rc == ERR_CONFLICT)
        return cx_fail(cx, rc, "move or delete its subcategories first");
    if (rc == 0)
        catalog_changed(cx);
    return rc;
}
