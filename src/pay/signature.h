/* signature.h: Stripe webhook signatures: HMAC-SHA256 of "t.body", compared in constant time. */
#ifndef MANGU_PAY_SIGNATURE_H
#define MANGU_PAY_SIGNATURE_H

#include <stddef.h>

#define STRIPE_SIG_MAX_HEADER 2048 /* longer Stripe-Signature headers are refused unread */
#define STRIPE_SIG_MAX_V1 8        /* v1 values tried at most */
#define STRIPE_SIG_TOLERANCE 300   /* seconds between "t" and now, either way */
#define STRIPE_SIG_MAX_SECRETS 2   /* current and previous during a rotation */

enum stripe_sig_result {
    STRIPE_SIG_OK = 0,
    STRIPE_SIG_MISSING,   /* no header */
    STRIPE_SIG_TOO_LONG,  /* over STRIPE_SIG_MAX_HEADER */
    STRIPE_SIG_MALFORMED, /* no or bad "t", duplicate "t", an item without '=' */
    STRIPE_SIG_NO_V1,     /* only v0 or unknown schemes */
    STRIPE_SIG_MISMATCH,  /* no v1 matches any secret */
    STRIPE_SIG_STALE,     /* signature right, "t" more than the tolerance away from "now" */
};

/*
 * Checks the Stripe-Signature "header" (may be NULL) of the raw "body" ("len" bytes): every
 * "v1=<hex>" is tried against HMAC-SHA256("<t>.<body>") under each comma-separated secret of
 * "secrets" (at most STRIPE_SIG_MAX_SECRETS), "v0" and unknown schemes are ignored, and the
 * timestamp must lie within "tolerance" seconds of "now" in both directions.
 */
enum stripe_sig_result stripe_signature_check(const char *header, const char *body, size_t len,
                                              const char *secrets, long long now, int tolerance);
/* A short lower-case reason for logs and the 400's message. */
const char *stripe_signature_reason(enum stripe_sig_result r);
/*
 * Writes "t=<t>,v1=<hex>" for "body" under "secret" into "out" ("size" bytes, 80 is enough);
 * for tests and the benchmark.
 */
void stripe_signature_make(const char *body, size_t len, const char *secret, long long t, char *out,
                           size_t size);

#endif
