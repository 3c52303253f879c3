/* stripe.c: Stripe's REST API over libcurl: form-encoded requests, JSON answers, idempotency. */
#include "pay/stripe.h"
#include "core/buf.h"
#include "core/config.h"
#include "core/log.h"
#include "core/version.h"

#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#define MAX_ANSWER (1 << 20)

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void init_curl(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* Percent-encodes everything but RFC 3986's unreserved characters. */
static void add_escaped(struct buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            buf_addc(b, (char)c);
        } else {
            buf_addc(b, '%');
            buf_addc(b, hex[c >> 4]);
            buf_addc(b, hex[c & 15]);
        }
    }
}

/* Appends "key=value" (both escaped), with '&' before all but the first pair. */
static void form(struct buf *b, const char *key, const char *value)
{
    if (b->len)
        buf_addc(b, '&');
    add_escaped(b, key);
    buf_addc(b, '=');
    add_escaped(b, value);
}

static size_t on_data(char *p, size_t size, size_t n, void *ud)
{
    struct buf *b = ud;

    if (b->len + size * n > MAX_ANSWER)
        return 0;
    buf_add(b, p, size * n);
    return size * n;
}

struct call {
    const char *path; /* "/v1/refunds" with any query string */
    const char *form; /* POST body, or NULL for GET */
    const char *idem; /* Idempotency-Key, or NULL */
    long status;      /* out */
    char error[CURL_ERROR_SIZE];
};

static CURLcode perform(struct ctx *cx, struct call *c, struct buf *answer)
{
    const struct config *cfg = cx->app->cfg;
    struct curl_slist *hdr = NULL;
    char *auth = arena_printf(cx->arena, "Authorization: Bearer %s", cfg->stripe_secret_key);
    CURL *h;

    pthread_once(&curl_once, init_curl);
    if (!(h = curl_easy_init()))
        return CURLE_FAILED_INIT;
    hdr = curl_slist_append(hdr, auth);
    hdr = curl_slist_append(hdr, "Expect:");
    if (c->idem)
        hdr = curl_slist_append(hdr, arena_printf(cx->arena, "Idempotency-Key: %s", c->idem));
    curl_easy_setopt(h, CURLOPT_URL,
                     arena_printf(cx->arena, "%s%s", cfg->stripe_api_base, c->path));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "mangu/" MANGU_VERSION);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 20000L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->error);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, answer);
    if (c->form) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, c->form);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(c->form));
    }
    CURLcode rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &c->status);
    curl_slist_free_all(hdr);
    curl_easy_cleanup(h);
    sodium_memzero(auth, strlen(auth));
    return rc;
}

/* Logs what Stripe said about a refused request: its error type, code and message. */
static int refused(struct ctx *cx, const struct call *c, json_t *doc)
{
    json_t *e = json_object_get(doc, "error");

    log_json(LOG_ERROR, "stripe refused a request",
             json_pack("{s:s, s:s, s:i, s:s?, s:s?, s:s?}", "request_id", cx->request_id, "path",
                       c->path, "status", (int)c->status, "type",
                       json_string_value(json_object_get(e, "type")), "code",
                       json_string_value(json_object_get(e, "code")), "message",
                       json_string_value(json_object_get(e, "message"))));
    return cx_fail(cx, ERR_INTERNAL, "stripe refused %s (%ld)", c->path, c->status);
}

/* Runs "c" and parses the answer into "out" (owned by the arena). */
static int call_json(struct ctx *cx, struct call *c, json_t **out)
{
    struct buf answer = BUF_INIT;
    CURLcode rc = perform(cx, c, &answer);
    json_t *doc = answer.p ? json_loadb(answer.p, answer.len, 0, NULL) : NULL;

    buf_release(&answer);
    if (doc)
        arena_defer(cx->arena, (arena_cleanup_fn)json_decref, doc);
    if (rc != CURLE_OK || c->status == 429 || c->status >= 500 || !json_is_object(doc)) {
        log_json(LOG_WARN, "stripe unavailable",
                 json_pack("{s:s, s:s, s:i, s:s}", "request_id", cx->request_id, "path", c->path,
                           "status", (int)c->status, "error",
                           rc != CURLE_OK ? (*c->error ? c->error : curl_easy_strerror(rc))
                                          : "unexpected answer"));
        return cx_fail(cx, ERR_UNAVAILABLE, "the payment provider is unavailable; try again");
    }
    if (c->status < 200 || c->status > 299)
        return refused(cx, c, doc);
    *out = doc;
    return 0;
}

static const char *lower3(struct ctx *cx, const char *cur)
{
    char *s = arena_strdup(cx->arena, cur);

    for (char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return s;
}

static void session_form(struct ctx *cx, const struct stripe_session_in *in, struct buf *b)
{
    const char *id = arena_printf(cx->arena, "%lld", in->order_id);
    const char *cur = lower3(cx, in->currency);

    form(b, "mode", "payment");
    form(b, "client_reference_id", id);
    form(b, "metadata[order_id]", id);
    form(b, "metadata[order_number]", in->order_number);
    form(b, "payment_intent_data[metadata][order_id]", id);
    if (in->email)
        form(b, "customer_email", in->email);
    form(b, "success_url", in->success_url);
    form(b, "cancel_url", in->cancel_url);
    for (int i = 0; i < in->n_lines; i++) {
        char key[80];
        snprintf(key, sizeof(key), "line_items[%d][price_data][currency]", i);
        form(b, key, cur);
        snprintf(key, sizeof(key), "line_items[%d][price_data][unit_amount]", i);
        form(b, key, arena_printf(cx->arena, "%lld", in->lines[i].unit_amount));
        snprintf(key, sizeof(key), "line_items[%d][price_data][product_data][name]", i);
        form(b, key, in->lines[i].name);
        snprintf(key, sizeof(key), "line_items[%d][quantity]", i);
        form(b, key, "1");
    }
}

int stripe_session_create(struct ctx *cx, const struct stripe_session_in *in,
                          struct stripe_session *out)
{
    struct buf b = BUF_INIT;
    json_t *doc = NULL;

    session_form(cx, in, &b);
    struct call c = {.path = "/v1/checkout/sessions",
                     .form = arena_strdup(cx->arena, b.p),
                     .idem = arena_printf(cx->arena, "order-%lld", in->order_id)};
    buf_release(&b);
    int rc = call_json(cx, &c, &doc);
    if (rc != 0)
        return rc;
    out->id = json_string_value(json_object_get(doc, "id"));
    out->url = json_string_value(json_object_get(doc, "url"));
    if (!out->id || !out->url)
        return cx_fail(cx, ERR_INTERNAL, "stripe's checkout session has no id or url");
    return 0;
}

int stripe_refund_create(struct ctx *cx, const char *payment_intent, long long order_id,
                         const char **refund_id, const char **status)
{
    struct buf b = BUF_INIT;
    json_t *doc = NULL;

    form(&b, "payment_intent", payment_intent);
    form(&b, "metadata[order_id]", arena_printf(cx->arena, "%lld", order_id));
    struct call c = {.path = "/v1/refunds",
                     .form = arena_strdup(cx->arena, b.p),
                     .idem = arena_printf(cx->arena, "refund-%lld", order_id)};
    buf_release(&b);
    int rc = call_json(cx, &c, &doc);
    if (rc != 0)
        return rc;
    *refund_id = json_string_value(json_object_get(doc, "id"));
    *status = json_string_value(json_object_get(doc, "status"));
    if (!*refund_id)
        return cx_fail(cx, ERR_INTERNAL, "stripe's refund has no id");
    if (!*status)
        *status = "pending";
    return 0;
}

int stripe_sessions_list(struct ctx *cx, long long since, const char *starting_after, json_t **page)
{
    struct buf b = BUF_INIT;

    buf_printf(&b, "/v1/checkout/sessions?status=complete&created%%5Bgte%%5D=%lld&limit=100",
               since);
    if (starting_after) {
        buf_adds(&b, "&starting_after=");
        add_escaped(&b, starting_after);
    }
    struct call c = {.path = arena_strdup(cx->arena, b.p)};
    buf_release(&b);
    return call_json(cx, &c, page);
}

/* "/v1/checkout/sessions/<id><tail>" with the id escaped. */
static const char *session_path(struct ctx *cx, const char *id, const char *tail)
{
    struct buf b = BUF_INIT;
    const char *path;

    buf_adds(&b, "/v1/checkout/sessions/");
    add_escaped(&b, id);
    buf_adds(&b, tail);
    path = arena_strdup(cx->arena, b.p);
    buf_release(&b);
    return path;
}

int stripe_session_expire(struct ctx *cx, const char *session_id, json_t **session)
{
    struct call c = {.path = session_path(cx, session_id, "/expire"),
                     .form = "",
                     .idem = arena_printf(cx->arena, "expire-%s", session_id)};

    return call_json(cx, &c, session);
}

int stripe_session_get(struct ctx *cx, const char *session_id, json_t **session)
{
    struct call c = {.path = session_path(cx, session_id, "")};

    return call_json(cx, &c, session);
}
