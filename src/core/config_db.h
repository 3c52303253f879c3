/* config_db.h: parsers of the database and cache settings; config.c lists them. */
#ifndef MANGU_CONFIG_DB_H
#define MANGU_CONFIG_DB_H

#include "core/buf.h"
#include "core/config.h"

/* Each parses one variable into "c" or returns -1 with what it accepts in "why". */
int config_parse_database_url(struct config *c, const char *val, struct buf *why);
int config_parse_db_pool(struct config *c, const char *val, struct buf *why);
int config_parse_sqlite_mmap(struct config *c, const char *val, struct buf *why);
int config_parse_stmt_timeout(struct config *c, const char *val, struct buf *why);
int config_parse_auto_migrate(struct config *c, const char *val, struct buf *why);
int config_parse_db_prepare(struct config *c, const char *val, struct buf *why);
int config_parse_redis_url(struct config *c, const char *val, struct buf *why);
int config_parse_cache_prefix(struct config *c, const char *val, struct buf *why);
int config_parse_cache_max(struct config *c, const char *val, struct buf *why);
int config_parse_cache_local(struct config *c, const char *val, struct buf *why);

#endif
