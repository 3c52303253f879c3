/* paging.c (api): "limit" and "offset" of list routes, their errors, and the list JSON. */
#include "api/paging.h"

#include <stdbool.h>

#include "core/str.h"

static bool whole(const char *s, long long lo, long long hi, long long *out)
{
    unsigned long long v;

    if (!str_to_u64(str_from(s), &v) || v > (unsigned long long)hi || (long long)v < lo)
        return false;
    *out = (long long)v;
    return true;
}

void api_page_read(struct http_request *req, json_t *fields, int *limit, long long *offset)
{
    const char *l = http_request_query(req, "limit"), *o = http_request_query(req, "offset");
    long long v;

    *limit = API_LIMIT_DEFAULT;
    *offset = 0;
    if (l && !whole(l, 1, API_LIMIT_MAX, &v))
        json_object_set_new(fields, "limit", json_string("must be a whole number from 1 to 100"));
    else if (l)
        *limit = (int)v;
    if (o && !whole(o, 0, API_OFFSET_MAX, offset))
        json_object_set_new(fields, "offset", json_string("must be a whole number of 0 or more"));
}

int api_page_parse(struct ctx *cx, struct http_request *req, long long *limit, long long *offset)
{
    json_t *fields = json_object();
    int page_limit, rc;

    api_page_read(req, fields, &page_limit, offset);
    *limit = page_limit;
    rc = api_params_check(cx, fields);
    json_decref(fields);
    return rc;
}

int api_params_check(struct ctx *cx, json_t *fields)
{
    if (json_object_size(fields) == 0)
        return 0;
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:O}", "fields", fields),
                           "some parameters are invalid; see details.fields");
}

json_t *api_page_json(json_t *items, long long total, long long limit, long long offset)
{
    return json_pack("{s:o, s:I, s:I, s:I}", "items", items, "total", (json_int_t)total, "limit",
                     (json_int_t)limit, "offset", (json_int_t)offset);
}
