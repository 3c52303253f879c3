/* redis_link.h: what redis.c lends redis_sub.c (the two files of the Redis adapter). */
#ifndef MANGU_CACHE_REDIS_LINK_H
#define MANGU_CACHE_REDIS_LINK_H

#include <hiredis/hiredis.h>

#include "core/buf.h"
#include "core/log.h"

/*
 * A new context to the server of "impl" (a cache_redis_new() state): connected, authenticated,
 * database selected, with the pool's short timeouts. NULL with the reason in "err", which
 * never holds the password. Caller frees it with redisFree().
 */
redisContext *cache_redis_dial(void *impl, struct buf *err);
/* Logs "msg" with the server's "host:port/db" and, when not NULL, "reason". */
void cache_redis_log(void *impl, enum log_level level, const char *msg, const char *reason);

#endif
