/* config_http.h: parsers of the server settings (address, origin, threads, timeouts, sizes,
 * proxies, CORS, rate limits); config.c lists them. */
#ifndef MANGU_CONFIG_HTTP_H
#define MANGU_CONFIG_HTTP_H

#include "core/buf.h"
#include "core/config.h"

/* Each parses one variable into "c" or returns -1 with what it accepts in "why". */
int config_parse_listen(struct config *c, const char *val, struct buf *why);
int config_parse_public_url(struct config *c, const char *val, struct buf *why);
int config_parse_threads(struct config *c, const char *val, struct buf *why);
int config_parse_idle_timeout(struct config *c, const char *val, struct buf *why);
int config_parse_shutdown_timeout(struct config *c, const char *val, struct buf *why);
int config_parse_max_body(struct config *c, const char *val, struct buf *why);
int config_parse_max_header(struct config *c, const char *val, struct buf *why);
int config_parse_trusted_proxies(struct config *c, const char *val, struct buf *why);
int config_parse_cors_origins(struct config *c, const char *val, struct buf *why);
int config_parse_rate_limit(struct config *c, const char *val, struct buf *why);
int config_parse_rate_login(struct config *c, const char *val, struct buf *why);
int config_parse_rate_signup(struct config *c, const char *val, struct buf *why);
int config_parse_rate_reset(struct config *c, const char *val, struct buf *why);

#endif
