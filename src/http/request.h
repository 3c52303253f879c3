/* request.h: a parsed HTTP request as handlers see it, with no trace of the HTTP library. */
#ifndef MANGU_REQUEST_H
#define MANGU_REQUEST_H

#include <jansson.h>

#include "core/str.h"

#define HTTP_MAX_PARAMS 8

enum http_method {
    HTTP_GET,
    HTTP_HEAD,
    HTTP_POST,
    HTTP_PUT,
    HTTP_PATCH,
    HTTP_DELETE,
    HTTP_OPTIONS,
    HTTP_OTHER
};

struct http_param {
    const char *name;
    const char *value; /* borrowed from the request's arena */
};

/*
 * Where the server streams a body too large to hold in memory (uploads). The opener (see
 * http_server_start) returns one; the server calls "write" for each piece as it arrives.
 */
struct http_sink {
    int (*write)(struct http_sink *sink, const char *data, size_t len); /* 0 or an enum err */
    unsigned long long max_len; /* the most bytes this sink accepts */
    unsigned long long written; /* kept by the server */
    int failed;                 /* the first write's error, or 0 */
};

/* Looks up a header or query argument in the server's own structures; borrowed result. */
typedef const char *(*http_lookup_fn)(void *impl, const char *name);

struct http_request {
    enum http_method method;
    const char *method_name;
    const char *path; /* decoded, without the query string */
    struct str body;  /* raw body bytes (empty when none) */
    json_t *json;     /* parsed body on ROUTE_JSON_BODY routes; borrowed */
    struct http_sink *sink; /* set when the body was streamed there instead of "body" */
    const char *client_ip;
    struct http_param params[HTTP_MAX_PARAMS]; /* from "{name}" route segments */
    int n_params;
    void *impl; /* the server's connection, for the lookups below */
    http_lookup_fn header_fn;
    http_lookup_fn query_fn;
};

enum http_method http_method_parse(const char *name);
/* Borrowed until the request ends; NULL when absent. Names are case-insensitive for headers. */
const char *http_request_header(const struct http_request *req, const char *name);
const char *http_request_query(const struct http_request *req, const char *name);
const char *http_request_param(const struct http_request *req, const char *name);

#endif
