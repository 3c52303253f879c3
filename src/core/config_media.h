/* config_media.h: parsers of the upload limits (manuscript and cover sizes); config.c lists them.
 */
#ifndef MANGU_CONFIG_MEDIA_H
#define MANGU_CONFIG_MEDIA_H

#include "core/buf.h"
#include "core/config.h"

/* Each parses one variable into "c" or returns -1 with what it accepts in "why". */
int config_parse_max_manuscript(struct config *c, const char *val, struct buf *why);
int config_parse_max_cover_bytes(struct config *c, const char *val, struct buf *why);
int config_parse_max_cover_px(struct config *c, const char *val, struct buf *why);

/* Appends the limit lines of `mangu check`. */
void config_media_describe(const struct config *c, struct buf *out);

#endif
