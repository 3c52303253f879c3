/* sigv4.h: AWS Signature Version 4, pure (no I/O): canonical request, signing key, signatures. */
#ifndef MANGU_SIGV4_H
#define MANGU_SIGV4_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/buf.h"

#define SIGV4_UNSIGNED_PAYLOAD "UNSIGNED-PAYLOAD"
#define SIGV4_EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define SIGV4_MAX_PARAMS 16  /* query parameters of one request, ours included */
#define SIGV4_MAX_HEADERS 12 /* signed headers of one request, host included */

/* A query parameter or header: raw (not percent-encoded) name and value, both borrowed. */
struct sigv4_param {
    const char *name;
    const char *value;
};

/* Borrowed for the call; "session_token" may be NULL. */
struct sigv4_creds {
    const char *access_key;
    const char *secret_key;
    const char *session_token;
};

/*
 * One request to sign. "host" is the Host header as sent ("bucket.s3.amazonaws.com",
 * "127.0.0.1:4568"); "path" is raw ("/bucket/books/1/a b.epub") and is URI-encoded here with
 * '/' kept, as S3 wants (encoded once). "query" holds extra raw parameters (x-id, versionId);
 * "headers" the signed headers besides host (any case; values are trimmed).
 * "payload_hash" is the hex SHA-256 of the body or SIGV4_UNSIGNED_PAYLOAD (NULL means the
 * latter). "when" is the signing time.
 */
struct sigv4_request {
    const char *method;
    const char *host;
    const char *path;
    const struct sigv4_param *query;
    size_t n_query;
    const struct sigv4_param *headers;
    size_t n_headers;
    const char *payload_hash;
    const char *region;
    const char *service;
    time_t when;
};

/*
 * Presigns "r" for "expires_s" seconds (1 to 604800): appends to "query" the whole query
 * string to put after '?', the X-Amz-* parameters (X-Amz-Security-Token when the credentials
 * carry one), the caller's parameters and X-Amz-Signature, every name and value encoded and
 * the list sorted by name, which is also what @aws-sdk/s3-request-presigner writes.
 * Returns 0, or -1 when a count or "expires_s" is out of range.
 */
int sigv4_presign(const struct sigv4_request *r, const struct sigv4_creds *c, int expires_s,
                  struct buf *query);

/*
 * Header signing: appends the Authorization header's value ("AWS4-HMAC-SHA256
 * Credential=..., SignedHeaders=..., Signature=...") to "out". The caller sends, and lists in
 * "r->headers", x-amz-date (sigv4_amz_date of "r->when"), x-amz-content-sha256 and, with a
 * session token, x-amz-security-token. Returns 0 or -1.
 */
int sigv4_authorization(const struct sigv4_request *r, const struct sigv4_creds *c,
                        struct buf *out);

/* Appends "n" bytes of "s" URI-encoded: all but A-Z a-z 0-9 - _ . ~ (and '/' if "keep_slash"). */
void sigv4_uri_encode(struct buf *out, const char *s, size_t n, bool keep_slash);
/* "20130524T000000Z" */
void sigv4_amz_date(time_t t, char out[17]);
/* kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date8), region), service), "aws4_request") */
void sigv4_signing_key(const char *secret, const char *date8, const char *region,
                       const char *service, unsigned char out[32]);
/* Lower-case hex SHA-256 of "n" bytes. */
void sigv4_sha256_hex(const void *data, size_t n, char out[65]);

#endif
