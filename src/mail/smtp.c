/* smtp.c: one message through libcurl's SMTP client, with TLS rules and cancellation. */
#include "mail/smtp.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#define CONNECT_TIMEOUT_S 10L
#define TRANSFER_TIMEOUT_S 60L

struct source {
    const char *p;
    size_t left;
    smtp_cancel_fn cancel;
    void *arg;
};

static size_t on_read(char *dst, size_t size, size_t nmemb, void *data)
{
    struct source *s = data;
    size_t n = size * nmemb < s->left ? size * nmemb : s->left;

    memcpy(dst, s->p, n);
    s->p += n;
    s->left -= n;
    return n;
}

static int on_progress(void *data, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    struct source *s = data;

    return s->cancel && s->cancel(s->arg) ? 1 : 0;
}

static bool is_loopback(const char *host)
{
    return !strcmp(host, "localhost") || !strncmp(host, "127.", 4) || !strcmp(host, "[::1]") ||
           !strcmp(host, "::1");
}

/* CURLUSESSL_ALL for smtps:// and for a password sent to another machine, else TRY. */
static long tls_level(const char *url)
{
    CURLU *u = curl_url();
    char *host = NULL, *pass = NULL;
    long level = CURLUSESSL_TRY;

    if (strncmp(url, "smtps://", 8) == 0 || !u ||
        curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
        curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
        level = CURLUSESSL_ALL;
    else if (curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK && !is_loopback(host))
        level = CURLUSESSL_ALL;
    curl_free(host);
    curl_free(pass);
    curl_url_cleanup(u);
    return level;
}

static void set_options(CURL *c, const char *url, struct source *src, struct curl_slist *rcpt,
                        const char *from, char *errbuf)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_USE_SSL, tls_level(url));
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(c, CURLOPT_READDATA, src);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)src->left);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, src);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, CONNECT_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, TRANSFER_TIMEOUT_S);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
}

int smtp_send(const char *url, const char *from, const char *to, const char *msg, size_t len,
              smtp_cancel_fn cancel, void *arg, struct buf *why)
{
    char errbuf[CURL_ERROR_SIZE] = "", from_br[300], to_br[300];
    struct source src = {msg, len, cancel, arg};
    CURL *c = curl_easy_init();
    struct curl_slist *rcpt;
    long code = 0;

    if (!c) {
        buf_adds(why, "cannot create an SMTP session");
        return -1;
    }
    snprintf(from_br, sizeof(from_br), "<%s>", from);
    snprintf(to_br, sizeof(to_br), "<%s>", to);
    rcpt = curl_slist_append(NULL, to_br);
    set_options(c, url, &src, rcpt, from_br, errbuf);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    if (rc != CURLE_OK) {
        buf_printf(why, "%s", *errbuf ? errbuf : curl_easy_strerror(rc));
        if (code)
            buf_printf(why, " (last reply %ld)", code);
    }
    curl_slist_free_all(rcpt);
    curl_easy_cleanup(c);
    return rc == CURLE_OK ? 0 : -1;
}

void smtp_global_init(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

void smtp_global_release(void)
{
    curl_global_cleanup();
}
