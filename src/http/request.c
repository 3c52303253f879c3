/* request.c: accessors on a parsed request. */
#include "http/request.h"

#include <string.h>

enum http_method http_method_parse(const char *name)
{
    static const char *const names[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

    for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
        if (strcmp(name, names[i]) == 0)
            return (enum http_method)i;
    return HTTP_OTHER;
}

const char *http_request_header(const struct http_request *req, const char *name)
{
    return req->header_fn ? req->header_fn(req->impl, name) : NULL;
}

const char *http_request_query(const struct http_request *req, const char *name)
{
    return req->query_fn ? req->query_fn(req->impl, name) : NULL;
}

const char *http_request_param(const struct http_request *req, const char *name)
{
    for (int i = 0; i < req->n_params; i++)
        if (strcmp(req->params[i].name, name) == 0)
            return req->params[i].value;
    return NULL;
}
