/* routes.c: the table of contents of the HTTP API: every route, its handler and its flags. */
#include "api/dispatch.h"
#include "api/health.h"
#include "api/metrics.h"
#include "api/outbox.h"
#include "api/users.h"
#include "http/router.h"
#ifdef MANGU_TEST_ROUTES
#include "api/testing.h"
#endif

const struct route api_routes[] = {
    /* operations */
    {HTTP_GET, "/api/health", api_health_show, ROUTE_NO_LIMIT},
    {HTTP_GET, "/api/openapi.json", api_openapi_show, 0},
    {HTTP_GET, "/metrics", api_metrics_show, ROUTE_NO_LIMIT},

    /* accounts (api/sessions.c, api/users.c, api/admin.c) */
    {HTTP_POST, "/api/auth/signup", api_sessions_signup, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/login", api_sessions_login, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/refresh", api_sessions_refresh, 0},
    {HTTP_POST, "/api/auth/logout", api_sessions_logout, 0},
    {HTTP_GET, "/api/auth/me", api_sessions_me, ROUTE_AUTH},
    {HTTP_POST, "/api/auth/verify-email", api_sessions_verify_email, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/resend-verification", api_sessions_resend_verification, ROUTE_AUTH},
    {HTTP_POST, "/api/auth/forgot-password", api_sessions_forgot_password, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/reset-password", api_sessions_reset_password, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/auth/change-password", api_sessions_change_password,
     ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_PATCH, "/api/users/me", api_users_update_me, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_DELETE, "/api/users/me", api_users_delete_me, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_POST, "/api/users/me/author", api_users_become_author, ROUTE_AUTH | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/admin/users", api_admin_users_list, ROUTE_ADMIN},
    {HTTP_PATCH, "/api/admin/users/{id}", api_admin_users_update, ROUTE_ADMIN | ROUTE_JSON_BODY},
    {HTTP_GET, "/api/admin/audit", api_admin_audit_list, ROUTE_ADMIN},
    {HTTP_GET, "/api/admin/outbox", api_outbox_list, ROUTE_ADMIN},

    /* catalog (api/books.c, api/authors.c, api/categories.c) */

    /* search (api/search.c) */

#ifdef MANGU_TEST_ROUTES
    /* test build only */
    {HTTP_GET, "/api/_test/sleep", api_test_sleep, ROUTE_NO_LIMIT},
    {HTTP_POST, "/api/_test/echo", api_test_echo, ROUTE_JSON_BODY},
    {HTTP_POST, "/api/_test/mail", api_test_mail, ROUTE_JSON_BODY},
#endif
};

const size_t api_n_routes = sizeof(api_routes) / sizeof(api_routes[0]);
