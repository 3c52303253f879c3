/* test_openapi.c: every route in the table is described in the merged OpenAPI document. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "api/dispatch.h"
#include "api/health.h"
#include "http/router.h"

static const char *lower_method(enum http_method m)
{
    static const char *const names[] = {"get",   "head",   "post",    "put",
                                        "patch", "delete", "options", "other"};

    return names[m];
}

static void document_is_valid_json(void **state)
{
    size_t len;
    const char *doc = openapi_document(&len);
    json_error_t err;
    json_t *root = json_loadb(doc, len, 0, &err);

    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "openapi")), "3.1.0");
    json_decref(root);
}

static void every_route_has_an_entry(void **state)
{
    size_t len;
    const char *doc = openapi_document(&len);
    json_t *root = json_loadb(doc, len, 0, NULL);
    json_t *paths = json_object_get(root, "paths");
    int missing = 0;

    assert_non_null(paths);
    for (size_t i = 0; i < api_n_routes; i++) {
        json_t *item = json_object_get(paths, api_routes[i].pattern);
        if (!item || !json_object_get(item, lower_method(api_routes[i].method))) {
            print_error("no OpenAPI entry for %s %s\n", lower_method(api_routes[i].method),
                        api_routes[i].pattern);
            missing++;
        }
    }
    json_decref(root);
    assert_int_equal(missing, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(document_is_valid_json),
        cmocka_unit_test(every_route_has_an_entry),
    };

    return cmocka_run_group_tests_name("api/openapi", tests, NULL, NULL);
}
