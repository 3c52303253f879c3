/* test_config.c: configuration defaults, validation messages, secrets from files, masking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/config.h"

/* A fake environment: NULL-terminated name/value pairs. */
static const char **fake_env;

static const char *fake_getenv(const char *name)
{
    for (int i = 0; fake_env && fake_env[i]; i += 2)
        if (strcmp(fake_env[i], name) == 0)
            return fake_env[i + 1];
    return NULL;
}

static int load(const char **env, struct config *c, struct buf *why)
{
    fake_env = env;
    return config_load(c, fake_getenv, why);
}

static void defaults_need_no_configuration(void **state)
{
    const char *env[] = {NULL};
    struct config c;
    struct buf why = BUF_INIT;

    assert_int_equal(load(env, &c, &why), 0);
    assert_string_equal(c.listen_host, "127.0.0.1");
    assert_int_equal(c.listen_port, 8080);
    assert_string_equal(c.data_dir, "./data");
    assert_string_equal(c.database_url, "sqlite:./data/mangu.db");
    assert_string_equal(config_sqlite_path(&c), "./data/mangu.db");
    assert_null(c.redis_url);
    assert_int_equal(c.db_pool, 20);
    assert_int_equal(c.shutdown_timeout_s, 25);
    assert_true(c.idle_timeout_s > 60);
    assert_int_equal(c.max_body, 1048576);
    assert_string_equal(c.public_url, "http://127.0.0.1:8080");
    assert_int_equal(c.env, ENV_DEVELOPMENT);
    assert_int_equal(c.threads, 2 * (sysconf(_SC_NPROCESSORS_ONLN) < 2 ? 2 : (int)sysconf(_SC_NPROCESSORS_ONLN)));
    assert_int_equal(c.log_flush_ms, 100);
    assert_int_equal(c.sqlite_mmap_mb, 0); /* pread: RSS counts no file map */
    assert_int_equal(c.cache_local_bytes, 2UL << 20);
    config_release(&c);
    buf_release(&why);
}

static void bad_threads_name_auto_in_the_message(void **state)
{
    const char *env[] = {"MANGU_THREADS", "autox", NULL};
    struct config c;
    struct buf why = BUF_INIT;

    assert_int_equal(load(env, &c, &why), -1);
    assert_non_null(strstr(why.p, "MANGU_THREADS: expected auto or an integer from 1 to 256"));
    config_release(&c);
    buf_release(&why);
}

static void threads_and_log_flush_take_explicit_values(void **state)
{
    const char *env[] = {"MANGU_THREADS", "3", "MANGU_LOG_FLUSH_MS", "0", NULL};
    struct config c;
    struct buf why = BUF_INIT;

    assert_int_equal(load(env, &c, &why), 0);
    assert_int_equal(c.threads, 3);
    assert_int_equal(c.log_flush_ms, 0);
    config_release(&c);
    buf_release(&why);
}

/* Each bad value fails, and the message names the variable. */
static void bad_values_name_the_variable(void **state)
{
    static const char *cases[][2] = {
        {"MANGU_LISTEN", "nonsense"},
        {"MANGU_LISTEN", "127.0.0.1:99999"},
        {"MANGU_THREADS", "abc"},
        {"MANGU_THREADS", "0"},
        {"MANGU_ENV", "staging"},
        {"MANGU_DATABASE_URL", "mysql://x"},
        {"MANGU_SHUTDOWN_TIMEOUT", "-1"},
        {"MANGU_MAX_BODY", "12kb"},
        {"MANGU_TRUSTED_PROXIES", "10.0.0.0/33"},
        {"MANGU_CORS_ORIGINS", "*"},
        {"MANGU_LOG_LEVEL", "loud"},
        {"MANGU_LOG_FLUSH_MS", "-5"},
        {"MANGU_LOG_FLUSH_MS", "soon"},
        {"MANGU_REDIS_URL", "http://x"},
        {"MANGU_DB_POOL", "1000"},
        {"MANGU_IDLE_TIMEOUT", "30"},
        {"MANGU_PUBLIC_URL", "ftp://x"},
        {"MANGU_JWT_SECRET", "short"},
        {"MANGU_AUTO_MIGRATE", "maybe"},
        {"MANGU_DB_PREPARE", "maybe"},
        {"MANGU_RATE_LIMIT", "100"},         {"MANGU_RATE_LIMIT", "0/15m"},
        {"MANGU_RATE_LIMIT", "100/15d"},     {"MANGU_RATE_LIMIT", "100/200h"},
        {"MANGU_RATE_LIMIT", "-1/1m"},       {"MANGU_RATE_LIMIT", "10/1m "},
        {"MANGU_RATE_LIMIT_LOGIN", "x/1m"},  {"MANGU_RATE_LIMIT_SIGNUP", "5/"},
        {"MANGU_RATE_LIMIT_RESET", "on"},    {"MANGU_SMTP_URL", "http://mail"},
        {"MANGU_SMTP_URL", "smtp://"},       {"MANGU_SMTP_URL", "smtp://u:p@host:99999"},
        {"MANGU_SMTP_URL", "smtp://h\r\n"},  {"MANGU_MAIL_FROM", "nobody"},
        {"MANGU_MAIL_FROM", "A <b@c"},       {"MANGU_MAIL_FROM", "a@b\r\nBcc: x@y"},
        {"MANGU_MAX_MANUSCRIPT_BYTES", "200MB"}, {"MANGU_MAX_MANUSCRIPT_BYTES", "1000"},
        {"MANGU_MAX_COVER_BYTES", "-1"},     {"MANGU_MAX_COVER_BYTES", "999999999999"},
        {"MANGU_MAX_COVER_PIXELS", "99999"}, {"MANGU_MAX_COVER_PIXELS", ""},
        {"STRIPE_SECRET_KEY", "pk_test_1234567890"},
        {"STRIPE_SECRET_KEY", "sk_test_12 34567890"},
        {"STRIPE_SECRET_KEY", "sk_"},
        {"STRIPE_WEBHOOK_SECRET", "secret123456789"},
        {"STRIPE_WEBHOOK_SECRET", "whsec_aaaaaaaaaa,whsec_bbbbbbbbbb,whsec_cccccccccc"},
        {"STRIPE_WEBHOOK_SECRET", "whsec_aaaaaaaaaa\n"},
        {"STRIPE_API_BASE", "ftp://api.stripe.com"},
        {"STRIPE_API_BASE", "https://api.stripe.com/v1"},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *env[] = {cases[i][0], cases[i][1], NULL};
        struct config c;
        struct buf why = BUF_INIT;
        assert_int_equal(load(env, &c, &why), -1);
        assert_non_null(why.p);
        assert_non_null(strstr(why.p, cases[i][0]));
        config_release(&c);
        buf_release(&why);
    }
}

static void lists_and_urls_parse(void **state)
{
    const char *env[] = {"MANGU_TRUSTED_PROXIES",
                         "10.0.0.0/8, ::1",
                         "MANGU_CORS_ORIGINS",
                         "https://a.example,http://localhost:5173",
                         "MANGU_LISTEN",
                         "[::1]:9000",
                         "MANGU_PUBLIC_URL",
                         "https://books.example/",
                         NULL};
    struct config c;
    struct buf why = BUF_INIT;

    assert_int_equal(load(env, &c, &why), 0);
    assert_int_equal(c.n_trusted_proxies, 2);
    assert_true(cidr_list_contains(c.trusted_proxies, 2, "10.1.2.3"));
    assert_true(cidr_list_contains(c.trusted_proxies, 2, "::1"));
    assert_false(cidr_list_contains(c.trusted_proxies, 2, "11.0.0.1"));
    assert_int_equal(c.n_cors_origins, 2);
    assert_string_equal(c.cors_origins[1], "http://localhost:5173");
    assert_string_equal(c.listen_host, "::1");
    assert_int_equal(c.listen_port, 9000);
    assert_string_equal(c.public_url, "https://books.example");
    config_release(&c);
    buf_release(&why);
}

static void rate_limits_and_mail(void **state)
{
    const char *env[] = {"MANGU_RATE_LIMIT", "5/1m", "MANGU_RATE_LIMIT_LOGIN", "off",
                         "MANGU_RATE_LIMIT_SIGNUP", "3/90s", "MANGU_SMTP_URL",
                         "smtps://mailer:s3cr%40t@[::1]:465", "MANGU_MAIL_FROM",
                         "Books <books@example.org>", NULL};
    struct config c;
    struct buf why = BUF_INIT, out = BUF_INIT;

    assert_int_equal(load(env, &c, &why), 0);
    assert_int_equal(c.rate_limit.limit, 5);
    assert_int_equal(c.rate_limit.window_s, 60);
    assert_int_equal(c.rate_limit_login.limit, 0);
    assert_int_equal(c.rate_limit_signup.window_s, 90);
    assert_int_equal(c.rate_limit_reset.limit, 5); /* default 5/1h */
    assert_int_equal(c.rate_limit_reset.window_s, 3600);
    assert_string_equal(c.mail_from, "Books <books@example.org>");
    config_describe(&c, &out);
    assert_non_null(strstr(out.p, "MANGU_RATE_LIMIT=5/1m\n"));
    assert_non_null(strstr(out.p, "MANGU_RATE_LIMIT_LOGIN=off\n"));
    assert_non_null(strstr(out.p, "MANGU_RATE_LIMIT_SIGNUP=3/90s\n"));
    assert_non_null(strstr(out.p, "MANGU_SMTP_URL=smtps://mailer:****@[::1]:465\n"));
    assert_null(strstr(out.p, "s3cr"));
    config_release(&c);
    buf_release(&out);

    const char *none[] = {NULL};
    assert_int_equal(load(none, &c, &why), 0);
    assert_int_equal(c.rate_limit.limit, 100);
    assert_int_equal(c.rate_limit.window_s, 900);
    assert_int_equal(c.rate_limit_login.limit, 10);
    assert_int_equal(c.rate_limit_signup.window_s, 3600);
    assert_null(c.smtp_url);
    assert_string_equal(c.mail_from, "MANGU Publishing <no-reply@localhost>");
    config_release(&c);
    buf_release(&why);
}

/* Stripe: dev checkout by default; a key needs a webhook secret; rotation keeps two; masked. */
static void stripe_settings(void **state)
{
    const char *none[] = {NULL};
    const char *key_only[] = {"STRIPE_SECRET_KEY", "sk_test_51abcdefghijklmnop", NULL};
    const char *both[] = {"STRIPE_SECRET_KEY", "sk_test_51abcdefghijklmnop",
                          "STRIPE_WEBHOOK_SECRET", " whsec_oldoldoldold , whsec_newnewnewnew",
                          "STRIPE_API_BASE", "http://127.0.0.1:4242/", NULL};
    struct config c;
    struct buf why = BUF_INIT, out = BUF_INIT;

    assert_int_equal(load(none, &c, &why), 0);
    assert_null(c.stripe_secret_key);
    assert_null(c.stripe_webhook_secret);
    assert_string_equal(c.stripe_api_base, "https://api.stripe.com");
    config_release(&c);
    assert_int_equal(load(key_only, &c, &why), -1);
    assert_non_null(strstr(why.p, "STRIPE_WEBHOOK_SECRET"));
    config_release(&c);
    buf_reset(&why);
    assert_int_equal(load(both, &c, &why), 0);
    assert_string_equal(c.stripe_webhook_secret, "whsec_oldoldoldold,whsec_newnewnewnew");
    assert_string_equal(c.stripe_api_base, "http://127.0.0.1:4242");
    config_describe(&c, &out);
    assert_non_null(strstr(out.p, "STRIPE_SECRET_KEY=sk_test_****\n"));
    assert_non_null(strstr(out.p, "STRIPE_WEBHOOK_SECRET=**** (2 secrets)\n"));
    assert_null(strstr(out.p, "abcdefghijklmnop"));
    assert_null(strstr(out.p, "whsec_old"));
    config_release(&c);
    buf_release(&why);
    buf_release(&out);
}

static void secret_from_file_and_masked(void **state)
{
    char path[] = "/tmp/mangu-secret-XXXXXX";
    int fd = mkstemp(path);
    const char *secret = "0123456789abcdef0123456789abcdef-file";

    assert_true(fd >= 0);
    assert_int_equal(write(fd, secret, strlen(secret)), (ssize_t)strlen(secret));
    assert_int_equal(write(fd, "\n", 1), 1);
    close(fd);
    const char *env[] = {"MANGU_JWT_SECRET_FILE", path, "MANGU_DATABASE_URL",
                         "postgres://app:hunter2pass@db:5432/mangu", NULL};
    struct config c;
    struct buf why = BUF_INIT, out = BUF_INIT;
    assert_int_equal(load(env, &c, &why), 0);
    assert_string_equal(c.jwt_secret, secret);
    config_describe(&c, &out);
    assert_null(strstr(out.p, secret));
    assert_null(strstr(out.p, "hunter2pass"));
    assert_non_null(strstr(out.p, "postgres://app:****@db:5432/mangu"));
    unlink(path);
    config_release(&c);
    buf_release(&why);
    buf_release(&out);
}

static void missing_secret_is_generated_once_with_0600(void **state)
{
    char dir[] = "/tmp/mangu-data-XXXXXX";
    const char *env[] = {"MANGU_DATA_DIR", NULL, NULL};
    struct config c;
    struct buf why = BUF_INIT;
    struct stat st;
    char path[256], first[80];

    assert_non_null(mkdtemp(dir));
    env[1] = dir;
    assert_int_equal(load(env, &c, &why), 0);
    assert_int_equal(config_ensure_secrets(&c, &why), 0);
    assert_true(c.jwt_secret_generated);
    snprintf(first, sizeof(first), "%s", c.jwt_secret);
    snprintf(path, sizeof(path), "%s/secrets/jwt_secret", dir);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    config_release(&c);
    assert_int_equal(load(env, &c, &why), 0);
    assert_int_equal(config_ensure_secrets(&c, &why), 0);
    assert_false(c.jwt_secret_generated);
    assert_string_equal(c.jwt_secret, first);
    config_release(&c);
    unlink(path);
    snprintf(path, sizeof(path), "%s/secrets", dir);
    rmdir(path);
    rmdir(dir);
    buf_release(&why);
}

/* Upload limits: 200 MiB manuscripts, 10 MiB and 8000 px covers unless configured. */
static void upload_limits(void **state)
{
    const char *none[] = {NULL};
    const char *env[] = {"MANGU_MAX_MANUSCRIPT_BYTES", "524288000", "MANGU_MAX_COVER_BYTES",
                         "2097152", "MANGU_MAX_COVER_PIXELS", "4000", NULL};
    struct config c;
    struct buf why = BUF_INIT, out = BUF_INIT;

    assert_int_equal(load(none, &c, &why), 0);
    assert_int_equal(c.max_manuscript_bytes, 200u << 20);
    assert_int_equal(c.max_cover_bytes, 10u << 20);
    assert_int_equal(c.max_cover_px, 8000);
    config_release(&c);
    assert_int_equal(load(env, &c, &why), 0);
    assert_int_equal(c.max_manuscript_bytes, 500u << 20);
    assert_int_equal(c.max_cover_bytes, 2u << 20);
    assert_int_equal(c.max_cover_px, 4000);
    config_describe(&c, &out);
    assert_non_null(strstr(out.p, "MANGU_MAX_MANUSCRIPT_BYTES=524288000\n"));
    assert_non_null(strstr(out.p, "MANGU_MAX_COVER_PIXELS=4000\n"));
    config_release(&c);
    buf_release(&why);
    buf_release(&out);
}

static void production_refuses_missing_secret(void **state)
{
    const char *env[] = {"MANGU_ENV", "production", "MANGU_DATA_DIR", "/nonexistent", NULL};
    struct config c;
    struct buf why = BUF_INIT;

    assert_int_equal(load(env, &c, &why), 0);
    assert_int_equal(config_ensure_secrets(&c, &why), -1);
    assert_non_null(strstr(why.p, "MANGU_JWT_SECRET"));
    config_release(&c);
    buf_release(&why);
}

/* Object storage: each bad value fails and names its variable (or the one a pair misses). */
static void storage_bad_values_name_the_variable(void **state)
{
    static const char *cases[][5] = {
        {"MANGU_S3_BUCKET", "ab", NULL},
        {"MANGU_S3_BUCKET", "Upper-Case", NULL},
        {"MANGU_S3_BUCKET", "a..b", NULL},
        {"MANGU_S3_BUCKET", "-bucket", NULL},
        {"MANGU_S3_REGION", "US-EAST-1", NULL},
        {"MANGU_S3_REGION", "x", NULL},
        {"MANGU_S3_ENDPOINT", "s3.amazonaws.com", NULL},
        {"MANGU_S3_ENDPOINT", "https://s3.amazonaws.com/bucket", NULL},
        {"MANGU_S3_ENDPOINT", "https://user@host", NULL},
        {"MANGU_S3_PUBLIC_ENDPOINT", "ftp://x", NULL},
        {"MANGU_S3_PATH_STYLE", "yes", NULL},
        {"MANGU_S3_TIMEOUT", "1", NULL},
        {"MANGU_S3_TIMEOUT", "ten", NULL},
        {"MANGU_S3_ACCESS_KEY_ID", "AKIA EXAMPLE", NULL},
        {"MANGU_S3_SECRET_ACCESS_KEY", "has space", NULL},
        {"AWS_ACCESS_KEY_ID", "AKIA/1", NULL},
        {"AWS_SESSION_TOKEN", "tok\nen", NULL},
        {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "v2/credentials", NULL},
        {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.169.254/latest", NULL},
        {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://evil.example/creds", NULL},
        {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1@evil.example/", NULL},
        {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "file:///etc/passwd", NULL},
        {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "t\r\nX-Evil: 1", NULL},
        {"MANGU_S3_SECRET_ACCESS_KEY", "s", "MANGU_S3_ACCESS_KEY_ID", "AKIA1", NULL},
        {"AWS_SECRET_ACCESS_KEY", "s", "AWS_ACCESS_KEY_ID", "AKIA1", NULL},
        {"AWS_ACCESS_KEY_ID", "AKIA1", "AWS_SECRET_ACCESS_KEY", "s", NULL},
        {"MANGU_S3_BUCKET", "books", "MANGU_S3_BUCKET", "books", NULL},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        /* the variable expected in the message comes first; a pair case sets only the other */
        const char *env[] = {cases[i][2] ? cases[i][2] : cases[i][0],
                             cases[i][2] ? cases[i][3] : cases[i][1], NULL};
        struct config c;
        struct buf why = BUF_INIT;
        assert_int_equal(load(env, &c, &why), -1);
        assert_non_null(why.p);
        assert_non_null(strstr(why.p, cases[i][0]));
        config_release(&c);
        buf_release(&why);
    }
}

static void storage_defaults_and_derivation(void **state)
{
    const char *none[] = {NULL};
    const char *aws[] = {"MANGU_S3_BUCKET", "books", "MANGU_S3_REGION", "eu-west-3",
                         "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "s/+k",
                         NULL};
    const char *local[] = {"MANGU_S3_BUCKET", "books", "MANGU_S3_ENDPOINT",
                           "http://127.0.0.1:4568/", "MANGU_S3_ACCESS_KEY_ID", "S3RVER",
                           "MANGU_S3_SECRET_ACCESS_KEY", "S3RVER", NULL};
    struct config c;
    struct buf why = BUF_INIT;

    assert_int_equal(load(none, &c, &why), 0);
    assert_null(c.s3_bucket); /* disk storage */
    assert_string_equal(c.s3_region, "us-east-1");
    assert_int_equal(c.s3_timeout_s, 600);
    config_release(&c);
    assert_int_equal(load(aws, &c, &why), 0);
    assert_string_equal(c.s3_endpoint, "https://s3.eu-west-3.amazonaws.com");
    assert_string_equal(c.s3_public_endpoint, c.s3_endpoint);
    assert_false(c.s3_path_style);
    config_release(&c);
    assert_int_equal(load(local, &c, &why), 0);
    assert_string_equal(c.s3_endpoint, "http://127.0.0.1:4568");
    assert_true(c.s3_path_style); /* the default once an endpoint is given */
    config_release(&c);
    buf_release(&why);
}

/* The ECS task role's endpoint, a loopback FULL_URI, and secrets masked by `mangu check`. */
static void storage_container_credentials_and_masking(void **state)
{
    const char *ecs[] = {"MANGU_S3_BUCKET", "books", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                         "/v2/credentials/abc", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                         "http://127.0.0.1:9/creds", NULL};
    const char *full[] = {"MANGU_S3_BUCKET", "books", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                          "http://127.0.0.1:9/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
                          "Bearer t0ken", "MANGU_S3_ACCESS_KEY_ID", "AKIAVISIBLE",
                          "MANGU_S3_SECRET_ACCESS_KEY", "hunter2hunter2", NULL};
    struct config c;
    struct buf why = BUF_INIT, out = BUF_INIT;

    assert_int_equal(load(ecs, &c, &why), 0);
    assert_string_equal(c.aws_container_uri, "http://169.254.170.2/v2/credentials/abc");
    config_release(&c);
    assert_int_equal(load(full, &c, &why), 0);
    assert_string_equal(c.aws_container_uri, "http://127.0.0.1:9/creds");
    config_describe(&c, &out);
    assert_non_null(strstr(out.p, "MANGU_S3_BUCKET=books\n"));
    assert_null(strstr(out.p, "hunter2hunter2"));
    assert_null(strstr(out.p, "AKIAVISIBLE"));
    assert_null(strstr(out.p, "t0ken"));
    config_release(&c);
    buf_release(&why);
    buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_need_no_configuration),
        cmocka_unit_test(bad_values_name_the_variable),
        cmocka_unit_test(threads_and_log_flush_take_explicit_values),
        cmocka_unit_test(bad_threads_name_auto_in_the_message),
        cmocka_unit_test(lists_and_urls_parse),
        cmocka_unit_test(rate_limits_and_mail),
        cmocka_unit_test(stripe_settings),
        cmocka_unit_test(secret_from_file_and_masked),
        cmocka_unit_test(missing_secret_is_generated_once_with_0600),
        cmocka_unit_test(production_refuses_missing_secret),
        cmocka_unit_test(upload_limits),
        cmocka_unit_test(storage_bad_values_name_the_variable),
        cmocka_unit_test(storage_defaults_and_derivation),
        cmocka_unit_test(storage_container_credentials_and_masking),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests_name("core/config", tests, NULL, NULL);
}
