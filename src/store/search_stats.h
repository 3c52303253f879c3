/* search_stats.h (store): PostgreSQL's statistics of the search documents, kept in memory. */
#ifndef MANGU_STORE_SEARCH_STATS_H
#define MANGU_STORE_SEARCH_STATS_H

#include <stdbool.h>

#include "app/ctx.h"

/*
 * ANALYZE lists the 1,000 most common words of book_search.document with the share of
 * documents holding each (pg_stats.most_common_elems); the filter terms of 0011 are words
 * there too. Each process reads that list (and the highest book id) at most every
 * SEARCH_STATS_TTL_S seconds, so a search can tell, before it asks, whether its words are
 * common enough that sampling their newest matches reads thousands of rows.
 */
#define SEARCH_STATS_TTL_S 300

struct search_stats;

struct search_stats *search_stats_new(void);
void search_stats_free(struct search_stats *s);

/*
 * The estimated share of documents holding every one of "words" (as independent events), and
 * the highest book id when last read. False when there are no statistics (none in
 * cx->app->search_stats, or the table was never analyzed) or a word is not listed: rarer
 * than the least common listed word. A failed read is logged and tried again after the TTL.
 */
bool store_search_stats_share(struct ctx *cx, const char *const *words, int n, double *share,
                              long long *max_id);

/* Replaces what "s" holds, as a read would (tests): "n" words with their shares. */
void search_stats_set(struct search_stats *s, const char *const *words, const double *shares,
                      int n, long long max_id);

#endif
