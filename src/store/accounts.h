/* accounts.h: SQL for users, sessions (refresh tokens), e-mail tokens and the audit log. */
#ifndef MANGU_STORE_ACCOUNTS_H
#define MANGU_STORE_ACCOUNTS_H

#include <stdbool.h>

#include "app/ctx.h"

/* A user row with its author profile; strings live in the request arena. */
struct user {
    long long id;
    const char *email;
    const char *display_name;
    const char *bio; /* may be NULL */
    const char *role;
    bool email_verified;
    bool disabled;
    const char *created_at;
    const char *password_hash;
    const char *password_changed_at;
    long long author_id; /* 0 when the user has no author profile */
    const char *author_slug;
    const char *author_name;
};

struct refresh_row {
    long long id;
    long long user_id;
    const char *family_id;
    const char *expires_at;
    bool revoked;
    bool rotated; /* replaced by a newer token of the family */
};

struct user_filter {
    const char *q;    /* lower-case LIKE pattern, or NULL */
    const char *role; /* or NULL */
    long long limit, offset;
};

/* Each returns 0, ERR_NOT_FOUND, ERR_CONFLICT or ERR_UNAVAILABLE/ERR_INTERNAL via cx. */
int store_users_find(struct ctx *cx, long long id, struct user *out);
int store_users_find_by_email(struct ctx *cx, const char *email_lower, struct user *out);
int store_users_insert(struct ctx *cx, const char *email, const char *name, const char *hash,
                       const char *role, bool verified, long long *id);
int store_users_set_password(struct ctx *cx, long long id, const char *hash, const char *now);
int store_users_set_login(struct ctx *cx, long long id, const char *now);
int store_users_set_profile(struct ctx *cx, long long id, const char *name, const char *bio,
                            bool set_bio, const char *now);
int store_users_set_verified(struct ctx *cx, long long id, const char *email, const char *now);
int store_users_set_role(struct ctx *cx, long long id, const char *role, const char *now);
int store_users_set_disabled(struct ctx *cx, long long id, bool disabled, const char *now);
int store_users_delete(struct ctx *cx, long long id);
int store_users_list(struct ctx *cx, const struct user_filter *f, struct user **items, int *n,
                     long long *total);

int store_authors_insert(struct ctx *cx, long long user_id, const char *name, const char *slug,
                         const char *bio, long long *id);
int store_authors_slug_taken(struct ctx *cx, const char *slug, bool *taken);

int store_sessions_insert(struct ctx *cx, long long user_id, const char *family,
                          const char *hash, const char *expires_at, const char *user_agent,
                          const char *ip, long long *id);
int store_sessions_find(struct ctx *cx, const char *hash, struct refresh_row *out);
/* Marks "id" rotated into "next_id"; ERR_CONFLICT when it was already revoked (a race). */
int store_sessions_rotate(struct ctx *cx, long long id, long long next_id, const char *now);
int store_sessions_revoke_family(struct ctx *cx, const char *family, const char *now);
/* Revokes every live session of "user_id"; "families" (may be NULL) lists the ones ended. */
int store_sessions_revoke_user(struct ctx *cx, long long user_id, const char *now,
                               struct db_result **families);

int store_email_tokens_insert(struct ctx *cx, long long user_id, const char *purpose,
                              const char *hash, const char *email, const char *expires_at);
/* Finds an unused, unexpired token and marks it used in one statement. */
int store_email_tokens_consume(struct ctx *cx, const char *purpose, const char *hash,
                               const char *now, long long *user_id, const char **email);

int store_audit_insert(struct ctx *cx, const char *action, const char *target_type,
                       const char *target_id, const char *before, const char *after);
int store_audit_list(struct ctx *cx, long long limit, long long offset, json_t **items,
                     long long *total);

/* Orders keep no personal data after account deletion; book ratings are recomputed. */
int store_users_forget(struct ctx *cx, long long id);

#endif
