/* main.c: the `mangu` program: its subcommands, start-up and shut-down in mirror order. */
#include "api/dispatch.h"
#include "api/metrics.h"
#include "api/refresh.h"
#include "api/web.h"
#include "app/app.h"
#include "blob/blob.h"
#include "cli/payments.h"
#include "cli/seed.h"
#include "cache/cache.h"
#include "core/config.h"
#include "core/log.h"
#include "core/ticker.h"
#include "core/version.h"
#include "db/db.h"
#include "db/migrate.h"
#include "service/accounts.h"
#include "service/catalog_front.h"
#include "service/publishing.h"
#include "service/mail.h"
#include "service/views.h"
#include "store/search_stats.h"
#include "http/router.h"
#include "http/server.h"
#include "media/media.h"

#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_USAGE = 2 };

typedef int (*cmd_fn)(int argc, char **argv);

struct command {
    const char *name;
    cmd_fn run;
    const char *summary;
};

/*
 * Four malloc arenas instead of glibc's eight per core: worker threads' freed request memory
 * otherwise stays resident in an arena each. At 100k books under search load: anonymous RSS
 * 30 MB with two arenas, 32 with four, 35 with sixteen; two cost 5-10 % of cached reads'
 * throughput (lock contention), four did not. MALLOC_ARENA_MAX, when set, wins.
 */
static void limit_malloc_arenas(void)
{
    if (!getenv("MALLOC_ARENA_MAX"))
        mallopt(M_ARENA_MAX, 4);
}

/*
 * Hands freed pages inside the malloc arenas back to the kernel. Requests' short-lived memory
 * lands between cached answers that live on, so the arenas keep growing past what is in use
 * (100k books, SQLite, three rounds of search load: 34 MB held, 22 in use; RSS 42 MB untrimmed,
 * 37 trimmed). A trim takes 10-60 ms with each arena locked in turn, hence every 5 s only.
 */
static void trim_freed_memory(void *unused)
{
    (void)unused;
    malloc_trim(0);
}

#define TRIM_INTERVAL_MS 5000

static int cmd_serve(int argc, char **argv);
static void log_storage_origin(const struct app *app);
static int cmd_migrate(int argc, char **argv);
static int cmd_check(int argc, char **argv);
static int cmd_version(int argc, char **argv);
static int cmd_user(int argc, char **argv);
static int cmd_seed(int argc, char **argv);
static int cmd_payments(int argc, char **argv);

/* Every subcommand; later capabilities add seed, user, backup, restore, payments. */
static const struct command commands[] = {
    {"serve", cmd_serve, "run the web server (migrates SQLite by itself)"},
    {"migrate", cmd_migrate, "apply pending database migrations"},
    {"check", cmd_check, "validate the configuration and print it, secrets masked"},
    {"user", cmd_user, "manage accounts: user create --email E --role R --password-file F"},
    {"seed", cmd_seed, "load demo data (--demo [--if-empty]) or N generated books (--books N)"},
    {"payments", cmd_payments, "payments reconcile: fulfil paid Stripe sessions webhooks missed"},
    {"version", cmd_version, "print the version"},
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
    fprintf(out, "usage: mangu <command> [--help]\n\ncommands:\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nConfiguration comes from MANGU_* environment variables; "
                 "`mangu serve --help` lists them.\n");
}

static void command_usage(FILE *out, const char *name)
{
    struct buf b = BUF_INIT;

    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            fprintf(out, "usage: mangu %s\n\n%s\n", name, commands[i].summary);
    config_help(&b);
    fprintf(out, "\nenvironment:\n%s", b.p ? b.p : "");
    buf_release(&b);
}

/* Accepts only --help/-h; anything else is a usage error. Returns -1 to go on, else an exit. */
static int parse_no_options(int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    int c;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            command_usage(stdout, argv[0]);
            return 0;
        }
        fprintf(stderr, "mangu %s: unknown option '%s'\n", argv[0], argv[optind - 1]);
        command_usage(stderr, argv[0]);
        return EXIT_USAGE;
    }
    if (optind < argc) {
        fprintf(stderr, "mangu %s: unexpected argument '%s'\n", argv[0], argv[optind]);
        return EXIT_USAGE;
    }
    return -1;
}

static const char *real_getenv(const char *name)
{
    return getenv(name);
}

/* Loads and validates the configuration; on failure prints why and returns EXIT_USAGE. */
static int load_config(struct config *cfg, bool with_secrets)
{
    struct buf why = BUF_INIT;
    int rc = config_load(cfg, real_getenv, &why);

    if (rc == 0 && mkdir(cfg->data_dir, 0750) != 0 && errno != EEXIST) {
        buf_printf(&why, "MANGU_DATA_DIR: cannot create '%s': %s", cfg->data_dir, strerror(errno));
        rc = -1;
    }
    if (rc == 0 && with_secrets)
        rc = config_ensure_secrets(cfg, &why);
    if (rc != 0) {
        fprintf(stderr, "mangu: %s\n", why.p);
        buf_release(&why);
        config_release(cfg);
        return EXIT_USAGE;
    }
    buf_release(&why);
    log_init((enum log_level)cfg->log_level, 1);
    if (cfg->jwt_secret_generated)
        log_warn("generated a token signing key in '%s/secrets/jwt_secret'; set "
                 "MANGU_JWT_SECRET (or _FILE) to share one across servers",
                 cfg->data_dir);
    return 0;
}

/* Applies migrations when allowed; on PostgreSQL pending ones stop the server by default. */
static int prepare_schema(const struct config *cfg, struct db *db)
{
    struct buf why = BUF_INIT;
    size_t pending = 0, applied = 0;
    int rc = migrate_pending(db, &pending, &why);

    if (rc == 0 && pending && config_is_postgres(cfg) && !cfg->auto_migrate) {
        log_json(LOG_ERROR,
                 "pending migrations; run `mangu migrate` first or set "
                 "MANGU_AUTO_MIGRATE=1",
                 json_pack("{s:I}", "pending", (json_int_t)pending));
        return -1;
    }
    if (rc == 0 && pending)
        rc = migrate_run(db, &applied, &why);
    if (rc != 0)
        log_json(LOG_ERROR, "cannot prepare the database schema",
                 json_pack("{s:s}", "detail", why.p ? why.p : "unknown"));
    buf_release(&why);
    return rc == 0 ? 0 : -1;
}

static int open_backends(struct app *app)
{
    struct buf why = BUF_INIT;

    if (db_open(app->cfg, &app->db, &why) != 0 || cache_open(app->cfg, &app->cache, &why) != 0 ||
        blob_open(app->cfg, &app->blob, &why) != 0) {
        log_json(LOG_ERROR, "cannot open a backend", json_pack("{s:s}", "detail", why.p));
        buf_release(&why);
        return -1;
    }
    buf_release(&why);
    if (db_dialect(app->db) == DB_POSTGRES)
        app->search_stats = search_stats_new();
    return 0;
}

static void close_backends(struct app *app)
{
    search_stats_free(app->search_stats);
    if (app->blob)
        blob_close(app->blob);
    if (app->cache)
        cache_close(app->cache);
    if (app->db)
        db_close(app->db);
}

static int wait_for_stop_signal(void)
{
    sigset_t set;
    int sig = 0;

    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigwait(&set, &sig);
    return sig;
}

static void block_stop_signals(void)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
}

static void stop_catalog_front(struct app *app)
{
    struct catalog_front *f = app->catalog_front;

    app->catalog_front = NULL;
    catalog_front_stop(f);
}

static int run_server(struct app *app)
{
    struct http_server *server;
    struct buf why = BUF_INIT;
    const struct config *cfg = app->cfg;

    block_stop_signals(); /* before any thread starts, so only sigwait sees them */
    static const struct http_handlers handlers = {api_handle, api_done, api_open_sink};

    if (log_batch_start(cfg->log_flush_ms) != 0)
        log_warn("cannot start the log flusher; access lines are written one by one");

    /* before the first request; its subscriber thread must not take SIGTERM */
    app->catalog_front = catalog_front_start(app->cache, cfg->cache_local_bytes);
    if (http_server_start(app, &handlers, &server, &why) != 0) {
        log_json(LOG_ERROR, "cannot start the server", json_pack("{s:s}", "detail", why.p));
        buf_release(&why);
        stop_catalog_front(app);
        log_batch_stop();
        return 1;
    }
    mail_worker_start(app); /* after block_stop_signals: its thread must not take SIGTERM */
    views_start(app);       /* book views: batched writes every few seconds */
    publishing_janitor_start(app); /* expired pending uploads, every minute */
    if (api_refresh_start(app) != 0) /* storefront rows rebuilt before they expire */
        log_warn("cannot start the catalog refresher; readers rebuild expired rows");
    struct ticker *trimmer = ticker_start(trim_freed_memory, NULL, TRIM_INTERVAL_MS);
    log_storage_origin(app); /* before "listening", which tests and scripts wait for */
    char url[300];
    snprintf(url, sizeof(url), "http://%s:%d", cfg->listen_host, cfg->listen_port);
    log_json(LOG_INFO, "listening",
             json_pack("{s:s, s:s, s:s, s:s, s:s, s:i}", "url", url, "version", MANGU_VERSION,
                       "database", db_driver_name(app->db), "cache", cache_driver_name(app->cache),
                       "storage", blob_driver_name(app->blob), "threads", cfg->threads));
    int sig = wait_for_stop_signal();
    mail_worker_stop();
    publishing_janitor_stop();
    api_refresh_stop();
    ticker_stop(trimmer);
    log_json(LOG_INFO, "draining",
             json_pack("{s:s, s:i}", "signal", sig == SIGINT ? "SIGINT" : "SIGTERM", "timeout_s",
                       cfg->shutdown_timeout_s));
    int left = http_server_drain(server, cfg->shutdown_timeout_s);
    views_stop(); /* writes the views counted while draining */
    log_json(left ? LOG_WARN : LOG_INFO, "stopped", json_pack("{s:i}", "abandoned_requests", left));
    if (left) {
        log_flush();
        _exit(0); /* workers are still busy: end them with the process */
    }
    stop_catalog_front(app);
    log_batch_stop();
    return 0;
}

/* S3: browsers upload to and read from the bucket directly; say what its CORS must allow. */
static void log_storage_origin(const struct app *app)
{
    const char *origin = blob_browser_origin(app->blob);

    if (origin)
        log_json(LOG_INFO, "storage is reached by browsers",
                 json_pack("{s:s, s:s, s:s, s:s}", "origin", origin, "cors_allowed_origin",
                           app->cfg->public_url, "cors_methods", "GET, PUT", "cors_headers",
                           "content-type, range"));
}

static int cmd_serve(int argc, char **argv)
{
    struct config cfg;
    struct app app = {0};
    int rc = parse_no_options(argc, argv);

    if (rc >= 0)
        return rc;
    if ((rc = load_config(&cfg, true)) != 0)
        return rc;
    limit_malloc_arenas();
    app.cfg = &cfg;
    app.started = time(NULL);
    rc = 1;
    if (open_backends(&app) == 0 && prepare_schema(&cfg, app.db) == 0) {
        app.router = router_new(api_routes, api_n_routes);
        app.metrics = metrics_new(api_n_routes);
        app.web = web_load(cfg.web_dir);
        if (media_init() == 0) { /* the media module is there; it loads on first use */
            rc = run_server(&app);
            media_release();
        }
        web_free(app.web);
        metrics_free(app.metrics);
        router_free(app.router);
    }
    close_backends(&app);
    config_release(&cfg);
    return rc;
}

static int cmd_migrate(int argc, char **argv)
{
    struct config cfg;
    struct db *db = NULL;
    struct buf why = BUF_INIT;
    size_t applied = 0;
    int rc = parse_no_options(argc, argv);

    if (rc >= 0)
        return rc;
    if ((rc = load_config(&cfg, false)) != 0)
        return rc;
    rc = db_open(&cfg, &db, &why) == 0 && migrate_run(db, &applied, &why) == 0 ? 0 : 1;
    if (rc == 0)
        printf("applied %zu migration(s); schema is at version %d\n", applied,
               n_migrations ? migrations[n_migrations - 1].version : 0);
    else
        fprintf(stderr, "mangu migrate: %s\n", why.p ? why.p : "failed");
    buf_release(&why);
    if (db)
        db_close(db);
    config_release(&cfg);
    return rc;
}

static int cmd_check(int argc, char **argv)
{
    struct config cfg;
    struct buf out = BUF_INIT;
    int rc = parse_no_options(argc, argv);

    if (rc >= 0)
        return rc;
    if ((rc = load_config(&cfg, true)) != 0)
        return rc;
    config_describe(&cfg, &out);
    fputs(out.p, stdout);
    printf("configuration is valid\n");
    buf_release(&out);
    config_release(&cfg);
    return 0;
}

static int cmd_version(int argc, char **argv)
{
    int rc = parse_no_options(argc, argv);

    if (rc >= 0)
        return rc;
    printf("mangu %s\n", MANGU_VERSION);
    return 0;
}

struct user_opts {
    const char *email, *role, *password_file, *name;
};

static int user_usage(FILE *out, int rc)
{
    fprintf(out, "usage: mangu user create --email E --role reader|author|admin "
                 "--password-file F [--name N]\n\n"
                 "Creates a confirmed account; the password is the first line of F.\n");
    return rc;
}

static int parse_user_opts(int argc, char **argv, struct user_opts *o)
{
    static const struct option opts[] = {{"email", required_argument, NULL, 'e'},
                                         {"role", required_argument, NULL, 'r'},
                                         {"password-file", required_argument, NULL, 'p'},
                                         {"name", required_argument, NULL, 'n'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0, 0, 0, 0}};
    int c;

    optind = 2;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h')
            return user_usage(stdout, 0);
        if (c == '?')
            return user_usage(stderr, EXIT_USAGE);
        *(c == 'e' ? &o->email : c == 'r' ? &o->role : c == 'p' ? &o->password_file : &o->name) =
            optarg;
    }
    if (!o->email || !o->role || !o->password_file || optind < argc)
        return user_usage(stderr, EXIT_USAGE);
    return -1;
}

static char *read_password(const char *path)
{
    char line[256];
    FILE *f = fopen(path, "r");

    if (!f)
        return NULL;
    char *ok = fgets(line, sizeof(line), f);
    fclose(f);
    if (!ok)
        return NULL;
    line[strcspn(line, "\r\n")] = '\0';
    char *pw = strdup(line);
    sodium_memzero(line, sizeof(line));
    return pw;
}

/* What a database subcommand does once the schema is ready; returns its exit code. */
typedef int (*db_command_fn)(struct app *app, const void *arg);

/*
 * Loads the configuration ("with_secrets" as in load_config), opens the backends, prepares the
 * schema and runs "run" with "arg", then closes everything. Returns load_config's code when the
 * configuration is bad, 1 when the backends or the schema fail, else what "run" returns.
 */
static int with_database(bool with_secrets, db_command_fn run, const void *arg)
{
    struct config cfg;
    struct app app = {0};
    int rc = load_config(&cfg, with_secrets);

    if (rc != 0)
        return rc;
    app.cfg = &cfg;
    rc = 1;
    if (open_backends(&app) == 0 && prepare_schema(&cfg, app.db) == 0)
        rc = run(&app, arg);
    close_backends(&app);
    config_release(&cfg);
    return rc;
}

/* Runs "create" in a request-like context so the service layer is the same as the API's. */
static int create_user(struct app *app, const struct user_opts *o, const char *password)
{
    struct ctx cx = {.app = app, .arena = arena_new(), .route = "cli", .client_ip = "cli"};
    long long id = 0;
    const char *name = o->name ? o->name : o->email;
    int rc = accounts_create(&cx, o->email, name, password, o->role, &id);

    if (rc == 0)
        printf("created %s account %lld for %s\n", o->role, id, o->email);
    else
        fprintf(stderr, "mangu user create: %s\n", cx.err_msg ? cx.err_msg : "failed");
    arena_free(cx.arena);
    return rc == 0 ? 0 : rc == ERR_INVALID || rc == ERR_CONFLICT ? EXIT_USAGE : 1;
}

struct user_job {
    const struct user_opts *o;
    const char *password;
};

static int run_user(struct app *app, const void *arg)
{
    const struct user_job *job = arg;

    return create_user(app, job->o, job->password);
}

static int cmd_user(int argc, char **argv)
{
    struct user_opts o = {0};
    int rc;

    if (argc < 2 || strcmp(argv[1], "create") != 0)
        return user_usage(argc >= 2 && !strcmp(argv[1], "--help") ? stdout : stderr,
                          argc >= 2 && !strcmp(argv[1], "--help") ? 0 : EXIT_USAGE);
    if ((rc = parse_user_opts(argc, argv, &o)) >= 0)
        return rc;
    char *password = read_password(o.password_file);
    if (!password) {
        fprintf(stderr, "mangu user create: cannot read '%s'\n", o.password_file);
        return EXIT_USAGE;
    }
    struct user_job job = {&o, password};
    rc = with_database(true, run_user, &job);
    sodium_memzero(password, strlen(password));
    free(password);
    return rc;
}

static int run_seed(struct app *app, const void *opts)
{
    return cli_seed_run(app, opts);
}

/* `mangu seed`: options first (so --help needs no configuration), then the database. */
static int cmd_seed(int argc, char **argv)
{
    struct seed_opts o;
    int rc = cli_seed_parse(argc, argv, &o);

    return rc >= 0 ? rc : with_database(false, run_seed, &o);
}

static int run_payments(struct app *app, const void *opts)
{
    return cli_payments_run(app, opts);
}

/* `mangu payments reconcile`: options first, then the database (cli/payments.c). */
static int cmd_payments(int argc, char **argv)
{
    struct payments_opts o;
    int rc = cli_payments_parse(argc, argv, &o);

    return rc >= 0 ? rc : with_database(false, run_payments, &o);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version"))
        return cmd_version(1, argv + 1);
    if (sodium_init() < 0) {
        fprintf(stderr, "mangu: cannot initialise libsodium\n");
        return 1;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "mangu: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
