/* authors.c (service): author pages, the authors list, and author profile edits. */
#include "service/authors.h"

#include "core/timefmt.h"
#include "service/catalog.h"
#include "service/named.h"
#include "service/text.h"

int authors_get(struct ctx *cx, const char *id_or_slug, struct author *out)
{
    long long id;
    int rc = named_ref(id_or_slug, &id);

    if (rc == 0)
        rc = id ? store_authors_find(cx, id, out) : store_authors_find_slug(cx, id_or_slug, out);
    return named_not_found(cx, rc, "author", id_or_slug);
}

int authors_books(struct ctx *cx, const struct author *a, struct book **items, int *n)
{
    struct book_filter f = {.author = a->slug, .price_min = -1, .price_max = -1};
    int rc = store_books_list(cx, &f, BOOK_SORT_NEWEST, AUTHORS_BOOKS_MAX, 0, items, n);

    return rc ? rc : store_books_load_authors(cx, *items, *n);
}

int authors_list(struct ctx *cx, bool by_name, int limit, long long offset, struct author **items,
                 int *n, long long *total)
{
    int rc = store_authors_list(cx, by_name, limit, offset, items, n);

    return rc ? rc : store_authors_count(cx, total);
}

static int check(struct ctx *cx, const struct author_input *in, bool create, json_t *fields)
{
    named_check_name(in->name, create || in->has_name, in->has_name, 200, fields);
    if (in->has_bio && in->bio && text_chars(in->bio) > 5000)
        json_object_set_new(fields, "bio", json_string("must be at most 5000 characters"));
    return named_check_fields(cx, fields);
}

int authors_create(struct ctx *cx, const struct author_input *in, json_t *fields,
                   struct author *out)
{
    struct author a = {.name = in->name, .bio = in->bio, .user_id = in->user_id};
    long long id;
    int rc;

    if (!catalog_is_admin(cx))
        return cx_fail(cx, ERR_FORBIDDEN,
                       "only an admin creates author profiles here; "
                       "authors use POST /api/users/me/author");
    if ((rc = check(cx, in, true, fields)) != 0 ||
        (rc = named_slug(cx, in->name, store_authors_slugs_like, &a.slug)) != 0)
        return rc;
    rc = store_authors_add(cx, &a, time_from_now(cx->arena, 0), &id);
    if (rc == ERR_CONFLICT)
        return cx_fail(cx, rc, "no such account, or it already has an author profile");
    return rc ? rc : store_authors_find(cx, id, out);
}

int authors_update(struct ctx *cx, long long id, const struct author_input *in, json_t *fields,
                   struct author *out)
{
    struct author a;
    int rc = store_authors_find(cx, id, &a);

    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no author %lld", id);
    if (rc)
        return rc;
    if (!catalog_is_admin(cx) && (cx->user_id <= 0 || a.user_id != cx->user_id))
        return cx_fail(cx, ERR_FORBIDDEN, "only the author or an admin may edit this profile");
    if ((rc = check(cx, in, false, fields)) != 0)
        return rc;
    if (in->has_name)
        a.name = in->name;
    if (in->has_bio)
        a.bio = in->bio;
    if ((rc = store_authors_update(cx, &a, time_from_now(cx->arena, 0))) != 0)
        return rc;
    catalog_changed(cx);
    return store_authors_find(cx, id, out);
}
