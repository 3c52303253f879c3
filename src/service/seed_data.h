/* seed_data.h: private to the seed: the fixed tables and phrase banks the demo is made from. */
#ifndef MANGU_SEED_DATA_H
#define MANGU_SEED_DATA_H

#include <stddef.h>

/* Lists inside the tables end at the first NULL (or at their capacity). */
#define SEED_BANK 12

struct seed_category {
    const char *slug, *name, *parent, *description; /* parent: a slug earlier in the table */
};

struct seed_publisher {
    const char *slug, *name, *description, *website;
};

/* A real author of public-domain works (slug, name, a short factual bio). */
struct seed_person {
    const char *slug, *name, *bio;
};

/* A public-domain work, with its real title and author. */
struct seed_classic {
    const char *title, *subtitle, *author, *genre, *language; /* author: a person's slug */
    int year, pages;
    const char *blurb;
};

/* An invented author: a name and the genre they write in. */
struct seed_writer {
    const char *name, *genre, *home;
};

/*
 * A genre's phrase banks. Templates take {F} a first name, {R} a role, {P} a place, {N} a
 * noun, {A} an adjective, {T} a topic; one pick of each is shared by a book's title and blurb.
 * A blurb is one setup, one turn, one stake and one closer.
 */
struct seed_bank {
    const char *genre; /* category slug */
    const char *language;
    const char *titles[SEED_BANK], *subtitles[SEED_BANK];
    const char *first[SEED_BANK], *roles[SEED_BANK], *places[SEED_BANK];
    const char *nouns[SEED_BANK], *adjs[SEED_BANK], *topics[SEED_BANK];
    const char *setups[SEED_BANK], *turns[SEED_BANK], *stakes[SEED_BANK], *closers[SEED_BANK];
    int pages_min, pages_max;
};

/* Sentences of an invented author's bio; {L} is the surname, {G} the genre's name. */
struct seed_bio_bank {
    const char *origins[SEED_BANK], *careers[SEED_BANK], *homes[SEED_BANK];
};

extern const struct seed_category seed_categories[];
extern const size_t seed_n_categories;
extern const struct seed_publisher seed_publishers[];
extern const size_t seed_n_publishers;
extern const struct seed_person seed_people[];
extern const size_t seed_n_people;
extern const struct seed_classic seed_classics[];
extern const size_t seed_n_classics;
extern const struct seed_writer seed_writers[];
extern const size_t seed_n_writers;
extern const struct seed_bank seed_banks[];
extern const size_t seed_n_banks;
extern const struct seed_bio_bank seed_bios;
/* Given names and surnames for the benchmark's generated authors. */
extern const char *const seed_given_names[];
extern const size_t seed_n_given_names;
extern const char *const seed_surnames[];
extern const size_t seed_n_surnames;

/* Counts the non-NULL entries at the start of a bank list. */
size_t seed_bank_len(const char *const list[SEED_BANK]);

#endif
