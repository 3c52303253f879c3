/* profile.c: what signed-in users change about their own account. */
#include "core/log.h"
#include "core/slug.h"
#include "core/timefmt.h"
#include "service/accounts.h"
#include "service/passwords.h"

#include <string.h>

#define BIO_MAX 2000

static int invalid(struct ctx *cx, json_t *fields)
{
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:o}", "fields", fields),
                           "check the highlighted fields");
}

/* Only display_name and bio may be set; role, e-mail, ids and the rest are refused. */
static void check_patch(json_t *patch, json_t *fields)
{
    const char *key;
    json_t *v;

    json_object_foreach(patch, key, v)
    {
        if (strcmp(key, "display_name") == 0) {
            if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > 100)
                json_object_set_new(fields, key, json_string("enter 1 to 100 characters"));
        } else if (strcmp(key, "bio") == 0) {
            if (!json_is_null(v) && (!json_is_string(v) || json_string_length(v) > BIO_MAX))
                json_object_set_new(fields, key, json_string("at most 2000 characters"));
        } else {
            json_object_set_new(fields, key, json_string("this field cannot be changed here"));
        }
    }
}

int profile_update(struct ctx *cx, json_t *patch, struct user *out)
{
    json_t *fields = json_object();

    check_patch(patch, fields);
    if (json_object_size(fields))
        return invalid(cx, fields);
    json_decref(fields);
    json_t *bio = json_object_get(patch, "bio");
    int rc = store_users_set_profile(
        cx, cx->user_id, json_string_value(json_object_get(patch, "display_name")),
        json_string_value(bio), bio != NULL, time_from_now(cx->arena, 0));
    if (rc == 0)
        rc = store_users_find(cx, cx->user_id, out);
    return rc;
}

static int check_current(struct ctx *cx, const struct user *u, const char *password)
{
    if (password && password_verify(u->password_hash, password))
        return 0;
    return cx_fail_details(cx, ERR_INVALID,
                           json_pack("{s:{s:s}}", "fields", "current_password",
                                     "this is not your current password"),
                           "this is not your current password");
}

int profile_change_password(struct ctx *cx, const char *current, const char *next,
                            struct session_out *out)
{
    struct user u;
    char hash[PASSWORD_HASH_MAX];
    const char *now = time_from_now(cx->arena, 0);
    int rc = store_users_find(cx, cx->user_id, &u);

    if (rc != 0 || (rc = check_current(cx, &u, current)) != 0 ||
        (rc = accounts_check_password(cx, "new_password", next, u.email, u.display_name)) != 0)
        return rc;
    if (password_hash(next, hash) != 0)
        return cx_fail(cx, ERR_INTERNAL, "cannot hash the password");
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = store_users_set_password(cx, u.id, hash, now)) == 0 &&
        (rc = accounts_end_sessions(cx, u.id)) == 0 &&
        (rc = accounts_new_session(cx, &u, out)) == 0 && (rc = cx_commit(cx)) == 0) {
        accounts_forget_state(cx, u.id);
        return 0;
    }
    cx_rollback(cx);
    return rc;
}

int profile_delete(struct ctx *cx, const char *password)
{
    struct user u;
    int rc = store_users_find(cx, cx->user_id, &u);

    if (rc != 0 || (rc = check_current(cx, &u, password)) != 0)
        return rc;
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = store_users_forget(cx, u.id)) == 0 && (rc = store_users_delete(cx, u.id)) == 0 &&
        (rc = cx_commit(cx)) == 0) {
        accounts_forget_state(cx, u.id);
        log_json(LOG_INFO, "account deleted",
                 json_pack("{s:I, s:s}", "user_id", (json_int_t)u.id, "request_id",
                           cx->request_id));
        return 0;
    }
    cx_rollback(cx);
    return rc;
}

/* The first free slug among "name", "name-2", "name-3", ... */
static int free_slug(struct ctx *cx, const char *name, const char **out)
{
    const char *base = slug_from(cx->arena, name, 80);
    bool taken = true;

    for (int n = 1; n < 100; n++) {
        *out = n == 1 ? base : slug_with_suffix(cx->arena, base, n, 80);
        int rc = store_authors_slug_taken(cx, *out, &taken);
        if (rc != 0 || !taken)
            return rc;
    }
    return cx_fail(cx, ERR_CONFLICT, "choose another author name");
}

int profile_become_author(struct ctx *cx, const char *name, const char *bio, struct user *out)
{
    struct user u;
    const char *slug;
    long long author_id;
    int rc = store_users_find(cx, cx->user_id, &u);

    if (rc != 0)
        return rc;
    if (u.author_id)
        return cx_fail(cx, ERR_CONFLICT, "you already have an author profile");
    if (!name || !*name)
        name = u.display_name;
    if (strlen(name) > 200 || (bio && strlen(bio) > BIO_MAX))
        return invalid(cx, json_pack("{s:s}", strlen(name) > 200 ? "name" : "bio",
                                     "this is too long"));
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = free_slug(cx, name, &slug)) == 0 &&
        (rc = store_authors_insert(cx, u.id, name, slug, bio, &author_id)) == 0 &&
        (strcmp(u.role, "reader") != 0 ||
         (rc = store_users_set_role(cx, u.id, "author", time_from_now(cx->arena, 0))) == 0) &&
        (rc = cx_commit(cx)) == 0) {
        accounts_forget_state(cx, u.id);
        return store_users_find(cx, u.id, out);
    }
    cx_rollback(cx);
    return rc == ERR_CONFLICT ? cx_fail(cx, rc, "you already have an author profile") : rc;
}
