/* json.c: error codes to statuses and the error body of DESIGN.md. */
#include "api/json.h"
#include "core/log.h"

int api_error_status(int code)
{
    switch (code) {
    case ERR_OK:
        return 200;
    case ERR_INVALID:
    case ERR_BAD_REQUEST:
        return 400;
    case ERR_UNAUTHORIZED:
        return 401;
    case ERR_FORBIDDEN:
        return 403;
    case ERR_NOT_FOUND:
        return 404;
    case ERR_METHOD:
        return 405;
    case ERR_CONFLICT:
        return 409;
    case ERR_TOO_LARGE:
        return 413;
    case ERR_MEDIA_TYPE:
        return 415;
    case ERR_UNPROCESSABLE:
        return 422;
    case ERR_RATE_LIMITED:
        return 429;
    case ERR_UNAVAILABLE:
        return 503;
    default:
        return 500;
    }
}

static const char *public_message(struct ctx *cx, int code)
{
    if (api_error_status(code) == 500) {
        log_json(LOG_ERROR, "internal error",
                 json_pack("{s:s, s:s?, s:s?}", "request_id", cx->request_id, "route", cx->route,
                           "detail", cx->err_code == code ? cx->err_msg : NULL));
        return "something went wrong on our side; quote the request id if you report it";
    }
    if (cx->err_code == code && cx->err_msg)
        return cx->err_msg;
    switch (code) {
    case ERR_NOT_FOUND:
        return "not found";
    case ERR_UNAUTHORIZED:
        return "sign in to continue";
    case ERR_FORBIDDEN:
        return "you may not do this";
    case ERR_UNAVAILABLE:
        return "a service we depend on is unavailable; try again shortly";
    default:
        return err_name(code);
    }
}

void api_respond_error(struct ctx *cx, struct http_response *res, int code)
{
    const char *msg = public_message(cx, code);
    json_t *err = json_pack("{s:s, s:s, s:s}", "code", err_name(code), "message", msg, "request_id",
                            cx->request_id);

    if (cx->err_code == code && cx->err_details && api_error_status(code) != 500)
        json_object_set(err, "details", cx->err_details);
    http_respond_json_new(res, api_error_status(code), json_pack("{s:o}", "error", err));
    if (code == ERR_UNAVAILABLE)
        http_response_set_header(res, "Retry-After", "5");
}

void api_respond_error_msg(struct ctx *cx, struct http_response *res, int code, const char *message)
{
    cx_fail(cx, code, "%s", message);
    api_respond_error(cx, res, code);
}
