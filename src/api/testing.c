/* testing.c: test-build-only routes; never listed in the production route table. */
#include "api/testing.h"
#include "service/mail.h"

#include <time.h>

int api_test_sleep(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    const char *ms_s = http_request_query(req, "ms");
    unsigned long long ms = 0;

    if (ms_s && (!str_to_u64(str_from(ms_s), &ms) || ms > 30000))
        return cx_fail(cx, ERR_INVALID, "ms must be an integer from 0 to 30000");
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    http_respond_json_new(res, 200, json_pack("{s:I}", "slept_ms", (json_int_t)ms));
    return 0;
}

int api_test_echo(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    http_respond_json_new(res, 200, json_pack("{s:O}", "received", req->json));
    return 0;
}

int api_test_mail(struct ctx *cx, struct http_request *req, struct http_response *res)
{
    json_t *b = req->json;
    const char *kind = json_string_value(json_object_get(b, "kind"));
    struct mail m = {.kind = kind ? kind : "test",
                     .to = json_string_value(json_object_get(b, "to")),
                     .subject = json_string_value(json_object_get(b, "subject")),
                     .text = json_string_value(json_object_get(b, "text")),
                     .html = json_string_value(json_object_get(b, "html"))};
    long long id = 0;
    int rc = mail_queue(cx, &m, &id);

    if (rc == 0)
        http_respond_json_new(res, 202, json_pack("{s:I}", "id", (json_int_t)id));
    return rc;
}
