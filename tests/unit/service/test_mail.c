/*
 * test_mail.c: the message builder (headers, RFC 2047 words, MIME parts), queueing into the
 * outbox on SQLite, and the sender against a small SMTP sink on loopback (sent, retried,
 * stopped mid-send).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <ftw.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "core/log.h"
#include "db/migrate.h"
#include "mail/message.h"
#include "service/mail.h"

/* The builder */

static const struct mail_message base = {"MANGU Publishing <no-reply@books.example>",
                                         "reader@example.com",
                                         "Confirm your address",
                                         "Hello,\nopen https://books.example/verify?token=abc\n",
                                         NULL,
                                         0,
                                         "<fixed@books.example>",
                                         "=_b"};

static char *build(const struct mail_message *m)
{
    struct buf b = BUF_INIT;

    mail_message_build(m, &b);
    return buf_detach(&b, NULL);
}

/* Every line ends in CRLF and is at most "max" characters long. */
static void assert_lines(const char *s, size_t max)
{
    size_t col = 0;

    for (const char *p = s; *p; p++) {
        if (*p == '\n') {
            assert_true(p > s && p[-1] == '\r');
            col = 0;
        } else if (*p != '\r' && ++col > max) {
            fail_msg("line longer than %zu near '%.40s'", max, p - 40 > s ? p - 40 : s);
        }
    }
    assert_true(strlen(s) >= 2 && !strcmp(s + strlen(s) - 2, "\r\n"));
}

/* The value of header "name", unfolded ("" when absent); caller frees. */
static char *header(const char *msg, const char *name)
{
    struct buf b = BUF_INIT;
    size_t n = strlen(name);

    for (const char *p = msg; *p && strncmp(p, "\r\n", 2) != 0; p = strstr(p, "\r\n") + 2) {
        if (strncasecmp(p, name, n) != 0 || p[n] != ':')
            continue;
        for (p += n + 2;; p += 3) {
            const char *end = strstr(p, "\r\n");
            buf_add(&b, p, (size_t)(end - p));
            if (end[2] != ' ')
                break;
            p = end;
        }
        break;
    }
    buf_adds(&b, "");
    return buf_detach(&b, NULL);
}

/* Decodes a run of "=?UTF-8?B?...?=" words (as header() joins them). */
static void decode_words(const char *s, char *out, size_t cap)
{
    size_t used = 0;

    while ((s = strstr(s, "=?UTF-8?B?")) != NULL) {
        const char *end = strstr(s + 10, "?=");
        size_t got = 0;
        assert_non_null(end);
        assert_true(end + 2 - s <= 75); /* RFC 2047: an encoded word is at most 75 chars */
        assert_int_equal(sodium_base642bin((unsigned char *)out + used, cap - used - 1, s + 10,
                                           (size_t)(end - s - 10), NULL, &got, NULL,
                                           sodium_base64_VARIANT_ORIGINAL),
                         0);
        used += got;
        s = end + 2;
    }
    out[used] = '\0';
}

static void plain_ascii_message(void **state)
{
    char *msg = build(&base);
    char *v;

    assert_lines(msg, 78);
    assert_non_null(strstr(msg, "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"));
    assert_non_null(strstr(msg, "\r\nFrom: MANGU Publishing <no-reply@books.example>\r\n"));
    assert_non_null(strstr(msg, "\r\nTo: <reader@example.com>\r\n"));
    assert_non_null(strstr(msg, "\r\nSubject: Confirm your address\r\n"));
    assert_non_null(strstr(msg, "\r\nMessage-ID: <fixed@books.example>\r\n"));
    assert_non_null(strstr(msg, "\r\nMIME-Version: 1.0\r\n"));
    assert_non_null(strstr(msg, "Content-Type: text/plain; charset=utf-8\r\n"
                                "Content-Transfer-Encoding: 7bit\r\n\r\n"
                                "Hello,\r\nopen https://books.example/verify?token=abc\r\n"));
    assert_null(strstr(msg, "multipart"));
    v = header(msg, "Date");
    assert_string_equal(v, "Thu, 01 Jan 1970 00:00:00 +0000");
    free(v);
    free(msg);
}

static void random_message_id_at_the_senders_domain(void **state)
{
    struct mail_message m = base;
    char *a, *b, *ida, *idb;

    m.message_id = NULL;
    a = build(&m);
    b = build(&m);
    ida = header(a, "Message-ID");
    idb = header(b, "Message-ID");
    assert_true(ida[0] == '<' && strstr(ida, "@books.example>"));
    assert_string_not_equal(ida, idb);
    free(ida), free(idb), free(a), free(b);
}

static void non_ascii_headers_are_encoded_words(void **state)
{
    static const char subject[] = "Vérifiez votre adresse — ça prend 10 secondes, "
                                  "日本語のテキストも大丈夫です 🙂";
    struct mail_message m = base;
    char out[512], *msg, *v;

    m.subject = subject;
    m.from = "Éditions Mangú <books@example.org>";
    msg = build(&m);
    assert_lines(msg, 78);
    v = header(msg, "Subject");
    assert_true(strncmp(v, "=?UTF-8?B?", 10) == 0);
    decode_words(v, out, sizeof(out));
    assert_string_equal(out, subject); /* words split only between whole characters */
    free(v);
    v = header(msg, "From");
    decode_words(v, out, sizeof(out));
    assert_string_equal(out, "Éditions Mangú");
    assert_non_null(strstr(v, "?= <books@example.org>"));
    free(v);
    free(msg);
}

static void long_ascii_subject_folds_and_specials_are_quoted(void **state)
{
    char subject[161], out[512];
    struct mail_message m = base;

    memset(subject, 'x', 160);
    subject[160] = '\0';
    m.subject = subject;
    m.from = "Smith, John \"JJ\" <j@example.org>";
    char *msg = build(&m);
    assert_lines(msg, 78);
    char *v = header(msg, "Subject");
    decode_words(v, out, sizeof(out));
    assert_string_equal(out, subject);
    free(v);
    assert_non_null(strstr(msg, "From: \"Smith, John \\\"JJ\\\"\" <j@example.org>\r\n"));
    m.subject = "Has =?UTF-8?B?eA==?= inside";
    free(msg);
    msg = build(&m);
    v = header(msg, "Subject");
    decode_words(v, out, sizeof(out));
    assert_string_equal(out, "Has =?UTF-8?B?eA==?= inside"); /* never mistaken for a word */
    free(v);
    free(msg);
}

static void multipart_with_quoted_printable(void **state)
{
    struct mail_message m = base;
    char text[400];

    snprintf(text, sizeof(text), "Café crème = 3€\n%0200d\nend  \n", 7);
    m.text = text;
    m.html = "<p>Hello, <a href=\"https://books.example/x\">confirm</a></p>";
    char *msg = build(&m);
    assert_lines(msg, 78);
    assert_non_null(strstr(msg, "Content-Type: multipart/alternative; boundary=\"=_b\"\r\n\r\n"
                                "--=_b\r\nContent-Type: text/plain; charset=utf-8\r\n"
                                "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                                "Caf=C3=A9 cr=C3=A8me =3D 3=E2=82=AC\r\n"));
    assert_non_null(strstr(msg, "=\r\n"));           /* the 200-digit line got soft breaks */
    assert_non_null(strstr(msg, "\r\nend =20\r\n")); /* trailing space kept visible */
    assert_non_null(strstr(msg, "\r\n--=_b\r\nContent-Type: text/html; charset=utf-8\r\n"
                                "Content-Transfer-Encoding: 7bit\r\n\r\n<p>Hello, <a href="));
    assert_non_null(strstr(msg, "</p>\r\n--=_b--\r\n"));
    free(msg);
}

static void addr_spec_of_a_mailbox(void **state)
{
    char out[64];

    assert_int_equal(mail_addr_spec("MANGU <no-reply@localhost>", out, sizeof(out)), 0);
    assert_string_equal(out, "no-reply@localhost");
    assert_int_equal(mail_addr_spec(" a@b.example ", out, sizeof(out)), 0);
    assert_string_equal(out, "a@b.example");
    assert_int_equal(mail_addr_spec("nobody", out, sizeof(out)), -1);
    assert_int_equal(mail_addr_spec("x <a@b>", out, 3), -1);
}

/* The outbox and the sender, on a fresh SQLite database */

struct fixture {
    char dir[64];
    char db_url[128];
    char smtp_url[64];
    struct config cfg;
    struct app app;
};

static int on_remove(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(path);
}

static int setup_db(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct buf why = BUF_INIT;
    size_t applied = 0;

    strcpy(f->dir, "/tmp/mangu-test-mail-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->db_url, sizeof(f->db_url), "sqlite:%s/m.db", f->dir);
    f->cfg.database_url = f->db_url;
    f->cfg.db_pool = 4;
    f->cfg.db_statement_timeout_ms = 5000;
    f->cfg.mail_from = "MANGU Publishing <no-reply@books.example>";
    assert_int_equal(db_open(&f->cfg, &f->app.db, &why), 0);
    assert_int_equal(migrate_run(f->app.db, &applied, &why), 0);
    f->app.cfg = &f->cfg;
    buf_release(&why);
    *state = f;
    return 0;
}

static int teardown_db(void **state)
{
    struct fixture *f = *state;

    db_close(f->app.db);
    nftw(f->dir, on_remove, 8, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

static void begin(struct ctx *cx, struct fixture *f)
{
    memset(cx, 0, sizeof(*cx));
    cx->app = &f->app;
    cx->arena = arena_new();
    strcpy(cx->request_id, "test");
}

static long long queue(struct fixture *f, const char *to, const char *subject)
{
    struct ctx cx;
    long long id = 0;
    struct mail m = {"verify", to, subject, "Open https://x.example/v?token=t\n", NULL, 0};

    begin(&cx, f);
    assert_int_equal(mail_queue(&cx, &m, &id), 0);
    arena_free(cx.arena);
    assert_true(id > 0);
    return id;
}

/* status, attempts, last_error and next_attempt_at of row "id", as one "a|b|c|d" string. */
static void row_state(struct fixture *f, long long id, char *out, size_t cap)
{
    static const char sql[] = "SELECT status, attempts, COALESCE(last_error, ''), "
                              "next_attempt_at, COALESCE(sent_at, '') FROM outbox_emails "
                              "WHERE id = $1";
    struct db_param p[] = {DBP_INT(id)};
    struct db_result *r;
    struct ctx cx;

    begin(&cx, f);
    assert_int_equal(cx_query(&cx, sql, p, 1, &r), 0);
    assert_int_equal(r->nrows, 1);
    snprintf(out, cap, "%s|%s|%s|%s|%s", db_get(r, 0, 0), db_get(r, 0, 1), db_get(r, 0, 2),
             db_get(r, 0, 3), db_get(r, 0, 4));
    arena_free(cx.arena);
}

static void queue_validates_and_lists(void **state)
{
    struct fixture *f = *state;
    struct outbox_email *items;
    long long total;
    int n;
    struct ctx cx;

    long long id = queue(f, "Reader@Example.com", "Welcome");
    begin(&cx, f);
    assert_int_equal(mail_send(&cx, "a@b.example\r\nBcc: x@y", "s", "t", NULL, "k"), ERR_INVALID);
    assert_int_equal(mail_send(&cx, "a@b.example", "two\r\nlines", "t", NULL, "k"), ERR_INVALID);
    assert_int_equal(mail_send(&cx, "not-an-address", "s", "t", NULL, "k"), ERR_INVALID);
    assert_int_equal(mail_send(&cx, "other@b.example", "Hi", "t", "<p>t</p>", "k"), 0);
    assert_int_equal(mail_outbox_list(&cx, "reader@EXAMPLE.com", 10, 0, &items, &n, &total), 0);
    assert_int_equal(n, 1);
    assert_int_equal(total, 1);
    assert_int_equal(items[0].id, id);
    assert_string_equal(items[0].status, "pending");
    assert_string_equal(items[0].kind, "verify");
    assert_null(items[0].sent_at);
    assert_int_equal(mail_outbox_list(&cx, NULL, 1, 0, &items, &n, &total), 0);
    assert_int_equal(total, 2);
    assert_string_equal(items[0].to, "other@b.example"); /* newest first */
    arena_free(cx.arena);
    assert_false(mail_uses_smtp(&f->app));
}

/* A one-connection SMTP server: mode 0 answers everything, mode 1 never says hello. */
struct sink {
    int lfd;
    int port;
    int mode;
    struct buf data;
};

static void say(int fd, const char *s)
{
    ssize_t n = write(fd, s, strlen(s));
    (void)n;
}

static void *on_sink(void *arg)
{
    struct sink *s = arg;
    int fd = accept(s->lfd, NULL, NULL);
    FILE *in = fd >= 0 ? fdopen(dup(fd), "r") : NULL;
    char line[2048];
    bool data = false;

    if (!in)
        return NULL;
    say(fd, "220 sink ESMTP\r\n");
    while (fgets(line, sizeof(line), in)) {
        if (data) {
            if (strcmp(line, ".\r\n") == 0) {
                data = false;
                say(fd, "250 queued\r\n");
            } else {
                buf_adds(&s->data, line);
            }
        } else if (strncasecmp(line, "EHLO", 4) == 0) {
            say(fd, "250-sink\r\n250 8BITMIME\r\n");
        } else if (strncasecmp(line, "DATA", 4) == 0) {
            data = true;
            say(fd, "354 go on\r\n");
        } else if (strncasecmp(line, "QUIT", 4) == 0) {
            say(fd, "221 bye\r\n");
            break;
        } else {
            say(fd, "250 ok\r\n");
        }
    }
    fclose(in);
    close(fd);
    return NULL;
}

static void sink_open(struct sink *s, int mode, pthread_t *t)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(a);

    s->lfd = socket(AF_INET, SOCK_STREAM, 0);
    s->mode = mode;
    s->data = (struct buf)BUF_INIT;
    assert_int_equal(bind(s->lfd, (struct sockaddr *)&a, sizeof(a)), 0);
    assert_int_equal(listen(s->lfd, 4), 0);
    assert_int_equal(getsockname(s->lfd, (struct sockaddr *)&a, &len), 0);
    s->port = ntohs(a.sin_port);
    if (mode == 0)
        assert_int_equal(pthread_create(t, NULL, on_sink, s), 0);
}

static void sender_delivers_and_marks_sent(void **state)
{
    struct fixture *f = *state;
    struct sink s;
    pthread_t t;
    char st[256];

    sink_open(&s, 0, &t);
    snprintf(f->smtp_url, sizeof(f->smtp_url), "smtp://127.0.0.1:%d", s.port);
    f->cfg.smtp_url = f->smtp_url;
    long long id = queue(f, "reader@example.com", "Bienvenue à MANGU");
    assert_true(mail_uses_smtp(&f->app));
    assert_int_equal(mail_worker_run_once(&f->app), 1);
    pthread_join(t, NULL);
    close(s.lfd);
    assert_non_null(s.data.p);
    assert_non_null(strstr(s.data.p, "To: <reader@example.com>\r\n"));
    assert_non_null(strstr(s.data.p, "Subject: =?UTF-8?B?"));
    assert_non_null(strstr(s.data.p, "https://x.example/v?token=t"));
    row_state(f, id, st, sizeof(st));
    assert_true(strncmp(st, "sent|1||", 8) == 0);
    assert_int_equal(mail_worker_run_once(&f->app), 0); /* nothing left to send */
    buf_release(&s.data);
}

static void failure_is_retried_later(void **state)
{
    struct fixture *f = *state;
    struct sink s;
    char st[512], soon[32];

    sink_open(&s, 1, NULL);
    close(s.lfd); /* nothing listens on the port now */
    snprintf(f->smtp_url, sizeof(f->smtp_url), "smtp://127.0.0.1:%d", s.port);
    f->cfg.smtp_url = f->smtp_url;
    long long id = queue(f, "reader@example.com", "Hello");
    log_init(LOG_ERROR, 1); /* the expected warning stays out of the test output */
    assert_int_equal(mail_worker_run_once(&f->app), 0);
    log_init(LOG_WARN, 1);
    row_state(f, id, st, sizeof(st));
    assert_true(strncmp(st, "pending|1|", 10) == 0);
    assert_true(strlen(st) > 40); /* an error was recorded */
    time_t later = time(NULL) + 50;
    strftime(soon, sizeof(soon), "%Y-%m-%dT%H:%M:%SZ", gmtime(&later));
    assert_true(strcmp(strrchr(st, '|') - 20, soon) > 0); /* retried about a minute later */
    assert_int_equal(mail_worker_run_once(&f->app), 0);   /* not due yet */
    row_state(f, id, st, sizeof(st));
    assert_true(strncmp(st, "pending|1|", 10) == 0);
}

static void stop_is_prompt_during_a_send(void **state)
{
    struct fixture *f = *state;
    struct sink s;
    struct timespec t0, t1, nap = {0, 300 * 1000000L};
    char st[512];

    sink_open(&s, 1, NULL); /* connects, then never says hello */
    snprintf(f->smtp_url, sizeof(f->smtp_url), "smtp://127.0.0.1:%d", s.port);
    f->cfg.smtp_url = f->smtp_url;
    long long id = queue(f, "reader@example.com", "Hello");
    log_init(LOG_ERROR, 1);
    assert_int_equal(mail_worker_start(&f->app), 0);
    nanosleep(&nap, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    mail_worker_stop();
    clock_gettime(CLOCK_MONOTONIC, &t1);
    log_init(LOG_WARN, 1);
    close(s.lfd);
    double took = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (took > 2.0)
        fail_msg("mail_worker_stop took %.2f s", took);
    row_state(f, id, st, sizeof(st));
    assert_true(strncmp(st, "pending|0|interrupted", 21) == 0); /* no attempt counted */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_ascii_message),
        cmocka_unit_test(random_message_id_at_the_senders_domain),
        cmocka_unit_test(non_ascii_headers_are_encoded_words),
        cmocka_unit_test(long_ascii_subject_folds_and_specials_are_quoted),
        cmocka_unit_test(multipart_with_quoted_printable),
        cmocka_unit_test(addr_spec_of_a_mailbox),
        cmocka_unit_test_setup_teardown(queue_validates_and_lists, setup_db, teardown_db),
        cmocka_unit_test_setup_teardown(sender_delivers_and_marks_sent, setup_db, teardown_db),
        cmocka_unit_test_setup_teardown(failure_is_retried_later, setup_db, teardown_db),
        cmocka_unit_test_setup_teardown(stop_is_prompt_during_a_send, setup_db, teardown_db),
    };

    if (sodium_init() < 0)
        return 1;
    log_init(LOG_WARN, 1);
    return cmocka_run_group_tests_name("service/mail", tests, NULL, NULL);
}
