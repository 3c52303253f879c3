/* search.h (store): full-text queries (FTS5 or tsvector), facets, the word list, typeahead. */
#ifndef MANGU_STORE_SEARCH_H
#define MANGU_STORE_SEARCH_H

#include <stdbool.h>

#include "app/ctx.h"
#include "store/books.h"

/*
 * Every function takes the query as "tokens": folded words made only of letters and digits
 * (service/text.h). Each store function quotes them for its database's query language, so no
 * user text is ever parsed as query syntax. Only published books are found; "f" may narrow by
 * category (with its subtree), author, language and price (publisher and format are ignored).
 */

/* One facet value: a slug or code, its label and how many results carry it. */
struct search_bucket {
    const char *value, *label;
    long long count;
};

/* A matching book: what the facets need, and its rank. */
struct search_hit {
    long long id;
    const char *language;
    long long price_cents;
    double score;                          /* lower is better */
    const char *author_ids, *category_ids; /* decimal ids between other characters, or NULL */
};
/*
 * Matching books newest first (highest id), at most "limit", only ids below "below_id" when
 * it is above 0. Only the rows returned are ranked, so the cost follows "limit", not how
 * many books match (PostgreSQL ranks every match of a word rare enough to be sorted whole).
 */
int store_search_hits(struct ctx *cx, const char *const *tokens, int n_tokens,
                      const struct book_filter *f, long long below_id, int limit,
                      struct search_hit **out, int *n);
/*
 * What a search reads after its hits, in one batch (one round trip on PostgreSQL): the span
 * of published ids (when "span"), the slugs (value) and names (label) of the buckets of
 * authors "author_ids" and categories "category_ids" (one id per bucket, in the same order; a
 * bucket whose row is gone keeps NULL), and the summaries of books "page_ids" in that order,
 * with their authors and descriptions (for snippets).
 */
struct search_fetch {
    bool span;
    const long long *author_ids, *category_ids, *page_ids;
    struct search_bucket *authors, *categories;
    int n_authors, n_categories, n_page;
    long long min_id, max_id; /* out: 0 and 0 when no book is published */
    struct book *items;       /* out */
    int n;                    /* out */
};
int store_search_fetch(struct ctx *cx, struct search_fetch *f);

/* Which of "words" the word list holds: fills "known[i]". */
int store_search_known_words(struct ctx *cx, const char *const *words, int n, bool *known);
/* Up to "limit" listed words sharing the most trigrams with "word" (pg_trgm / FTS5 trigram). */
int store_search_similar_words(struct ctx *cx, const char *word, int limit, const char ***out,
                               int *n);
/* Adds folded words to the word list (SQLite; PostgreSQL's triggers keep it themselves). */
int store_search_add_words(struct ctx *cx, const char *const *words, int n);
/* Adds every indexed word of titles and author names to the word list (SQLite; a no-op on
 * PostgreSQL, whose triggers keep it). */
int store_search_refresh_words(struct ctx *cx);

/* Typeahead: published books whose title has every token (the last as a prefix). */
struct search_suggestion {
    long long id;
    const char *slug, *name, *cover_key, *author; /* name: the title for a book */
};
int store_search_suggest_books(struct ctx *cx, const char *const *tokens, int n_tokens, int limit,
                               struct search_suggestion **out, int *n);
/* Authors with published books whose name has every token (the last as a prefix). */
int store_search_suggest_authors(struct ctx *cx, const char *const *tokens, int n_tokens, int limit,
                                 struct search_suggestion **out, int *n);

#endif
