/* test_router.c: route matching: literals over parameters, 404 versus 405, parameters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "http/router.h"

static int h_list(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return 1;
}

static int h_show(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return 2;
}

static int h_featured(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return 3;
}

static int h_file(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    return 4;
}

static const struct route table[] = {
    {HTTP_GET, "/api/books", h_list, 0},
    {HTTP_GET, "/api/books/{id}", h_show, 0},
    {HTTP_PATCH, "/api/books/{id}", h_show, ROUTE_AUTH},
    {HTTP_GET, "/api/books/featured", h_featured, 0},
    {HTTP_POST, "/api/books/{id}/files/{file_id}/complete", h_file, ROUTE_AUTH},
};

static struct router *router;
static struct arena *arena;

static int setup(void **state)
{
    router = router_new(table, sizeof(table) / sizeof(table[0]));
    arena = arena_new();
    return 0;
}

static int teardown(void **state)
{
    router_free(router);
    arena_free(arena);
    return 0;
}

static enum router_outcome match(enum http_method m, const char *path, struct http_request *req,
                                 struct router_match *out)
{
    memset(req, 0, sizeof(*req));
    return router_match(router, m, path, arena, req, out);
}

static void literal_beats_parameter(void **state)
{
    struct http_request req;
    struct router_match m;

    assert_int_equal(match(HTTP_GET, "/api/books/featured", &req, &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->handler, h_featured);
    assert_int_equal(m.index, 3);
    assert_int_equal(match(HTTP_GET, "/api/books/42", &req, &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->handler, h_show);
    assert_string_equal(http_request_param(&req, "id"), "42");
}

static void parameters_are_extracted(void **state)
{
    struct http_request req;
    struct router_match m;

    assert_int_equal(match(HTTP_POST, "/api/books/the-hobbit/files/7/complete", &req, &m),
                     ROUTER_FOUND);
    assert_int_equal(req.n_params, 2);
    assert_string_equal(http_request_param(&req, "id"), "the-hobbit");
    assert_string_equal(http_request_param(&req, "file_id"), "7");
    assert_null(http_request_param(&req, "other"));
}

static void unknown_path_is_not_found(void **state)
{
    struct http_request req;
    struct router_match m;

    assert_int_equal(match(HTTP_GET, "/api/nothing", &req, &m), ROUTER_NOT_FOUND);
    assert_int_equal(match(HTTP_GET, "/api/books/1/2", &req, &m), ROUTER_NOT_FOUND);
    assert_int_equal(match(HTTP_GET, "/api/books/1/files/2/complete/x", &req, &m),
                     ROUTER_NOT_FOUND);
}

static void wrong_method_lists_allowed(void **state)
{
    struct http_request req;
    struct router_match m;

    assert_int_equal(match(HTTP_DELETE, "/api/books/9", &req, &m), ROUTER_METHOD_NOT_ALLOWED);
    assert_non_null(strstr(m.allow, "GET"));
    assert_non_null(strstr(m.allow, "PATCH"));
    assert_int_equal(match(HTTP_POST, "/api/books/featured", &req, &m), ROUTER_METHOD_NOT_ALLOWED);
    assert_string_equal(m.allow, "GET");
}

static void head_matches_get_and_slashes_collapse(void **state)
{
    struct http_request req;
    struct router_match m;

    assert_int_equal(match(HTTP_HEAD, "/api/books", &req, &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->handler, h_list);
    assert_int_equal(match(HTTP_GET, "/api/books/", &req, &m), ROUTER_FOUND);
    assert_ptr_equal(m.route->handler, h_list);
}

static void too_many_segments_is_not_found(void **state)
{
    struct http_request req;
    struct router_match m;

    assert_int_equal(match(HTTP_GET, "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p", &req, &m),
                     ROUTER_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(literal_beats_parameter),
        cmocka_unit_test(parameters_are_extracted),
        cmocka_unit_test(unknown_path_is_not_found),
        cmocka_unit_test(wrong_method_lists_allowed),
        cmocka_unit_test(head_matches_get_and_slashes_collapse),
        cmocka_unit_test(too_many_segments_is_not_found),
    };

    return cmocka_run_group_tests_name("http/router", tests, setup, teardown);
}
