/* ocf.h: the EPUB's ZIP container, checked before anything is read (the only libzip user). */
#ifndef MANGU_MEDIA_OCF_H
#define MANGU_MEDIA_OCF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "media/limits.h"
#include "media/report.h"

struct ocf;

/*
 * Opens the ZIP archive in "data" (borrowed; must outlive the ocf) and checks its central
 * directory before any entry is decompressed: readable (end-of-central-directory record present,
 * local headers consistent), at most "l->max_entries" entries, every name safe (no "..", absolute
 * path, drive letter, backslash, NUL or control character), no encrypted entry, only stored or
 * deflated entries, declared uncompressed sizes summing to at most "l->max_unpacked_bytes", and
 * no entry of "l->ratio_min_bytes" or more compressed above "l->max_ratio" to one. Nothing is
 * ever written to disk. Returns 0 with "*out" (caller owns; ocf_close), or a refusal recorded in
 * "r" (ERR_UNPROCESSABLE) with "*out" NULL.
 */
int ocf_open(struct arena *a, const unsigned char *data, size_t len, const struct media_limits *l,
             struct manuscript_report *r, struct ocf **out);
void ocf_close(struct ocf *o);

/*
 * Checks the OCF rule for "mimetype": the first entry, at offset 0, stored (not compressed), with
 * exactly "application/epub+zip" as its content. 0 or a refusal recorded in "r".
 */
int ocf_check_mimetype(struct arena *a, struct ocf *o, struct manuscript_report *r);

/* The declared uncompressed size of entry "name", or -1 when there is no such entry. */
long long ocf_size(struct ocf *o, const char *name);

/*
 * Reads entry "name" into memory when it is at most "cap" bytes, whatever its header claims.
 * Returns 0 with "*out" (NUL-terminated; caller frees with free()) and "*len"; ERR_NOT_FOUND;
 * ERR_TOO_LARGE past "cap"; ERR_UNPROCESSABLE on a read or CRC error.
 */
int ocf_read(struct ocf *o, const char *name, size_t cap, unsigned char **out, size_t *len);

#endif
