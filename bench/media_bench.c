/* media_bench.c: times manuscript checks (in-process and isolated) and cover thumbnail sets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <vips/vips.h>

#include "core/arena.h"
#include "media/isolate.h"
#include "media/media.h"

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* CPU time of this process (all threads) plus its reaped children, in ms. */
static double cpu_ms(void)
{
    struct timespec ts;
    struct rusage ru;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6 +
           (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/*
 * Wall-clock median, 10th and 90th percentile of "v" and the median CPU time of "c" (both
 * sorted in place) as "m ms (p10-p90), CPU c ms".
 */
static const char *summary(double *v, double *c, int n, char *out, size_t len)
{
    qsort(v, (size_t)n, sizeof(*v), cmp);
    qsort(c, (size_t)n, sizeof(*c), cmp);
    snprintf(out, len, "%.2f ms (%.2f-%.2f), CPU %.2f ms", v[n / 2], v[n / 10], v[n * 9 / 10],
             c[n / 2]);
    return out;
}

/* Times "n" checks of "path" with isolation on or off; returns the status of the last one. */
static int time_check(const char *path, bool isolate, int n, double *v, double *c)
{
    struct media_limits l;
    int rc = 0;

    media_limits_default(&l);
    l.isolate = isolate;
    for (int i = -3; i < n; i++) {
        struct arena *a = arena_new();
        struct manuscript_report r;
        double t0 = now_ms(), c0 = cpu_ms();
        rc = media_check_manuscript_file(a, &l, path, NULL, &r);
        if (i >= 0) {
            v[i] = now_ms() - t0;
            c[i] = cpu_ms() - c0;
        }
        arena_free(a);
    }
    return rc;
}

static int on_nothing(void *arg, struct buf *out)
{
    buf_addc(out, '{');
    return 0;
}

/* The fixed cost of isolation: fork, limits, a pipe, a child that does nothing, waitpid. */
static const char *isolation_floor(int n, double *v, double *c, char *out, size_t len)
{
    struct isolate_limits l = {30000, 20, (size_t)1 << 30, 1 << 20};

    for (int i = -3; i < n; i++) {
        struct buf b = BUF_INIT;
        int detail;
        double t0 = now_ms(), c0 = cpu_ms();
        isolate_run(on_nothing, NULL, &l, -1, &b, &detail);
        if (i >= 0) {
            v[i] = now_ms() - t0;
            c[i] = cpu_ms() - c0;
        }
        buf_release(&b);
    }
    return summary(v, c, n, out, len);
}

static void bench_manuscripts(int n, int argc, char **argv)
{
    double *v = calloc((size_t)n, sizeof(double)), *c = calloc((size_t)n, sizeof(double));
    char s1[96], s2[96];

    printf("| file | status | in-process | isolated (fork + rlimits + JSON pipe) |\n");
    printf("|---|---|---|---|\n");
    printf("| (isolation floor: a child that does nothing) | | | %s |\n",
           isolation_floor(n, v, c, s1, sizeof(s1)));
    for (int i = 0; i < argc; i++) {
        const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        int rc = time_check(argv[i], false, n, v, c);
        summary(v, c, n, s1, sizeof(s1));
        time_check(argv[i], true, n, v, c);
        printf("| %s | %s | %s | %s |\n", base, rc ? "refused" : "accepted", s1,
               summary(v, c, n, s2, sizeof(s2)));
    }
    free(v);
    free(c);
}

/* Times "n" thumbnail sets (6 images) of the cover in "data". */
static void time_thumbs(const char *name, const unsigned char *data, size_t len, int n)
{
    struct media_limits l;
    double *v = calloc((size_t)n, sizeof(double)), *c = calloc((size_t)n, sizeof(double));
    char s[96];
    size_t bytes = 0;

    media_limits_default(&l);
    for (int i = -2; i < n; i++) {
        struct arena *a = arena_new();
        struct cover_report r;
        struct thumbnail t[IMAGE_N_THUMBS];
        double t0 = now_ms(), c0 = cpu_ms();
        if (media_cover_thumbnails(a, &l, data, len, NULL, &r, t) != 0) {
            printf("| %s | %zu KiB | refused: %s | |\n", name, len / 1024,
                   r.reasons.n ? r.reasons.v[0].message : "?");
            arena_free(a);
            free(v);
            free(c);
            return;
        }
        if (i >= 0) {
            v[i] = now_ms() - t0;
            c[i] = cpu_ms() - c0;
        }
        bytes = 0;
        for (int k = 0; k < IMAGE_N_THUMBS; k++)
            bytes += t[k].len;
        arena_free(a);
    }
    printf("| %s | %zu KiB | %s | %zu KiB |\n", name, len / 1024, summary(v, c, n, s, sizeof(s)),
           bytes / 1024);
    free(v);
    free(c);
}

/* A "w" x "h" JPEG with grain, like a photographic cover (a few MB at 4000 x 6000). */
static unsigned char *make_cover(int w, int h, size_t *len)
{
    VipsImage *noise = NULL, *u8 = NULL, *rgb = NULL;
    void *buf = NULL;

    vips_gaussnoise(&noise, w, h, "mean", 128.0, "sigma", 12.0, NULL);
    vips_cast_uchar(noise, &u8, NULL);
    VipsImage *in[3] = {u8, u8, u8};
    vips_bandjoin(in, &rgb, 3, NULL);
    vips_jpegsave_buffer(rgb, &buf, len, "Q", 85, NULL);
    g_object_unref(rgb);
    g_object_unref(u8);
    g_object_unref(noise);
    return buf;
}

static void bench_covers(int n, int argc, char **argv)
{
    printf("| cover | bytes | thumbnail set (WebP + JPEG at 160, 320, 640) | output |\n");
    printf("|---|---|---|---|\n");
    for (int i = 0; i < argc; i++) {
        struct media_limits l;
        struct arena *a = arena_new();
        struct manuscript_report r;
        media_limits_default(&l);
        if (media_check_manuscript_file(a, &l, argv[i], NULL, &r) == 0 && r.cover) {
            char name[256];
            snprintf(name, sizeof(name), "cover of %s (%s)", strrchr(argv[i], '/') + 1,
                     r.cover_type);
            time_thumbs(name, r.cover, r.cover_len, n);
        }
        arena_free(a);
    }
    static const int sizes[][2] = {{1600, 2400}, {4000, 6000}};
    for (int i = 0; i < 2; i++) {
        size_t len;
        char name[64];
        unsigned char *p = make_cover(sizes[i][0], sizes[i][1], &len);
        snprintf(name, sizeof(name), "generated %dx%d JPEG (Q85)", sizes[i][0], sizes[i][1]);
        time_thumbs(name, p, len, n);
        g_free(p);
    }
}

int main(int argc, char **argv)
{
    int n = 30;

    if (argc > 2 && !strcmp(argv[1], "-n")) {
        n = atoi(argv[2]);
        argc -= 2;
        argv += 2;
    }
    if (argc < 3 || n < 10 || (strcmp(argv[1], "manuscripts") && strcmp(argv[1], "covers"))) {
        fprintf(stderr, "usage: media_bench [-n N>=10] manuscripts|covers FILE...\n");
        return 2;
    }
    if (media_init() != 0)
        return 1;
    if (!strcmp(argv[1], "manuscripts"))
        bench_manuscripts(n, argc - 2, argv + 2);
    else
        bench_covers(n, argc - 2, argv + 2);
    media_release();
    return 0;
}
