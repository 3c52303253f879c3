/* config_db.c: the database and cache settings: URLs, pool, statement timeout, migrations,
 * key prefix and memory bound. */
#include "core/config_db.h"

#include <stdbool.h>
#include <string.h>

#include "core/config_parse.h"

int config_parse_database_url(struct config *c, const char *val, struct buf *why)
{
    if (strncmp(val, "postgres://", 11) == 0 || strncmp(val, "postgresql://", 13) == 0 ||
        (strncmp(val, "sqlite:", 7) == 0 && val[7] != '\0')) {
        config_set_str(&c->database_url, val);
        return 0;
    }
    buf_printf(why, "expected sqlite:<path> or postgres://user:password@host:port/db, got '%.40s'",
               val);
    return -1;
}

int config_parse_db_pool(struct config *c, const char *val, struct buf *why)
{
    return config_parse_int_field(&c->db_pool, val, 1, 100, why);
}

int config_parse_sqlite_mmap(struct config *c, const char *val, struct buf *why)
{
    return config_parse_int_field(&c->sqlite_mmap_mb, val, 0, 65536, why);
}

int config_parse_stmt_timeout(struct config *c, const char *val, struct buf *why)
{
    return config_parse_int_field(&c->db_statement_timeout_ms, val, 100, 600000, why);
}

static int parse_bool(const char *val, bool *out)
{
    if (!strcmp(val, "1") || !strcmp(val, "true") || !strcmp(val, "yes")) {
        *out = true;
        return 0;
    }
    if (!strcmp(val, "0") || !strcmp(val, "false") || !strcmp(val, "no") || !*val) {
        *out = false;
        return 0;
    }
    return -1;
}

int config_parse_auto_migrate(struct config *c, const char *val, struct buf *why)
{
    if (parse_bool(val, &c->auto_migrate) == 0)
        return 0;
    buf_printf(why, "expected 0 or 1, got '%s'", val);
    return -1;
}

int config_parse_db_prepare(struct config *c, const char *val, struct buf *why)
{
    if (parse_bool(val, &c->db_prepare) == 0)
        return 0;
    buf_printf(why, "expected 0 or 1, got '%s'", val);
    return -1;
}

int config_parse_redis_url(struct config *c, const char *val, struct buf *why)
{
    if (*val == '\0')
        return 0;
    if (strncmp(val, "redis://", 8) != 0 && strncmp(val, "rediss://", 9) != 0) {
        buf_adds(why, "expected redis://[:password@]host:port[/db] or rediss://...");
        return -1;
    }
    config_set_str(&c->redis_url, val);
    return 0;
}

int config_parse_cache_prefix(struct config *c, const char *val, struct buf *why)
{
    return config_parse_text(&c->cache_prefix, val, "a key prefix", why);
}

int config_parse_cache_max(struct config *c, const char *val, struct buf *why)
{
    return config_parse_bytes(val, 1UL << 20, 1UL << 36, &c->cache_max_bytes, why);
}

int config_parse_cache_local(struct config *c, const char *val, struct buf *why)
{
    return config_parse_bytes(val, 0, 1UL << 36, &c->cache_local_bytes, why);
}
