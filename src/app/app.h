/* app.h: the process-wide state every request borrows: config, pools, router, web files. */
#ifndef MANGU_APP_H
#define MANGU_APP_H

#include <stdatomic.h>
#include <time.h>

struct config;
struct db;
struct cache;
struct blob_store;
struct router;
struct web_files;
struct metrics;
struct catalog_front;
struct search_stats;

struct app {
    const struct config *cfg;
    struct db *db;
    struct cache *cache;
    struct blob_store *blob; /* object storage: disk or S3 */
    struct router *router;
    struct web_files *web;
    struct metrics *metrics;
    struct catalog_front *catalog_front; /* NULL unless the cache is Redis */
    struct search_stats *search_stats;   /* NULL unless the database is PostgreSQL */
    time_t started;
    atomic_bool draining; /* set on SIGTERM: responses ask clients to close */
};

#endif
