/* test_s3.c: the S3 driver and its credentials against a loopback fake: wire format, signatures
 * (checked with our own signer), versions, errors, the container-credentials endpoint. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sodium.h>

#include "blob/blob.h"
#include "blob/creds.h"
#include "blob/sigv4.h"
#include "core/err.h"

#define AK "AKIDFAKE"
#define SK "fake/secret+key"

/* ---- a one-request-per-connection HTTP server on 127.0.0.1 --------------------------- */

struct fake_req {
    char method[16];
    char target[1024];
    char head[8192]; /* header lines, each ending "\r\n" */
    char body[65536];
    size_t body_len;
};

struct fake {
    int lfd;
    int port;
    pthread_t thread;
    volatile int stop;
    pthread_mutex_t lock;
    struct fake_req reqs[16];
    int n_reqs;
    int creds_fetches;
    const char *s3_answer;  /* full response to S3 requests ("" = echo the stored body) */
    const char *creds_json; /* body of GET /creds */
    int expired_once;       /* answer ExpiredToken to the first S3 request */
    char stored[65536];     /* body of the last PUT, sent back to a GET */
    size_t stored_len;
};

static struct fake fake;

/* The value of header "name" in "head" ("" when absent), copied into "out". */
static const char *header(const char *head, const char *name, char *out, size_t cap)
{
    size_t n = strlen(name);

    out[0] = '\0';
    for (const char *p = head; *p; p = strstr(p, "\r\n") + 2) {
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1 + strspn(p + n + 1, " ");
            size_t len = (size_t)(strstr(v, "\r\n") - v);
            len = len < cap - 1 ? len : cap - 1;
            memcpy(out, v, len);
            out[len] = '\0';
            break;
        }
    }
    return out;
}

/* Reads one request; 0 or -1. Answers "100 Continue" when asked. */
static int read_request(int fd, struct fake_req *r)
{
    char buf[16384], val[32];
    size_t len = 0;
    char *end = NULL;

    memset(r, 0, sizeof(*r));
    while (!end && len < sizeof(buf) - 1) {
        ssize_t n = read(fd, buf + len, sizeof(buf) - 1 - len);
        if (n <= 0)
            return -1;
        len += (size_t)n;
        buf[len] = '\0';
        end = strstr(buf, "\r\n\r\n");
    }
    if (!end || sscanf(buf, "%15s %1023s", r->method, r->target) != 2)
        return -1;
    char *first = strstr(buf, "\r\n") + 2;
    memcpy(r->head, first, (size_t)(end + 2 - first));
    size_t want = (size_t)strtoul(header(r->head, "content-length", val, sizeof(val)), NULL, 10);
    if (strcasecmp(header(r->head, "expect", val, sizeof(val)), "100-continue") == 0)
        (void)!write(fd, "HTTP/1.1 100 Continue\r\n\r\n", 25);
    r->body_len = len - (size_t)(end + 4 - buf);
    memcpy(r->body, end + 4, r->body_len);
    while (r->body_len < want && r->body_len < sizeof(r->body)) {
        ssize_t n = read(fd, r->body + r->body_len, sizeof(r->body) - r->body_len);
        if (n <= 0)
            return -1;
        r->body_len += (size_t)n;
    }
    return 0;
}

static void answer(int fd, const struct fake_req *r)
{
    char out[70000];
    int n;

    pthread_mutex_lock(&fake.lock);
    if (strcmp(r->target, "/creds") == 0) {
        fake.creds_fetches++;
        n = snprintf(out, sizeof(out), "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n%s",
                     strlen(fake.creds_json), fake.creds_json);
    } else {
        if (fake.n_reqs < 16)
            fake.reqs[fake.n_reqs++] = *r;
        if (strcmp(r->method, "PUT") == 0) {
            memcpy(fake.stored, r->body, r->body_len);
            fake.stored_len = r->body_len;
        }
        if (fake.expired_once) {
            fake.expired_once = 0;
            n = snprintf(out, sizeof(out),
                         "HTTP/1.1 400 Bad Request\r\nContent-Length: 46\r\n\r\n"
                         "<Error><Code>ExpiredToken</Code></Error>      ");
        } else if (fake.s3_answer[0]) {
            n = snprintf(out, sizeof(out), "%s", fake.s3_answer);
        } else {
            bool with_length = strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
            n = snprintf(out, sizeof(out),
                         "HTTP/1.1 200 OK\r\nx-amz-version-id: v+1/x\r\nContent-Type: text/plain"
                         "\r\nContent-Length: %zu\r\n\r\n",
                         with_length ? fake.stored_len : 0);
            if (strcmp(r->method, "GET") == 0) {
                memcpy(out + n, fake.stored, fake.stored_len);
                n += (int)fake.stored_len;
            }
        }
    }
    pthread_mutex_unlock(&fake.lock);
    (void)!write(fd, out, (size_t)n);
}

static void *serve(void *arg)
{
    struct pollfd p = {fake.lfd, POLLIN, 0};
    struct fake_req *r = malloc(sizeof(*r));

    while (!fake.stop) {
        if (poll(&p, 1, 50) <= 0)
            continue;
        int fd = accept(fake.lfd, NULL, NULL);
        if (fd < 0)
            continue;
        if (read_request(fd, r) == 0)
            answer(fd, r);
        close(fd);
    }
    free(r);
    return NULL;
}

/* A loopback socket bound to a free port; the caller listens on it or closes it. */
static int bind_loopback(int *port)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(a);
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
    getsockname(fd, (struct sockaddr *)&a, &len);
    *port = ntohs(a.sin_port);
    return fd;
}

static int fake_start(void **state)
{
    memset(&fake, 0, sizeof(fake));
    pthread_mutex_init(&fake.lock, NULL);
    fake.s3_answer = "";
    fake.creds_json = "{}";
    fake.lfd = bind_loopback(&fake.port);
    assert_int_equal(listen(fake.lfd, 16), 0);
    pthread_create(&fake.thread, NULL, serve, NULL);
    return 0;
}

static int fake_stop(void **state)
{
    fake.stop = 1;
    pthread_join(fake.thread, NULL);
    close(fake.lfd);
    pthread_mutex_destroy(&fake.lock);
    return 0;
}

/* ---- stores --------------------------------------------------------------------------- */

static char endpoint[64], creds_uri[80];

/* An S3 store on the fake; with "container" its credentials come from GET /creds. */
static struct blob_store *open_store(bool container, bool path_style)
{
    struct config cfg;
    struct buf why = BUF_INIT;
    struct blob_store *s = NULL;

    /* curl resolves *.localhost itself, so virtual-hosted "bkt.localhost" reaches the fake */
    snprintf(endpoint, sizeof(endpoint), "http://%s:%d", path_style ? "127.0.0.1" : "localhost",
             fake.port);
    snprintf(creds_uri, sizeof(creds_uri), "http://127.0.0.1:%d/creds", fake.port);
    memset(&cfg, 0, sizeof(cfg));
    cfg.data_dir = "/tmp";
    cfg.s3_bucket = "bkt";
    cfg.s3_region = "eu-west-3";
    cfg.s3_endpoint = endpoint;
    cfg.s3_path_style = path_style;
    cfg.s3_timeout_s = 10;
    if (container) {
        cfg.aws_container_uri = creds_uri;
        cfg.aws_container_token = "Bearer ecs-token";
    } else {
        cfg.s3_access_key_id = AK;
        cfg.s3_secret_access_key = SK;
    }
    assert_int_equal(blob_open(&cfg, &s, &why), 0);
    buf_release(&why);
    return s;
}

static char json_creds[512];

static const char *creds_expiring_in(long seconds)
{
    char when[32];
    time_t t = time(NULL) + seconds;
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(json_creds, sizeof(json_creds),
             "{\"RoleArn\":\"arn:aws:iam::1:role/r\",\"AccessKeyId\":\"ASIATEMP\","
             "\"SecretAccessKey\":\"temp/secret\",\"Token\":\"tok+en/==\","
             "\"Expiration\":\"%s\"}",
             when);
    return json_creds;
}

static void pct_decode(char *s)
{
    char *o = s;

    for (char *i = s; *i; i++) {
        if (*i == '%' && i[1] && i[2]) {
            char hex[3] = {i[1], i[2], 0};
            *o++ = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            *o++ = *i;
        }
    }
    *o = '\0';
}

/* What a captured request signed, gathered for our signer. */
struct signed_req {
    struct sigv4_param headers[SIGV4_MAX_HEADERS];
    char values[SIGV4_MAX_HEADERS][2048];
    size_t n_headers;
    struct sigv4_param query[1];
    char qname[64], qval[256];
    size_t n_query;
    char names[512], path[1024], host[256], sha[80], access_key[64];
    time_t when;
};

static void gather(const struct fake_req *r, const char *auth, struct signed_req *g)
{
    char date[32];
    struct tm tm = {0};
    const char *sh = strstr(auth, "SignedHeaders="), *cred = strstr(auth, "Credential=") + 11;

    memset(g, 0, sizeof(*g));
    assert_non_null(sh);
    snprintf(g->names, sizeof(g->names), "%.*s", (int)strcspn(sh + 14, ","), sh + 14);
    for (char *save = NULL, *n = strtok_r(g->names, ";", &save); n; n = strtok_r(NULL, ";", &save))
        if (strcmp(n, "host") != 0) {
            header(r->head, n, g->values[g->n_headers], sizeof(g->values[0]));
            g->headers[g->n_headers] = (struct sigv4_param){n, g->values[g->n_headers]};
            g->n_headers++;
        }
    snprintf(g->path, sizeof(g->path), "%.*s", (int)strcspn(r->target, "?"), r->target);
    const char *q = strchr(r->target, '?');
    if (q && sscanf(q + 1, "%63[^=]=%255s", g->qname, g->qval) == 2) { /* versionId only */
        pct_decode(g->qval);
        g->query[g->n_query++] = (struct sigv4_param){g->qname, g->qval};
    }
    header(r->head, "host", g->host, sizeof(g->host));
    header(r->head, "x-amz-content-sha256", g->sha, sizeof(g->sha));
    assert_non_null(
        strptime(header(r->head, "x-amz-date", date, sizeof(date)), "%Y%m%dT%H%M%SZ", &tm));
    g->when = timegm(&tm);
    snprintf(g->access_key, sizeof(g->access_key), "%.*s", (int)strcspn(cred, "/"), cred);
}

/*
 * Recomputes the Authorization header of captured request "r" with our own signer (proven on
 * AWS's examples) and checks curl's signature equals it: what real S3 would check.
 */
static void assert_signature_valid(const struct fake_req *r, const char *secret)
{
    char auth[1024];
    struct signed_req *g = malloc(sizeof(*g));
    struct buf mine = BUF_INIT;

    header(r->head, "authorization", auth, sizeof(auth));
    gather(r, auth, g);
    struct sigv4_request sr = {r->method,    g->host, g->path,     g->query, g->n_query, g->headers,
                               g->n_headers, g->sha,  "eu-west-3", "s3",     g->when};
    struct sigv4_creds c = {g->access_key, secret, NULL};
    assert_int_equal(sigv4_authorization(&sr, &c, &mine), 0);
    assert_string_equal(strstr(auth, "Signature="), strstr(mine.p, "Signature="));
    buf_release(&mine);
    free(g);
}

/* ---- tests ---------------------------------------------------------------------------- */

static void credentials_json_is_parsed(void **state)
{
    struct creds c;
    const char *ok = "{\"AccessKeyId\":\"ASIA1\",\"SecretAccessKey\":\"s\",\"Token\":\"t\","
                     "\"Expiration\":\"2030-01-02T03:04:05Z\"}";
    const char *frac = "{\"AccessKeyId\":\"ASIA1\",\"SecretAccessKey\":\"s\",\"Token\":\"t\","
                       "\"Expiration\":\"2030-01-02T03:04:05.123Z\"}";

    assert_int_equal(creds_parse_json(ok, strlen(ok), &c), 0);
    assert_string_equal(c.access_key, "ASIA1");
    assert_string_equal(c.secret_key, "s");
    assert_string_equal(c.token, "t");
    assert_int_equal(c.expires_at, 1893553445);
    creds_release(&c);
    assert_int_equal(creds_parse_json(frac, strlen(frac), &c), 0);
    assert_int_equal(c.expires_at, 1893553445);
    creds_release(&c);
    static const char *bad[] = {
        "",
        "not json",
        "[]",
        "{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\",\"Token\":\"t\"}",
        "{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\",\"Expiration\":\"2030-01-02T03:04:05Z\"}",
        "{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\",\"Token\":\"t\",\"Expiration\":\"soon\"}",
        "{\"AccessKeyId\":1,\"SecretAccessKey\":\"s\",\"Token\":\"t\","
        "\"Expiration\":\"2030-01-02T03:04:05Z\"}"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(creds_parse_json(bad[i], strlen(bad[i]), &c), -1);
        assert_null(c.access_key);
    }
}

/* Temporary credentials are fetched once, sent with the token header, and refreshed early. */
static void container_credentials_are_cached(void **state)
{
    struct blob_store *s = open_store(true, true);
    struct arena *a = arena_new();
    char tok[64], authz[64];

    fake.creds_json = creds_expiring_in(3600);
    for (int i = 0; i < 3; i++)
        assert_int_equal(blob_put(s, a, "c/1", "abc", 3, "text/plain", NULL), 0);
    assert_int_equal(fake.creds_fetches, 1);
    assert_string_equal(header(fake.reqs[0].head, "x-amz-security-token", tok, sizeof(tok)),
                        "tok+en/==");
    assert_non_null(strstr(header(fake.reqs[0].head, "authorization", authz, sizeof(authz)),
                           "Credential=ASIATEMP/"));
    assert_signature_valid(&fake.reqs[0], "temp/secret");

    fake.creds_json = creds_expiring_in(120); /* inside the five-minute margin */
    fake.creds_fetches = 0;
    blob_close(s);
    s = open_store(true, true);
    assert_int_equal(blob_put(s, a, "c/1", "abc", 3, "text/plain", NULL), 0);
    assert_int_equal(blob_put(s, a, "c/1", "abc", 3, "text/plain", NULL), 0);
    assert_int_equal(fake.creds_fetches, 2);
    arena_free(a);
    blob_close(s);
}

/* A PUT, GET, HEAD and DELETE on the wire: paths, headers, versions and valid signatures. */
static void requests_are_signed_and_versioned(void **state)
{
    struct blob_store *s = open_store(false, true);
    struct arena *a = arena_new();
    const char *version;
    struct blob_info info;
    char v[128], path[64] = "/tmp/mangu-s3-get-XXXXXX";
    int fd;

    assert_int_equal(blob_put(s, a, "books/9/x.txt", "hello s3", 8, "text/plain", &version), 0);
    assert_string_equal(version, "v+1/x");
    const struct fake_req *put = &fake.reqs[0];
    assert_string_equal(put->method, "PUT");
    assert_string_equal(put->target, "/bkt/books/9/x.txt");
    assert_memory_equal(put->body, "hello s3", 8);
    assert_string_equal(header(put->head, "x-amz-content-sha256", v, sizeof(v)),
                        SIGV4_UNSIGNED_PAYLOAD);
    assert_string_equal(header(put->head, "content-type", v, sizeof(v)), "text/plain");
    assert_signature_valid(put, SK);

    assert_int_equal(blob_head(s, a, "books/9/x.txt", version, &info), 0);
    assert_string_equal(fake.reqs[1].target, "/bkt/books/9/x.txt?versionId=v%2B1%2Fx");
    assert_string_equal(header(fake.reqs[1].head, "x-amz-content-sha256", v, sizeof(v)),
                        SIGV4_EMPTY_SHA256);
    assert_signature_valid(&fake.reqs[1], SK);
    assert_int_equal(info.size, 8);
    assert_string_equal(info.content_type, "text/plain");

    assert_int_equal(blob_open_read(s, a, "books/9/x.txt", NULL, &fd, &info), 0);
    assert_int_equal(info.size, 8);
    assert_int_equal(read(fd, v, sizeof(v)), 8);
    assert_memory_equal(v, "hello s3", 8);
    close(fd);
    close(mkstemp(path));
    unlink(path);
    assert_int_equal(blob_get_to_file(s, "books/9/x.txt", NULL, path), 0);
    unlink(path);
    assert_int_equal(blob_delete(s, "books/9/x.txt", version), 0);
    assert_string_equal(fake.reqs[4].method, "DELETE");
    assert_signature_valid(&fake.reqs[4], SK);
    arena_free(a);
    blob_close(s);
}

static void file_uploads_stream(void **state)
{
    struct blob_store *s = open_store(false, false);
    struct arena *a = arena_new();
    char path[64] = "/tmp/mangu-s3-put-XXXXXX";
    int fd = mkstemp(path);

    assert_int_equal(write(fd, "from disk", 9), 9);
    close(fd);
    assert_int_equal(blob_put_file(s, a, "f/1", path, "text/plain", NULL), 0);
    assert_string_equal(fake.reqs[0].target, "/f/1"); /* virtual-hosted: the bucket is in Host */
    assert_memory_equal(fake.reqs[0].body, "from disk", 9);
    unlink(path);
    arena_free(a);
    blob_close(s);
}

static void errors_map_to_codes(void **state)
{
    struct blob_store *s = open_store(false, true);
    struct arena *a = arena_new();
    struct blob_info info;
    double ms;

    fake.s3_answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
    assert_int_equal(blob_head(s, a, "none", NULL, &info), ERR_NOT_FOUND);
    assert_int_equal(blob_ping(s, &ms), ERR_UNAVAILABLE); /* no bucket */
    fake.s3_answer = "HTTP/1.1 503 Slow Down\r\nContent-Length: 38\r\n\r\n"
                     "<Error><Code>SlowDown</Code></Error>  ";
    assert_int_equal(blob_put(s, a, "k", "x", 1, "text/plain", NULL), ERR_UNAVAILABLE);
    fake.s3_answer = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
    assert_int_equal(blob_head(s, a, "k", NULL, &info), ERR_UNAVAILABLE);
    fake.s3_answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    assert_int_equal(blob_ping(s, &ms), 0);
    arena_free(a);
    blob_close(s);
}

/* CopyObject: a signed PUT naming its source; a 200 whose body is an <Error> failed. */
static void copies_are_made_by_the_store(void **state)
{
    static const char ok_body[] = "<CopyObjectResult><ETag>\"e\"</ETag></CopyObjectResult>";
    static const char err_body[] = "<Error><Code>InternalError</Code></Error>";
    struct blob_store *s = open_store(false, true);
    struct arena *a = arena_new();
    const char *version;
    char ok[256], failed[256], v[256];

    snprintf(ok, sizeof(ok), "HTTP/1.1 200 OK\r\nx-amz-version-id: v2\r\nContent-Length: %zu\r\n\r\n%s",
             strlen(ok_body), ok_body);
    snprintf(failed, sizeof(failed), "HTTP/1.1 200 OK\r\nContent-Length: %zu\r\n\r\n%s",
             strlen(err_body), err_body);
    fake.s3_answer = ok;
    assert_int_equal(blob_copy(s, a, "uploads/b/1", "b/1", &version), 0);
    assert_string_equal(version, "v2");
    const struct fake_req *r = &fake.reqs[0];
    assert_string_equal(r->method, "PUT");
    assert_string_equal(r->target, "/bkt/b/1");
    assert_string_equal(header(r->head, "x-amz-copy-source", v, sizeof(v)), "/bkt/uploads/b/1");
    assert_int_equal(r->body_len, 0);
    assert_signature_valid(r, SK);
    fake.s3_answer = failed;
    assert_int_equal(blob_copy(s, a, "uploads/b/1", "b/1", NULL), ERR_UNAVAILABLE);
    fake.s3_answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
    assert_int_equal(blob_copy(s, a, "uploads/b/2", "b/2", NULL), ERR_NOT_FOUND);
    assert_int_equal(blob_copy(s, a, "b/1", "b/1", NULL), ERR_INVALID);
    assert_string_equal(blob_browser_origin(s), endpoint); /* path style: the endpoint */
    arena_free(a);
    blob_close(s);
}

/* Virtual-hosted: browsers reach the bucket's own host. */
static void browser_origin_names_the_bucket_host(void **state)
{
    struct blob_store *s = open_store(false, false);
    char want[96];

    snprintf(want, sizeof(want), "http://bkt.localhost:%d", fake.port);
    assert_string_equal(blob_browser_origin(s), want);
    blob_close(s);
}

/* Temporary credentials refused as expired are fetched again and the request retried. */
static void expired_token_is_refreshed_once(void **state)
{
    struct blob_store *s = open_store(true, true);
    struct arena *a = arena_new();

    fake.creds_json = creds_expiring_in(3600);
    fake.expired_once = 1;
    assert_int_equal(blob_put(s, a, "e/1", "abc", 3, "text/plain", NULL), 0);
    assert_int_equal(fake.creds_fetches, 2);
    assert_int_equal(fake.n_reqs, 2);
    assert_memory_equal(fake.reqs[1].body, "abc", 3);
    arena_free(a);
    blob_close(s);
}

/* Nothing listens: every call fails fast with ERR_UNAVAILABLE. */
static void unreachable_endpoint_is_unavailable(void **state)
{
    struct config cfg;
    struct buf why = BUF_INIT;
    struct blob_store *s;
    struct arena *a = arena_new();
    struct blob_info info;
    struct creds c;
    double ms;
    int port, fd = bind_loopback(&port);

    close(fd);
    snprintf(endpoint, sizeof(endpoint), "http://127.0.0.1:%d", port);
    memset(&cfg, 0, sizeof(cfg));
    cfg.data_dir = "/tmp";
    cfg.s3_bucket = "bkt";
    cfg.s3_region = "us-east-1";
    cfg.s3_endpoint = endpoint;
    cfg.s3_path_style = true;
    cfg.s3_access_key_id = AK;
    cfg.s3_secret_access_key = SK;
    assert_int_equal(blob_open(&cfg, &s, &why), 0);
    time_t t0 = time(NULL);
    assert_int_equal(blob_ping(s, &ms), ERR_UNAVAILABLE);
    assert_int_equal(blob_put(s, a, "k", "x", 1, "text/plain", NULL), ERR_UNAVAILABLE);
    assert_int_equal(blob_head(s, a, "k", NULL, &info), ERR_UNAVAILABLE);
    assert_true(time(NULL) - t0 < 3);
    blob_close(s);

    cfg.s3_access_key_id = cfg.s3_secret_access_key = NULL;
    snprintf(creds_uri, sizeof(creds_uri), "%s/creds", endpoint);
    cfg.aws_container_uri = creds_uri;
    struct creds_provider *p = creds_provider_new(&cfg);
    assert_int_equal(creds_get(p, &c), ERR_UNAVAILABLE);
    assert_int_equal(creds_get(p, &c), ERR_UNAVAILABLE); /* no second fetch for 5 s */
    assert_int_equal(creds_fetch_count(p), 1);
    creds_provider_free(p);
    arena_free(a);
    buf_release(&why);
}

static int reset(void **state)
{
    pthread_mutex_lock(&fake.lock);
    fake.n_reqs = 0;
    fake.creds_fetches = 0;
    fake.s3_answer = "";
    fake.expired_once = 0;
    pthread_mutex_unlock(&fake.lock);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(credentials_json_is_parsed),
        cmocka_unit_test_setup(container_credentials_are_cached, reset),
        cmocka_unit_test_setup(requests_are_signed_and_versioned, reset),
        cmocka_unit_test_setup(copies_are_made_by_the_store, reset),
        cmocka_unit_test_setup(browser_origin_names_the_bucket_host, reset),
        cmocka_unit_test_setup(file_uploads_stream, reset),
        cmocka_unit_test_setup(errors_map_to_codes, reset),
        cmocka_unit_test_setup(expired_token_is_refreshed_once, reset),
        cmocka_unit_test_setup(unreachable_endpoint_is_unavailable, reset),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, fake_start, fake_stop);
}
