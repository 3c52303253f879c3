/* test_json.c: error codes become the right status and the error body of DESIGN.md. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "api/json.h"
#include "core/log.h"

static void every_code_has_its_status(void **state)
{
    static const int expect[][2] = {
        {ERR_OK, 200},           {ERR_INVALID, 400},       {ERR_BAD_REQUEST, 400},
        {ERR_UNAUTHORIZED, 401}, {ERR_FORBIDDEN, 403},     {ERR_NOT_FOUND, 404},
        {ERR_METHOD, 405},       {ERR_CONFLICT, 409},      {ERR_TOO_LARGE, 413},
        {ERR_MEDIA_TYPE, 415},   {ERR_UNPROCESSABLE, 422}, {ERR_RATE_LIMITED, 429},
        {ERR_UNAVAILABLE, 503},  {ERR_INTERNAL, 500},      {-999, 500},
    };

    for (size_t i = 0; i < sizeof(expect) / sizeof(expect[0]); i++)
        assert_int_equal(api_error_status(expect[i][0]), expect[i][1]);
    assert_string_equal(err_name(ERR_INVALID), "validation_failed");
    assert_string_equal(err_name(ERR_TOO_LARGE), "payload_too_large");
}

static json_t *respond(struct ctx *cx, int code, struct http_response *res)
{
    http_response_init(res, cx->arena);
    api_respond_error(cx, res, code);
    return json_loadb(res->body, res->body_len, 0, NULL);
}

static void body_has_code_message_details_and_request_id(void **state)
{
    struct ctx cx = {.arena = arena_new(), .route = "/x"};
    struct http_response res;

    strcpy(cx.request_id, "abc123");
    cx_fail_details(&cx, ERR_INVALID, json_pack("{s:{s:s}}", "fields", "email", "is taken"),
                    "check the highlighted fields");
    json_t *doc = respond(&cx, ERR_INVALID, &res);
    assert_int_equal(res.status, 400);
    assert_string_equal(res.content_type, "application/json");
    json_t *e = json_object_get(doc, "error");
    assert_string_equal(json_string_value(json_object_get(e, "code")), "validation_failed");
    assert_string_equal(json_string_value(json_object_get(e, "message")),
                        "check the highlighted fields");
    assert_string_equal(json_string_value(json_object_get(e, "request_id")), "abc123");
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_object_get(e, "details"), "fields"), "email")),
                        "is taken");
    json_decref(doc);
    arena_free(cx.arena);
}

static void internal_errors_never_leak(void **state)
{
    struct ctx cx = {.arena = arena_new(), .route = "/x"};
    struct http_response res;

    strcpy(cx.request_id, "r1");
    log_init(LOG_ERROR + 1, 2); /* keep the test output quiet */
    cx_fail_details(&cx, ERR_INTERNAL, json_pack("{s:s}", "sql", "SELECT secret"),
                    "relation users does not exist");
    json_t *doc = respond(&cx, ERR_INTERNAL, &res);
    assert_int_equal(res.status, 500);
    assert_null(strstr(res.body, "relation"));
    assert_null(strstr(res.body, "SELECT"));
    assert_null(json_object_get(json_object_get(doc, "error"), "details"));
    json_decref(doc);
    arena_free(cx.arena);
}

static void unavailable_suggests_retry(void **state)
{
    struct ctx cx = {.arena = arena_new(), .route = "/x"};
    struct http_response res;

    json_t *doc = respond(&cx, ERR_UNAVAILABLE, &res);
    assert_int_equal(res.status, 503);
    assert_non_null(http_response_get_header(&res, "Retry-After"));
    json_decref(doc);
    arena_free(cx.arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_code_has_its_status),
        cmocka_unit_test(body_has_code_message_details_and_request_id),
        cmocka_unit_test(internal_errors_never_leak),
        cmocka_unit_test(unavailable_suggests_retry),
    };

    return cmocka_run_group_tests_name("api/json", tests, NULL, NULL);
}
