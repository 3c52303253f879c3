/* users.h: the JSON of a user, and the account routes' handlers. */
#ifndef MANGU_API_USERS_H
#define MANGU_API_USERS_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"
#include "store/accounts.h"

/* The public shape of an account (never the hash); caller owns the result. */
json_t *user_to_json(const struct user *u);

/* sessions.c: /api/auth/... */
int api_sessions_signup(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_sessions_login(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_sessions_refresh(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_sessions_logout(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_sessions_me(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_sessions_verify_email(struct ctx *cx, struct http_request *req,
                              struct http_response *res);
int api_sessions_resend_verification(struct ctx *cx, struct http_request *req,
                                     struct http_response *res);
int api_sessions_forgot_password(struct ctx *cx, struct http_request *req,
                                 struct http_response *res);
int api_sessions_reset_password(struct ctx *cx, struct http_request *req,
                                struct http_response *res);
int api_sessions_change_password(struct ctx *cx, struct http_request *req,
                                 struct http_response *res);

/* users.c: /api/users/me... */
int api_users_update_me(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_users_delete_me(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_users_become_author(struct ctx *cx, struct http_request *req,
                            struct http_response *res);

/* admin.c: /api/admin/... */
int api_admin_users_list(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_users_update(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_admin_audit_list(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
