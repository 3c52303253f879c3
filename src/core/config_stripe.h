/* config_stripe.h: parsers of the Stripe settings (key, webhook secrets, API origin); config.c
 * lists them. */
#ifndef MANGU_CONFIG_STRIPE_H
#define MANGU_CONFIG_STRIPE_H

#include "core/buf.h"
#include "core/config.h"

/* Each parses one variable into "c" or returns -1 with what it accepts in "why". */
int config_parse_stripe_key(struct config *c, const char *val, struct buf *why);
int config_parse_stripe_webhook_secret(struct config *c, const char *val, struct buf *why);
int config_parse_stripe_api_base(struct config *c, const char *val, struct buf *why);

#endif
