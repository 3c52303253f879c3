/* sessions.c: /api/auth: sign-up, sign-in, refresh, sign-out and the e-mail token routes. */
#include "api/ratelimit.h"
#include "api/users.h"
#include "core/config.h"
#include "service/accounts.h"
#include "service/tokens.h"

#include <string.h>

#define COOKIE "mangu_refresh"

static const char *body_str(struct http_request *req, const char *key)
{
    return json_string_value(json_object_get(req->json, key));
}

/* The refresh token from the Cookie header, or NULL. */
static const char *refresh_cookie(struct ctx *cx, struct http_request *req)
{
    const char *h = http_request_header(req, "Cookie");

    for (const char *p = h; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *end = strchr(p, ';');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n > sizeof(COOKIE) && strncmp(p, COOKIE "=", sizeof(COOKIE)) == 0)
            return arena_strndup(cx->arena, p + sizeof(COOKIE), n - sizeof(COOKIE));
        p += n;
    }
    return NULL;
}

static void set_cookie(struct ctx *cx, struct http_response *res, const char *token)
{
    bool secure = strncmp(cx->app->cfg->public_url, "https://", 8) == 0;

    http_response_header(res, "Set-Cookie",
                         arena_printf(cx->arena,
                                      COOKIE "=%s; Path=/api/auth; HttpOnly; SameSite=Strict; "
                                             "Max-Age=%lld%s",
                                      token ? token : "", token ? REFRESH_TTL : 0LL,
                                      secure ? "; Secure" : ""));
}

static int answer_session(struct ctx *cx, struct http_response *res, int status,
                          struct session_out *s)
{
    cx->user_id = s->user.id;
    http_respond_json_new(res, status,
                          json_pack("{s:o, s:s, s:s, s:i}", "user", user_to_json(&s->user),
                                    "access_token", s->access_token, "token_type", "Bearer",
                                    "expires_in", ACCESS_TOKEN_TTL));
    set_cookie(cx, res, s->refresh_token);
    return 0;
}

int api_sessions_signup(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct signup_in in = {body_str(req, "email"), body_str(req, "password"),
                           body_str(req, "display_name")};
    struct session_out s;
    int rc =
        api_ratelimit_enforce(cx, res, "signup", cx->client_ip, &cx->app->cfg->rate_limit_signup);

    if (rc == 0)
        rc = accounts_signup(cx, &in, &s);
    return rc ? rc : answer_session(cx, res, 201, &s);
}

/* Failed sign-ins count per account and IP; the check comes before any password work. */
int api_sessions_login(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct session_out s;
    const char *email = body_str(req, "email");
    const char *key = ratelimit_account_key(cx, email ? email : "");
    const struct rate_rule *rule = &cx->app->cfg->rate_limit_login;
    int rc = api_ratelimit_check_failures(cx, res, "login", key, rule);

    if (rc == 0)
        rc = accounts_login(cx, email, body_str(req, "password"), &s);
    if (rc == ERR_UNAUTHORIZED)
        ratelimit_fail(cx, "login", key, rule);
    return rc ? rc : answer_session(cx, res, 200, &s);
}

int api_sessions_refresh(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct session_out s;
    int rc = accounts_refresh(cx, refresh_cookie(cx, req), &s);

    if (rc == ERR_UNAUTHORIZED)
        set_cookie(cx, res, NULL);
    return rc ? rc : answer_session(cx, res, 200, &s);
}

int api_sessions_logout(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    int rc = accounts_logout(cx, refresh_cookie(cx, req));

    if (rc == 0) {
        http_respond_bytes(res, 204, NULL, "", 0);
        set_cookie(cx, res, NULL);
    }
    return rc;
}

int api_sessions_me(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    struct user u;
    int rc = store_users_find(cx, cx->user_id, &u);

    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, ERR_UNAUTHORIZED, "sign in to continue");
    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:o}", "user", user_to_json(&u)));
    return rc;
}

int api_sessions_verify_email(struct ctx *cx, struct http_request *req,
                              struct http_response *res)
{
    struct user u;
    int rc = accounts_verify_email(cx, body_str(req, "token"), &u);

    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:o}", "user", user_to_json(&u)));
    return rc;
}

static int accepted(struct http_response *res, const char *message)
{
    http_respond_json_new(res, 202, json_pack("{s:s}", "message", message));
    return 0;
}

int api_sessions_resend_verification(struct ctx *cx, struct http_request *req,
                                     struct http_response *res)
{
    int rc =
        api_ratelimit_enforce(cx, res, "reset", cx->client_ip, &cx->app->cfg->rate_limit_reset);

    if (rc == 0)
        rc = accounts_resend_verification(cx);

    return rc ? rc : accepted(res, "we sent a new confirmation link");
}

int api_sessions_forgot_password(struct ctx *cx, struct http_request *req,
                                 struct http_response *res)
{
    int rc =
        api_ratelimit_enforce(cx, res, "reset", cx->client_ip, &cx->app->cfg->rate_limit_reset);

    if (rc == 0)
        rc = accounts_forgot_password(cx, body_str(req, "email"));

    return rc ? rc
              : accepted(res, "if an account uses this address, we sent it a link to reset "
                              "the password");
}

int api_sessions_reset_password(struct ctx *cx, struct http_request *req,
                                struct http_response *res)
{
    int rc = accounts_reset_password(cx, body_str(req, "token"), body_str(req, "password"));

    if (rc == 0)
        http_respond_json_new(res, 200, json_pack("{s:s}", "message",
                                                  "your password is changed; sign in with it"));
    return rc;
}

int api_sessions_change_password(struct ctx *cx, struct http_request *req,
                                 struct http_response *res)
{
    struct session_out s;
    int rc = profile_change_password(cx, body_str(req, "current_password"),
                                     body_str(req, "new_password"), &s);

    return rc ? rc : answer_session(cx, res, 200, &s);
}
