/* test_signature.c: Stripe-Signature verification against a vector from Node's crypto, rotation,
 * v0, tolerance in both directions and hostile headers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "pay/signature.h"

#define BODY "{\"id\":\"evt_1\"}"
#define SECRET "whsec_test_secret"
#define T 1700000000LL
/* node -e 'crypto.createHmac("sha256", SECRET).update(T + "." + BODY).digest("hex")' */
#define V1 "248a374f50f943a28b0f6ab50faf9a7e7e29b710fa26df9fb1618b9bf8ea9c9a"
#define OTHER "0000000000000000000000000000000000000000000000000000000000000000"

static enum stripe_sig_result check(const char *header, const char *secrets, long long now)
{
    return stripe_signature_check(header, BODY, strlen(BODY), secrets, now, STRIPE_SIG_TOLERANCE);
}

static void known_vector_passes(void **state)
{
    char made[128];

    assert_int_equal(check("t=1700000000,v1=" V1, SECRET, T), STRIPE_SIG_OK);
    stripe_signature_make(BODY, strlen(BODY), SECRET, T, made, sizeof(made));
    assert_string_equal(made, "t=1700000000,v1=" V1);
    /* a v0 and a second, wrong v1 around the right one change nothing */
    assert_int_equal(check("t=1700000000,v1=" OTHER ",v1=" V1 ",v0=abc", SECRET, T), STRIPE_SIG_OK);
}

static void rotation_accepts_either_secret(void **state)
{
    assert_int_equal(check("t=1700000000,v1=" V1, "whsec_new, " SECRET, T), STRIPE_SIG_OK);
    assert_int_equal(check("t=1700000000,v1=" V1, SECRET ",whsec_new", T), STRIPE_SIG_OK);
    assert_int_equal(check("t=1700000000,v1=" V1, "whsec_a,whsec_b", T), STRIPE_SIG_MISMATCH);
    /* only two secrets are tried */
    assert_int_equal(check("t=1700000000,v1=" V1, "whsec_a,whsec_b," SECRET, T),
                     STRIPE_SIG_MISMATCH);
}

static void tolerance_both_ways(void **state)
{
    const char *h = "t=1700000000,v1=" V1;

    assert_int_equal(check(h, SECRET, T + 299), STRIPE_SIG_OK);
    assert_int_equal(check(h, SECRET, T + 300), STRIPE_SIG_OK);
    assert_int_equal(check(h, SECRET, T + 301), STRIPE_SIG_STALE);
    assert_int_equal(check(h, SECRET, T - 300), STRIPE_SIG_OK);
    assert_int_equal(check(h, SECRET, T - 301), STRIPE_SIG_STALE);
}

static void broken_headers_fail(void **state)
{
    char *big = malloc(10241);

    assert_int_equal(check(NULL, SECRET, T), STRIPE_SIG_MISSING);
    assert_int_equal(check("", SECRET, T), STRIPE_SIG_MISSING);
    assert_int_equal(check("v1=" V1, SECRET, T), STRIPE_SIG_MALFORMED);
    assert_int_equal(check("t=abc,v1=" V1, SECRET, T), STRIPE_SIG_MALFORMED);
    assert_int_equal(check("t=1700000000,t=1700000000,v1=" V1, SECRET, T), STRIPE_SIG_MALFORMED);
    assert_int_equal(check("t=1700000000,garbage", SECRET, T), STRIPE_SIG_MALFORMED);
    assert_int_equal(check("t=1700000000,v0=" V1, SECRET, T), STRIPE_SIG_NO_V1);
    assert_int_equal(
        check("t=1700000000,v1=zz8a374f50f943a28b0f6ab50faf9a7e7e29b710fa26df9fb1618b9bf8ea9c9a",
              SECRET, T),
        STRIPE_SIG_MISMATCH);
    assert_int_equal(check("t=1700000000,v1=" V1 "00", SECRET, T), STRIPE_SIG_MISMATCH);
    assert_int_equal(check("t=1700000001,v1=" V1, SECRET, T), STRIPE_SIG_MISMATCH);
    assert_int_equal(stripe_signature_check("t=1700000000,v1=" V1, "{\"id\":\"evt_2\"}", 14, SECRET,
                                            T, STRIPE_SIG_TOLERANCE),
                     STRIPE_SIG_MISMATCH);
    memset(big, 'a', 10240);
    memcpy(big, "t=1700000000,v1=", 16);
    big[10240] = '\0';
    assert_int_equal(check(big, SECRET, T), STRIPE_SIG_TOO_LONG);
    free(big);
    assert_string_equal(stripe_signature_reason(STRIPE_SIG_STALE),
                        "the signature's timestamp is outside the tolerance");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_vector_passes),
        cmocka_unit_test(rotation_accepts_either_secret),
        cmocka_unit_test(tolerance_both_ways),
        cmocka_unit_test(broken_headers_fail),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests_name("pay/signature", tests, NULL, NULL);
}
