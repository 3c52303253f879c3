/* refresh.c (api): a small queue of catalog rebuilds and the ticker that runs it. */
#include "api/refresh.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/flight.h"
#include "core/log.h"
#include "core/ticker.h"
#include "http/response.h"

#define REFRESH_INTERVAL_MS 500

struct job {
    char *key;
    int ttl_s;
    api_catalog_build_fn build;
    unsigned char arg[REFRESH_ARG_MAX];
    int slot;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct job queue[REFRESH_QUEUE_MAX];
static int queued;
static bool accepting;
static struct ticker *ticker;
static struct app *running_app;
static atomic_ullong stored;

bool api_refresh_queue(const char *key, int ttl_s, api_catalog_build_fn build, const void *arg,
                       size_t arg_size, int slot)
{
    bool taken = false;

    if (!key || arg_size > REFRESH_ARG_MAX)
        return false;
    pthread_mutex_lock(&mu);
    if (accepting && queued < REFRESH_QUEUE_MAX) {
        struct job *j = &queue[queued];
        j->key = strdup(key);
        if (j->key) {
            j->ttl_s = ttl_s;
            j->build = build;
            memset(j->arg, 0, sizeof(j->arg));
            if (arg_size)
                memcpy(j->arg, arg, arg_size);
            j->slot = slot;
            queued++;
            taken = true;
        }
    }
    pthread_mutex_unlock(&mu);
    return taken;
}

/* Builds one answer as a request would and stores it; true when stored. */
static bool rebuild(struct app *app, struct job *j)
{
    struct ctx cx = {.app = app, .arena = arena_new(), .route = "refresh", .client_ip = "-"};
    json_t *obj = NULL;
    int rc;

    strcpy(cx.request_id, "refresh");
    if (!catalog_refresh_claim(&cx, j->key, j->ttl_s)) { /* another process does it */
        arena_free(cx.arena);
        return false;
    }
    rc = j->build(&cx, j->arg, &obj);
    if (rc == 0) {
        struct http_response res;
        struct catalog_doc doc;
        http_response_init(&res, cx.arena);
        api_catalog_doc(&res, obj, &doc);
        catalog_cache_put(&cx, j->key, &doc, j->ttl_s);
    } else {
        log_json(LOG_WARN, "catalog refresh failed; readers rebuild it when it runs out",
                 json_pack("{s:s, s:s?}", "key", j->key, "detail", cx.err_msg));
    }
    arena_free(cx.arena);
    return rc == 0;
}

int api_refresh_run(struct app *app)
{
    struct job jobs[REFRESH_QUEUE_MAX];
    int n, done = 0;

    pthread_mutex_lock(&mu);
    n = queued;
    memcpy(jobs, queue, (size_t)n * sizeof(jobs[0]));
    queued = 0;
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < n; i++) {
        done += rebuild(app, &jobs[i]);
        flight_leave(jobs[i].slot);
        free(jobs[i].key);
    }
    atomic_fetch_add(&stored, (unsigned long long)done);
    return done;
}

static void tick(void *app)
{
    api_refresh_run(app);
}

int api_refresh_start(struct app *app)
{
    pthread_mutex_lock(&mu);
    accepting = true;
    running_app = app;
    pthread_mutex_unlock(&mu);
    ticker = ticker_start(tick, app, REFRESH_INTERVAL_MS);
    if (!ticker)
        api_refresh_stop();
    return ticker ? 0 : -1;
}

void api_refresh_stop(void)
{
    pthread_mutex_lock(&mu);
    accepting = false;
    pthread_mutex_unlock(&mu);
    ticker_stop(ticker); /* its last call may still be running: wait for it */
    ticker = NULL;
    if (running_app)
        api_refresh_run(running_app); /* what came after that call: no slot stays taken */
    running_app = NULL;
}

unsigned long long api_refresh_count(void)
{
    return atomic_load(&stored);
}
