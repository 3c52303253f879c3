/* admin_users.c: an admin changes a user's role or status; every change is audited. */
#include "core/timefmt.h"
#include "service/accounts.h"
#include "service/passwords.h"

#include <stdlib.h>
#include <string.h>

static bool valid_role(const char *r)
{
    return r && (!strcmp(r, "reader") || !strcmp(r, "author") || !strcmp(r, "admin"));
}

static json_t *snapshot(const struct user *u)
{
    return json_pack("{s:s, s:b}", "role", u->role, "disabled", u->disabled);
}

static int check(struct ctx *cx, long long id, json_t *patch, const char **role, int *disabled)
{
    const char *key;
    json_t *v, *fields = json_object();

    *role = NULL;
    *disabled = -1;
    json_object_foreach(patch, key, v)
    {
        if (!strcmp(key, "role") && valid_role(json_string_value(v)))
            *role = json_string_value(v);
        else if (!strcmp(key, "disabled") && json_is_boolean(v))
            *disabled = json_is_true(v);
        else
            json_object_set_new(fields, key,
                                json_string(!strcmp(key, "role")
                                                ? "choose reader, author or admin"
                                                : !strcmp(key, "disabled")
                                                      ? "true or false"
                                                      : "this field cannot be changed here"));
    }
    if (json_object_size(fields))
        return cx_fail_details(cx, ERR_INVALID, json_pack("{s:o}", "fields", fields),
                               "check the highlighted fields");
    json_decref(fields);
    if (id == cx->user_id && ((*role && strcmp(*role, "admin")) || *disabled == 1))
        return cx_fail(cx, ERR_CONFLICT, "you cannot demote or disable yourself");
    return 0;
}

static int apply(struct ctx *cx, const struct user *u, const char *role, int disabled)
{
    const char *now = time_from_now(cx->arena, 0);
    int rc = 0;

    if (role && strcmp(role, u->role) != 0)
        rc = store_users_set_role(cx, u->id, role, now);
    if (rc == 0 && disabled >= 0 && disabled != u->disabled)
        rc = store_users_set_disabled(cx, u->id, disabled, now);
    /* a new role or a disabled account ends every session at once */
    if (rc == 0 && ((role && strcmp(role, u->role)) || disabled == 1))
        rc = accounts_end_sessions(cx, u->id);
    return rc;
}

static int audit(struct ctx *cx, const struct user *before, const struct user *after)
{
    json_t *b = snapshot(before), *a = snapshot(after);
    char *bs = json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS);
    char *as = json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS);
    int rc = store_audit_insert(cx, "user.update", "user",
                                arena_printf(cx->arena, "%lld", after->id), bs, as);

    free(bs);
    free(as);
    json_decref(b);
    json_decref(a);
    return rc;
}

int admin_users_update(struct ctx *cx, long long id, json_t *patch, struct user *out)
{
    struct user before;
    const char *role;
    int disabled;
    int rc = check(cx, id, patch, &role, &disabled);

    if (rc != 0 || (rc = store_users_find(cx, id, &before)) != 0)
        return rc == ERR_NOT_FOUND ? cx_fail(cx, rc, "no such user") : rc;
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = apply(cx, &before, role, disabled)) == 0 &&
        (rc = store_users_find(cx, id, out)) == 0 && (rc = audit(cx, &before, out)) == 0 &&
        (rc = cx_commit(cx)) == 0) {
        accounts_forget_state(cx, id);
        return 0;
    }
    cx_rollback(cx);
    return rc;
}

int accounts_create(struct ctx *cx, const char *email, const char *name, const char *password,
                    const char *role, long long *id)
{
    char hash[PASSWORD_HASH_MAX];
    const char *norm = accounts_normalize_email(cx, email);

    if (!norm)
        return cx_fail(cx, ERR_INVALID, "'%s' is not a valid e-mail address", email);
    if (!valid_role(role))
        return cx_fail(cx, ERR_INVALID, "role must be reader, author or admin");
    const char *hints[] = {norm, name, "mangu", NULL};
    const char *problem = password_problem(password, hints);
    if (problem)
        return cx_fail(cx, ERR_INVALID, "password: %s", problem);
    if (password_hash(password, hash) != 0)
        return cx_fail(cx, ERR_INTERNAL, "cannot hash the password");
    int rc = store_users_insert(cx, norm, name, hash, role, true, id);
    if (rc == ERR_CONFLICT)
        return cx_fail(cx, rc, "an account with e-mail '%s' already exists", norm);
    return rc;
}
