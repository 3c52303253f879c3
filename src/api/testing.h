/* testing.h: routes that exist only in the test build (build/mangu-test). */
#ifndef MANGU_API_TESTING_H
#define MANGU_API_TESTING_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/* GET /api/_test/sleep?ms=N: a slow request for drain tests. */
int api_test_sleep(struct ctx *cx, struct http_request *req, struct http_response *res);
/* POST /api/_test/echo: answers the parsed JSON body back. */
int api_test_echo(struct ctx *cx, struct http_request *req, struct http_response *res);
/* POST /api/_test/mail {to, subject, text, html?, kind?}: queues a mail; 202 {id}. */
int api_test_mail(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
