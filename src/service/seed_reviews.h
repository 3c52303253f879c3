/* seed_reviews.h: the demo books' seeded ratings written as review rows by demo reviewers. */
#ifndef MANGU_SEED_REVIEWS_H
#define MANGU_SEED_REVIEWS_H

#include "core/rng.h"
#include "service/seed.h"
#include "service/seed_gen.h"

/*
 * For every published book of "books" with a rating, writes "rating_count" reviews whose
 * ratings add up to "rating_sum", each by a different seeded reviewer (reader accounts that
 * cannot sign in), so recounting a book's reviews gives back its seeded rating. Inside the
 * seed's transaction, after the books are written. 0 or an enum err.
 */
int seed_demo_reviews(struct seed_run *ru, const struct seed_book *books, int n);

/*
 * Fills "ratings" with "count" (>= 1) star ratings from 1 to 5 that add up to "sum"
 * (count <= sum <= 5 * count), varied with "r" around the average. Pure; for the tests.
 */
void seed_spread_ratings(int count, int sum, struct rng *r, int *ratings);

#endif
