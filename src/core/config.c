/* config.c: the settings table; each entry parses and validates one MANGU_* variable. */
#include "core/config.h"
#include "core/config_db.h"
#include "core/config_http.h"
#include "core/config_mail.h"
#include "core/config_media.h"
#include "core/config_parse.h"
#include "core/config_s3.h"
#include "core/config_stripe.h"
#include "core/log.h"
#include "core/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

typedef int (*parse_fn)(struct config *c, const char *val, struct buf *why);

struct setting {
    const char *name;
    const char *def; /* NULL = unset unless derived */
    parse_fn parse;
    bool secret;
    const char *help;
};

static int parse_env(struct config *c, const char *val, struct buf *why)
{
    static const char *const names[] = {"development", "test", "production"};

    for (int i = 0; i < 3; i++)
        if (strcmp(val, names[i]) == 0) {
            c->env = (enum app_env)i;
            return 0;
        }
    buf_printf(why, "expected development, test or production, got '%s'", val);
    return -1;
}

static int parse_data_dir(struct config *c, const char *val, struct buf *why)
{
    if (!*val) {
        buf_adds(why, "expected a folder path, got ''");
        return -1;
    }
    config_set_str(&c->data_dir, val);
    return 0;
}

static int parse_web_dir(struct config *c, const char *val, struct buf *why)
{
    return config_parse_text(&c->web_dir, val, "a folder path", why);
}

static int parse_log_level(struct config *c, const char *val, struct buf *why)
{
    int lvl = log_level_parse(val);

    if (lvl < 0) {
        buf_printf(why, "expected debug, info, warn or error, got '%s'", val);
        return -1;
    }
    c->log_level = lvl;
    return 0;
}

static int parse_log_flush(struct config *c, const char *val, struct buf *why)
{
    return config_parse_int_field(&c->log_flush_ms, val, 0, 10000, why);
}

static int parse_jwt_secret(struct config *c, const char *val, struct buf *why)
{
    if (strlen(val) < 32) {
        buf_adds(why, "expected at least 32 characters of secret");
        return -1;
    }
    config_set_str(&c->jwt_secret, val);
    return 0;
}

/* The whole configuration surface; README's table is written from this. */
static const struct setting settings[] = {
    {"MANGU_ENV", "development", parse_env, false,
     "development, test or production (production refuses generated secrets and test checkout)"},
    {"MANGU_LISTEN", "127.0.0.1:8080", config_parse_listen, false, "address and port to listen on"},
    {"MANGU_PUBLIC_URL", NULL, config_parse_public_url, false,
     "public origin of the site (default http://<MANGU_LISTEN>); https turns on HSTS"},
    {"MANGU_DATA_DIR", "./data", parse_data_dir, false,
     "folder for the SQLite file, stored objects and generated secrets"},
    {"MANGU_DATABASE_URL", NULL, config_parse_database_url, true,
     "sqlite:<path> (default <data>/mangu.db) or postgres://user:pass@host:port/db"},
    {"MANGU_DB_POOL", "20", config_parse_db_pool, false,
     "database connections per process (1-100)"},
    {"MANGU_SQLITE_MMAP_MB", "0", config_parse_sqlite_mmap, false,
     "SQLite: MiB of the database file each connection reads through a memory map (0: pread; "
     "a map searches faster, but RSS then counts the file once per connection)"},
    {"MANGU_DB_STATEMENT_TIMEOUT_MS", "5000", config_parse_stmt_timeout, false,
     "longest a statement may run (PostgreSQL statement_timeout, SQLite busy timeout)"},
    {"MANGU_DB_PREPARE", "1", config_parse_db_prepare, false,
     "PostgreSQL: 1 keeps each constant statement prepared per connection; 0 for a pooler in "
     "transaction mode (PgBouncer before 1.21)"},
    {"MANGU_AUTO_MIGRATE", "0", config_parse_auto_migrate, false,
     "1: serve applies pending PostgreSQL migrations itself (SQLite always does)"},
    {"MANGU_REDIS_URL", NULL, config_parse_redis_url, true,
     "redis://[:password@]host:port[/db] or rediss://...; unset = in-process cache"},
    {"MANGU_CACHE_PREFIX", "mangu:", config_parse_cache_prefix, false, "prefix of every cache key"},
    {"MANGU_CACHE_MAX_BYTES", "6291456", config_parse_cache_max, false,
     "memory bound of the in-process cache"},
    {"MANGU_CACHE_LOCAL_BYTES", "2097152", config_parse_cache_local, false,
     "memory bound of each process's LRU of search answers (and, with Redis, copies of catalog answers) (0 = none)"},
    {"MANGU_WEB_DIR", "web/dist", parse_web_dir, false, "the built web client to serve"},
    {"MANGU_THREADS", "auto", config_parse_threads, false,
     "HTTP worker threads (1-256); auto: two per CPU (raise it when the database is far away)"},
    {"MANGU_IDLE_TIMEOUT", "75", config_parse_idle_timeout, false,
     "seconds an idle keep-alive connection stays open (above the ALB's 60)"},
    {"MANGU_SHUTDOWN_TIMEOUT", "25", config_parse_shutdown_timeout, false,
     "seconds in-flight requests get to finish after SIGTERM"},
    {"MANGU_MAX_BODY", "1048576", config_parse_max_body, false,
     "largest JSON request body in bytes"},
    {"MANGU_MAX_HEADER", "32768", config_parse_max_header, false,
     "memory for one request's headers in bytes"},
    {"MANGU_TRUSTED_PROXIES", "", config_parse_trusted_proxies, false,
     "comma-separated CIDRs whose X-Forwarded-For and X-Request-Id are believed"},
    {"MANGU_CORS_ORIGINS", "", config_parse_cors_origins, false,
     "comma-separated origins allowed to call the API from a browser"},
    {"MANGU_LOG_LEVEL", "info", parse_log_level, false, "debug, info, warn or error"},
    {"MANGU_LOG_FLUSH_MS", "100", parse_log_flush, false,
     "access lines are written in batches at least this often, in ms (0: each at once)"},
    {"MANGU_JWT_SECRET", NULL, parse_jwt_secret, true,
     "token signing key (32+ chars); generated into <data>/secrets outside production"},
    {"MANGU_RATE_LIMIT", "100/15m", config_parse_rate_limit, false,
     "requests per client IP on /api as <count>/<window> (s, m or h), or off"},
    {"MANGU_RATE_LIMIT_LOGIN", "10/15m", config_parse_rate_login, false,
     "failed sign-ins per account and IP, or off"},
    {"MANGU_RATE_LIMIT_SIGNUP", "10/1h", config_parse_rate_signup, false,
     "sign-ups per IP, or off"},
    {"MANGU_RATE_LIMIT_RESET", "5/1h", config_parse_rate_reset, false,
     "forgot-password and resend-verification requests per IP, or off"},
    {"MANGU_SMTP_URL", NULL, config_parse_smtp_url, true,
     "smtp://user:pass@host:port (STARTTLS) or smtps://...; unset = outbox only"},
    {"MANGU_MAIL_FROM", "MANGU Publishing <no-reply@localhost>", config_parse_mail_from, false,
     "sender of every e-mail"},
    {"MANGU_MAX_MANUSCRIPT_BYTES", "209715200", config_parse_max_manuscript, false,
     "largest manuscript upload (EPUB or PDF) in bytes; larger gets 413"},
    {"MANGU_MAX_COVER_BYTES", "10485760", config_parse_max_cover_bytes, false,
     "largest cover image in bytes; larger gets 413"},
    {"MANGU_MAX_COVER_PIXELS", "8000", config_parse_max_cover_px, false,
     "widest and tallest cover image in pixels; larger gets 422"},
    {"STRIPE_SECRET_KEY", NULL, config_parse_stripe_key, true,
     "Stripe secret key; set = Stripe Checkout, unset = the built-in test checkout"},
    {"STRIPE_WEBHOOK_SECRET", NULL, config_parse_stripe_webhook_secret, true,
     "webhook signing secret (whsec_...); two comma-separated during a rotation"},
    {"STRIPE_API_BASE", "https://api.stripe.com", config_parse_stripe_api_base, false,
     "Stripe's API origin (tests point it at a local fake)"},
    /* object storage (parsers in core/config_s3.c) */
    {"MANGU_S3_BUCKET", NULL, config_parse_s3_bucket, false,
     "S3 bucket for uploads and media; unset = versioned folder <data>/objects"},
    {"MANGU_S3_REGION", "us-east-1", config_parse_s3_region, false, "the bucket's region"},
    {"MANGU_S3_ENDPOINT", NULL, config_parse_s3_endpoint, false,
     "S3 origin (default https://s3.<region>.amazonaws.com; any S3-compatible server)"},
    {"MANGU_S3_PUBLIC_ENDPOINT", NULL, config_parse_s3_public_endpoint, false,
     "origin browsers reach S3 at, for presigned URLs (default MANGU_S3_ENDPOINT)"},
    {"MANGU_S3_PATH_STYLE", NULL, config_parse_s3_path_style, false,
     "1: <endpoint>/<bucket>/<key>; 0: <bucket>.<host>/<key> (default 1 with an endpoint)"},
    {"MANGU_S3_TIMEOUT", "600", config_parse_s3_timeout, false,
     "seconds one S3 transfer may take (connecting is bounded at 2)"},
    {"MANGU_S3_ACCESS_KEY_ID", NULL, config_parse_s3_key_id, true,
     "S3 access key id; wins over AWS_ACCESS_KEY_ID"},
    {"MANGU_S3_SECRET_ACCESS_KEY", NULL, config_parse_s3_secret, true,
     "S3 secret access key, with MANGU_S3_ACCESS_KEY_ID"},
    {"AWS_ACCESS_KEY_ID", NULL, config_parse_aws_key_id, true, "AWS access key id"},
    {"AWS_SECRET_ACCESS_KEY", NULL, config_parse_aws_secret, true, "AWS secret access key"},
    {"AWS_SESSION_TOKEN", NULL, config_parse_aws_session_token, true,
     "session token of temporary AWS credentials"},
    {"AWS_CONTAINER_CREDENTIALS_FULL_URI", NULL, config_parse_aws_container_full_uri, false,
     "credentials endpoint (https, or http to the container agent or loopback)"},
    {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", NULL, config_parse_aws_container_relative_uri, false,
     "ECS task role: credentials from http://169.254.170.2<uri> (wins over FULL_URI)"},
    {"AWS_CONTAINER_AUTHORIZATION_TOKEN", NULL, config_parse_aws_container_token, true,
     "Authorization header sent to the credentials endpoint"},
};

#define N_SETTINGS (sizeof(settings) / sizeof(settings[0]))

/* Reads "NAME_FILE" for secrets; returns an owned string or NULL. */
static char *read_secret_file(const char *path, struct buf *why)
{
    FILE *f = fopen(path, "r");
    struct buf b = BUF_INIT;
    char chunk[512];
    size_t n;

    if (!f) {
        buf_printf(why, "cannot read '%s': %s", path, strerror(errno));
        return NULL;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len < 65536)
        buf_add(&b, chunk, n);
    fclose(f);
    while (b.len > 0 && (b.p[b.len - 1] == '\n' || b.p[b.len - 1] == '\r'))
        b.p[--b.len] = '\0';
    return buf_detach(&b, NULL);
}

static int load_one(struct config *c, const struct setting *s, config_getenv_fn get,
                    struct buf *why)
{
    char fname[96];
    const char *val = get(s->name);
    char *owned = NULL;

    snprintf(fname, sizeof(fname), "%s_FILE", s->name);
    if (!val && s->secret && get(fname)) {
        struct buf sub = BUF_INIT;
        owned = read_secret_file(get(fname), &sub);
        if (!owned) {
            buf_printf(why, "%s: %s", fname, sub.p);
            buf_release(&sub);
            return -1;
        }
        val = owned;
    }
    if (!val)
        val = s->def;
    int rc = 0;
    if (val) {
        struct buf sub = BUF_INIT;
        rc = s->parse(c, val, &sub);
        if (rc != 0)
            buf_printf(why, "%s: %s", s->name, sub.p ? sub.p : "invalid value");
        buf_release(&sub);
    }
    free(owned);
    return rc;
}

static void apply_derived(struct config *c)
{
    if (!c->database_url) {
        struct buf b = BUF_INIT;
        buf_printf(&b, "sqlite:%s/mangu.db", c->data_dir);
        c->database_url = buf_detach(&b, NULL);
    }
    if (!c->public_url) {
        struct buf b = BUF_INIT;
        buf_printf(&b, "http://%s:%d", c->listen_host, c->listen_port);
        c->public_url = buf_detach(&b, NULL);
    }
}

int config_load(struct config *c, config_getenv_fn get, struct buf *why)
{
    memset(c, 0, sizeof(*c));
    for (size_t i = 0; i < N_SETTINGS; i++)
        if (load_one(c, &settings[i], get, why) != 0)
            return -1;
    apply_derived(c);
    if (config_s3_finish(c, why) != 0)
        return -1;
    if (c->stripe_secret_key && !c->stripe_webhook_secret) {
        buf_adds(why, "STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set (or "
                      "STRIPE_WEBHOOK_SECRET_FILE)");
        return -1;
    }
    return 0;
}

static int mkdir_p(const char *path, mode_t mode)
{
    char tmp[PATH_MAX];

    if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
        return -1;
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, mode) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return mkdir(tmp, mode) != 0 && errno != EEXIST ? -1 : 0;
}

/* Reads the stored secret, or creates it with 0600 when absent. Returns an owned string. */
static char *load_or_create_secret(const char *dir, const char *name, struct buf *why,
                                   bool *created)
{
    char path[PATH_MAX];
    struct buf sub = BUF_INIT;

    *created = false;
    if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path)) {
        buf_adds(why, "MANGU_DATA_DIR: the path is too long");
        return NULL;
    }
    if (access(path, F_OK) == 0) {
        char *v = read_secret_file(path, &sub);
        if (!v)
            buf_adds(why, sub.p);
        buf_release(&sub);
        return v;
    }
    unsigned char raw[32];
    char hex[65];
    randombytes_buf(raw, sizeof(raw));
    sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 || write(fd, hex, 64) != 64 || fsync(fd) != 0) {
        buf_printf(why, "cannot write '%s': %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    close(fd);
    *created = true;
    return xstrdup(hex);
}

int config_ensure_secrets(struct config *c, struct buf *why)
{
    char dir[PATH_MAX];

    if (c->jwt_secret)
        return 0;
    if (c->env == ENV_PRODUCTION) {
        buf_adds(why, "MANGU_JWT_SECRET: required when MANGU_ENV=production "
                      "(set it or MANGU_JWT_SECRET_FILE)");
        return -1;
    }
    if (snprintf(dir, sizeof(dir) - 16, "%s/secrets", c->data_dir) >= (int)sizeof(dir) - 16 ||
        mkdir_p(dir, 0700) != 0) {
        buf_printf(why, "MANGU_DATA_DIR: cannot create '%s': %s", dir, strerror(errno));
        return -1;
    }
    c->jwt_secret = load_or_create_secret(dir, "jwt_secret", why, &c->jwt_secret_generated);
    return c->jwt_secret ? 0 : -1;
}

static const char *env_name(enum app_env e)
{
    return e == ENV_PRODUCTION ? "production" : e == ENV_TEST ? "test" : "development";
}

/* Masks the password in a URL ("postgres://u:****@h/db"). */
static void add_masked_url(struct buf *out, const char *url)
{
    const char *at = strchr(url, '@');
    const char *scheme = strstr(url, "://");

    if (!at || !scheme) {
        buf_adds(out, url);
        return;
    }
    const char *colon = memchr(scheme + 3, ':', (size_t)(at - scheme - 3));
    if (!colon) {
        buf_adds(out, url);
        return;
    }
    buf_add(out, url, (size_t)(colon - url + 1));
    buf_adds(out, "****");
    buf_adds(out, at);
}

/* "NAME=100/15m" with the window in its largest whole unit, or "NAME=off". */
static void add_rate(struct buf *out, const char *name, const struct rate_rule *r)
{
    int w = r->window_s;

    if (!r->limit)
        buf_printf(out, "%s=off\n", name);
    else if (w % 3600 == 0)
        buf_printf(out, "%s=%lld/%dh\n", name, r->limit, w / 3600);
    else if (w % 60 == 0)
        buf_printf(out, "%s=%lld/%dm\n", name, r->limit, w / 60);
    else
        buf_printf(out, "%s=%lld/%ds\n", name, r->limit, w);
}

void config_describe(const struct config *c, struct buf *out)
{
    buf_printf(out, "MANGU_ENV=%s\n", env_name(c->env));
    buf_printf(out, "MANGU_LISTEN=%s:%d\n", c->listen_host, c->listen_port);
    buf_printf(out, "MANGU_PUBLIC_URL=%s\n", c->public_url);
    buf_printf(out, "MANGU_DATA_DIR=%s\n", c->data_dir);
    buf_adds(out, "MANGU_DATABASE_URL=");
    add_masked_url(out, c->database_url);
    buf_printf(out, "\nMANGU_DB_POOL=%d\n", c->db_pool);
    buf_printf(out, "MANGU_SQLITE_MMAP_MB=%d\n", c->sqlite_mmap_mb);
    buf_printf(out, "MANGU_DB_STATEMENT_TIMEOUT_MS=%d\n", c->db_statement_timeout_ms);
    buf_printf(out, "MANGU_DB_PREPARE=%d\n", c->db_prepare);
    buf_printf(out, "MANGU_AUTO_MIGRATE=%d\n", c->auto_migrate);
    buf_adds(out, "MANGU_REDIS_URL=");
    if (c->redis_url)
        add_masked_url(out, c->redis_url);
    buf_printf(out, "\nMANGU_CACHE_PREFIX=%s\n", c->cache_prefix);
    buf_printf(out, "MANGU_CACHE_MAX_BYTES=%zu\n", c->cache_max_bytes);
    buf_printf(out, "MANGU_CACHE_LOCAL_BYTES=%zu\n", c->cache_local_bytes);
    buf_printf(out, "MANGU_WEB_DIR=%s\n", c->web_dir);
    buf_printf(out, "MANGU_THREADS=%d\n", c->threads);
    buf_printf(out, "MANGU_IDLE_TIMEOUT=%d\n", c->idle_timeout_s);
    buf_printf(out, "MANGU_SHUTDOWN_TIMEOUT=%d\n", c->shutdown_timeout_s);
    buf_printf(out, "MANGU_MAX_BODY=%zu\n", c->max_body);
    buf_printf(out, "MANGU_MAX_HEADER=%zu\n", c->max_header);
    buf_printf(out, "MANGU_TRUSTED_PROXIES=(%zu ranges)\n", c->n_trusted_proxies);
    buf_adds(out, "MANGU_CORS_ORIGINS=");
    for (size_t i = 0; i < c->n_cors_origins; i++)
        buf_printf(out, "%s%s", i ? "," : "", c->cors_origins[i]);
    buf_printf(out, "\nMANGU_LOG_LEVEL=%s\n", log_level_name((enum log_level)c->log_level));
    buf_printf(out, "MANGU_LOG_FLUSH_MS=%d\n", c->log_flush_ms);
    buf_printf(out, "MANGU_JWT_SECRET=%s\n",
               c->jwt_secret ? (c->jwt_secret_generated ? "**** (generated)" : "****") : "(unset)");
    add_rate(out, "MANGU_RATE_LIMIT", &c->rate_limit);
    add_rate(out, "MANGU_RATE_LIMIT_LOGIN", &c->rate_limit_login);
    add_rate(out, "MANGU_RATE_LIMIT_SIGNUP", &c->rate_limit_signup);
    add_rate(out, "MANGU_RATE_LIMIT_RESET", &c->rate_limit_reset);
    buf_adds(out, "MANGU_SMTP_URL=");
    if (c->smtp_url)
        add_masked_url(out, c->smtp_url);
    buf_printf(out, "\nMANGU_MAIL_FROM=%s\n", c->mail_from);
    config_media_describe(c, out);
    if (c->stripe_secret_key) /* the mode stays visible: sk_test_**** or sk_live_**** */
        buf_printf(out, "STRIPE_SECRET_KEY=%.*s****\n",
                   strncmp(c->stripe_secret_key + 3, "test_", 5) == 0 ||
                           strncmp(c->stripe_secret_key + 3, "live_", 5) == 0
                       ? 8
                       : 3,
                   c->stripe_secret_key);
    else
        buf_adds(out, "STRIPE_SECRET_KEY=(unset: built-in test checkout)\n");
    buf_printf(out, "STRIPE_WEBHOOK_SECRET=%s\n",
               !c->stripe_webhook_secret               ? "(unset)"
               : strchr(c->stripe_webhook_secret, ',') ? "**** (2 secrets)"
                                                       : "****");
    buf_printf(out, "STRIPE_API_BASE=%s\n", c->stripe_api_base);
    config_s3_describe(c, out);
}

void config_help(struct buf *out)
{
    for (size_t i = 0; i < N_SETTINGS; i++)
        buf_printf(out, "  %-30s %s%s%s\n      %s\n", settings[i].name,
                   settings[i].def ? "default: " : "",
                   settings[i].def ? (*settings[i].def ? settings[i].def : "(empty)") : "",
                   settings[i].secret ? " (secret; also _FILE)" : "", settings[i].help);
}

void config_release(struct config *c)
{
    free(c->listen_host);
    free(c->data_dir);
    free(c->database_url);
    free(c->redis_url);
    free(c->cache_prefix);
    free(c->web_dir);
    free(c->public_url);
    for (size_t i = 0; i < c->n_cors_origins; i++)
        free(c->cors_origins[i]);
    if (c->jwt_secret)
        sodium_memzero(c->jwt_secret, strlen(c->jwt_secret));
    free(c->jwt_secret);
    if (c->smtp_url)
        sodium_memzero(c->smtp_url, strlen(c->smtp_url));
    free(c->smtp_url);
    free(c->mail_from);
    if (c->stripe_secret_key)
        sodium_memzero(c->stripe_secret_key, strlen(c->stripe_secret_key));
    free(c->stripe_secret_key);
    if (c->stripe_webhook_secret)
        sodium_memzero(c->stripe_webhook_secret, strlen(c->stripe_webhook_secret));
    free(c->stripe_webhook_secret);
    free(c->stripe_api_base);
    config_s3_release(c);
    memset(c, 0, sizeof(*c));
}

bool config_is_postgres(const struct config *c)
{
    return strncmp(c->database_url, "postgres", 8) == 0;
}

const char *config_sqlite_path(const struct config *c)
{
    return config_is_postgres(c) ? NULL : c->database_url + 7;
}
