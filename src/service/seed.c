/* seed.c: `mangu seed --demo`: the demo catalog and accounts, in one deterministic transaction. */
#include "service/seed.h"
#include "core/xalloc.h"
#include "service/passwords.h"
#include "service/seed_gen.h"
#include "service/seed_reviews.h"
#include "store/search.h"
#include "store/seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_SEED 0x4D414E4755ULL /* "MANGU" */
#define MAX_DEMO_BOOKS 200

/* How many invented books each bank contributes to the demo. */
static const struct {
    const char *bank;
    int count;
} demo_mix[] = {
    {"fantasy", 9},
    {"science-fiction", 8},
    {"mystery", 8},
    {"thriller", 7},
    {"romance", 8},
    {"literary-fiction", 7},
    {"historical-fiction", 6},
    {"horror", 5},
    {"history", 6},
    {"science", 5},
    {"biography", 5},
    {"business", 5},
    {"self-help", 4},
    {"travel", 3},
    {"childrens", 5},
    {"poetry", 3},
    {"comics", 4},
    {"literary-fiction-es", 2},
    {"literary-fiction-fr", 2},
    {"literary-fiction-de", 2},
};

/* The demo accounts; the author owns the first invented writer's profile. */
static const struct {
    const char *email, *name, *role;
} demo_users[] = {
    {"admin@mangu.local", "Mangu Admin", "admin"},
    {"author@mangu.local", "Mara Ellison", "author"},
    {"reader@mangu.local", "Riley Reader", "reader"},
};

int seed_category_index(const char *slug)
{
    for (size_t i = 0; i < seed_n_categories; i++)
        if (strcmp(seed_categories[i].slug, slug) == 0)
            return (int)i;
    return -1;
}

static const struct seed_bank *bank_named(const char *genre)
{
    for (size_t i = 0; i < seed_n_banks; i++)
        if (strcmp(seed_banks[i].genre, genre) == 0)
            return &seed_banks[i];
    return NULL;
}

/* The category of a bank: its genre, or literary fiction for the other-language banks. */
static int bank_category(const struct seed_bank *b)
{
    int i = seed_category_index(b->genre);

    return i >= 0 ? i : seed_category_index("literary-fiction");
}

int seed_publisher_for(const struct seed_bank *b)
{
    static const struct {
        const char *genre;
        int publisher;
    } map[] = {
        {"fantasy", 2},
        {"science-fiction", 2},
        {"mystery", 3},
        {"thriller", 3},
        {"horror", 3},
        {"romance", 4},
        {"childrens", 4},
        {"comics", 4},
        {"history", 5},
        {"science", 5},
        {"biography", 5},
        {"business", 5},
        {"self-help", 5},
        {"travel", 5},
        {"literary-fiction-es", 6},
        {"literary-fiction-fr", 7},
        {"literary-fiction-de", 8},
    };

    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcmp(map[i].genre, b->genre) == 0)
            return map[i].publisher;
    return 1; /* Lantern House: literary, historical and poetry */
}

int seed_fixed_rows(struct seed_run *ru)
{
    int rc = 0;

    for (size_t i = 0; rc == 0 && i < seed_n_categories; i++) {
        const struct seed_category *c = &seed_categories[i];
        long long parent = c->parent ? ru->category_ids[seed_category_index(c->parent)] : 0;
        rc = store_seed_category(ru->cx, c->slug, c->name, parent, c->description, (int)i,
                                 &ru->category_ids[i]);
    }
    for (size_t i = 0; rc == 0 && i < seed_n_publishers; i++) {
        const struct seed_publisher *p = &seed_publishers[i];
        rc = store_seed_publisher(ru->cx, p->slug, p->name, p->description, p->website,
                                  &ru->publisher_ids[i]);
    }
    ru->rep->categories = (long long)seed_n_categories;
    ru->rep->publishers = (long long)seed_n_publishers;
    return rc;
}

/* The three demo accounts, all with SEED_DEMO_PASSWORD, hashed once by the accounts module. */
static int demo_accounts(struct seed_run *ru, long long *author_user)
{
    char hash[PASSWORD_HASH_MAX];
    int rc = 0;

    if (password_hash(SEED_DEMO_PASSWORD, hash) != 0)
        return cx_fail(ru->cx, ERR_INTERNAL, "cannot hash the demo password");
    for (size_t i = 0; rc == 0 && i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
        long long id = 0;
        bool made = false;
        rc = store_seed_user(ru->cx, demo_users[i].email, demo_users[i].name, hash,
                             demo_users[i].role, &id, &made);
        if (made)
            ru->rep->users++;
        if (strcmp(demo_users[i].role, "author") == 0)
            *author_user = id;
    }
    ru->rep->users_made = ru->rep->users > 0;
    return rc;
}

/* The real authors, then the invented writers; ids land in ru->author_ids in that order. */
static int demo_authors(struct seed_run *ru, struct arena *gen)
{
    size_t n = seed_n_people + seed_n_writers;
    int rc = 0;

    ru->author_ids = arena_zalloc(ru->cx->arena, n * sizeof(long long));
    for (size_t i = 0; rc == 0 && i < seed_n_people; i++)
        rc = store_seed_author(ru->cx, seed_people[i].slug, seed_people[i].name, seed_people[i].bio,
                               &ru->author_ids[i]);
    for (size_t i = 0; rc == 0 && i < seed_n_writers; i++) {
        const struct seed_writer *w = &seed_writers[i];
        const struct seed_bank *b = bank_named(w->genre);
        char slug[120];
        seed_slugify(w->name, slug, sizeof(slug));
        rc = store_seed_author(
            ru->cx, slug, w->name,
            seed_bio(w->name, seed_categories[bank_category(b)].name, w->home, &ru->r, gen),
            &ru->author_ids[seed_n_people + i]);
    }
    ru->rep->authors = (long long)n;
    return rc;
}

static int person_index(const char *slug)
{
    for (size_t i = 0; i < seed_n_people; i++)
        if (strcmp(seed_people[i].slug, slug) == 0)
            return (int)i;
    return 0;
}

static bool slug_taken(const struct seed_book *books, int n, const char *slug)
{
    for (int i = 0; i < n; i++)
        if (strcmp(books[i].slug, slug) == 0)
            return true;
    return false;
}

static void classic_book(struct seed_run *ru, int i, struct seed_book *b)
{
    const struct seed_classic *c = &seed_classics[i];
    const struct seed_profile prof = {55, 2000, 3, 14, true};
    int genre = seed_category_index(c->genre), classics = seed_category_index("classics");

    memset(b, 0, sizeof(*b));
    seed_slugify(c->title, b->slug, sizeof(b->slug));
    b->title = c->title;
    b->subtitle = c->subtitle;
    b->description = c->blurb;
    b->language = c->language;
    b->pages = c->pages;
    b->format = "epub";
    b->status = "published";
    b->publisher = 0;
    b->authors[b->n_authors++] = person_index(c->author);
    b->categories[b->n_categories++] = genre;
    if (genre != classics)
        b->categories[b->n_categories++] = classics;
    seed_numbers(b, &prof, &ru->r, ru->now);
}

/* Writers (as author indexes) who write for bank "b". */
static int writers_for(const struct seed_bank *b, int *out, int max)
{
    int n = 0;

    for (size_t i = 0; i < seed_n_writers && n < max; i++)
        if (strcmp(seed_writers[i].genre, b->genre) == 0)
            out[n++] = (int)(seed_n_people + i);
    return n;
}

/* An invented book of bank "b", the "k"th of its bank; its slug unique among "done". */
static void invented_book(struct seed_run *ru, const struct seed_bank *b, int k,
                          struct seed_book *books, int done, struct arena *gen)
{
    const struct seed_profile prof = {7, 2190, 8, 14, false};
    struct seed_book *x = &books[done];
    int writers[8], nw = writers_for(b, writers, 8);

    memset(x, 0, sizeof(*x));
    for (int tries = 0; tries < 40; tries++) {
        seed_invent(b, &ru->r, gen, x);
        seed_slugify(x->title, x->slug, sizeof(x->slug));
        if (!slug_taken(books, done, x->slug))
            break;
    }
    if (slug_taken(books, done, x->slug))
        snprintf(x->slug + strlen(x->slug), sizeof(x->slug) - strlen(x->slug), "-%d", done);
    x->format = strcmp(b->genre, "comics") == 0 ? "pdf" : "epub";
    x->status = "published";
    x->publisher = seed_publisher_for(b);
    x->categories[x->n_categories++] = bank_category(b);
    x->authors[x->n_authors++] = writers[k % nw];
    if (nw > 1 && rng_below(&ru->r, 100) < 10)
        x->authors[x->n_authors++] = writers[(k + 1) % nw];
    seed_numbers(x, &prof, &ru->r, ru->now);
}

/* The demo author's unpublished draft: for the dashboard and the visibility rules. */
static void draft_book(struct seed_book *b)
{
    memset(b, 0, sizeof(*b));
    snprintf(b->slug, sizeof(b->slug), "%s", SEED_DEMO_DRAFT);
    b->title = "Notes Toward a Winter Novel";
    b->subtitle = "Work in progress";
    b->description = "A piano tuner spends one snowbound winter in a fishing town in Maine, "
                     "tuning the instruments of people who have stopped playing them. A draft: "
                     "only its author and admins can see it until it is published.";
    b->language = "en";
    b->format = "epub";
    b->status = "draft";
    b->pages = 212;
    b->price_cents = 1299;
    b->publisher = 1;
    b->authors[b->n_authors++] = (int)seed_n_people; /* the first writer: the demo author */
    b->categories[b->n_categories++] = seed_category_index("literary-fiction");
}

/* Fills "books" with the classics, the invented books and one draft; returns how many. */
static int demo_catalog(struct seed_run *ru, struct seed_book *books, struct arena *gen)
{
    int n = 0;

    for (size_t i = 0; i < seed_n_classics && n < MAX_DEMO_BOOKS - 1; i++)
        classic_book(ru, (int)i, &books[n++]);
    for (size_t m = 0; m < sizeof(demo_mix) / sizeof(demo_mix[0]); m++) {
        const struct seed_bank *b = bank_named(demo_mix[m].bank);
        for (int k = 0; b && k < demo_mix[m].count && n < MAX_DEMO_BOOKS - 1; k++, n++)
            invented_book(ru, b, k, books, n, gen);
    }
    draft_book(&books[n++]);
    for (int i = 0; i < n; i++) {
        seed_isbn13(978170000000LL + i * 37LL, books[i].isbn);
        books[i].featured = i % 20 == 7;
    }
    return n;
}

static int seed_demo(struct seed_run *ru)
{
    struct arena *gen = arena_new();
    struct seed_book *books = xcalloc(MAX_DEMO_BOOKS, sizeof(*books));
    long long author_user = 0;
    bool present = false;
    int rc = store_seed_book_exists(ru->cx, "pride-and-prejudice", &present);

    if (rc == 0 && present) {
        ru->rep->demo_present = true;
    } else if (rc == 0 && (rc = demo_accounts(ru, &author_user)) == 0 &&
               (rc = demo_authors(ru, gen)) == 0) {
        int n = demo_catalog(ru, books, gen);
        ru->created_by = author_user;
        ru->creator_author = (int)seed_n_people; /* the first writer is the demo author */
        rc = store_seed_link_author_user(ru->cx, ru->author_ids[seed_n_people], author_user);
        if (rc == 0)
            rc = seed_write_books(ru, books, n);
        if (rc == 0) /* after the books: a reader's review recounts from these rows */
            rc = seed_demo_reviews(ru, books, n);
    }
    free(books);
    arena_free(gen);
    return rc;
}

/* Everything the options ask for, inside the open transaction. */
static int seed_all(struct seed_run *ru)
{
    long long last_book = 0, last_author = 0;
    bool paused = false;
    int rc = store_seed_max_ids(ru->cx, &last_book, &last_author);

    if (rc == 0)
        rc = store_seed_search_pause(ru->cx, &paused);
    if (rc == 0)
        rc = seed_fixed_rows(ru);
    if (rc == 0 && ru->o->demo)
        rc = seed_demo(ru);
    if (rc == 0 && ru->o->books > 0)
        rc = seed_bulk(ru, ru->o->books);
    if (rc == 0 && paused) /* PostgreSQL: index the new books in bulk */
        rc = store_seed_search_resume(ru->cx, last_book);
    if (rc == 0) /* SQLite: triggers indexed them; the typo-correction word list is filled here */
        rc = store_search_refresh_words(ru->cx);
    return rc;
}

int seed_run(struct ctx *cx, const struct seed_opts *o, struct seed_report *out)
{
    struct seed_run ru = {.cx = cx, .o = o, .rep = out, .creator_author = -1};
    struct timespec t0, t1;
    long long existing = 0;
    int rc;

    memset(out, 0, sizeof(*out));
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ru.now = o->now ? o->now : time(NULL);
    rng_seed(&ru.r, o->rng_seed ? o->rng_seed : DEFAULT_SEED);
    if ((rc = store_seed_tune(cx, true)) != 0 || (rc = cx_begin(cx)) != 0)
        return rc; /* tuned before BEGIN: SQLite fixes where journals go when it starts */
    rc = store_seed_count_books(cx, &existing);
    out->skipped = rc == 0 && o->if_empty && existing > 0;
    ru.sql = store_seed_new();
    if (rc == 0 && !out->skipped)
        rc = seed_all(&ru);
    if (rc == 0 && !out->skipped)
        rc = cx_commit(cx);
    else
        cx_rollback(cx);
    if (rc == 0 && !out->skipped) /* before the statement timeout comes back */
        rc = store_seed_settle(cx);
    store_seed_tune(cx, false);
    store_seed_free(ru.sql);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    out->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    return rc;
}
