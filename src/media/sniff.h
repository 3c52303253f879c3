/* sniff.h: what a file's bytes are, by libmagic (the only user of magic.h). */
#ifndef MANGU_MEDIA_SNIFF_H
#define MANGU_MEDIA_SNIFF_H

#include <stddef.h>

/* Bytes from the start of a file that are enough for every type we accept. */
#define SNIFF_HEAD 65536

/* Loads the compiled magic database once. 0, or -1 when libmagic cannot load it. */
int sniff_init(void);
void sniff_release(void);

/*
 * Writes the MIME type of "data" ("application/epub+zip", "image/jpeg", ...) into "out" (at
 * least 96 bytes) and returns "out". Only the first SNIFF_HEAD bytes are looked at. Thread-safe
 * (one shared cookie behind a mutex); loads the database on first use when sniff_init() was not
 * called. Never compresses, never follows anything outside "data". On failure writes
 * "application/octet-stream".
 */
char *sniff_buffer(const void *data, size_t len, char out[96]);

#endif
