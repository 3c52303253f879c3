/* testing_blob.h: test-build-only routes that drive the object store through the server. */
#ifndef MANGU_API_TESTING_BLOB_H
#define MANGU_API_TESTING_BLOB_H

#include "app/ctx.h"
#include "http/request.h"
#include "http/response.h"

/* POST /api/_test/blob?key=K (raw body, its Content-Type kept): 201 {key, version, size}. */
int api_test_blob_put(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/_test/blob?key=K[&version=V]: the bytes with their content type. */
int api_test_blob_get(struct ctx *cx, struct http_request *req, struct http_response *res);
/* GET /api/_test/blob/head?key=K[&version=V]: {size, content_type, version}. */
int api_test_blob_head(struct ctx *cx, struct http_request *req, struct http_response *res);
/* DELETE /api/_test/blob?key=K[&version=V]: 204. */
int api_test_blob_delete(struct ctx *cx, struct http_request *req, struct http_response *res);
/*
 * POST /api/_test/blob/presign {method: "PUT"|"GET", key, content_type, size, version,
 * expires_s}: {method, url, headers: {name: value}, expires_at}.
 */
int api_test_blob_presign(struct ctx *cx, struct http_request *req, struct http_response *res);
/*
 * PUT /api/_test/uploads/{token} and GET /api/_test/downloads/{token}: stand-ins for the disk
 * driver's /api/uploads/{token} and /api/downloads/{token} until the upload flow serves them
 * (the upload here is buffered by the server, then written through the streaming writer).
 */
int api_test_blob_upload(struct ctx *cx, struct http_request *req, struct http_response *res);
int api_test_blob_download(struct ctx *cx, struct http_request *req, struct http_response *res);

#endif
