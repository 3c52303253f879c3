/* accounts.h: sign-up, sign-in, sessions, e-mail tokens, profiles and roles; no HTTP here. */
#ifndef MANGU_ACCOUNTS_H
#define MANGU_ACCOUNTS_H

#include <stdbool.h>

#include "app/ctx.h"
#include "core/secret.h"
#include "store/accounts.h"

#define REFRESH_TTL (30LL * 24 * 3600)
#define VERIFY_TTL (24LL * 3600)
#define RESET_TTL 3600LL

/* What a successful sign-in hands the client. */
struct session_out {
    struct user user;
    const char *access_token;              /* arena */
    char refresh_token[SECRET_TOKEN_LEN]; /* goes into the HttpOnly cookie only */
};

struct signup_in {
    const char *email;
    const char *password;
    const char *display_name;
};

int accounts_signup(struct ctx *cx, const struct signup_in *in, struct session_out *out);
/* Same answer and about the same time whether or not the e-mail exists. */
int accounts_login(struct ctx *cx, const char *email, const char *password,
                   struct session_out *out);
/* Rotates the refresh token; a token presented twice revokes its whole family. */
int accounts_refresh(struct ctx *cx, const char *refresh_token, struct session_out *out);
int accounts_logout(struct ctx *cx, const char *refresh_token);

int accounts_verify_email(struct ctx *cx, const char *token, struct user *out);
int accounts_resend_verification(struct ctx *cx);
/* Always succeeds from the caller's point of view; mails a link when the account exists. */
int accounts_forgot_password(struct ctx *cx, const char *email);
int accounts_reset_password(struct ctx *cx, const char *token, const char *password);

/*
 * Reads the bearer token of "authorization" (may be NULL), checks it and the account's
 * current state, and sets cx->user_id and cx->role. 0 (also when there is no token) or
 * ERR_UNAUTHORIZED.
 */
int accounts_identify(struct ctx *cx, const char *authorization);
/* Revokes every session of "user_id", refresh tokens and the access tokens minted for them. */
int accounts_end_sessions(struct ctx *cx, long long user_id);
/* Drops the cached state of "user_id" after a change of role, password or status. */
void accounts_forget_state(struct ctx *cx, long long user_id);

/* Lower-cases ASCII letters and trims; NULL when it is not a plausible address. */
const char *accounts_normalize_email(struct ctx *cx, const char *email);
/* Starts a new session (refresh family) for "u" and mints its first access token. */
int accounts_new_session(struct ctx *cx, const struct user *u, struct session_out *out);
/* Validates a new password for "u"'s e-mail and name; records a field error on failure. */
int accounts_check_password(struct ctx *cx, const char *field, const char *password,
                            const char *email, const char *name);
/* Sends "url" in a mail of "kind" (verify, reset), and logs it for the operator in outbox mode. */
int accounts_send_link(struct ctx *cx, const char *kind, const struct user *u,
                       const char *subject, const char *intro, const char *url);
/* Creates a verification token for "u" and mails its link. */
int accounts_send_verification(struct ctx *cx, const struct user *u);

/* profile.c */
int profile_update(struct ctx *cx, json_t *patch, struct user *out);
int profile_change_password(struct ctx *cx, const char *current, const char *next,
                            struct session_out *out);
int profile_delete(struct ctx *cx, const char *password);
int profile_become_author(struct ctx *cx, const char *name, const char *bio, struct user *out);

/* admin_users.c */
int admin_users_update(struct ctx *cx, long long id, json_t *patch, struct user *out);
/* For `mangu user create`: a verified account with "role", outside any request. */
int accounts_create(struct ctx *cx, const char *email, const char *name, const char *password,
                    const char *role, long long *id);

#endif
