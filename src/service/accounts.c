/* accounts.c: sign-up, sign-in, refresh-token rotation with theft detection, e-mail tokens. */
#include "service/accounts.h"
#include "cache/cache.h"
#include "core/log.h"
#include "core/timefmt.h"
#include "service/mail.h"
#include "service/passwords.h"
#include "service/tokens.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define STATE_TTL 60

/* The user agent as stored with a session: at most 200 bytes. */
static const char *short_agent(struct ctx *cx)
{
    return cx->user_agent ? arena_strndup(cx->arena, cx->user_agent, strnlen(cx->user_agent, 200))
                          : NULL;
}

static int invalid_fields(struct ctx *cx, json_t *fields)
{
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:o}", "fields", fields),
                           "check the highlighted fields");
}

const char *accounts_normalize_email(struct ctx *cx, const char *email)
{
    while (email && isspace((unsigned char)*email))
        email++;
    if (!email)
        return NULL;
    size_t n = strlen(email);
    while (n > 0 && isspace((unsigned char)email[n - 1]))
        n--;
    char *out = arena_strndup(cx->arena, email, n);
    const char *at = strchr(out, '@');
    if (n < 3 || n > 254 || !at || at == out || strchr(at + 1, '@') || !strchr(at + 1, '.') ||
        at[1] == '.' || out[n - 1] == '.')
        return NULL;
    for (char *p = out; *p; p++) {
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == ',' || *p == '"')
            return NULL;
        *p = (char)tolower((unsigned char)*p);
    }
    return out;
}

static const char *clean_name(struct ctx *cx, const char *name)
{
    while (name && isspace((unsigned char)*name))
        name++;
    if (!name)
        return NULL;
    size_t n = strlen(name);
    while (n > 0 && isspace((unsigned char)name[n - 1]))
        n--;
    if (n == 0 || n > 100)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] < ' ')
            return NULL;
    return arena_strndup(cx->arena, name, n);
}

int accounts_check_password(struct ctx *cx, const char *field, const char *password,
                            const char *email, const char *name)
{
    const char *hints[] = {email ? email : "", name ? name : "", "mangu", NULL};
    const char *problem = password ? password_problem(password, hints) : "enter a password";

    if (!problem)
        return 0;
    json_t *fields = json_object();
    json_object_set_new(fields, field, json_string(problem));
    return invalid_fields(cx, fields);
}

int accounts_new_session(struct ctx *cx, const struct user *u, struct session_out *out)
{
    char family[33], hash[SECRET_HASH_LEN];
    long long id;
    struct access_claims claims = {.user_id = u->id};

    secret_hex_new(family, 16);
    secret_token_new(out->refresh_token);
    secret_sha256_hex(out->refresh_token, strlen(out->refresh_token), hash);
    int rc = store_sessions_insert(cx, u->id, family, hash, time_from_now(cx->arena, REFRESH_TTL),
                                   short_agent(cx), cx->client_ip, &id);
    if (rc != 0)
        return rc;
    snprintf(claims.role, sizeof(claims.role), "%s", u->role);
    memcpy(claims.sid, family, sizeof(claims.sid));
    out->access_token = token_mint(cx->app->cfg, cx->arena, &claims);
    out->user = *u;
    return out->access_token ? 0 : cx_fail(cx, ERR_INTERNAL, "cannot sign the access token");
}

int accounts_send_link(struct ctx *cx, const char *kind, const struct user *u,
                       const char *subject, const char *intro, const char *url)
{
    struct mail m = {
        .kind = kind,
        .to = u->email,
        .subject = subject,
        .text = arena_printf(cx->arena,
                             "Hello %s,\n\n%s\n\n%s\n\nIf you did not ask for this, ignore "
                             "this message.\n\nMANGU Publishing\n",
                             u->display_name, intro, url),
        .user_id = u->id,
    };
    int rc = mail_queue(cx, &m, NULL);

    if (rc == 0)
        mail_link_log(cx, kind, u->email, url);
    return rc;
}

static int make_email_token(struct ctx *cx, const struct user *u, const char *purpose,
                            long long ttl, char token[SECRET_TOKEN_LEN])
{
    char hash[SECRET_HASH_LEN];

    secret_token_new(token);
    secret_sha256_hex(token, strlen(token), hash);
    return store_email_tokens_insert(cx, u->id, purpose, hash, u->email,
                                     time_from_now(cx->arena, ttl));
}

int accounts_send_verification(struct ctx *cx, const struct user *u)
{
    char token[SECRET_TOKEN_LEN];
    int rc = make_email_token(cx, u, "verify", VERIFY_TTL, token);

    if (rc != 0)
        return rc;
    return accounts_send_link(
        cx, "verify", u, "Confirm your e-mail address",
        "Welcome to MANGU Publishing. Confirm your e-mail address with this link (valid 24 hours):",
        arena_printf(cx->arena, "%s/verify-email?token=%s", cx->app->cfg->public_url, token));
}

static int validate_signup(struct ctx *cx, const struct signup_in *in, const char **email,
                           const char **name)
{
    json_t *fields = json_object();

    *email = accounts_normalize_email(cx, in->email);
    *name = clean_name(cx, in->display_name);
    if (!*email)
        json_object_set_new(fields, "email", json_string("enter a valid e-mail address"));
    if (!*name)
        json_object_set_new(fields, "display_name",
                            json_string("enter a name of 1 to 100 characters"));
    const char *hints[] = {in->email ? in->email : "", in->display_name ? in->display_name : "",
                           "mangu", NULL};
    const char *problem = in->password ? password_problem(in->password, hints)
                                       : "enter a password";
    if (problem)
        json_object_set_new(fields, "password", json_string(problem));
    if (json_object_size(fields) == 0) {
        json_decref(fields);
        return 0;
    }
    return invalid_fields(cx, fields);
}

static int insert_account(struct ctx *cx, const char *email, const char *name, const char *pw,
                          struct user *u)
{
    char hash[PASSWORD_HASH_MAX];
    long long id;

    if (password_hash(pw, hash) != 0)
        return cx_fail(cx, ERR_INTERNAL, "cannot hash the password");
    int rc = store_users_insert(cx, email, name, hash, "reader", false, &id);
    if (rc == ERR_CONFLICT)
        return cx_fail_details(
            cx, ERR_CONFLICT,
            json_pack("{s:{s:s}}", "fields", "email", "an account with this e-mail already exists"),
            "an account with this e-mail already exists");
    if (rc != 0)
        return rc;
    return store_users_find(cx, id, u);
}

int accounts_signup(struct ctx *cx, const struct signup_in *in, struct session_out *out)
{
    const char *email, *name;
    struct user u;
    int rc = validate_signup(cx, in, &email, &name);

    if (rc != 0 || (rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = insert_account(cx, email, name, in->password, &u)) == 0 &&
        (rc = accounts_send_verification(cx, &u)) == 0 &&
        (rc = accounts_new_session(cx, &u, out)) == 0)
        rc = cx_commit(cx);
    if (rc != 0)
        cx_rollback(cx);
    return rc;
}

static int wrong_credentials(struct ctx *cx)
{
    return cx_fail(cx, ERR_UNAUTHORIZED, "invalid email or password");
}

/* Upgrades the stored hash when today's parameters are stronger than the ones it used. */
static void maybe_rehash(struct ctx *cx, const struct user *u, const char *password)
{
    char hash[PASSWORD_HASH_MAX];

    if (password_needs_rehash(u->password_hash) && password_hash(password, hash) == 0)
        store_users_set_password(cx, u->id, hash, u->password_changed_at);
}

int accounts_login(struct ctx *cx, const char *email, const char *password,
                   struct session_out *out)
{
    const char *norm = accounts_normalize_email(cx, email);
    struct user u;
    int rc;

    if (!password || !norm) {
        password_burn_time(password ? password : "");
        return wrong_credentials(cx);
    }
    rc = store_users_find_by_email(cx, norm, &u);
    if (rc == ERR_NOT_FOUND) {
        password_burn_time(password);
        return wrong_credentials(cx);
    }
    if (rc != 0)
        return rc;
    if (!password_verify(u.password_hash, password))
        return wrong_credentials(cx);
    if (u.disabled)
        return cx_fail(cx, ERR_FORBIDDEN, "this account is disabled; contact support");
    maybe_rehash(cx, &u, password);
    store_users_set_login(cx, u.id, time_from_now(cx->arena, 0));
    return accounts_new_session(cx, &u, out);
}

static void remember_revoked_family(struct ctx *cx, const char *family)
{
    char key[64];

    snprintf(key, sizeof(key), "sid:%s", family);
    cache_set(cx->app->cache, key, "1", 1, ACCESS_TOKEN_TTL + 60);
}

int accounts_end_sessions(struct ctx *cx, long long user_id)
{
    struct db_result *families = NULL;
    int rc = store_sessions_revoke_user(cx, user_id, time_from_now(cx->arena, 0), &families);

    /* their access tokens die too, not only when they next refresh */
    for (int i = 0; rc == 0 && i < families->nrows; i++)
        remember_revoked_family(cx, db_get(families, i, 0));
    return rc;
}

static int refuse_refresh(struct ctx *cx)
{
    return cx_fail(cx, ERR_UNAUTHORIZED, "your session has ended; sign in again");
}

/* A rotated token shown again means two holders: end the whole family. */
static int handle_reuse(struct ctx *cx, const struct refresh_row *row)
{
    const char *now = time_from_now(cx->arena, 0);

    if (row->rotated) {
        log_json(LOG_WARN, "refresh token reused; session family revoked",
                 json_pack("{s:I, s:s, s:s}", "user_id", (json_int_t)row->user_id, "client_ip",
                           cx->client_ip, "request_id", cx->request_id));
        store_sessions_revoke_family(cx, row->family_id, now);
        remember_revoked_family(cx, row->family_id);
    }
    return refuse_refresh(cx);
}

static int rotate(struct ctx *cx, const struct refresh_row *row, const struct user *u,
                  struct session_out *out)
{
    char hash[SECRET_HASH_LEN];
    long long next;
    struct access_claims claims = {.user_id = u->id};
    const char *now = time_from_now(cx->arena, 0);

    secret_token_new(out->refresh_token);
    secret_sha256_hex(out->refresh_token, strlen(out->refresh_token), hash);
    int rc = store_sessions_insert(cx, u->id, row->family_id, hash,
                                   time_from_now(cx->arena, REFRESH_TTL), short_agent(cx),
                                   cx->client_ip, &next);
    if (rc == 0)
        rc = store_sessions_rotate(cx, row->id, next, now);
    if (rc == ERR_CONFLICT)
        return refuse_refresh(cx); /* a concurrent refresh won */
    if (rc != 0)
        return rc;
    snprintf(claims.role, sizeof(claims.role), "%s", u->role);
    snprintf(claims.sid, sizeof(claims.sid), "%s", row->family_id);
    out->access_token = token_mint(cx->app->cfg, cx->arena, &claims);
    out->user = *u;
    return out->access_token ? 0 : cx_fail(cx, ERR_INTERNAL, "cannot sign the access token");
}

int accounts_refresh(struct ctx *cx, const char *refresh_token, struct session_out *out)
{
    char hash[SECRET_HASH_LEN];
    struct refresh_row row;
    struct user u;
    time_t expires;
    int rc;

    if (!refresh_token || strlen(refresh_token) != SECRET_TOKEN_LEN - 1)
        return refuse_refresh(cx);
    secret_sha256_hex(refresh_token, strlen(refresh_token), hash);
    if ((rc = store_sessions_find(cx, hash, &row)) != 0)
        return rc == ERR_NOT_FOUND ? refuse_refresh(cx) : rc;
    if (row.revoked)
        return handle_reuse(cx, &row);
    if (time_parse(row.expires_at, &expires) != 0 || expires <= time(NULL))
        return refuse_refresh(cx);
    if ((rc = store_users_find(cx, row.user_id, &u)) != 0 || u.disabled)
        return rc == 0 || rc == ERR_NOT_FOUND ? refuse_refresh(cx) : rc;
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = rotate(cx, &row, &u, out)) == 0 && (rc = cx_commit(cx)) == 0)
        return 0;
    cx_rollback(cx);
    return rc;
}

int accounts_logout(struct ctx *cx, const char *refresh_token)
{
    char hash[SECRET_HASH_LEN];
    struct refresh_row row;

    if (!refresh_token || strlen(refresh_token) != SECRET_TOKEN_LEN - 1)
        return 0;
    secret_sha256_hex(refresh_token, strlen(refresh_token), hash);
    int rc = store_sessions_find(cx, hash, &row);
    if (rc == ERR_NOT_FOUND)
        return 0;
    if (rc == 0)
        rc = store_sessions_revoke_family(cx, row.family_id, time_from_now(cx->arena, 0));
    if (rc == 0)
        remember_revoked_family(cx, row.family_id);
    return rc;
}

static int consume_token(struct ctx *cx, const char *purpose, const char *token, long long *uid,
                         const char **email)
{
    char hash[SECRET_HASH_LEN];

    if (!token || strlen(token) != SECRET_TOKEN_LEN - 1)
        return cx_fail(cx, ERR_INVALID, "this link is not valid; ask for a new one");
    secret_sha256_hex(token, strlen(token), hash);
    int rc = store_email_tokens_consume(cx, purpose, hash, time_from_now(cx->arena, 0), uid,
                                        email);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, ERR_INVALID, "this link has expired or was already used; ask for a "
                                        "new one");
    return rc;
}

int accounts_verify_email(struct ctx *cx, const char *token, struct user *out)
{
    long long uid;
    const char *email;
    int rc = consume_token(cx, "verify", token, &uid, &email);

    if (rc != 0)
        return rc;
    store_users_set_verified(cx, uid, email, time_from_now(cx->arena, 0));
    return store_users_find(cx, uid, out);
}

int accounts_resend_verification(struct ctx *cx)
{
    struct user u;
    int rc = store_users_find(cx, cx->user_id, &u);

    if (rc != 0)
        return rc;
    if (u.email_verified)
        return cx_fail(cx, ERR_CONFLICT, "your e-mail address is already confirmed");
    return accounts_send_verification(cx, &u);
}

int accounts_forgot_password(struct ctx *cx, const char *email)
{
    const char *norm = accounts_normalize_email(cx, email);
    struct user u;
    char token[SECRET_TOKEN_LEN];

    if (!norm)
        return invalid_fields(cx, json_pack("{s:s}", "email", "enter a valid e-mail address"));
    int rc = store_users_find_by_email(cx, norm, &u);
    if (rc == ERR_NOT_FOUND || (rc == 0 && u.disabled))
        return 0;
    if (rc == 0)
        rc = make_email_token(cx, &u, "reset", RESET_TTL, token);
    if (rc == 0)
        rc = accounts_send_link(
            cx, "reset", &u, "Reset your password",
            "Someone asked to reset the password of your MANGU account. Choose a new one with "
            "this link (valid 1 hour):",
            arena_printf(cx->arena, "%s/reset-password?token=%s", cx->app->cfg->public_url,
                         token));
    return rc;
}

int accounts_reset_password(struct ctx *cx, const char *token, const char *password)
{
    long long uid;
    const char *email;
    struct user u;
    char hash[PASSWORD_HASH_MAX];
    const char *now = time_from_now(cx->arena, 0);
    int rc;

    if (!password || strnlen(password, PASSWORD_MAX + 1) > PASSWORD_MAX)
        return accounts_check_password(cx, "password", password, NULL, NULL);
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = consume_token(cx, "reset", token, &uid, &email)) == 0 &&
        (rc = store_users_find(cx, uid, &u)) == 0 &&
        (rc = accounts_check_password(cx, "password", password, u.email, u.display_name)) == 0) {
        rc = password_hash(password, hash) ? cx_fail(cx, ERR_INTERNAL, "cannot hash") : 0;
        if (rc == 0 && (rc = store_users_set_password(cx, uid, hash, now)) == 0 &&
            (rc = accounts_end_sessions(cx, uid)) == 0)
            rc = cx_commit(cx);
    }
    if (rc != 0) {
        cx_rollback(cx);
        return rc;
    }
    accounts_forget_state(cx, uid);
    return 0;
}

/* The account facts a token is checked against, cached briefly as "role|disabled|changed". */
struct account_state {
    char role[16];
    int disabled;
    time_t changed;
};

static void state_key(long long id, char *key, size_t cap)
{
    snprintf(key, cap, "user:%lld:state", id);
}

static int load_state(struct ctx *cx, long long id, struct account_state *st)
{
    char key[48], *val;
    size_t len;
    struct user u;

    state_key(id, key, sizeof(key));
    if (cache_get(cx->app->cache, cx->arena, key, &val, &len) == 0 &&
        sscanf(val, "%15[a-z]|%d|%lld", st->role, &st->disabled, (long long *)&st->changed) == 3)
        return 0;
    int rc = store_users_find(cx, id, &u);
    if (rc != 0)
        return rc;
    snprintf(st->role, sizeof(st->role), "%s", u.role);
    st->disabled = u.disabled;
    if (time_parse(u.password_changed_at, &st->changed) != 0)
        st->changed = 0;
    val = arena_printf(cx->arena, "%s|%d|%lld", st->role, st->disabled, (long long)st->changed);
    cache_set(cx->app->cache, key, val, strlen(val), STATE_TTL);
    return 0;
}

void accounts_forget_state(struct ctx *cx, long long user_id)
{
    char key[48];

    state_key(user_id, key, sizeof(key));
    cache_del(cx->app->cache, key);
}

static bool family_revoked(struct ctx *cx, const char *sid)
{
    char key[64], *val;
    size_t len;

    snprintf(key, sizeof(key), "sid:%s", sid);
    return cache_get(cx->app->cache, cx->arena, key, &val, &len) == 0;
}

int accounts_identify(struct ctx *cx, const char *authorization)
{
    struct access_claims claims;
    struct account_state st;

    if (!authorization)
        return 0;
    if (strncasecmp(authorization, "Bearer ", 7) != 0 ||
        token_verify(cx->app->cfg, authorization + 7, &claims) != 0)
        return ERR_UNAUTHORIZED;
    int rc = load_state(cx, claims.user_id, &st);
    if (rc == ERR_NOT_FOUND || (rc == 0 && (st.disabled || claims.iat < st.changed)))
        return ERR_UNAUTHORIZED;
    if (rc != 0)
        return rc;
    if (family_revoked(cx, claims.sid))
        return ERR_UNAUTHORIZED;
    cx->user_id = claims.user_id;
    cx->role = arena_strdup(cx->arena, st.role);
    return 0;
}
