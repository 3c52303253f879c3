/* search_facets.h (service): how often each author and category occurs among search hits. */
#ifndef MANGU_SERVICE_SEARCH_FACETS_H
#define MANGU_SERVICE_SEARCH_FACETS_H

#include <stdbool.h>

#include "core/arena.h"
#include "store/search.h"

struct search_id_count {
    long long id, count;
};

/*
 * The at most "max" ids listed most often in the author ids ("authors") or category ids of
 * hits[0..n), most frequent first, then lowest id (arena memory). Returns how many.
 */
int search_count_ids(struct arena *a, const struct search_hit *hits, int n, bool authors, int max,
                     struct search_id_count **out);

#endif
