/* books.h (service): the rules of the catalog's books: who sees and edits what, and when. */
#ifndef MANGU_SERVICE_BOOKS_H
#define MANGU_SERVICE_BOOKS_H

#include <jansson.h>
#include <stdbool.h>

#include "app/ctx.h"
#include "store/books.h"

#define BOOKS_PRICE_MAX 100000000LL
#define BOOKS_RELATED_MAX 8
/* Seconds a list's count is kept, as long as its pages (a catalog write drops it at once). */
#define BOOKS_TOTAL_TTL 60

/* The sort names of GET /api/books, indexed by enum book_sort, NULL-terminated. */
extern const char *const books_sort_names[];

/* Which fields of a struct book_input were given (a PATCH changes only those). */
enum book_input_field {
    BOOK_IN_TITLE = 1 << 0,
    BOOK_IN_SUBTITLE = 1 << 1,
    BOOK_IN_DESCRIPTION = 1 << 2,
    BOOK_IN_LANGUAGE = 1 << 3,
    BOOK_IN_ISBN = 1 << 4,
    BOOK_IN_PAGE_COUNT = 1 << 5,
    BOOK_IN_PRICE = 1 << 6,
    BOOK_IN_CURRENCY = 1 << 7,
    BOOK_IN_FORMAT = 1 << 8,
    BOOK_IN_CATEGORIES = 1 << 9,
    BOOK_IN_PUBLISHER = 1 << 10,
    BOOK_IN_AUTHORS = 1 << 11,
    BOOK_IN_FEATURED = 1 << 12,
};

/* A create or an edit as the client sent it; strings borrowed; NULL clears a column. */
struct book_input {
    unsigned given; /* enum book_input_field bits */
    const char *title, *subtitle, *description, *language, *isbn, *currency, *format;
    long long page_count; /* 0 clears */
    long long price_cents;
    long long publisher_id; /* 0 clears */
    bool featured;
    long long *category_ids; /* arena */
    int n_category_ids;
    long long *author_ids; /* arena; display order */
    int n_author_ids;
};

/*
 * A book by id or slug (as in the URL), with its authors, categories and publisher. Books
 * that are not published are found only by their authors and admins: anyone else gets
 * ERR_NOT_FOUND. Sets "can_edit" for the caller.
 */
int books_get(struct ctx *cx, const char *id_or_slug, struct book *out, bool *can_edit);
/* The id of the book named by "id_or_slug" (any status); ERR_NOT_FOUND recorded in "cx". */
int books_resolve(struct ctx *cx, const char *id_or_slug, long long *id);
/* Published books like "b" (shared authors, then categories), at most BOOKS_RELATED_MAX. */
int books_related(struct ctx *cx, const struct book *b, struct book **items, int *n);

/* A page of published books with their authors, and the total matching "f". */
int books_list(struct ctx *cx, const struct book_filter *f, enum book_sort sort, int limit,
               long long offset, struct book **items, int *n, long long *total);
/* The storefront rows, each with authors: featured, trending (7 days of views and
 * purchases, halving every 2 days), new releases, top rated (Bayesian average). */
int books_featured(struct ctx *cx, int limit, struct book **items, int *n);
int books_trending(struct ctx *cx, int limit, struct book **items, int *n);
int books_new(struct ctx *cx, int limit, struct book **items, int *n);
int books_top_rated(struct ctx *cx, int limit, struct book **items, int *n);

/*
 * Writes. "fields" (borrowed) holds the problems the caller found while parsing ("title":
 * "must be a string"); these add the rest, and any problem fails the whole call with
 * ERR_INVALID and every field in details.fields. ERR_FORBIDDEN when the caller may not
 * (featured is for admins; an author edits only books they are credited on), ERR_NOT_FOUND
 * for books the caller cannot see, ERR_CONFLICT for a taken ISBN or a missing author profile.
 * On success "out" is the book as books_get() returns it.
 */
int books_create(struct ctx *cx, const struct book_input *in, json_t *fields, struct book *out);
int books_update(struct ctx *cx, long long id, const struct book_input *in, json_t *fields,
                 struct book *out);
/* Soft delete: status "deleted"; the book leaves every list at once. */
int books_delete(struct ctx *cx, long long id);
/* Publishes ("publish") or takes back to draft; already in that state is fine. */
int books_publish(struct ctx *cx, long long id, bool publish, struct book *out);

/* Value checks shared with the parser. */
/* Normalises an ISBN-10 or -13 (hyphens and spaces allowed) to 13 digits; -1 when invalid. */
int books_isbn_normalize(const char *in, char out[14]);
/* A BCP 47-ish tag ("en", "pt-BR", "zh-Hant"), normalised in case into "out"; false if not. */
bool books_language_normalize(const char *in, char *out, size_t cap);

#endif
