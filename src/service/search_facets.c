/* search_facets.c (service): author and category facets counted from the ids of the hits. */
#include "service/search_facets.h"

#include <stdlib.h>

/* The ids in "list" (decimal numbers between any other characters) into "out" when not NULL;
   returns how many. */
static int scan_ids(const char *list, long long *out)
{
    int n = 0;

    for (const char *p = list; p && *p;) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        long long id = 0;
        for (; *p >= '0' && *p <= '9'; p++)
            id = id < 100000000000000000LL ? id * 10 + (*p - '0') : id; /* no overflow */
        if (out)
            out[n] = id;
        n++;
    }
    return n;
}

static int by_id(const void *x, const void *y)
{
    long long a = *(const long long *)x, b = *(const long long *)y;

    return (a > b) - (a < b);
}

static int by_count(const void *x, const void *y)
{
    const struct search_id_count *a = x, *b = y;

    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

int search_count_ids(struct arena *a, const struct search_hit *hits, int n, bool authors, int max,
                     struct search_id_count **out)
{
    int total = 0, k = 0, distinct = 0;

    for (int i = 0; i < n; i++)
        total += scan_ids(authors ? hits[i].author_ids : hits[i].category_ids, NULL);
    long long *ids = arena_alloc(a, sizeof(long long) * (size_t)(total + 1));
    for (int i = 0; i < n; i++)
        k += scan_ids(authors ? hits[i].author_ids : hits[i].category_ids, ids + k);
    qsort(ids, (size_t)total, sizeof(*ids), by_id);
    *out = arena_zalloc(a, sizeof(**out) * (size_t)(total + 1));
    for (int i = 0; i < total; i++) {
        if (distinct == 0 || (*out)[distinct - 1].id != ids[i])
            (*out)[distinct++] = (struct search_id_count){ids[i], 0};
        (*out)[distinct - 1].count++;
    }
    qsort(*out, (size_t)distinct, sizeof(**out), by_count);
    return distinct < max ? distinct : max;
}
