/* search.h (service): full-text search with typo correction, facets and highlights; typeahead. */
#ifndef MANGU_SERVICE_SEARCH_H
#define MANGU_SERVICE_SEARCH_H

#include <stdbool.h>

#include "app/ctx.h"
#include "store/books.h"
#include "store/search.h"

#define SEARCH_MAX_CHARS 200 /* characters of a query that are read; the rest is ignored */
#define SEARCH_MAX_TOKENS 12
#define SUGGEST_MAX 10
#define SUGGEST_MAX_CHARS 100 /* characters of a typeahead query that are read */
#define SUGGEST_MAX_TOKENS 6
/* Matches read and ranked per search; when more books match, the best of the newest
 * SEARCH_SAMPLE come first, the total and facet counts are estimates ("approximate"). */
#define SEARCH_SAMPLE 200

/* A price band of the search filter and facet: cents from "min" to "max" inclusive. */
struct search_band {
    const char *value, *label;
    long long min, max; /* max -1: no upper bound */
};
/* free, under-5, 5-10, 10-20, over-20; NULL-terminated. */
extern const struct search_band search_bands[];
const struct search_band *search_band_find(const char *value);

/* A piece of highlighted text: plain segments, never markup. */
struct search_segment {
    const char *text;
    bool match;
};

struct search_highlight {
    struct search_segment *title, *snippet;
    int n_title, n_snippet;
};

struct search_request {
    const char *q;             /* as sent; any bytes */
    struct book_filter filter; /* category, author, language, price range */
    int limit;
    long long offset;
};

/* Arena memory throughout. */
struct search_result {
    struct book *items;                  /* with authors */
    struct search_highlight *highlights; /* one per item */
    int n;
    long long total;
    struct search_bucket *categories, *authors, *languages, *bands;
    int n_categories, n_authors, n_languages, n_bands;
    const char *did_you_mean; /* the corrected query whose results these are, or NULL */
    bool approximate;         /* more than SEARCH_SAMPLE matches: total and facets are estimates */
};

/*
 * Searches published books. The query is read as words (letters and digits, case and
 * accents folded; the first SEARCH_MAX_CHARS characters and SEARCH_MAX_TOKENS words), every
 * one required; a query with none finds nothing. When nothing matches, words the index does
 * not know are corrected to the nearest known word (trigram candidates, edit distance) and
 * the corrected query's results are returned with "did_you_mean". Up to SEARCH_SAMPLE
 * matches, results are ranked and the total and facet counts are exact (languages and price
 * bands each add up to "total"). Beyond, the newest SEARCH_SAMPLE matches are ranked and come
 * first, then the rest newest first; the total is estimated from how many ids the sample
 * spans, the facets are counted over the sample and scaled to that total, and "approximate"
 * is set. ERR_INVALID when "q" is not UTF-8.
 */
int search_books(struct ctx *cx, const struct search_request *rq, struct search_result *out);

/* Typeahead: up to SUGGEST_MAX books (title words, the last one as a prefix), then authors. */
struct search_suggest_item {
    bool author; /* else a book */
    struct search_suggestion s;
};
int search_suggest(struct ctx *cx, const char *q, struct search_suggest_item **out, int *n);

/* Adds the title and author words of a book just written to the typo-correction list
 * (errors are ignored). */
void search_note_book(struct ctx *cx, const struct book *b);
/* Adds every indexed word to the list (for books written around the server: the seed). */
int search_refresh(struct ctx *cx);

/* Exposed for tests. The edit distance (adjacent transpositions count 1) of two tokens. */
int search_distance(const char *a, const char *b);
/* "text" as segments, words equal to one of "tokens" marked; a snippet is a window of words
 * around the first match (with "…" where cut), or the text's start when nothing matches. */
int search_segments(struct arena *a, const char *text, const char *const *tokens, int n_tokens,
                    bool snippet, struct search_segment **out);

#endif
