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

/* A page of matching books, best first ("score" filled). */
int store_search_books(struct ctx *cx, const char *const *tokens, int n_tokens,
                       const struct book_filter *f, int limit, long long offset,
                       struct book **items, int *n);
/*
 * The results counted by language and price band ("free", "under-5", "5-10", "10-20",
 * "over-20") at once: each row's "value" is the language, "label" the band.
 */
int store_search_counts(struct ctx *cx, const char *const *tokens, int n_tokens,
                        const struct book_filter *f, struct search_bucket **rows, int *n);
/* The most frequent categories / authors among the results, at most "limit". */
int store_search_categories(struct ctx *cx, const char *const *tokens, int n_tokens,
                            const struct book_filter *f, int limit, struct search_bucket **rows,
                            int *n);
int store_search_authors(struct ctx *cx, const char *const *tokens, int n_tokens,
                         const struct book_filter *f, int limit, struct search_bucket **rows,
                         int *n);

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
