/* routes.c: the table of contents of the HTTP API: every route, its handler and its flags. */
#include "api/dispatch.h"
#include "api/health.h"
#include "api/metrics.h"
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

/* catalog (api/books.c, api/authors.c, api/categories.c) */

/* search (api/search.c) */

#ifdef MANGU_TEST_ROUTES
    /* test build only */
    {HTTP_GET, "/api/_test/sleep", api_test_sleep, ROUTE_NO_LIMIT},
    {HTTP_POST, "/api/_test/echo", api_test_echo, ROUTE_JSON_BODY},
#endif
};

const size_t api_n_routes = sizeof(api_routes) / sizeof(api_routes[0]);
