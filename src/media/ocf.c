/* ocf.c: EPUB container checks on libzip's directory: zip bombs, unsafe names, capped reads. */
#include "media/ocf.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#define MIMETYPE "application/epub+zip"

struct ocf {
    zip_t *za;
    const unsigned char *data;
    size_t len;
};

/* A printable copy of an entry name for messages: at most 80 bytes, controls as '?'. */
static const char *shown(struct arena *a, const char *name)
{
    size_t n = strnlen(name, 80);
    char *s = arena_strndup(a, name, n);

    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            s[i] = '?';
    return s;
}

/* Why "name" may not appear in an upload, or NULL when it is fine. */
static const char *unsafe_name(const char *name)
{
    if (!*name)
        return "an empty name";
    if (name[0] == '/')
        return "an absolute path";
    if (strchr(name, '\\'))
        return "a backslash";
    if (isalpha((unsigned char)name[0]) && name[1] == ':')
        return "a drive letter";
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return "a control character";
    for (const char *seg = name; seg;) {
        const char *slash = strchr(seg, '/');
        size_t n = slash ? (size_t)(slash - seg) : strlen(seg);
        if (n == 2 && seg[0] == '.' && seg[1] == '.')
            return "a '..' segment";
        seg = slash ? slash + 1 : NULL;
    }
    return NULL;
}

static uint32_t le16(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
    return le16(p) | le16(p + 2) << 16;
}

static uint64_t le64(const unsigned char *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* Where the central directory starts and how many entries it has, from the (ZIP64) end record. */
static int find_cd(const unsigned char *d, size_t len, uint64_t *off, uint64_t *count)
{
    size_t floor = len > 22 + 65535 ? len - 22 - 65535 : 0;

    for (size_t e = len >= 22 ? len - 22 + 1 : 0; e-- > floor;) {
        if (memcmp(d + e, "PK\5\6", 4) != 0)
            continue;
        *count = le16(d + e + 10);
        *off = le32(d + e + 16);
        if (e >= 20 && memcmp(d + e - 20, "PK\6\7", 4) == 0) {
            uint64_t z = le64(d + e - 20 + 8);
            if (z > len || len - z < 56 || memcmp(d + z, "PK\6\6", 4) != 0)
                return -1;
            *count = le64(d + z + 32);
            *off = le64(d + z + 48);
        }
        return 0;
    }
    return -1;
}

/*
 * True when a raw central-directory name holds a NUL byte. libzip turns those into spaces, so
 * this reads the directory itself; bounds-checked, and silent when the layout is unusual.
 */
static bool raw_names_have_nul(const unsigned char *d, size_t len)
{
    uint64_t p, count;

    if (find_cd(d, len, &p, &count) != 0)
        return false;
    for (uint64_t i = 0; i < count; i++) {
        if (p > len || len - p < 46 || memcmp(d + p, "PK\1\2", 4) != 0)
            return false;
        uint32_t nlen = le16(d + p + 28), elen = le16(d + p + 30), clen = le16(d + p + 32);
        if (len - p - 46 < nlen)
            return false;
        if (memchr(d + p + 46, 0, nlen))
            return true;
        p += 46 + (uint64_t)nlen + elen + clen;
    }
    return false;
}

/* One directory entry against the name, method and size rules; adds to "*total". */
static int check_entry(struct arena *a, const zip_stat_t *st, const struct media_limits *l,
                       uint64_t *total, struct manuscript_report *r)
{
    const char *why = unsafe_name(st->name);

    if (why)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_unsafe_path", "entry '%s' has %s",
                             shown(a, st->name), why);
    if (st->encryption_method != ZIP_EM_NONE)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_encrypted_entry",
                             "entry '%s' is encrypted", shown(a, st->name));
    if (st->comp_method != ZIP_CM_STORE && st->comp_method != ZIP_CM_DEFLATE)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_unsupported_compression",
                             "entry '%s' uses compression method %d (EPUB allows stored or "
                             "deflated)",
                             shown(a, st->name), (int)st->comp_method);
    if (st->size > l->max_unpacked_bytes || *total + st->size > l->max_unpacked_bytes)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_unpacked_too_large",
                             "entries would unpack to more than %zu bytes (entry '%s' "
                             "declares %llu)",
                             l->max_unpacked_bytes, shown(a, st->name),
                             (unsigned long long)st->size);
    *total += st->size;
    if (st->size >= l->ratio_min_bytes &&
        (st->comp_size == 0 || st->size / st->comp_size > l->max_ratio))
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_compression_ratio",
                             "entry '%s' expands %llu bytes to %llu (over %u:1)",
                             shown(a, st->name), (unsigned long long)st->comp_size,
                             (unsigned long long)st->size, l->max_ratio);
    return 0;
}

static int check_directory(struct arena *a, struct ocf *o, const struct media_limits *l,
                           struct manuscript_report *r)
{
    zip_int64_t n = zip_get_num_entries(o->za, 0);
    uint64_t total = 0;
    const zip_uint64_t need = ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
                              ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;

    if (n <= 0)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_zip_empty", "the ZIP has no entries");
    if ((size_t)n > l->max_entries)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_too_many_entries",
                             "the ZIP has %lld entries (at most %zu)", (long long)n,
                             l->max_entries);
    if (raw_names_have_nul(o->data, o->len))
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_unsafe_path",
                             "an entry name holds a NUL byte");
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zip_stat_index(o->za, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &st) != 0 ||
            (st.valid & need) != need)
            return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_zip_unreadable",
                                 "entry %lld of the ZIP directory cannot be read", (long long)i);
        int rc = check_entry(a, &st, l, &total, r);
        if (rc)
            return rc;
    }
    return 0;
}

int ocf_open(struct arena *a, const unsigned char *data, size_t len, const struct media_limits *l,
             struct manuscript_report *r, struct ocf **out)
{
    zip_error_t zerr;
    struct ocf *o;

    *out = NULL;
    zip_error_init(&zerr);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &zerr);
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) : NULL;
    if (!za) {
        int rc = report_refuse(a, r, ERR_UNPROCESSABLE, "epub_zip_unreadable",
                               "not a readable ZIP archive: %s", zip_error_strerror(&zerr));
        zip_error_fini(&zerr);
        if (src)
            zip_source_free(src);
        return rc;
    }
    zip_error_fini(&zerr);
    o = xcalloc(1, sizeof(*o));
    *o = (struct ocf){za, data, len};
    int rc = check_directory(a, o, l, r);
    if (rc) {
        ocf_close(o);
        return rc;
    }
    *out = o;
    return 0;
}

void ocf_close(struct ocf *o)
{
    if (!o)
        return;
    zip_discard(o->za);
    free(o);
}

int ocf_check_mimetype(struct arena *a, struct ocf *o, struct manuscript_report *r)
{
    zip_stat_t st;
    unsigned char *body = NULL;
    size_t n = 0;
    const unsigned char *d = o->data;

    if (zip_stat_index(o->za, 0, ZIP_FL_ENC_RAW, &st) != 0 || strcmp(st.name, "mimetype") != 0 ||
        o->len < 38 || memcmp(d, "PK\3\4", 4) != 0 || le16(d + 26) != 8 ||
        memcmp(d + 30, "mimetype", 8) != 0)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_mimetype_not_first",
                             "the first entry of an EPUB must be 'mimetype'");
    if (st.comp_method != ZIP_CM_STORE)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_mimetype_compressed",
                             "'mimetype' must be stored uncompressed");
    int rc = ocf_read(o, "mimetype", 64, &body, &n);
    bool ok = rc == 0 && n == strlen(MIMETYPE) && memcmp(body, MIMETYPE, n) == 0;
    free(body);
    if (!ok)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_mimetype_wrong",
                             "'mimetype' must hold exactly '" MIMETYPE "'");
    return 0;
}

long long ocf_size(struct ocf *o, const char *name)
{
    zip_stat_t st;

    if (zip_stat(o->za, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
        return -1;
    return (long long)st.size;
}

/* Reads all of "f" up to "cap" bytes into a buffer sized from "hint". */
static int read_capped(zip_file_t *f, size_t hint, size_t cap, unsigned char **out, size_t *len)
{
    size_t have = 0, room = (hint < cap ? hint : cap) + 1;
    unsigned char *p = xmalloc(room + 1);

    for (;;) {
        if (have == room) {
            if (room > cap) {
                free(p);
                return ERR_TOO_LARGE;
            }
            room = room * 2 > cap + 1 ? cap + 1 : room * 2;
            p = xrealloc(p, room + 1);
        }
        zip_int64_t got = zip_fread(f, p + have, room - have);
        if (got < 0) {
            free(p);
            return ERR_UNPROCESSABLE;
        }
        if (got == 0)
            break;
        have += (size_t)got;
    }
    if (have > cap) {
        free(p);
        return ERR_TOO_LARGE;
    }
    p[have] = '\0';
    *out = p;
    *len = have;
    return 0;
}

int ocf_read(struct ocf *o, const char *name, size_t cap, unsigned char **out, size_t *len)
{
    zip_stat_t st;

    *out = NULL;
    *len = 0;
    if (zip_stat(o->za, name, 0, &st) != 0)
        return ERR_NOT_FOUND;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > cap)
        return ERR_TOO_LARGE;
    zip_file_t *f = zip_fopen_index(o->za, st.index, 0);
    if (!f)
        return ERR_UNPROCESSABLE;
    int rc = read_capped(f, (st.valid & ZIP_STAT_SIZE) ? (size_t)st.size : 4096, cap, out, len);
    zip_fclose(f);
    return rc;
}
