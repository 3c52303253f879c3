/* config_mail.h: parsers of the e-mail settings (SMTP URL, sender); config.c lists them. */
#ifndef MANGU_CONFIG_MAIL_H
#define MANGU_CONFIG_MAIL_H

#include "core/buf.h"
#include "core/config.h"

/* Each parses one variable into "c" or returns -1 with what it accepts in "why". */
int config_parse_smtp_url(struct config *c, const char *val, struct buf *why);
int config_parse_mail_from(struct config *c, const char *val, struct buf *why);

#endif
