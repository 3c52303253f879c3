/* test_fs.c: the disk driver: versions kept, atomic writes, bad keys refused, streaming, tokens. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <sodium.h>

#include "blob/blob.h"
#include "blob/driver.h"
#include "core/err.h"

#define SECRET "0123456789abcdef0123456789abcdef"

struct fixture {
    char dir[64];
    struct config cfg;
    struct blob_store *s;
    struct arena *a;
};

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(path);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof(*f));
    struct buf why = BUF_INIT;

    strcpy(f->dir, "/tmp/mangu-blob-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    f->cfg.data_dir = f->dir;
    f->cfg.public_url = "http://127.0.0.1:8080";
    f->cfg.jwt_secret = SECRET;
    assert_int_equal(blob_open(&f->cfg, &f->s, &why), 0);
    assert_string_equal(blob_driver_name(f->s), "disk");
    f->a = arena_new();
    buf_release(&why);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    blob_close(f->s);
    arena_free(f->a);
    nftw(f->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    free(f);
    return 0;
}

/* The whole object as a NUL-terminated arena string. */
static char *read_all(struct fixture *f, const char *key, const char *version)
{
    struct blob_info info;
    int fd;

    assert_int_equal(blob_open_read(f->s, f->a, key, version, &fd, &info), 0);
    char *p = arena_alloc(f->a, (size_t)info.size + 1);
    assert_int_equal(read(fd, p, (size_t)info.size), info.size);
    p[info.size] = '\0';
    close(fd);
    return p;
}

static int count_entries(const char *dir)
{
    char cmd[256];
    int n = -1;

    snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    assert_int_equal(fscanf(p, "%d", &n), 1);
    pclose(p);
    return n;
}

static void every_put_keeps_a_version(void **state)
{
    struct fixture *f = *state;
    const char *v1, *v2;
    struct blob_info info;

    assert_int_equal(blob_put(f->s, f->a, "books/1/a.txt", "first", 5, "text/plain", &v1), 0);
    assert_int_equal(blob_put(f->s, f->a, "books/1/a.txt", "second!", 7, "text/plain", &v2), 0);
    assert_true(strcmp(v1, v2) < 0);
    assert_int_equal(blob_head(f->s, f->a, "books/1/a.txt", NULL, &info), 0);
    assert_int_equal(info.size, 7);
    assert_string_equal(info.content_type, "text/plain");
    assert_string_equal(info.version, v2);
    assert_string_equal(read_all(f, "books/1/a.txt", v1), "first");
    assert_string_equal(read_all(f, "books/1/a.txt", NULL), "second!");
    assert_int_equal(blob_head(f->s, f->a, "books/1/b.txt", NULL, &info), ERR_NOT_FOUND);
    assert_int_equal(blob_head(f->s, f->a, "books/1/a.txt", "0000000000000001", &info),
                     ERR_NOT_FOUND);
    assert_int_equal(blob_head(f->s, f->a, "books/1/a.txt", "../../x", &info), ERR_NOT_FOUND);
    /* a key below another key's name is its own object */
    assert_int_equal(blob_put(f->s, f->a, "books/1/a.txt/x", "y", 1, "text/plain", NULL), 0);
    assert_string_equal(read_all(f, "books/1/a.txt", NULL), "second!");
}

static void bad_keys_are_refused(void **state)
{
    struct fixture *f = *state;
    static const char *bad[] = {"",      "/abs",    "a//b",   "a/",          "../x",  "a/../b",
                                "a/./b", ".hidden", "a/.tmp", "a..b",        "A.txt", "a b",
                                "a\\b",  "a%2fb",   "a@v",    "caf\xc3\xa9", "a\nb",  "x:y"};
    char longkey[BLOB_KEY_MAX + 2];
    struct blob_info info;
    struct blob_target t;

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_false(blob_key_valid(bad[i]));
        assert_int_equal(blob_put(f->s, f->a, bad[i], "x", 1, "text/plain", NULL), ERR_INVALID);
        assert_int_equal(blob_head(f->s, f->a, bad[i], NULL, &info), ERR_INVALID);
        assert_int_equal(blob_delete(f->s, bad[i], NULL), ERR_INVALID);
        assert_int_equal(blob_presign_put(f->s, f->a, bad[i], "text/plain", 1, 60, &t),
                         ERR_INVALID);
    }
    memset(longkey, 'a', sizeof(longkey) - 1);
    longkey[sizeof(longkey) - 1] = '\0';
    assert_false(blob_key_valid(longkey));
    longkey[BLOB_KEY_MAX] = '\0';
    assert_true(blob_key_valid(longkey));
    assert_true(blob_key_valid("books/42/files/7/manuscript-v2_final.epub"));
    assert_false(blob_content_type_valid("text"));
    assert_false(blob_content_type_valid("text/plain\r\nX-Evil: 1"));
    assert_true(blob_content_type_valid("text/plain; charset=utf-8"));
    assert_int_equal(blob_put(f->s, f->a, "ok", "x", 1, "bad type", NULL), ERR_INVALID);
    assert_int_equal(count_entries(f->dir), 1); /* only objects/ */
}

/* Until commit nothing is visible; a short or long body publishes nothing either. */
static void writes_are_atomic(void **state)
{
    struct fixture *f = *state;
    struct blob_writer *w;
    struct blob_info info;
    char tmp[128];

    snprintf(tmp, sizeof(tmp), "%s/objects/.tmp", f->dir);
    assert_int_equal(blob_disk_write_stream_begin(f->s, "u/1", "text/plain", 10, &w), 0);
    assert_int_equal(blob_disk_write_stream_append(w, "12345", 5), 0);
    assert_int_equal(blob_head(f->s, f->a, "u/1", NULL, &info), ERR_NOT_FOUND);
    assert_int_equal(count_entries(tmp), 1);
    assert_int_equal(blob_disk_write_stream_commit(w, f->a, NULL, NULL), ERR_UNPROCESSABLE);
    assert_int_equal(blob_head(f->s, f->a, "u/1", NULL, &info), ERR_NOT_FOUND);
    assert_int_equal(count_entries(tmp), 0);

    assert_int_equal(blob_disk_write_stream_begin(f->s, "u/1", "text/plain", 4, &w), 0);
    assert_int_equal(blob_disk_write_stream_append(w, "12345", 5), ERR_TOO_LARGE);
    blob_disk_write_stream_abort(w);
    assert_int_equal(count_entries(tmp), 0);
    assert_int_equal(blob_head(f->s, f->a, "u/1", NULL, &info), ERR_NOT_FOUND);

    assert_int_equal(blob_disk_write_stream_begin(f->s, "u/1", "text/plain", 5, &w), 0);
    assert_int_equal(blob_disk_write_stream_append(w, "12345", 5), 0);
    assert_int_equal(blob_disk_write_stream_commit(w, f->a, NULL, NULL), 0);
    assert_string_equal(read_all(f, "u/1", NULL), "12345");
    assert_int_equal(count_entries(tmp), 0);
}

static long status_kb(const char *field)
{
    FILE *p = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;

    assert_non_null(p);
    while (fgets(line, sizeof(line), p))
        if (strncmp(line, field, strlen(field)) == 0)
            v = strtol(line + strlen(field) + 1, NULL, 10);
    fclose(p);
    return v;
}

/* 50 MB in 64 KB chunks: the peak resident size barely moves, and the SHA-256 is right. */
static void streaming_writer_never_holds_the_body(void **state)
{
    struct fixture *f = *state;
    static unsigned char chunk[64 * 1024];
    const long long total = 50LL * 1024 * 1024;
    crypto_hash_sha256_state sha;
    unsigned char digest[32];
    char want[65], got[65];
    struct blob_writer *w;
    struct blob_info info;
    const char *version;

    FILE *cr = fopen("/proc/self/clear_refs", "w"); /* "5" resets the peak (VmHWM) */
    if (cr) {
        fputs("5", cr);
        fclose(cr);
    }
    long base = status_kb("VmRSS:");
    crypto_hash_sha256_init(&sha);
    assert_int_equal(blob_disk_write_stream_begin(f->s, "big/1", "application/pdf", total, &w), 0);
    for (long long off = 0; off < total; off += (long long)sizeof(chunk)) {
        memset(chunk, (int)(off / (long long)sizeof(chunk)), sizeof(chunk));
        crypto_hash_sha256_update(&sha, chunk, sizeof(chunk));
        assert_int_equal(blob_disk_write_stream_append(w, chunk, sizeof(chunk)), 0);
    }
    assert_int_equal(blob_disk_write_stream_commit(w, f->a, &version, got), 0);
    crypto_hash_sha256_final(&sha, digest);
    sodium_bin2hex(want, sizeof(want), digest, sizeof(digest));
    assert_string_equal(got, want);
    assert_int_equal(blob_head(f->s, f->a, "big/1", version, &info), 0);
    assert_int_equal(info.size, total);
    long peak = status_kb("VmHWM:");
    if (cr && base > 0 && peak > 0)
        assert_true(peak - base < 8 * 1024); /* under 8 MB for a 50 MB body */
}

static void files_in_and_out(void **state)
{
    struct fixture *f = *state;
    char src[128], dst[128];
    const char *v;

    snprintf(src, sizeof(src), "%s/in.txt", f->dir);
    snprintf(dst, sizeof(dst), "%s/out.txt", f->dir);
    FILE *p = fopen(src, "w");
    fputs("from a file", p);
    fclose(p);
    assert_int_equal(blob_put_file(f->s, f->a, "f/1", src, "text/plain", &v), 0);
    assert_int_equal(blob_get_to_file(f->s, "f/1", v, dst), 0);
    assert_int_equal(blob_get_to_file(f->s, "f/1", v, dst), ERR_CONFLICT); /* never clobbers */
    assert_int_equal(blob_get_to_file(f->s, "f/2", NULL, src), ERR_CONFLICT);
    unlink(dst);
    assert_int_equal(blob_get_to_file(f->s, "f/2", NULL, dst), ERR_NOT_FOUND);
    assert_int_equal(access(dst, F_OK), -1); /* nothing left behind */
    assert_int_equal(blob_get_to_file(f->s, "f/1", NULL, dst), 0);
    p = fopen(dst, "r");
    char line[32] = "";
    assert_non_null(fgets(line, sizeof(line), p));
    fclose(p);
    assert_string_equal(line, "from a file");
}

static void delete_one_version_or_all(void **state)
{
    struct fixture *f = *state;
    const char *v1, *v2;
    struct blob_info info;
    char dir[128];

    assert_int_equal(blob_put(f->s, f->a, "d/x/1", "a", 1, "text/plain", &v1), 0);
    assert_int_equal(blob_put(f->s, f->a, "d/x/1", "bb", 2, "text/plain", &v2), 0);
    assert_int_equal(blob_delete(f->s, "d/x/1", v2), 0);
    assert_int_equal(blob_head(f->s, f->a, "d/x/1", NULL, &info), 0);
    assert_string_equal(info.version, v1);
    assert_int_equal(blob_delete(f->s, "d/x/1", v2), ERR_NOT_FOUND);
    assert_int_equal(blob_put(f->s, f->a, "d/x/1", "ccc", 3, "text/plain", NULL), 0);
    assert_int_equal(blob_delete(f->s, "d/x/1", NULL), 0);
    assert_int_equal(blob_head(f->s, f->a, "d/x/1", v1, &info), ERR_NOT_FOUND);
    assert_int_equal(blob_delete(f->s, "d/x/1", NULL), ERR_NOT_FOUND);
    snprintf(dir, sizeof(dir), "%s/objects/d", f->dir);
    assert_int_equal(access(dir, F_OK), -1); /* empty folders pruned */
}

struct racer {
    struct blob_store *s;
    int ok;
};

static void *race(void *arg)
{
    struct racer *r = arg;
    struct arena *a = arena_new();

    for (int i = 0; i < 25; i++)
        r->ok += blob_put(r->s, a, "race/k", "x", 1, "text/plain", NULL) == 0;
    arena_free(a);
    return NULL;
}

/* Concurrent puts to one key never replace each other: every one is a version of its own. */
static void concurrent_puts_never_overwrite(void **state)
{
    struct fixture *f = *state;
    pthread_t th[4];
    struct racer r[4];
    char dir[128];

    for (int i = 0; i < 4; i++) {
        r[i] = (struct racer){f->s, 0};
        pthread_create(&th[i], NULL, race, &r[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(r[i].ok, 25);
    }
    snprintf(dir, sizeof(dir), "%s/objects/race/k@v", f->dir);
    assert_int_equal(count_entries(dir), 100);
}

static void upload_and_download_tokens(void **state)
{
    struct fixture *f = *state;
    struct blob_target t;
    struct blob_grant g;
    const char *prefix = "/api/uploads/"; /* path only: same origin as the page */

    assert_int_equal(blob_presign_put(f->s, f->a, "up/1.epub", "application/epub+zip", 42, 900, &t),
                     0);
    assert_true(strncmp(t.url, prefix, strlen(prefix)) == 0);
    assert_int_equal(t.n_headers, 2);
    const char *tok = t.url + strlen(prefix);
    assert_int_equal(blob_disk_verify_upload(f->s, f->a, tok, &g), 0);
    assert_string_equal(g.key, "up/1.epub");
    assert_string_equal(g.content_type, "application/epub+zip");
    assert_int_equal(g.size, 42);
    assert_int_equal(g.expires_at, t.expires_at);
    assert_int_equal(blob_disk_verify_download(f->s, f->a, tok, &g), ERR_FORBIDDEN);
    assert_int_equal(blob_disk_verify_at(f->s, f->a, tok, "PUT", t.expires_at + 1, &g),
                     ERR_FORBIDDEN);
    char *forged = arena_strdup(f->a, tok);
    forged[3] = forged[3] == 'A' ? 'B' : 'A';
    assert_int_equal(blob_disk_verify_upload(f->s, f->a, forged, &g), ERR_FORBIDDEN);
    assert_int_equal(blob_disk_verify_upload(f->s, f->a, "", &g), ERR_FORBIDDEN);
    assert_int_equal(blob_disk_verify_upload(f->s, f->a, "a.b.c", &g), ERR_FORBIDDEN);

    assert_int_equal(blob_presign_get(f->s, f->a, "up/1.epub", NULL, 300, &t), 0);
    tok = strstr(t.url, "/api/downloads/") + 15;
    assert_int_equal(blob_disk_verify_download(f->s, f->a, tok, &g), 0);
    assert_null(g.version);
    assert_int_equal(blob_presign_get(f->s, f->a, "up/1.epub", NULL, 301, &t), ERR_INVALID);
}

/* Ages every entry of "dir" by two days. */
static void age_entries(const char *dir)
{
    struct timeval old[2] = {{time(NULL) - 2 * 86400, 0}, {time(NULL) - 2 * 86400, 0}};
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];

    assert_non_null(d);
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') {
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            assert_int_equal(utimes(path, old), 0);
        }
    closedir(d);
}

/* What a crash leaves in .tmp is swept at the next start once it is a day old. */
static void stale_temporary_folders_are_swept(void **state)
{
    struct fixture *f = *state;
    struct blob_writer *crashed, *fresh;
    struct buf why = BUF_INIT;
    char tmp[128];

    snprintf(tmp, sizeof(tmp), "%s/objects/.tmp", f->dir);
    assert_int_equal(blob_disk_write_stream_begin(f->s, "crash/1", "text/plain", 3, &crashed), 0);
    age_entries(tmp);
    assert_int_equal(blob_disk_write_stream_begin(f->s, "crash/2", "text/plain", 3, &fresh), 0);
    assert_int_equal(count_entries(tmp), 2);
    blob_close(f->s);
    assert_int_equal(blob_open(&f->cfg, &f->s, &why), 0);
    assert_int_equal(count_entries(tmp), 1);
    blob_disk_write_stream_abort(crashed);
    blob_disk_write_stream_abort(fresh);
    assert_int_equal(count_entries(tmp), 0);
    buf_release(&why);
}

static void disk_only_calls_refuse_s3(void **state)
{
    struct fixture *f = *state;
    struct config cfg = f->cfg;
    struct blob_store *s;
    struct blob_writer *w;
    struct blob_grant g;
    struct buf why = BUF_INIT;
    double ms;

    cfg.s3_bucket = "b";
    cfg.s3_endpoint = "http://127.0.0.1:1";
    cfg.s3_access_key_id = "AK";
    cfg.s3_secret_access_key = "SK";
    assert_int_equal(blob_open(&cfg, &s, &why), 0);
    assert_string_equal(blob_driver_name(s), "s3");
    assert_int_equal(blob_disk_verify_upload(s, f->a, "x.y", &g), ERR_NOT_FOUND);
    assert_int_equal(blob_disk_write_stream_begin(s, "k", "text/plain", 1, &w), ERR_NOT_FOUND);
    assert_int_equal(blob_ping(f->s, &ms), 0);
    blob_close(s);
    buf_release(&why);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(every_put_keeps_a_version, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_keys_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(writes_are_atomic, setup, teardown),
        cmocka_unit_test_setup_teardown(streaming_writer_never_holds_the_body, setup, teardown),
        cmocka_unit_test_setup_teardown(files_in_and_out, setup, teardown),
        cmocka_unit_test_setup_teardown(delete_one_version_or_all, setup, teardown),
        cmocka_unit_test_setup_teardown(concurrent_puts_never_overwrite, setup, teardown),
        cmocka_unit_test_setup_teardown(upload_and_download_tokens, setup, teardown),
        cmocka_unit_test_setup_teardown(stale_temporary_folders_are_swept, setup, teardown),
        cmocka_unit_test_setup_teardown(disk_only_calls_refuse_s3, setup, teardown),
    };

    if (sodium_init() < 0)
        return 1;
    return cmocka_run_group_tests(tests, NULL, NULL);
}
