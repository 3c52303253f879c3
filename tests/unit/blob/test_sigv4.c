/* test_sigv4.c: the SigV4 signer against AWS's published S3 examples, and the S3 presigned URLs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "blob/blob.h"
#include "blob/driver.h"
#include "blob/sigv4.h"
#include "core/err.h"

/* The credentials and day of every example in AWS's S3 SigV4 documentation. */
#define AK "AKIAIOSFODNN7EXAMPLE"
#define SK "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define HOST "examplebucket.s3.amazonaws.com"

static const struct sigv4_creds creds = {AK, SK, NULL};

static time_t example_time(void)
{
    struct tm tm = {.tm_year = 113, .tm_mon = 4, .tm_mday = 24}; /* 2013-05-24T00:00:00Z */

    return timegm(&tm);
}

static const char *signature_of(const char *s)
{
    const char *p = strstr(s, "Signature=");

    return p ? p + 10 : "";
}

/* "GET object presigned URL" (sigv4-query-string-auth). */
static void presigned_get_matches_aws_example(void **state)
{
    struct sigv4_request r = {.method = "GET",
                              .host = HOST,
                              .path = "/test.txt",
                              .region = "us-east-1",
                              .service = "s3",
                              .when = example_time()};
    struct buf q = BUF_INIT;

    assert_int_equal(sigv4_presign(&r, &creds, 86400, &q), 0);
    assert_string_equal(
        q.p, "X-Amz-Algorithm=AWS4-HMAC-SHA256"
             "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
             "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
             "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
             "&X-Amz-SignedHeaders=host");
    buf_release(&q);
}

/* "GET Object" with a Range header (sig-v4-header-based-auth). */
static void header_get_object_matches_aws_example(void **state)
{
    const struct sigv4_param h[] = {{"Range", "bytes=0-9"},
                                    {"x-amz-content-sha256", SIGV4_EMPTY_SHA256},
                                    {"x-amz-date", "20130524T000000Z"}};
    struct sigv4_request r = {"GET",       HOST, "/test.txt",   NULL, 0, h, 3, SIGV4_EMPTY_SHA256,
                              "us-east-1", "s3", example_time()};
    struct buf a = BUF_INIT;

    assert_int_equal(sigv4_authorization(&r, &creds, &a), 0);
    assert_non_null(strstr(a.p, "Credential=" AK "/20130524/us-east-1/s3/aws4_request, "
                                "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "));
    assert_string_equal(signature_of(a.p),
                        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    buf_release(&a);
}

/* "GET Bucket Lifecycle": a query parameter without a value. */
static void header_get_lifecycle_matches_aws_example(void **state)
{
    const struct sigv4_param q[] = {{"lifecycle", ""}};
    const struct sigv4_param h[] = {{"x-amz-content-sha256", SIGV4_EMPTY_SHA256},
                                    {"x-amz-date", "20130524T000000Z"}};
    struct sigv4_request r = {"GET",       HOST, "/",           q, 1, h, 2, SIGV4_EMPTY_SHA256,
                              "us-east-1", "s3", example_time()};
    struct buf a = BUF_INIT;

    assert_int_equal(sigv4_authorization(&r, &creds, &a), 0);
    assert_string_equal(signature_of(a.p),
                        "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    buf_release(&a);
}

/* "Get Bucket (List Objects)": two parameters, given out of order. */
static void header_list_objects_matches_aws_example(void **state)
{
    const struct sigv4_param q[] = {{"prefix", "J"}, {"max-keys", "2"}};
    const struct sigv4_param h[] = {{"x-amz-content-sha256", SIGV4_EMPTY_SHA256},
                                    {"x-amz-date", "20130524T000000Z"}};
    struct sigv4_request r = {"GET",       HOST, "/",           q, 2, h, 2, SIGV4_EMPTY_SHA256,
                              "us-east-1", "s3", example_time()};
    struct buf a = BUF_INIT;

    assert_int_equal(sigv4_authorization(&r, &creds, &a), 0);
    assert_string_equal(signature_of(a.p),
                        "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    buf_release(&a);
}

/* "PUT Object": a path with '$', a Date header and a storage class. */
static void header_put_object_matches_aws_example(void **state)
{
    const char *payload_hash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
    const struct sigv4_param h[] = {{"Date", "Fri, 24 May 2013 00:00:00 GMT"},
                                    {"x-amz-date", "20130524T000000Z"},
                                    {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
                                    {"x-amz-content-sha256", payload_hash}};
    struct sigv4_request r = {"PUT",       HOST, "/test$file.text", NULL, 0, h, 4, payload_hash,
                              "us-east-1", "s3", example_time()};
    struct buf a = BUF_INIT;
    char hash[65];

    sigv4_sha256_hex("Welcome to Amazon S3.", 21, hash);
    assert_string_equal(hash, payload_hash);
    assert_int_equal(sigv4_authorization(&r, &creds, &a), 0);
    assert_string_equal(signature_of(a.p),
                        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    buf_release(&a);
}

static void uri_encoding_follows_aws_rules(void **state)
{
    struct buf b = BUF_INIT;
    const char raw[] = "a-_.~Z9/ +*%\xc3\xa9=&";

    sigv4_uri_encode(&b, raw, sizeof(raw) - 1, true);
    assert_string_equal(b.p, "a-_.~Z9/%20%2B%2A%25%C3%A9%3D%26");
    buf_reset(&b);
    sigv4_uri_encode(&b, "x/y", 3, false);
    assert_string_equal(b.p, "x%2Fy");
    buf_release(&b);
}

static void limits_are_enforced(void **state)
{
    struct sigv4_request r = {.method = "GET",
                              .host = HOST,
                              .path = "/k",
                              .region = "us-east-1",
                              .service = "s3",
                              .when = example_time()};
    struct buf q = BUF_INIT;

    assert_int_equal(sigv4_presign(&r, &creds, 0, &q), -1);
    assert_int_equal(sigv4_presign(&r, &creds, 604801, &q), -1);
    r.n_query = SIGV4_MAX_PARAMS + 1;
    assert_int_equal(sigv4_presign(&r, &creds, 60, &q), -1);
    buf_release(&q);
}

/* An S3 store on a fixed endpoint with static keys (and a session token). */
static struct blob_store *open_s3(const char *endpoint, bool path_style, const char *token)
{
    struct config cfg;
    struct buf why = BUF_INIT;
    struct blob_store *s = NULL;

    memset(&cfg, 0, sizeof(cfg));
    cfg.data_dir = "/tmp";
    cfg.s3_bucket = "examplebucket";
    cfg.s3_region = "us-east-1";
    cfg.s3_endpoint = (char *)endpoint;
    cfg.s3_path_style = path_style;
    cfg.aws_access_key_id = AK;
    cfg.aws_secret_access_key = SK;
    cfg.aws_session_token = (char *)token;
    assert_int_equal(blob_open(&cfg, &s, &why), 0);
    buf_release(&why);
    return s;
}

/* The driver's presigned PUT signs content-type and content-length, as the SDK does when asked. */
static void s3_presigned_put_signs_type_and_length(void **state)
{
    struct blob_store *s = open_s3("http://127.0.0.1:4568", true, "tok/en+x=");
    struct arena *a = arena_new();
    struct blob_target t;
    struct blob_presign p = {"PUT", "books/1/a.epub", "application/epub+zip", 1234, NULL, 900};

    assert_int_equal(blob_presign_at(s, a, &p, example_time(), &t), 0);
    assert_string_equal(t.method, "PUT");
    assert_true(strncmp(t.url, "http://127.0.0.1:4568/examplebucket/books/1/a.epub?", 51) == 0);
    assert_non_null(strstr(t.url, "&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"));
    assert_non_null(strstr(t.url, "&X-Amz-Security-Token=tok%2Fen%2Bx%3D&"));
    assert_non_null(strstr(t.url, "&x-id=PutObject"));
    assert_int_equal(t.n_headers, 2);
    assert_string_equal(t.headers[0].value, "1234");
    assert_string_equal(t.headers[1].value, "application/epub+zip");
    assert_int_equal(t.expires_at, example_time() + 900);
    p.expires_s = BLOB_PUT_EXPIRES_MAX + 1;
    assert_int_equal(blob_presign_at(s, a, &p, example_time(), &t), ERR_INVALID);
    arena_free(a);
    blob_close(s);
}

/* Virtual-hosted style puts the bucket in the host; a GET lives at most five minutes. */
static void s3_presigned_get_virtual_host(void **state)
{
    struct blob_store *s = open_s3("https://s3.us-east-1.amazonaws.com", false, NULL);
    struct arena *a = arena_new();
    struct blob_target t;

    assert_int_equal(blob_presign_get(s, a, "test.txt", NULL, 300, &t), 0);
    assert_true(strncmp(t.url, "https://examplebucket.s3.us-east-1.amazonaws.com/test.txt?", 58) ==
                0);
    assert_non_null(strstr(t.url, "&X-Amz-SignedHeaders=host&x-id=GetObject"));
    assert_int_equal(t.n_headers, 0);
    assert_int_equal(blob_presign_get(s, a, "test.txt", NULL, 301, &t), ERR_INVALID);
    assert_int_equal(blob_presign_get(s, a, "../etc/passwd", NULL, 60, &t), ERR_INVALID);
    arena_free(a);
    blob_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(presigned_get_matches_aws_example),
        cmocka_unit_test(header_get_object_matches_aws_example),
        cmocka_unit_test(header_get_lifecycle_matches_aws_example),
        cmocka_unit_test(header_list_objects_matches_aws_example),
        cmocka_unit_test(header_put_object_matches_aws_example),
        cmocka_unit_test(uri_encoding_follows_aws_rules),
        cmocka_unit_test(limits_are_enforced),
        cmocka_unit_test(s3_presigned_put_signs_type_and_length),
        cmocka_unit_test(s3_presigned_get_virtual_host),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
