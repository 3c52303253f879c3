/* files.h (store): uploaded manuscripts, covers, samples and thumbnails, one row per version. */
#ifndef MANGU_STORE_FILES_H
#define MANGU_STORE_FILES_H

#include <stdbool.h>

#include "app/ctx.h"

struct file_row {
    long long id, book_id, version, size_bytes, width, height, page_count;
    const char *kind, *status, *storage_key, *original_name, *content_type, *sha256;
    const char *metadata_json, *error, *expires_at, *created_at, *completed_at;
};

int store_files_next_version(struct ctx *cx, long long book_id, const char *kind,
                             long long *version);
/* Inserts "f" as pending; fills "*id" and "f->created_at" (arena) from the new row. */
int store_files_insert_pending(struct ctx *cx, struct file_row *f, long long user_id,
                               long long *id);
int store_files_find(struct ctx *cx, long long book_id, long long id, struct file_row *out);
/* The ready file of "kind" for a book; ERR_NOT_FOUND when there is none. */
int store_files_current(struct ctx *cx, long long book_id, const char *kind,
                        struct file_row *out);
/* Every version of every kind but thumbnails, newest first. */
int store_files_list(struct ctx *cx, long long book_id, struct file_row **items, int *n);
int store_files_mark_failed(struct ctx *cx, long long id, const char *error);
/* Marks the ready file of "kind" superseded, then "f" ready (in the caller's transaction). */
int store_files_make_current(struct ctx *cx, const struct file_row *f, const char *now);
int store_files_insert_thumbnail(struct ctx *cx, const struct file_row *parent,
                                 const struct file_row *t, const char *now);
int store_files_set_book_cover(struct ctx *cx, long long book_id, const char *key,
                               const char *now);
int store_files_set_book_format(struct ctx *cx, long long book_id, const char *format,
                                const char *now);
/* Pending uploads whose link expired before "now": at most "limit" of them. */
int store_files_expired(struct ctx *cx, const char *now, int limit, struct file_row **items,
                        int *n);
int store_files_delete(struct ctx *cx, long long id);
/* True when a pending file row owns "key" (uploads are refused once it is completed). */
int store_files_key_pending(struct ctx *cx, const char *key, bool *pending);

/* The facts a generated manuscript needs about a book. */
struct bare_book {
    long long id;
    const char *title, *language, *description, *author, *published_at;
};

/* Books (not deleted) that have no manuscript at all, at most "limit". */
int store_files_without_manuscript(struct ctx *cx, int limit, struct bare_book **items, int *n);
/* Records a file that is ready from the start (generated demo manuscripts). */
int store_files_insert_ready(struct ctx *cx, const struct file_row *f, const char *now);

#endif
