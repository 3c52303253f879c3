/* publishing.h (service): upload targets, validation on completion, and the author's files. */
#ifndef MANGU_PUBLISHING_H
#define MANGU_PUBLISHING_H

#include <jansson.h>

#include "app/ctx.h"
#include "blob/blob.h"
#include "store/files.h"

#define UPLOAD_EXPIRES_S 900 /* an upload link lives 15 minutes at most */

struct upload_request {
    const char *kind; /* manuscript, cover or sample */
    const char *file_name;
    const char *content_type;
    long long size;
};

/* The caller may change "book_id" (one of its authors, or an admin). 0, 403 or 404. */
int publishing_check_owner(struct ctx *cx, long long book_id);
/* Records a pending file and answers where to send its bytes. */
int publishing_request_upload(struct ctx *cx, long long book_id, const struct upload_request *in,
                              struct file_row *file, struct blob_target *target);
/*
 * Validates the uploaded bytes of pending file "file_id" and makes it the book's current file
 * of its kind; a refusal (413/415/422) marks it failed, removes the object, and puts the
 * reasons in "report". "report" (caller owns) also holds the metadata found, to prefill forms.
 */
int publishing_complete(struct ctx *cx, long long book_id, long long file_id,
                        struct file_row *out, json_t **report);
/*
 * The key of the file an upload key ("uploads/<key>", what upload URLs name) stands for, or
 * NULL when "upload_key" is not one. Points into "upload_key".
 */
const char *publishing_stored_key(const char *upload_key);
/* Removes pending uploads whose link expired (objects and rows). Returns how many. */
int publishing_cleanup(struct app *app);
/* Starts and stops the background thread that runs publishing_cleanup every minute. */
int publishing_janitor_start(struct app *app);
void publishing_janitor_stop(void);

#endif
