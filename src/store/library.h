/* library.h (store): owned books, reading positions, annotations, wishlists and reviews. */
#ifndef MANGU_STORE_LIBRARY_H
#define MANGU_STORE_LIBRARY_H

#include <stdbool.h>

#include "app/ctx.h"
#include "store/books.h"

struct library_entry {
    struct book book; /* summary fields */
    const char *source, *position, *position_device, *last_read_at, *added_at;
    const char *position_device_name; /* what "position_device" calls itself; may be NULL */
    double progress;
    long long downloads;
    bool book_has_sample; /* a ready sample file exists for the book */
};

/* The last position one device saved. */
struct reading_position {
    const char *device_id, *device_name, *position, *updated_at;
    double progress;
};

enum library_sort { LIBRARY_SORT_LAST_READ, LIBRARY_SORT_ADDED, LIBRARY_SORT_TITLE };

struct annotation {
    long long id;
    const char *kind, *position, *text, *note, *color, *created_at, *updated_at;
};

struct review {
    long long id, user_id, book_id;
    int rating;
    const char *title, *body, *author_name, *created_at, *updated_at;
    bool verified, hidden;
    long long reported;
};

/* The caller's live (not revoked) entries, one page, and how many in all. */
int store_library_list(struct ctx *cx, long long user_id, enum library_sort sort, int limit,
                       long long offset, bool started_only, struct library_entry **items, int *n,
                       long long *total);
/* One live entry; ERR_NOT_FOUND when the user does not own the book (or lost it). */
int store_library_find(struct ctx *cx, long long user_id, long long book_id,
                       struct library_entry *out);
/* Adds a free book; "*added" false when the user already owned it. */
int store_library_claim(struct ctx *cx, long long user_id, long long book_id, bool *added);
/* Saves a device's position, and the entry's latest when "updated_at" is newer. */
int store_library_save_position(struct ctx *cx, long long user_id, long long book_id,
                                const char *device, const char *device_name,
                                const char *position, double progress, const char *now);
/* Each device's last position in a book, the newest first (at most 20), in the arena. */
int store_library_positions(struct ctx *cx, long long user_id, long long book_id,
                            struct reading_position **items, int *n);
/* Whether book "book_id" has a ready sample file (false for no such book). */
int store_library_has_sample(struct ctx *cx, long long book_id, bool *yes);
int store_library_count_download(struct ctx *cx, long long user_id, long long book_id);

/* Published, not deleted book facts a library action needs. */
int store_library_book_price(struct ctx *cx, long long book_id, long long *price_cents,
                             bool *published);

int store_annotations_list(struct ctx *cx, long long user_id, long long book_id,
                           struct annotation **items, int *n);
int store_annotations_insert(struct ctx *cx, long long user_id, long long book_id,
                             const struct annotation *a, long long *id);
int store_annotations_update(struct ctx *cx, long long user_id, long long id, const char *note,
                             bool set_note, const char *color, const char *now);
int store_annotations_delete(struct ctx *cx, long long user_id, long long id);

int store_wishlist_list(struct ctx *cx, long long user_id, int limit, long long offset,
                        struct book **items, int *n, long long *total);
int store_wishlist_add(struct ctx *cx, long long user_id, long long book_id);
int store_wishlist_remove(struct ctx *cx, long long user_id, long long book_id);

int store_reviews_list(struct ctx *cx, long long book_id, int limit, long long offset,
                       struct review **items, int *n, long long *total);
int store_reviews_find_mine(struct ctx *cx, long long user_id, long long book_id,
                            struct review *out);
int store_reviews_insert(struct ctx *cx, const struct review *r, long long *id);
int store_reviews_update(struct ctx *cx, long long id, int rating, const char *title,
                         const char *body, const char *now);
int store_reviews_delete(struct ctx *cx, long long id);
int store_reviews_set_hidden(struct ctx *cx, long long id, bool hidden, long long *book_id);
int store_reviews_report(struct ctx *cx, long long review_id, long long user_id,
                         const char *reason);
/* Recomputes books.rating_count / rating_sum / rating_avg from the visible reviews. */
int store_reviews_recount(struct ctx *cx, long long book_id);
/* True when the user has ever bought the book (an order they paid for holds it). */
int store_reviews_verified(struct ctx *cx, long long user_id, long long book_id, bool *yes);

#endif
