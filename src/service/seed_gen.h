/* seed_gen.h: private to the seed: composing books, bios and numbers from the phrase banks. */
#ifndef MANGU_SEED_GEN_H
#define MANGU_SEED_GEN_H

#include "core/arena.h"
#include "service/seed.h"
#include "service/seed_data.h"

struct store_seed;

/* One seeding run: what seed.c and seed_bulk.c share. */
struct seed_run {
    struct ctx *cx;
    const struct seed_opts *o;
    struct seed_report *rep;
    struct store_seed *sql; /* the multi-row INSERT texts */
    struct rng r;
    time_t now;
    long long category_ids[32];  /* by index into seed_categories */
    long long publisher_ids[16]; /* by index into seed_publishers */
    long long *author_ids;       /* by the index a seed_book's authors[] use */
    long long created_by;        /* the demo author's account, for their books; or 0 */
    int creator_author;          /* books by this author index get created_by; -1 none */
};

/* Writes "n" books with their authors, categories and daily stats. 0 or an enum err. */
int seed_write_books(struct seed_run *ru, const struct seed_book *books, int n);
/* Makes sure the genres and publishers exist; fills their ids in "ru". */
int seed_fixed_rows(struct seed_run *ru);
/* `--books N`: "n" generated books and a proportionate number of new authors (seed_bulk.c). */
int seed_bulk(struct seed_run *ru, long long n);
/* The index of the category "slug" in seed_categories, or -1. */
int seed_category_index(const char *slug);
/* The publisher index for a bank's books. */
int seed_publisher_for(const struct seed_bank *b);

/* One pick from each list of a bank, shared by a book's title and blurb. */
struct seed_picks {
    const char *f, *r, *p, *n, *a, *t;
};

/* How a book's numbers are drawn. */
struct seed_profile {
    int free_percent; /* chance of a price of 0 */
    int max_age_days; /* published up to this long before "now" */
    int new_percent;  /* chance of being published in the last two weeks */
    int stats_days;   /* days of book_daily_stats, ending today (at most 14) */
    bool classic;     /* cheaper prices */
};

/* Chooses one entry of each list in "b". */
void seed_picks_choose(const struct seed_bank *b, struct rng *r, struct seed_picks *out);
/* "tmpl" with {F} {R} {P} {N} {A} {T} replaced from "k"; in "arena". */
char *seed_expand(struct arena *arena, const char *tmpl, const struct seed_picks *k);
/* Title, subtitle, blurb, pages and language of an invented book from "b"; strings in "arena". */
void seed_invent(const struct seed_bank *b, struct rng *r, struct arena *arena,
                 struct seed_book *out);
/* The same from picks already chosen (the benchmark seed changes some of them first). */
void seed_invent_picks(const struct seed_bank *b, const struct seed_picks *k, struct rng *r,
                       struct arena *arena, struct seed_book *out);
/* The invented word number "index" (lower-case, pronounceable, unique per index). */
#define SEED_WORD_MAX 16
void seed_word(uint32_t index, char out[SEED_WORD_MAX]);
/* A word number below "vocabulary", drawn so that word k is about 1/k as frequent as word 1. */
uint32_t seed_zipf(struct rng *r, uint32_t vocabulary);
/* A three-sentence bio for "name" who writes "genre_name" and lives in "home"; in "arena". */
char *seed_bio(const char *name, const char *genre_name, const char *home, struct rng *r,
               struct arena *arena);
/* Price, publication time, ratings, counters and daily stats of "b" as "p" says. */
void seed_numbers(struct seed_book *b, const struct seed_profile *p, struct rng *r, time_t now);
/* "t" as RFC 3339 UTC with whole seconds ("2025-01-31T09:15:00Z"). */
void seed_format_time(time_t t, char out[21]);
/* The UTC day "days_ago" days before "now" ("2025-01-31"). */
void seed_format_day(time_t now, int days_ago, char out[11]);

#endif
