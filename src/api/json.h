/* json.h: the one place error codes become HTTP statuses and error bodies. */
#ifndef MANGU_API_JSON_H
#define MANGU_API_JSON_H

#include <jansson.h>

#include "app/ctx.h"
#include "http/response.h"

/* The HTTP status for an enum err (500 for anything unknown). */
int api_error_status(int code);
/*
 * Fills "res" with {"error":{"code","message","details","request_id"}} for "code". Internal
 * errors get a generic message; their recorded detail is logged, never sent.
 */
void api_respond_error(struct ctx *cx, struct http_response *res, int code);
/* Sets cx's error to "code"/"message" and fills the response in one step. */
void api_respond_error_msg(struct ctx *cx, struct http_response *res, int code,
                           const char *message);

#endif
