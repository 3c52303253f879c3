/* creds.c: static AWS keys, or temporary ones fetched with libcurl from the container endpoint. */
#include "blob/creds.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>

#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

#define REFRESH_BEFORE_S 300 /* fetch again when less than five minutes remain */
#define MAX_ANSWER 16384
#define RETRY_AFTER_S 5 /* after a failed fetch, answer from the cache (or fail) this long */

struct creds_provider {
    struct creds fixed;   /* static keys, or the cached temporary ones */
    char *uri;            /* container endpoint; NULL for static keys */
    char *auth;           /* its Authorization header value, or NULL */
    pthread_mutex_t lock; /* guards "fixed", "next_try" and "fetches" when "uri" is set */
    time_t next_try;      /* no fetch before this after a failure */
    unsigned long fetches;
};

static char *dup_or_null(const char *s)
{
    return s && *s ? xstrdup(s) : NULL;
}

static void wipe_free(char *s)
{
    if (s)
        sodium_memzero(s, strlen(s));
    free(s);
}

void creds_release(struct creds *c)
{
    wipe_free(c->access_key);
    wipe_free(c->secret_key);
    wipe_free(c->token);
    memset(c, 0, sizeof(*c));
}

static void copy_creds(const struct creds *from, struct creds *to)
{
    to->access_key = dup_or_null(from->access_key);
    to->secret_key = dup_or_null(from->secret_key);
    to->token = dup_or_null(from->token);
    to->expires_at = from->expires_at;
}

struct creds_provider *creds_provider_new(const struct config *cfg)
{
    struct creds_provider *p = xcalloc(1, sizeof(*p));

    pthread_mutex_init(&p->lock, NULL);
    if (cfg->s3_access_key_id) {
        p->fixed.access_key = xstrdup(cfg->s3_access_key_id);
        p->fixed.secret_key = xstrdup(cfg->s3_secret_access_key);
    } else if (cfg->aws_access_key_id) {
        p->fixed.access_key = xstrdup(cfg->aws_access_key_id);
        p->fixed.secret_key = xstrdup(cfg->aws_secret_access_key);
        p->fixed.token = dup_or_null(cfg->aws_session_token);
    } else if (cfg->aws_container_uri) {
        p->uri = xstrdup(cfg->aws_container_uri);
        p->auth = dup_or_null(cfg->aws_container_token);
    } else {
        creds_provider_free(p);
        return NULL;
    }
    return p;
}

void creds_provider_free(struct creds_provider *p)
{
    if (!p)
        return;
    creds_release(&p->fixed);
    free(p->uri);
    wipe_free(p->auth);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

/* "2024-05-14T12:00:00Z" or with a fraction ("...:00.123Z"). */
static int parse_expiration(const char *s, time_t *out)
{
    struct tm tm;
    const char *end;

    memset(&tm, 0, sizeof(tm));
    if (!s || !(end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm)))
        return -1;
    if (*end == '.')
        end += 1 + strspn(end + 1, "0123456789");
    if (strcmp(end, "Z") != 0 && strcmp(end, "+00:00") != 0)
        return -1;
    *out = timegm(&tm);
    return 0;
}

int creds_parse_json(const char *text, size_t len, struct creds *out)
{
    json_t *j = json_loadb(text, len, 0, NULL);
    const char *ak = json_string_value(json_object_get(j, "AccessKeyId"));
    const char *sk = json_string_value(json_object_get(j, "SecretAccessKey"));
    const char *tok = json_string_value(json_object_get(j, "Token"));
    const char *exp = json_string_value(json_object_get(j, "Expiration"));
    time_t when = 0;
    int rc = -1;

    memset(out, 0, sizeof(*out));
    if (ak && *ak && sk && *sk && tok && *tok && parse_expiration(exp, &when) == 0) {
        out->access_key = xstrdup(ak);
        out->secret_key = xstrdup(sk);
        out->token = xstrdup(tok);
        out->expires_at = when;
        rc = 0;
    }
    json_decref(j);
    return rc;
}

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
    struct buf *b = arg;

    if (b->len + size * n > MAX_ANSWER)
        return 0;
    buf_add(b, data, size * n);
    return size * n;
}

/* One GET of the endpoint; 0 with "out" filled, or -1 (logged). */
static int fetch(struct creds_provider *p, struct creds *out)
{
    CURL *c = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    struct buf body = BUF_INIT, auth = BUF_INIT;
    long status = 0;

    if (!c)
        return -1;
    if (p->auth) {
        buf_printf(&auth, "Authorization: %s", p->auth);
        hdrs = curl_slist_append(hdrs, auth.p);
    }
    curl_easy_setopt(c, CURLOPT_URL, p->uri);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 2000L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    int ok = rc == CURLE_OK && status == 200 && creds_parse_json(body.p, body.len, out) == 0;
    if (!ok)
        log_json(LOG_WARN, "cannot get credentials from the container endpoint",
                 json_pack("{s:s, s:I}", "detail", rc ? curl_easy_strerror(rc) : "bad answer",
                           "status", (json_int_t)status));
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(c);
    if (auth.p)
        sodium_memzero(auth.p, auth.len);
    if (body.p)
        sodium_memzero(body.p, body.len);
    buf_release(&auth);
    buf_release(&body);
    return ok ? 0 : -1;
}

int creds_get(struct creds_provider *p, struct creds *out)
{
    struct creds fresh;
    time_t now = time(NULL);
    int rc = 0;

    memset(out, 0, sizeof(*out));
    if (!p->uri) {
        copy_creds(&p->fixed, out);
        return 0;
    }
    pthread_mutex_lock(&p->lock);
    if ((!p->fixed.access_key || p->fixed.expires_at - now < REFRESH_BEFORE_S) &&
        now >= p->next_try) {
        p->fetches++;
        if (fetch(p, &fresh) == 0) {
            creds_release(&p->fixed);
            p->fixed = fresh;
        } else {
            p->next_try = now + RETRY_AFTER_S;
        }
    }
    if (p->fixed.access_key && p->fixed.expires_at > now)
        copy_creds(&p->fixed, out);
    else
        rc = ERR_UNAVAILABLE;
    pthread_mutex_unlock(&p->lock);
    return rc;
}

void creds_invalidate(struct creds_provider *p)
{
    if (!p->uri)
        return;
    pthread_mutex_lock(&p->lock);
    creds_release(&p->fixed);
    p->next_try = 0;
    pthread_mutex_unlock(&p->lock);
}

unsigned long creds_fetch_count(struct creds_provider *p)
{
    pthread_mutex_lock(&p->lock);
    unsigned long n = p->fetches;
    pthread_mutex_unlock(&p->lock);
    return n;
}
