/* seo.h: SQL for what outsiders see of a book or author: covers, share tags and sitemaps. */
#ifndef MANGU_STORE_SEO_H
#define MANGU_STORE_SEO_H

#include <stdbool.h>

#include "app/ctx.h"

/* A book as its cover and share tags show it; strings in the request arena, may be NULL. */
struct seo_book {
    long long id;
    const char *slug, *title, *subtitle, *description, *language, *isbn, *format, *status;
    const char *published_at, *updated_at, *currency, *cover_key;
    const char *publisher;
    const char *genre; /* the slug of one of its categories, "classics" first */
    long long page_count, price_cents, rating_count;
    double rating_avg;
    int n_authors;
    const char **author_names, **author_slugs; /* in display order */
    long long *author_users;                   /* each author's account, or 0 */
};

struct seo_author {
    long long id;
    const char *slug, *name, *bio, *updated_at;
    long long n_books; /* published */
    int n_titles;
    const char **titles, **book_slugs; /* up to three, most bought first */
};

/* One <url> of a sitemap: the slug and its last change ("YYYY-MM-DD..."). */
struct seo_entry {
    const char *slug, *updated_at;
};

/* Each returns 0, ERR_NOT_FOUND, or an error recorded in "cx". */
/* By numeric id when "key" is all digits, else by slug; any status (the caller decides). */
int store_seo_book(struct ctx *cx, const char *key, struct seo_book *out);
int store_seo_author(struct ctx *cx, const char *slug, struct seo_author *out);
int store_seo_count_books(struct ctx *cx, long long *n);
/* Published books by id, "limit" from "offset"; authors with a published book; categories. */
int store_seo_books(struct ctx *cx, long long limit, long long offset, struct seo_entry **out,
                    int *n);
int store_seo_authors(struct ctx *cx, long long limit, struct seo_entry **out, int *n);
int store_seo_categories(struct ctx *cx, struct seo_entry **out, int *n);

#endif
