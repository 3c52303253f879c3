/* seed.h: `mangu seed`: the demo catalog and accounts, and generated books for benchmarks. */
#ifndef MANGU_SEED_H
#define MANGU_SEED_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "app/ctx.h"
#include "core/rng.h"

/* The password of every demo account; printed by `mangu seed --demo`, never logged. */
#define SEED_DEMO_PASSWORD "mangu-demo-password"
/* The slug of the demo author's unpublished draft (author@mangu.local owns it). */
#define SEED_DEMO_DRAFT "notes-toward-a-winter-novel"

struct seed_opts {
    bool demo;         /* the demo catalog (160 books, 65 authors) and three accounts */
    bool if_empty;     /* do nothing when the database already holds a book */
    long long books;   /* generate this many more books (benchmarks); 0 = none */
    time_t now;        /* dates are relative to this; 0 = the current time */
    uint64_t rng_seed; /* every choice follows from it; 0 = the fixed default */
};

struct seed_report {
    bool skipped;      /* if_empty and books existed */
    bool demo_present; /* the demo catalog was already loaded: left as it was */
    bool users_made;   /* the demo accounts were created now */
    long long books, authors, categories, publishers, users, stats_rows;
    double seconds;
};

/*
 * Runs what "o" asks for in one transaction on "cx"'s connection: all of it or none. The demo
 * catalog is the same on every run (fixed seed); dates follow "o->now" so new releases and
 * trending always have data. The search index is kept in step by the 0006 migration's
 * triggers. Returns 0 or an enum err with the message in "cx".
 */
int seed_run(struct ctx *cx, const struct seed_opts *o, struct seed_report *out);

/*
 * One generated book, as the store writes it and as later steps use it (issue 7 will build
 * each demo book's EPUB manuscript from these fields). Strings are borrowed from static tables
 * or the generator's arena.
 */
struct seed_book {
    char slug[120];
    const char *title, *subtitle, *description, *language, *format, *status;
    char isbn[14];
    int pages;
    long long price_cents;
    int publisher;  /* index into the publishers written this run */
    int authors[3]; /* indexes into the authors written this run */
    int n_authors;
    int categories[2]; /* indexes into the categories table */
    int n_categories;
    char published_at[21];
    int featured;
    long long views, purchases;
    int rating_count, rating_sum;
    int daily_views[14], daily_purchases[14]; /* [0] = 13 days ago ... [13] = today */
    int stats_days;                           /* how many of the last days have rows */
};

/* Helpers the generators share (seed_gen.c); exposed for the unit tests. */
/* Writes the ISBN-13 whose first twelve digits are "prefix12" (0..999999999999) into "out". */
void seed_isbn13(long long prefix12, char out[14]);
/* True when "isbn" is 13 digits with a correct check digit. */
bool seed_isbn_valid(const char *isbn);
/* A URL slug of "text" (accents folded, lower-case, hyphens) in "out" of "cap" bytes. */
void seed_slugify(const char *text, char *out, size_t cap);

#endif
