/* mail.c: queueing mail in the outbox, and the background sender that delivers it by SMTP. */
#include "service/mail.h"
#include "core/config.h"
#include "core/log.h"
#include "core/timefmt.h"
#include "mail/message.h"
#include "mail/smtp.h"
#include "store/outbox.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define POLL_S 2        /* the sender looks for due mail this often */
#define RECHECK_MS 250  /* and this soon after a mail_queue() that found nothing yet */
#define BATCH 16        /* rows claimed per look */
#define LEASE_S 300     /* a claimed row is not due again for this long */
#define MAX_ATTEMPTS 5  /* the fifth failure is final */
#define RETRY_BASE_S 60 /* then 120, 240, 480 */
#define ERROR_MAX 300   /* bytes of an SMTP error kept in last_error */

/* The one sender of this process. */
static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t thread;
    bool running;
    bool poke;
    atomic_bool stop;
} w = {.mu = PTHREAD_MUTEX_INITIALIZER};

static bool one_line(const char *s, size_t max)
{
    size_t n = 0;

    for (; *s; s++, n++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return false;
    return n <= max;
}

static bool is_address(const char *s)
{
    return one_line(s, 254) && strchr(s, '@') && !strpbrk(s, " <>()[],;:\"\\");
}

static void wake(void)
{
    pthread_mutex_lock(&w.mu);
    if (w.running) {
        w.poke = true;
        pthread_cond_signal(&w.cv);
    }
    pthread_mutex_unlock(&w.mu);
}

int mail_queue(struct ctx *cx, const struct mail *m, long long *id)
{
    struct outbox_email row = {.user_id = m->user_id,
                               .kind = m->kind,
                               .to = m->to,
                               .subject = m->subject,
                               .body_text = m->text,
                               .body_html = m->html};
    char now[TIME_RFC3339_LEN];
    long long new_id = 0;

    if (!m->to || !is_address(m->to))
        return cx_fail(cx, ERR_INVALID, "cannot send mail to an invalid address");
    if (!m->subject || !one_line(m->subject, 900))
        return cx_fail(cx, ERR_INVALID, "a mail subject must be one line");
    if (!m->kind || !*m->kind || !m->text)
        return cx_fail(cx, ERR_INVALID, "a mail needs a kind and a text body");
    time_format(time(NULL), now);
    int rc = store_outbox_insert(cx, &row, now, &new_id);
    if (rc != 0)
        return rc;
    log_json(LOG_INFO, "mail queued",
             json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)new_id, "kind", m->kind, "to",
                       m->to, "subject", m->subject, "request_id", cx->request_id));
    wake();
    if (id)
        *id = new_id;
    return 0;
}

int mail_send(struct ctx *cx, const char *to, const char *subject, const char *text,
              const char *html_or_null, const char *kind)
{
    struct mail m = {kind, to, subject, text, html_or_null, 0};

    return mail_queue(cx, &m, NULL);
}

int mail_outbox_list(struct ctx *cx, const char *to, long long limit, long long offset,
                     struct outbox_email **items, int *n, long long *total)
{
    char *low = to && *to ? arena_strdup(cx->arena, to) : NULL;

    for (char *p = low; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return store_outbox_list(cx, low, limit, offset, items, n, total);
}

bool mail_uses_smtp(const struct app *app)
{
    return app->cfg->smtp_url && *app->cfg->smtp_url;
}

void mail_link_log(struct ctx *cx, const char *kind, const char *to, const char *url)
{
    if (mail_uses_smtp(cx->app))
        return;
    log_json(LOG_INFO, "mail link",
             json_pack("{s:s, s:s, s:s, s:s}", "kind", kind, "to", to, "url", url, "request_id",
                       cx->request_id));
}

/* The sender */

/* A request context for the sender's database work (no HTTP request behind it). */
static void bg_begin(struct ctx *cx, struct app *app)
{
    memset(cx, 0, sizeof(*cx));
    cx->app = app;
    cx->arena = arena_new();
    cx->route = "mail-sender";
    snprintf(cx->request_id, sizeof(cx->request_id), "mail-sender");
}

static void bg_end(struct ctx *cx)
{
    arena_free(cx->arena); /* also hands the connection back to the pool */
}

static bool stopping(void *arg)
{
    return atomic_load(&w.stop);
}

/* One claimed row, copied out of the arena so no connection is held while sending. */
struct job {
    long long id;
    int attempts;
    char kind[64];
    char to[256];
    struct buf msg;
};

/* Claims row "id" and builds its message; 0, or nonzero when another sender has it. */
static int claim(struct app *app, long long id, struct job *j)
{
    char now[TIME_RFC3339_LEN], lease[TIME_RFC3339_LEN];
    time_t t = time(NULL);
    struct outbox_email e;
    struct ctx cx;

    time_format(t, now);
    time_format(t + LEASE_S, lease);
    bg_begin(&cx, app);
    int rc = store_outbox_claim(&cx, id, now, lease, &e);
    if (rc == 0) {
        struct mail_message m = {.from = app->cfg->mail_from,
                                 .to = e.to,
                                 .subject = e.subject,
                                 .text = e.body_text,
                                 .html = e.body_html,
                                 .date = t};
        j->id = id;
        j->attempts = e.attempts;
        snprintf(j->kind, sizeof(j->kind), "%s", e.kind);
        snprintf(j->to, sizeof(j->to), "%s", e.to);
        mail_message_build(&m, &j->msg);
    }
    bg_end(&cx);
    return rc;
}

static void log_outcome(const struct job *j, int attempts, const char *why, const char *retry)
{
    if (!why)
        log_json(LOG_INFO, "mail sent",
                 json_pack("{s:I, s:s, s:s, s:i}", "id", (json_int_t)j->id, "kind", j->kind, "to",
                           j->to, "attempts", attempts));
    else
        log_json(LOG_WARN, retry ? "mail not sent; will retry" : "mail not sent; giving up",
                 json_pack("{s:I, s:s, s:s, s:i, s:s, s:s?}", "id", (json_int_t)j->id, "kind",
                           j->kind, "to", j->to, "attempts", attempts, "error", why, "retry_at",
                           retry));
}

/* Records the outcome of sending "j": sent, retry later, failed, or abandoned at shutdown. */
static void finish(struct app *app, const struct job *j, int rc, const char *why)
{
    char now[TIME_RFC3339_LEN], next[TIME_RFC3339_LEN], err[ERROR_MAX];
    time_t t = time(NULL);
    int attempts = j->attempts + 1;
    struct ctx cx;

    time_format(t, now);
    snprintf(err, sizeof(err), "%s", why ? why : "unknown error");
    bg_begin(&cx, app);
    if (rc == 0) {
        store_outbox_mark(&cx, j->id, "sent", attempts, NULL, now, now);
        log_outcome(j, attempts, NULL, NULL);
    } else if (stopping(NULL)) { /* abandoned: due again at once, no attempt counted */
        store_outbox_mark(&cx, j->id, "pending", j->attempts, "interrupted by shutdown", now, NULL);
    } else if (attempts >= MAX_ATTEMPTS) {
        store_outbox_mark(&cx, j->id, "failed", attempts, err, now, NULL);
        log_outcome(j, attempts, err, NULL);
    } else {
        time_format(t + ((time_t)RETRY_BASE_S << (attempts - 1)), next);
        store_outbox_mark(&cx, j->id, "pending", attempts, err, next, NULL);
        log_outcome(j, attempts, err, next);
    }
    bg_end(&cx);
}

/* Claims and sends row "id"; 1 when it was sent. */
static int deliver(struct app *app, long long id)
{
    struct job j = {.msg = BUF_INIT};
    struct buf why = BUF_INIT;
    char from[256];
    int rc = -1;

    if (claim(app, id, &j) == 0) {
        if (mail_addr_spec(app->cfg->mail_from, from, sizeof(from)) != 0)
            snprintf(from, sizeof(from), "no-reply@localhost");
        rc = smtp_send(app->cfg->smtp_url, from, j.to, j.msg.p, j.msg.len, stopping, NULL, &why);
        finish(app, &j, rc, why.p);
    }
    buf_release(&why);
    buf_release(&j.msg);
    return rc == 0;
}

int mail_worker_run_once(struct app *app)
{
    long long ids[BATCH];
    char now[TIME_RFC3339_LEN];
    int n = 0, sent = 0;
    struct ctx cx;

    do {
        time_format(time(NULL), now);
        bg_begin(&cx, app);
        int rc = store_outbox_due(&cx, now, BATCH, ids, &n);
        bg_end(&cx);
        if (rc != 0)
            break;
        for (int i = 0; i < n && !stopping(NULL); i++)
            sent += deliver(app, ids[i]);
    } while (n == BATCH && !stopping(NULL));
    return sent;
}

/* Waits on the condition variable (mutex held) for at most "ms". */
static void nap(long ms)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&w.cv, &w.mu, &ts);
}

static void *on_thread(void *arg)
{
    struct app *app = arg;

    pthread_mutex_lock(&w.mu);
    while (!atomic_load(&w.stop)) {
        bool poked = w.poke;
        w.poke = false;
        pthread_mutex_unlock(&w.mu);
        int sent = mail_worker_run_once(app);
        pthread_mutex_lock(&w.mu);
        if (w.poke || atomic_load(&w.stop))
            continue;
        /* a poke from inside a transaction can come before its commit: look again soon */
        nap(poked && !sent ? RECHECK_MS : POLL_S * 1000L);
    }
    pthread_mutex_unlock(&w.mu);
    return NULL;
}

int mail_worker_start(struct app *app)
{
    pthread_condattr_t attr;

    if (!mail_uses_smtp(app)) {
        log_json(LOG_INFO, "mail stays in the outbox (MANGU_SMTP_URL is unset)", NULL);
        return 0;
    }
    smtp_global_init();
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w.cv, &attr);
    pthread_condattr_destroy(&attr);
    atomic_store(&w.stop, false);
    pthread_mutex_lock(&w.mu);
    w.running = pthread_create(&w.thread, NULL, on_thread, app) == 0;
    pthread_mutex_unlock(&w.mu);
    if (!w.running) {
        pthread_cond_destroy(&w.cv);
        smtp_global_release();
        log_json(LOG_ERROR, "cannot start the mail sender", NULL);
        return -1;
    }
    log_json(LOG_INFO, "mail sender started", json_pack("{s:s}", "from", app->cfg->mail_from));
    return 0;
}

void mail_worker_stop(void)
{
    pthread_mutex_lock(&w.mu);
    bool running = w.running;
    atomic_store(&w.stop, true);
    if (running)
        pthread_cond_signal(&w.cv);
    pthread_mutex_unlock(&w.mu);
    if (!running)
        return;
    pthread_join(w.thread, NULL);
    pthread_mutex_lock(&w.mu);
    w.running = false;
    atomic_store(&w.stop, false);
    pthread_mutex_unlock(&w.mu);
    pthread_cond_destroy(&w.cv);
    smtp_global_release();
}
