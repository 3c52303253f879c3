/* views.h (service): book views counted once per visitor and day, written in batches. */
#ifndef MANGU_VIEWS_H
#define MANGU_VIEWS_H

#include "app/app.h"
#include "app/ctx.h"

#define VIEWS_FLUSH_MS 2000 /* how often pending counts are written */

/*
 * Starts the background thread that writes pending view counts every VIEWS_FLUSH_MS (and,
 * on SQLite, refreshes the search word list at start and every few minutes). "app" is
 * borrowed until views_stop(). Call once, before serving; 0 or -1.
 */
int views_start(struct app *app);
/* Writes what is pending and stops the thread; call after the server has drained. */
void views_stop(void);

/*
 * Counts a view of "book_id" by the caller (the user, or the client address and user agent)
 * unless the cache says they viewed it today; the count waits in memory for the next flush.
 * Never touches the database; with the cache down nothing is counted (at most once a day).
 */
void views_record(struct ctx *cx, long long book_id);
/* Writes the pending counts now; 0 or an enum err (the counts are kept for a retry). */
int views_flush(struct app *app);

#endif
