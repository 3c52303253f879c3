/* views.c (service): a deduplicated, in-memory view counter and the thread that writes it out. */
#include "service/views.h"

#include <pthread.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cache/cache.h"
#include "core/err.h"
#include "core/log.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include "service/search.h"
#include "store/books.h"

#define DAY_S 86400
#define REFRESH_EVERY 150          /* flushes between search word refreshes (5 minutes) */
#define SEEN_MAX_BYTES (1UL << 20) /* about 5,000 visitor-book pairs */

/* Pending views of one book on one UTC day (days since the epoch). */
struct pending {
    long long book_id;
    long long day;
    long long views;
};

/* Process-wide, like a pool: the pending table and the flush thread. */
static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct pending *v; /* open addressing; book_id 0 = empty */
    size_t cap, used;
    pthread_t thread;
    bool running, stop;
    struct app *app;
} V = {.mu = PTHREAD_MUTEX_INITIALIZER};
static pthread_once_t cv_once = PTHREAD_ONCE_INIT;

/* The flusher waits on CLOCK_MONOTONIC (time_deadline_ms): a step of the wall clock neither
   stretches nor skips its interval. */
static void init_cv(void)
{
    pthread_condattr_t attr;

    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&V.cv, &attr);
    pthread_condattr_destroy(&attr);
}

static size_t slot(const struct pending *v, size_t cap, long long book_id, long long day)
{
    size_t i =
        (size_t)((unsigned long long)(book_id * 31 + day) * 0x9E3779B97F4A7C15ULL) & (cap - 1);

    while (v[i].book_id && !(v[i].book_id == book_id && v[i].day == day))
        i = (i + 1) & (cap - 1);
    return i;
}

/* Adds "n" views; the caller holds the lock. */
static void add(long long book_id, long long day, long long n)
{
    if ((V.used + 1) * 2 > V.cap) {
        struct pending *old = V.v;
        size_t old_cap = V.cap;

        V.cap = V.cap ? V.cap * 2 : 256;
        V.v = xcalloc(V.cap, sizeof(*V.v));
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].book_id)
                V.v[slot(V.v, V.cap, old[i].book_id, old[i].day)] = old[i];
        free(old);
    }
    size_t i = slot(V.v, V.cap, book_id, day);
    if (!V.v[i].book_id) {
        V.v[i] = (struct pending){book_id, day, 0};
        V.used++;
    }
    V.v[i].views += n;
}

/* "u42" for a user, else a hash of the client address and user agent. */
static void visitor(const struct ctx *cx, char out[40])
{
    unsigned char h[12];
    crypto_generichash_state st;
    const char *ip = cx->client_ip ? cx->client_ip : "", *ua = cx->user_agent ? cx->user_agent : "";

    if (cx->user_id > 0) {
        snprintf(out, 40, "u%lld", cx->user_id);
        return;
    }
    crypto_generichash_init(&st, NULL, 0, sizeof(h));
    crypto_generichash_update(&st, (const unsigned char *)ip, strlen(ip) + 1);
    crypto_generichash_update(&st, (const unsigned char *)ua, strlen(ua));
    crypto_generichash_final(&st, h, sizeof(h));
    sodium_bin2hex(out, 40, h, sizeof(h));
}

static pthread_once_t seen_once = PTHREAD_ONCE_INIT;
static struct cache *seen_here;

static void open_seen(void)
{
    seen_here = cache_open_local(SEEN_MAX_BYTES); /* NULL: every view then asks Redis */
}

/*
 * With Redis, the keys this process already had an answer for: once SET NX has stored or
 * found "key", it stays seen for the day, so asking again (a round trip per book read) can
 * only say the same. NULL with the memory cache, which is in the process already.
 */
static struct cache *seen_cache(struct app *app)
{
    if (strcmp(cache_driver_name(app->cache), "redis") != 0)
        return NULL;
    pthread_once(&seen_once, open_seen);
    return seen_here;
}

/* True when "key" was seen today; marks it. */
static bool seen_before(struct ctx *cx, const char *key)
{
    struct cache *here = seen_cache(cx->app);
    char *val;
    size_t len;

    if (here && cache_get(here, cx->arena, key, &val, &len) == 0)
        return true;
    int rc = cache_add(cx->app->cache, key, "1", 1, DAY_S);
    if (here && (rc == 0 || rc == ERR_CONFLICT))
        cache_set(here, key, "1", 1, DAY_S);
    return rc != 0; /* seen today, or no way to tell: do not count */
}

void views_record(struct ctx *cx, long long book_id)
{
    char who[40], key[96];
    long long day = (long long)time(NULL) / DAY_S;

    visitor(cx, who);
    snprintf(key, sizeof(key), "view:%lld:%lld:%s", book_id, day, who);
    if (seen_before(cx, key))
        return;
    pthread_mutex_lock(&V.mu);
    add(book_id, day, 1);
    pthread_mutex_unlock(&V.mu);
}

/* Takes the pending table out (the caller frees it). */
static struct pending *take(size_t *cap)
{
    pthread_mutex_lock(&V.mu);
    struct pending *v = V.v;
    *cap = V.cap;
    V.v = NULL;
    V.cap = V.used = 0;
    pthread_mutex_unlock(&V.mu);
    return v;
}

static void put_back(const struct pending *v, size_t cap)
{
    pthread_mutex_lock(&V.mu);
    for (size_t i = 0; i < cap; i++)
        if (v[i].book_id)
            add(v[i].book_id, v[i].day, v[i].views);
    pthread_mutex_unlock(&V.mu);
}

/* Writes "v" in one transaction on a context of its own. */
static int write_out(struct app *app, const struct pending *v, size_t cap)
{
    struct ctx cx = {.app = app, .arena = arena_new(), .route = "views"};
    int rc = cx_begin(&cx);

    snprintf(cx.request_id, sizeof(cx.request_id), "views-flush");
    for (size_t i = 0; rc == 0 && i < cap; i++) {
        char day[11];
        time_t t = (time_t)(v[i].day * DAY_S);
        struct tm tm;

        if (!v[i].book_id)
            continue;
        gmtime_r(&t, &tm);
        strftime(day, sizeof(day), "%Y-%m-%d", &tm);
        rc = store_books_add_views(&cx, v[i].book_id, day, v[i].views);
        if (rc == ERR_CONFLICT) /* the book is gone: drop its views */
            rc = 0;
    }
    rc = rc ? rc : cx_commit(&cx);
    if (rc) {
        cx_rollback(&cx);
        log_json(LOG_WARN, "view counts not written; kept for the next try",
                 json_pack("{s:s?}", "detail", cx.err_msg));
    }
    arena_free(cx.arena);
    return rc;
}

int views_flush(struct app *app)
{
    size_t cap;
    struct pending *v = take(&cap);
    int rc = v ? write_out(app, v, cap) : 0;

    if (rc)
        put_back(v, cap);
    free(v);
    return rc;
}

static void refresh_words(struct app *app)
{
    struct ctx cx = {.app = app, .arena = arena_new(), .route = "search-words"};

    if (search_refresh(&cx) != 0)
        log_json(LOG_WARN, "search word list not refreshed",
                 json_pack("{s:s?}", "detail", cx.err_msg));
    arena_free(cx.arena);
}

static void *run(void *arg)
{
    struct app *app = arg;
    int rounds = 0;

    refresh_words(app);
    pthread_mutex_lock(&V.mu);
    while (!V.stop) {
        struct timespec until = time_deadline_ms(VIEWS_FLUSH_MS);
        pthread_cond_timedwait(&V.cv, &V.mu, &until);
        pthread_mutex_unlock(&V.mu);
        views_flush(app);
        if (++rounds % REFRESH_EVERY == 0)
            refresh_words(app);
        pthread_mutex_lock(&V.mu);
    }
    pthread_mutex_unlock(&V.mu);
    views_flush(app);
    return NULL;
}

int views_start(struct app *app)
{
    pthread_once(&cv_once, init_cv);
    V.app = app;
    V.stop = false;
    if (pthread_create(&V.thread, NULL, run, app) != 0)
        return -1;
    V.running = true;
    return 0;
}

void views_stop(void)
{
    if (!V.running)
        return;
    pthread_mutex_lock(&V.mu);
    V.stop = true;
    pthread_cond_signal(&V.cv);
    pthread_mutex_unlock(&V.mu);
    pthread_join(V.thread, NULL);
    V.running = false;
}
