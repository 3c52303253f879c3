/* err.c: names of error codes. */
#include "core/err.h"

const char *err_name(int code)
{
    switch (code) {
    case ERR_OK:
        return "ok";
    case ERR_INVALID:
        return "validation_failed";
    case ERR_BAD_REQUEST:
        return "bad_request";
    case ERR_UNAUTHORIZED:
        return "unauthorized";
    case ERR_FORBIDDEN:
        return "forbidden";
    case ERR_NOT_FOUND:
        return "not_found";
    case ERR_METHOD:
        return "method_not_allowed";
    case ERR_CONFLICT:
        return "conflict";
    case ERR_TOO_LARGE:
        return "payload_too_large";
    case ERR_MEDIA_TYPE:
        return "unsupported_media_type";
    case ERR_UNPROCESSABLE:
        return "unprocessable";
    case ERR_RATE_LIMITED:
        return "rate_limited";
    case ERR_UNAVAILABLE:
        return "unavailable";
    default:
        return "internal";
    }
}
