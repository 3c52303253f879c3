/* accounts.c: the only place SQL about users, sessions, e-mail tokens and the audit log lives. */
#include "store/accounts.h"
#include "store/library.h"

#include <stdlib.h>
#include <string.h>

#define USER_COLS                                                                              \
    "u.id, u.email, u.display_name, u.bio, u.role, u.email_verified, u.disabled, u.created_at, " \
    "u.password_hash, u.password_changed_at, a.id, a.slug, a.name "                            \
    "FROM users u LEFT JOIN authors a ON a.user_id = u.id "

static const char SQL_USER_BY_ID[] = "SELECT " USER_COLS "WHERE u.id = $1";
static const char SQL_USER_BY_EMAIL[] = "SELECT " USER_COLS "WHERE lower(u.email) = $1";
static const char SQL_USER_INSERT[] =
    "INSERT INTO users (email, display_name, password_hash, role, email_verified) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";
static const char SQL_USER_SET_PASSWORD[] =
    "UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3 "
    "WHERE id = $1";
static const char SQL_USER_SET_LOGIN[] = "UPDATE users SET last_login_at = $2 WHERE id = $1";
static const char SQL_USER_SET_PROFILE[] =
    "UPDATE users SET display_name = COALESCE(CAST($2 AS TEXT), display_name), "
    "bio = CASE WHEN $4 = 1 THEN CAST($3 AS TEXT) ELSE bio END, updated_at = $5 WHERE id = $1";
static const char SQL_USER_SET_VERIFIED[] =
    "UPDATE users SET email_verified = 1, updated_at = $3 WHERE id = $1 AND email = $2";
static const char SQL_USER_SET_ROLE[] =
    "UPDATE users SET role = $2, updated_at = $3 WHERE id = $1";
static const char SQL_USER_SET_DISABLED[] =
    "UPDATE users SET disabled = $2, updated_at = $3 WHERE id = $1";
static const char SQL_USER_DELETE[] = "DELETE FROM users WHERE id = $1";
static const char SQL_ORDERS_FORGET[] = "UPDATE orders SET email = NULL WHERE user_id = $1";
static const char SQL_REVIEWS_DELETE[] = "DELETE FROM reviews WHERE user_id = $1 RETURNING book_id";
#define USER_FILTER                                                                            \
    "WHERE (CAST($1 AS TEXT) IS NULL OR lower(u.email) LIKE $1 ESCAPE '\\' "                   \
    "OR lower(u.display_name) LIKE $1 ESCAPE '\\') AND (CAST($2 AS TEXT) IS NULL OR u.role = $2) "
static const char SQL_USER_LIST[] =
    DB_PLAN_EACH_CALL "SELECT " USER_COLS USER_FILTER "ORDER BY u.id DESC LIMIT $3 OFFSET $4";
static const char SQL_USER_COUNT[] = DB_PLAN_EACH_CALL "SELECT count(*) FROM users u " USER_FILTER;

static const char SQL_AUTHOR_INSERT[] =
    "INSERT INTO authors (user_id, name, slug, bio) VALUES ($1, $2, $3, $4) RETURNING id";
static const char SQL_AUTHOR_SLUG_TAKEN[] = "SELECT 1 FROM authors WHERE slug = $1";

static const char SQL_SESSION_INSERT[] =
    "INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, user_agent, ip) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
static const char SQL_SESSION_FIND[] =
    "SELECT id, user_id, family_id, expires_at, "
    "CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END, "
    "CASE WHEN replaced_by IS NULL THEN 0 ELSE 1 END FROM refresh_tokens WHERE token_hash = $1";
static const char SQL_SESSION_ROTATE[] =
    "UPDATE refresh_tokens SET revoked_at = $3, replaced_by = $2 "
    "WHERE id = $1 AND revoked_at IS NULL";
static const char SQL_SESSION_REVOKE_FAMILY[] =
    "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL";
static const char SQL_SESSION_REVOKE_USER[] =
    "UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL "
    "RETURNING family_id";

static const char SQL_EMAIL_TOKEN_INSERT[] =
    "INSERT INTO email_tokens (user_id, purpose, token_hash, email, expires_at) "
    "VALUES ($1, $2, $3, $4, $5)";
static const char SQL_EMAIL_TOKEN_CONSUME[] =
    "UPDATE email_tokens SET used_at = $3 WHERE token_hash = $2 AND purpose = $1 "
    "AND used_at IS NULL AND expires_at > $3 RETURNING user_id, email";

static const char SQL_AUDIT_INSERT[] =
    "INSERT INTO audit_log (actor_user_id, action, target_type, target_id, before_json, "
    "after_json, ip, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
static const char SQL_AUDIT_LIST[] =
    "SELECT l.id, l.actor_user_id, u.email, l.action, l.target_type, l.target_id, "
    "l.before_json, l.after_json, l.ip, l.request_id, l.created_at FROM audit_log l "
    "LEFT JOIN users u ON u.id = l.actor_user_id ORDER BY l.id DESC LIMIT $1 OFFSET $2";
static const char SQL_AUDIT_COUNT[] = "SELECT count(*) FROM audit_log";

static void map_user(const struct db_result *r, int row, struct user *u)
{
    u->id = db_get_int(r, row, 0);
    u->email = db_get(r, row, 1);
    u->display_name = db_get(r, row, 2);
    u->bio = db_get(r, row, 3);
    u->role = db_get(r, row, 4);
    u->email_verified = db_get_int(r, row, 5) != 0;
    u->disabled = db_get_int(r, row, 6) != 0;
    u->created_at = db_get(r, row, 7);
    u->password_hash = db_get(r, row, 8);
    u->password_changed_at = db_get(r, row, 9);
    u->author_id = db_get(r, row, 10) ? db_get_int(r, row, 10) : 0;
    u->author_slug = db_get(r, row, 11);
    u->author_name = db_get(r, row, 12);
}

static int find_one(struct ctx *cx, const char *sql, struct db_param p, struct user *out)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, &p, 1, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    map_user(r, 0, out);
    return 0;
}

int store_users_find(struct ctx *cx, long long id, struct user *out)
{
    return find_one(cx, SQL_USER_BY_ID, DBP_INT(id), out);
}

int store_users_find_by_email(struct ctx *cx, const char *email_lower, struct user *out)
{
    return find_one(cx, SQL_USER_BY_EMAIL, DBP_TEXT(email_lower), out);
}

static int returning_id(struct ctx *cx, const char *sql, const struct db_param *p, int n,
                        long long *id)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, p, n, &r);

    if (rc == 0 && id)
        *id = r->nrows ? db_get_int(r, 0, 0) : 0;
    return rc;
}

int store_users_insert(struct ctx *cx, const char *email, const char *name, const char *hash,
                       const char *role, bool verified, long long *id)
{
    struct db_param p[] = {DBP_TEXT(email), DBP_TEXT(name), DBP_TEXT(hash), DBP_TEXT(role),
                           DBP_INT(verified)};

    return returning_id(cx, SQL_USER_INSERT, p, 5, id);
}

/* Runs a write; ERR_NOT_FOUND when it touched no row. */
static int write_one(struct ctx *cx, const char *sql, const struct db_param *p, int n)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, p, n, &r);

    if (rc != 0)
        return rc;
    return r->changes > 0 ? 0 : ERR_NOT_FOUND;
}

int store_users_set_password(struct ctx *cx, long long id, const char *hash, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(hash), DBP_TEXT(now)};

    return write_one(cx, SQL_USER_SET_PASSWORD, p, 3);
}

int store_users_set_login(struct ctx *cx, long long id, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(now)};

    return write_one(cx, SQL_USER_SET_LOGIN, p, 2);
}

int store_users_set_profile(struct ctx *cx, long long id, const char *name, const char *bio,
                            bool set_bio, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(name), DBP_TEXT(bio), DBP_INT(set_bio),
                           DBP_TEXT(now)};

    return write_one(cx, SQL_USER_SET_PROFILE, p, 5);
}

int store_users_set_verified(struct ctx *cx, long long id, const char *email, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(email), DBP_TEXT(now)};

    return write_one(cx, SQL_USER_SET_VERIFIED, p, 3);
}

int store_users_set_role(struct ctx *cx, long long id, const char *role, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(role), DBP_TEXT(now)};

    return write_one(cx, SQL_USER_SET_ROLE, p, 3);
}

int store_users_set_disabled(struct ctx *cx, long long id, bool disabled, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_INT(disabled), DBP_TEXT(now)};

    return write_one(cx, SQL_USER_SET_DISABLED, p, 3);
}

int store_users_delete(struct ctx *cx, long long id)
{
    struct db_param p = DBP_INT(id);

    return write_one(cx, SQL_USER_DELETE, &p, 1);
}

int store_users_forget(struct ctx *cx, long long id)
{
    struct db_param p = DBP_INT(id);
    struct db_result *books = NULL;
    int rc = cx_query(cx, SQL_ORDERS_FORGET, &p, 1, NULL);

    if (rc == 0)
        rc = cx_query(cx, SQL_REVIEWS_DELETE, &p, 1, &books);
    for (int i = 0; rc == 0 && i < books->nrows; i++)
        rc = store_reviews_recount(cx, db_get_int(books, i, 0));
    return rc;
}

int store_users_list(struct ctx *cx, const struct user_filter *f, struct user **items, int *n,
                     long long *total)
{
    struct db_param p[] = {DBP_TEXT(f->q), DBP_TEXT(f->role), DBP_INT(f->limit),
                           DBP_INT(f->offset)};
    struct db_result *r, *c;
    int rc = cx_query(cx, SQL_USER_LIST, p, 4, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_USER_COUNT, p, 2, &c);
    if (rc != 0)
        return rc;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        map_user(r, i, &(*items)[i]);
    *n = r->nrows;
    *total = db_get_int(c, 0, 0);
    return 0;
}

int store_authors_insert(struct ctx *cx, long long user_id, const char *name, const char *slug,
                         const char *bio, long long *id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_TEXT(name), DBP_TEXT(slug), DBP_TEXT(bio)};

    return returning_id(cx, SQL_AUTHOR_INSERT, p, 4, id);
}

int store_authors_slug_taken(struct ctx *cx, const char *slug, bool *taken)
{
    struct db_param p = DBP_TEXT(slug);
    struct db_result *r;
    int rc = cx_query(cx, SQL_AUTHOR_SLUG_TAKEN, &p, 1, &r);

    if (rc == 0)
        *taken = r->nrows > 0;
    return rc;
}

int store_sessions_insert(struct ctx *cx, long long user_id, const char *family,
                          const char *hash, const char *expires_at, const char *user_agent,
                          const char *ip, long long *id)
{
    struct db_param p[] = {DBP_INT(user_id),       DBP_TEXT(family), DBP_TEXT(hash),
                           DBP_TEXT(expires_at), DBP_TEXT(user_agent), DBP_TEXT(ip)};

    return returning_id(cx, SQL_SESSION_INSERT, p, 6, id);
}

int store_sessions_find(struct ctx *cx, const char *hash, struct refresh_row *out)
{
    struct db_param p = DBP_TEXT(hash);
    struct db_result *r;
    int rc = cx_query(cx, SQL_SESSION_FIND, &p, 1, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    out->id = db_get_int(r, 0, 0);
    out->user_id = db_get_int(r, 0, 1);
    out->family_id = db_get(r, 0, 2);
    out->expires_at = db_get(r, 0, 3);
    out->revoked = db_get_int(r, 0, 4) != 0;
    out->rotated = db_get_int(r, 0, 5) != 0;
    return 0;
}

int store_sessions_rotate(struct ctx *cx, long long id, long long next_id, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_INT(next_id), DBP_TEXT(now)};
    int rc = write_one(cx, SQL_SESSION_ROTATE, p, 3);

    return rc == ERR_NOT_FOUND ? ERR_CONFLICT : rc;
}

int store_sessions_revoke_family(struct ctx *cx, const char *family, const char *now)
{
    struct db_param p[] = {DBP_TEXT(family), DBP_TEXT(now)};

    return cx_query(cx, SQL_SESSION_REVOKE_FAMILY, p, 2, NULL);
}

int store_sessions_revoke_user(struct ctx *cx, long long user_id, const char *now,
                               struct db_result **families)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_TEXT(now)};

    return cx_query(cx, SQL_SESSION_REVOKE_USER, p, 2, families);
}

int store_email_tokens_insert(struct ctx *cx, long long user_id, const char *purpose,
                              const char *hash, const char *email, const char *expires_at)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_TEXT(purpose), DBP_TEXT(hash), DBP_TEXT(email),
                           DBP_TEXT(expires_at)};

    return cx_query(cx, SQL_EMAIL_TOKEN_INSERT, p, 5, NULL);
}

int store_email_tokens_consume(struct ctx *cx, const char *purpose, const char *hash,
                               const char *now, long long *user_id, const char **email)
{
    struct db_param p[] = {DBP_TEXT(purpose), DBP_TEXT(hash), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_EMAIL_TOKEN_CONSUME, p, 3, &r);

    if (rc != 0)
        return rc;
    if (r->nrows == 0)
        return ERR_NOT_FOUND;
    *user_id = db_get_int(r, 0, 0);
    *email = db_get(r, 0, 1);
    return 0;
}

int store_audit_insert(struct ctx *cx, const char *action, const char *target_type,
                       const char *target_id, const char *before, const char *after)
{
    struct db_param p[] = {DBP_INT(cx->user_id),    DBP_TEXT(action), DBP_TEXT(target_type),
                           DBP_TEXT(target_id),     DBP_TEXT(before), DBP_TEXT(after),
                           DBP_TEXT(cx->client_ip), DBP_TEXT(cx->request_id)};

    return cx_query(cx, SQL_AUDIT_INSERT, p, 8, NULL);
}

static json_t *json_or_null(const char *text)
{
    json_t *v = text ? json_loads(text, 0, NULL) : NULL;

    return v ? v : json_null();
}

int store_audit_list(struct ctx *cx, long long limit, long long offset, json_t **items,
                     long long *total)
{
    struct db_param p[] = {DBP_INT(limit), DBP_INT(offset)};
    struct db_result *r, *c;
    int rc = cx_query(cx, SQL_AUDIT_LIST, p, 2, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_AUDIT_COUNT, NULL, 0, &c);
    if (rc != 0)
        return rc;
    *items = json_array();
    for (int i = 0; i < r->nrows; i++)
        json_array_append_new(
            *items,
            json_pack("{s:I, s:I, s:s?, s:s, s:s, s:s?, s:o, s:o, s:s?, s:s?, s:s}", "id",
                      (json_int_t)db_get_int(r, i, 0), "actor_user_id",
                      (json_int_t)db_get_int(r, i, 1), "actor_email", db_get(r, i, 2),
                      "action", db_get(r, i, 3), "target_type", db_get(r, i, 4), "target_id",
                      db_get(r, i, 5), "before", json_or_null(db_get(r, i, 6)), "after",
                      json_or_null(db_get(r, i, 7)), "ip", db_get(r, i, 8), "request_id",
                      db_get(r, i, 9), "created_at", db_get(r, i, 10)));
    *total = db_get_int(c, 0, 0);
    return 0;
}
