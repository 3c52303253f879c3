/* creds.h: the S3 driver's AWS credentials: static keys, or the container-credentials endpoint. */
#ifndef MANGU_BLOB_CREDS_H
#define MANGU_BLOB_CREDS_H

#include <stddef.h>
#include <time.h>

#include "core/config.h"

/* One set of credentials; the strings are owned, free with creds_release(). */
struct creds {
    char *access_key;
    char *secret_key;
    char *token;       /* NULL for long-term keys */
    time_t expires_at; /* 0 = does not expire */
};

struct creds_provider; /* process-wide, thread-safe */

/*
 * The provider "cfg" describes: MANGU_S3_ACCESS_KEY_ID/SECRET, else AWS_ACCESS_KEY_ID/SECRET
 * (with AWS_SESSION_TOKEN), else the container endpoint "cfg->aws_container_uri" (fetched
 * lazily). NULL when there is none. Free with creds_provider_free().
 */
struct creds_provider *creds_provider_new(const struct config *cfg);
void creds_provider_free(struct creds_provider *p);

/*
 * Copies current credentials into "out". From the container endpoint they are cached and
 * fetched again (one caller at a time, 2 s bound) when less than five minutes remain; a failed
 * refresh keeps using unexpired ones. 0, or ERR_UNAVAILABLE when none can be had.
 */
int creds_get(struct creds_provider *p, struct creds *out);
/* Forgets cached temporary credentials (after S3 answered ExpiredToken). */
void creds_invalidate(struct creds_provider *p);
void creds_release(struct creds *c);

/*
 * Parses the endpoint's answer, {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}
 * (RFC 3339, fractions of a second allowed). 0, or -1 when a field is missing or malformed.
 */
int creds_parse_json(const char *text, size_t len, struct creds *out);

/* Fetches counted since start (for tests). */
unsigned long creds_fetch_count(struct creds_provider *p);

#endif
