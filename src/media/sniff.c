/* sniff.c: MIME types from content with libmagic; one cookie shared behind a mutex. */
#include "media/sniff.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <magic.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static magic_t cookie;

/* Opens the cookie; the caller holds "lock". */
static int open_locked(void)
{
    /* no decompression, no text-encoding guesses, no archive listing: types only */
    int flags = MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ENCODING |
                MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_CDF | MAGIC_NO_CHECK_ELF | MAGIC_ERROR;

    if (cookie)
        return 0;
    cookie = magic_open(flags);
    if (!cookie)
        return -1;
    if (magic_load(cookie, NULL) != 0) {
        magic_close(cookie);
        cookie = NULL;
        return -1;
    }
    size_t bytes_max = SNIFF_HEAD;
    magic_setparam(cookie, MAGIC_PARAM_BYTES_MAX, &bytes_max);
    return 0;
}

int sniff_init(void)
{
    pthread_mutex_lock(&lock);
    int rc = open_locked();
    pthread_mutex_unlock(&lock);
    return rc;
}

void sniff_release(void)
{
    pthread_mutex_lock(&lock);
    if (cookie)
        magic_close(cookie);
    cookie = NULL;
    pthread_mutex_unlock(&lock);
}

char *sniff_buffer(const void *data, size_t len, char out[96])
{
    const char *type = NULL;

    snprintf(out, 96, "application/octet-stream");
    if (len > SNIFF_HEAD)
        len = SNIFF_HEAD;
    pthread_mutex_lock(&lock);
    if (len > 0 && open_locked() == 0)
        type = magic_buffer(cookie, data, len);
    if (type && strlen(type) < 96)
        snprintf(out, 96, "%s", type);
    pthread_mutex_unlock(&lock);
    return out;
}
