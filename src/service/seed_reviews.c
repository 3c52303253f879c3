/*
 * seed_reviews.c: the demo catalog's ratings as real review rows, written by seeded reviewer
 * accounts, so the recount a reader's review triggers (store_reviews_recount) gives back the
 * seeded rating plus that review instead of resetting the book to one review.
 */
#include "service/seed_reviews.h"
#include "core/timefmt.h"
#include "core/xalloc.h"
#include "service/seed_data.h"
#include "store/seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REVIEW_SEED 0x52455649455753ULL /* "REVIEWS": independent of the books' draws */

/* One reviewer per place in the largest rating count: a book's reviewers are distinct. */
static int make_reviewers(struct seed_run *ru, int n, struct arena *gen, long long *ids)
{
    int rc = 0;

    for (int i = 0; rc == 0 && i < n; i++) {
        const char *given = seed_given_names[(size_t)i % seed_n_given_names];
        const char *surname = seed_surnames[((size_t)i / seed_n_given_names) % seed_n_surnames];
        char *email = arena_printf(gen, "reviewer%04d@readers.mangu.local", i + 1);
        char *name = arena_printf(gen, "%s %.1s.", given, surname);
        bool made = false;
        rc = store_seed_reviewer(ru->cx, email, name, &ids[i], &made);
    }
    return rc;
}

void seed_spread_ratings(int count, int sum, struct rng *r, int *ratings)
{
    int q = sum / count, rem = sum % count;

    for (int i = 0; i < count; i++)
        ratings[i] = q + (i < rem);
    /* moves that keep the sum: one reader a star more, another a star less */
    for (int k = 0; count > 1 && k < count; k++) {
        int up = (int)rng_below(r, (uint32_t)count), down = (int)rng_below(r, (uint32_t)count);
        if (up != down && ratings[up] < 5 && ratings[down] > 1) {
            ratings[up]++;
            ratings[down]--;
        }
    }
}

/* When reader "i" of "count" wrote: spread from publication to now. */
static void review_time(const struct seed_book *b, time_t now, int i, int count,
                        char out[TIME_RFC3339_LEN])
{
    time_t pub = now;

    if (time_parse(b->published_at, &pub) != 0 || pub > now)
        pub = now;
    time_format(pub + (time_t)((double)(now - pub) * (i + 0.5) / count), out);
}

/* The review rows of one book, written in batches. */
static int book_reviews(struct seed_run *ru, const struct seed_book *b, long long book_id,
                        const long long *reviewers, int n_reviewers, struct rng *r)
{
    int count = b->rating_count, per = store_seed_batch(ru->cx, SEED_REVIEWS), rc = 0;
    int *ratings = xmalloc(sizeof(*ratings) * (size_t)count);
    struct store_seed_link *rows = xmalloc(sizeof(*rows) * (size_t)per);
    char(*days)[TIME_RFC3339_LEN] = xmalloc(sizeof(*days) * (size_t)per);
    int first = (int)rng_below(r, (uint32_t)n_reviewers);

    seed_spread_ratings(count, b->rating_sum, r, ratings);
    for (int done = 0; rc == 0 && done < count; done += per) {
        int m = count - done < per ? count - done : per;
        for (int k = 0; k < m; k++) {
            int i = done + k;
            review_time(b, ru->now, i, count, days[k]);
            rows[k] = (struct store_seed_link){.a = reviewers[(first + i) % n_reviewers],
                                               .b = book_id,
                                               .c = ratings[i],
                                               .day = days[k]};
        }
        rc = store_seed_links(ru->cx, ru->sql, SEED_REVIEWS, rows, m);
    }
    free(days);
    free(rows);
    free(ratings);
    return rc;
}

int seed_demo_reviews(struct seed_run *ru, const struct seed_book *books, int n)
{
    struct arena *gen = arena_new();
    struct rng r;
    int most = 0, rc = 0;

    rng_seed(&r, REVIEW_SEED);
    for (int i = 0; i < n; i++)
        if (strcmp(books[i].status, "published") == 0 && books[i].rating_count > most)
            most = books[i].rating_count;
    long long *reviewers = xcalloc((size_t)most + 1, sizeof(*reviewers));
    if (most > 0)
        rc = make_reviewers(ru, most, gen, reviewers);
    for (int i = 0; rc == 0 && i < n; i++) {
        long long id;
        if (strcmp(books[i].status, "published") != 0 || books[i].rating_count < 1)
            continue;
        rc = store_seed_book_id(ru->cx, books[i].slug, &id);
        if (rc == 0)
            rc = book_reviews(ru, &books[i], id, reviewers, most, &r);
    }
    free(reviewers);
    arena_free(gen);
    return rc;
}
