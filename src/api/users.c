/* users.c: the user JSON, list parameters, and /api/users/me. */
#include "api/users.h"
#include "service/accounts.h"

#include <stdlib.h>
#include <string.h>

json_t *user_to_json(const struct user *u)
{
    json_t *author = u->author_id ? json_pack("{s:I, s:s, s:s}", "id", (json_int_t)u->author_id,
                                              "slug", u->author_slug, "name", u->author_name)
                                  : json_null();

    return json_pack("{s:I, s:s, s:s, s:s?, s:s, s:b, s:b, s:s, s:o}", "id", (json_int_t)u->id,
                     "email", u->email, "display_name", u->display_name, "bio", u->bio, "role",
                     u->role, "email_verified", u->email_verified, "disabled", u->disabled,
                     "created_at", u->created_at, "author", author);
}

static int parse_bounded(struct ctx *cx, const char *name, const char *s, long long lo,
                         long long hi, long long *out)
{
    char *end;
    long long v;

    if (!s)
        return 0;
    v = strtoll(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < lo || v > hi)
        return cx_fail_details(
            cx, ERR_INVALID,
            json_pack("{s:{s:s}}", "fields", name,
                      lo == 0 ? "must be a whole number of 0 or more" : "must be from 1 to 100"),
            "%s must be a whole number from %lld to %lld", name, lo, hi);
    *out = v;
    return 0;
}

int api_list_params(struct ctx *cx, struct http_request *req, long long *limit,
                    long long *offset)
{
    *limit = 24;
    *offset = 0;
    int rc = parse_bounded(cx, "limit", http_request_query(req, "limit"), 1, 100, limit);

    return rc ? rc
              : parse_bounded(cx, "offset", http_request_query(req, "offset"), 0, 100000000,
                              offset);
}

json_t *api_list_json(json_t *items, long long total, long long limit, long long offset)
{
    return json_pack("{s:o, s:I, s:I, s:I}", "items", items, "total", (json_int_t)total,
                     "limit", (json_int_t)limit, "offset", (json_int_t)offset);
}

int api_users_update_me(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct user u;
    int rc = profile_update(cx, req->json, &u);

    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:o}", "user", user_to_json(&u)));
    return rc;
}

int api_users_delete_me(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    int rc = profile_delete(cx, json_string_value(json_object_get(req->json, "password")));

    if (rc == 0) {
        http_respond_bytes(res, 204, NULL, "", 0);
        http_response_header(res, "Set-Cookie", "mangu_refresh=; Path=/api/auth; HttpOnly; "
                                                "SameSite=Strict; Max-Age=0");
    }
    return rc;
}

int api_users_become_author(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct user u;
    int rc = profile_become_author(cx, json_string_value(json_object_get(req->json, "name")),
                                   json_string_value(json_object_get(req->json, "bio")), &u);

    if (rc == 0)
        http_respond_json_new(
            res, 201,
            json_pack("{s:o, s:{s:I, s:s, s:s}}", "user", user_to_json(&u), "author", "id",
                      (json_int_t)u.author_id, "slug", u.author_slug, "name", u.author_name));
    return rc;
}
