/* users.c: the user JSON, and /api/users/me. */
#include "api/users.h"
#include "service/accounts.h"


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
