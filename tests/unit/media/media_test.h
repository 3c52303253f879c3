/* media_test.h: helpers for the media tests: the shared test data, files in memory, ZIP building.
 */
#ifndef MANGU_MEDIA_TEST_H
#define MANGU_MEDIA_TEST_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

/* ../shared/testdata beside the clone, or $MANGU_TESTDATA. Returns a static path. */
static inline const char *testdata(const char *rel)
{
    static char path[4096];
    const char *dir = getenv("MANGU_TESTDATA");

    snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "../shared/testdata", rel);
    return path;
}

/* The whole file at "path" (caller frees), or NULL. */
static inline unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;

    *len = 0;
    if (!f || fstat(fileno(f), &st) != 0) {
        if (f)
            fclose(f);
        return NULL;
    }
    unsigned char *p = malloc((size_t)st.st_size + 1);
    *len = fread(p, 1, (size_t)st.st_size, f);
    fclose(f);
    return p;
}

/* An anonymous file holding "data", as the upload step would hand over; caller closes it. */
static inline int memfd_of(const void *data, size_t len)
{
    int fd = memfd_create("upload", MFD_CLOEXEC);

    if (fd >= 0 && write(fd, data, len) != (ssize_t)len) {
        close(fd);
        return -1;
    }
    return fd;
}

static inline double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Peak resident set of this process in KiB. */
static inline long max_rss_kib(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A ZIP under construction, written to a temporary file by zip_finish(). */
struct zipb {
    zip_t *z;
    char path[64];
};

static inline int zipb_start(struct zipb *b)
{
    int err;

    snprintf(b->path, sizeof(b->path), "/tmp/mangu-zip-XXXXXX");
    int fd = mkstemp(b->path);
    if (fd < 0)
        return -1;
    close(fd);
    b->z = zip_open(b->path, ZIP_TRUNCATE, &err);
    return b->z ? 0 : -1;
}

/* Adds "name" with "len" bytes of "data" (copied), stored or deflated. */
static inline void zipb_add(struct zipb *b, const char *name, const void *data, size_t len,
                            int stored)
{
    void *copy = malloc(len ? len : 1);

    memcpy(copy, data, len);
    zip_source_t *s = zip_source_buffer(b->z, copy, len, 1);
    zip_int64_t i = zip_file_add(b->z, name, s, ZIP_FL_OVERWRITE);
    if (i < 0) {
        fprintf(stderr, "zip_file_add '%s': %s\n", name, zip_strerror(b->z));
        zip_source_free(s);
        return;
    }
    zip_set_file_compression(b->z, (zip_uint64_t)i, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 1);
}

static inline void zipb_adds(struct zipb *b, const char *name, const char *text, int stored)
{
    zipb_add(b, name, text, strlen(text), stored);
}

/* Writes the archive and returns its bytes (caller frees); the temporary file is removed. */
static inline unsigned char *zipb_finish(struct zipb *b, size_t *len)
{
    *len = 0;
    if (zip_close(b->z) != 0) {
        fprintf(stderr, "zip_close: %s\n", zip_strerror(b->z));
        zip_discard(b->z);
        unlink(b->path);
        return NULL;
    }
    unsigned char *p = slurp(b->path, len);
    unlink(b->path);
    return p;
}

static const char test_container[] =
    "<?xml version=\"1.0\"?>\n<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
    "full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
    "</rootfiles></container>";

static const char test_page[] =
    "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>One"
    "</title></head><body><p>It was a dark and stormy night.</p></body></html>";

/* Starts a small valid EPUB 3 with the OPF "opf" (NULL: a default one); add more, then finish. */
static inline int zipb_epub(struct zipb *b, const char *opf)
{
    static const char def[] =
        "<?xml version=\"1.0\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
        "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<dc:identifier id=\"id\">x</dc:identifier><dc:title>Test</dc:title>"
        "<dc:language>en</dc:language></metadata><manifest><item id=\"p1\" href=\"p1.xhtml\" "
        "media-type=\"application/xhtml+xml\" properties=\"nav\"/></manifest><spine>"
        "<itemref idref=\"p1\"/></spine></package>";

    if (zipb_start(b) != 0)
        return -1;
    zipb_adds(b, "mimetype", "application/epub+zip", 1);
    zipb_adds(b, "META-INF/container.xml", test_container, 0);
    zipb_adds(b, "OEBPS/content.opf", opf ? opf : def, 0);
    zipb_adds(b, "OEBPS/p1.xhtml", test_page, 0);
    return 0;
}

/* Replaces every occurrence of the bytes "from" with "to" (same length) in "p". */
static inline int patch_bytes(unsigned char *p, size_t len, const char *from, const char *to,
                              size_t n)
{
    int count = 0;

    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(p + i, from, n) == 0) {
            memcpy(p + i, to, n);
            count++;
        }
    return count;
}

#endif
