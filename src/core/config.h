/* config.h: every setting, read once from MANGU_* environment variables at start. */
#ifndef MANGU_CONFIG_H
#define MANGU_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/net.h"

enum app_env { ENV_DEVELOPMENT, ENV_TEST, ENV_PRODUCTION };

#define CONFIG_MAX_CIDRS 32
#define CONFIG_MAX_ORIGINS 16

/* "N per window" (MANGU_RATE_LIMIT=100/15m); a "limit" of 0 means off. */
struct rate_rule {
    long long limit;
    int window_s;
};

struct config {
    enum app_env env;
    char *listen_host; /* owned */
    int listen_port;
    char *data_dir;
    char *database_url; /* "sqlite:<path>" or "postgres://..." after defaults */
    int db_pool;
    int db_statement_timeout_ms;
    int sqlite_mmap_mb; /* SQLite: MiB of the file each connection maps (0: read with pread) */
    bool auto_migrate;
    bool db_prepare; /* PostgreSQL: constant statements stay prepared per connection */
    char *redis_url; /* NULL = in-process cache */
    char *cache_prefix;
    size_t cache_max_bytes;
    size_t cache_local_bytes; /* this process's LRU of catalog answers; 0 = none */
    char *web_dir;
    char *public_url;
    int threads;
    int idle_timeout_s;
    int shutdown_timeout_s;
    size_t max_body;
    size_t max_header;
    struct cidr trusted_proxies[CONFIG_MAX_CIDRS];
    size_t n_trusted_proxies;
    char *cors_origins[CONFIG_MAX_ORIGINS];
    size_t n_cors_origins;
    int log_level;    /* enum log_level */
    int log_flush_ms; /* access lines are written in batches this often; 0 = each at once */
    char *jwt_secret; /* secret; may be generated into the data folder */
    bool jwt_secret_generated;
    struct rate_rule rate_limit;        /* every /api route, per client IP */
    struct rate_rule rate_limit_login;  /* failed sign-ins per account and IP */
    struct rate_rule rate_limit_signup; /* per IP */
    struct rate_rule rate_limit_reset;  /* forgot-password and resend-verification, per IP */
    char *smtp_url;  /* secret; smtp:// or smtps://; NULL = outbox only */
    char *mail_from; /* "Name <addr@host>" or "addr@host" */
    /* upload limits (parsed in core/config_media.c) */
    size_t max_manuscript_bytes; /* MANGU_MAX_MANUSCRIPT_BYTES, 200 MiB */
    size_t max_cover_bytes;      /* MANGU_MAX_COVER_BYTES, 10 MiB */
    int max_cover_px;            /* MANGU_MAX_COVER_PIXELS: widest and tallest cover, 8000 */
    char *stripe_secret_key;     /* secret; set = Stripe Checkout, NULL = built-in test checkout */
    char *stripe_webhook_secret; /* secret; one, or two comma-separated during a rotation */
    char *stripe_api_base;       /* https://api.stripe.com; tests point it at a fake */
    /* object storage (parsed in core/config_s3.c); NULL bucket = disk under <data>/objects */
    char *s3_bucket;
    char *s3_region;          /* us-east-1 */
    char *s3_endpoint;        /* origin; https://s3.<region>.amazonaws.com when unset */
    char *s3_public_endpoint; /* origin presigned URLs point at; default s3_endpoint */
    bool s3_path_style;       /* <endpoint>/<bucket>/<key> rather than <bucket>.<host>/<key> */
    bool s3_path_style_set;
    int s3_timeout_s;             /* bound of one transfer */
    char *s3_access_key_id;       /* MANGU_S3_*: win over AWS_* */
    char *s3_secret_access_key;   /* secret */
    char *aws_access_key_id;      /* AWS_ACCESS_KEY_ID */
    char *aws_secret_access_key;  /* secret */
    char *aws_session_token;      /* secret */
    char *aws_container_uri;      /* container-credentials endpoint (ECS task role), full URL */
    char *aws_container_token;    /* secret; Authorization header for a FULL_URI endpoint */
};

/* Reads one variable; tests pass their own to avoid touching the environment. */
typedef const char *(*config_getenv_fn)(const char *name);

/*
 * Fills "c" from the variables "get" returns, applying defaults and validating each value.
 * Returns 0, or -1 with one line naming the variable and what it accepts in "why".
 * Secrets are also read from NAME_FILE. Free with config_release().
 */
int config_load(struct config *c, config_getenv_fn get, struct buf *why);
/*
 * Generates the secrets that are needed but missing into "data_dir/secrets" (mode 0600), or
 * fails in production. Returns 0 or -1 with "why".
 */
int config_ensure_secrets(struct config *c, struct buf *why);
/* Appends "NAME=value" lines for `mangu check`, secrets masked. */
void config_describe(const struct config *c, struct buf *out);
/* Appends the variable table (name, default, meaning) for `--help`. */
void config_help(struct buf *out);
void config_release(struct config *c);

bool config_is_postgres(const struct config *c);
/*
 * Parses "N/<count><s|m|h>" ("100/15m", "5/1h", "10/30s"; the count may be left out: "60/m")
 * or "off" into "out". Returns 0 or -1.
 */
int config_parse_rate(const char *s, struct rate_rule *out);

/* The SQLite file path when the database is SQLite, else NULL. */
const char *config_sqlite_path(const struct config *c);

#endif
