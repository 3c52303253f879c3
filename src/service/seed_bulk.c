/* seed_bulk.c: writing seed books in batches, and `mangu seed --books N` for benchmarks. */
#include "core/xalloc.h"
#include "service/seed_gen.h"
#include "store/seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 2000 /* books generated and written per round of --books */

/* The row the store writes for "b". */
static void to_row(const struct seed_run *ru, const struct seed_book *b,
                   struct store_seed_book *row)
{
    row->slug = b->slug;
    row->title = b->title;
    row->subtitle = b->subtitle;
    row->description = b->description;
    row->language = b->language;
    row->isbn = b->isbn;
    row->format = b->format;
    row->status = b->status;
    row->published_at = b->published_at[0] ? b->published_at : NULL;
    row->page_count = b->pages;
    row->price_cents = b->price_cents;
    row->publisher_id = ru->publisher_ids[b->publisher];
    row->featured = b->featured;
    row->views = b->views;
    row->purchases = b->purchases;
    row->rating_count = b->rating_count;
    row->rating_sum = b->rating_sum;
    row->rating_avg = b->rating_count ? (double)b->rating_sum / b->rating_count : 0;
    row->created_by = 0;
    for (int i = 0; i < b->n_authors; i++)
        if (b->authors[i] == ru->creator_author)
            row->created_by = ru->created_by;
}

static int insert_books(struct seed_run *ru, const struct seed_book *books, int n, long long *ids)
{
    int per = store_seed_batch(ru->cx, SEED_BOOKS), rc = 0;
    struct store_seed_book *rows = xmalloc(sizeof(*rows) * (size_t)per);

    for (int i = 0; rc == 0 && i < n; i += per) {
        int m = n - i < per ? n - i : per;
        for (int k = 0; k < m; k++)
            to_row(ru, &books[i + k], &rows[k]);
        rc = store_seed_books(ru->cx, ru->sql, rows, m, ids + i);
    }
    free(rows);
    return rc;
}

static int flush_links(struct seed_run *ru, enum store_seed_table t,
                       const struct store_seed_link *rows, int n)
{
    int per = store_seed_batch(ru->cx, t), rc = 0;

    for (int i = 0; rc == 0 && i < n; i += per)
        rc = store_seed_links(ru->cx, ru->sql, t, rows + i, n - i < per ? n - i : per);
    return rc;
}

/* The book_authors and book_categories rows of "n" books whose ids are "ids". */
static int write_joins(struct seed_run *ru, const struct seed_book *books, int n,
                       const long long *ids)
{
    struct store_seed_link *a = xmalloc(sizeof(*a) * (size_t)n * 3);
    struct store_seed_link *c = xmalloc(sizeof(*c) * (size_t)n * 2);
    int na = 0, nc = 0, rc;

    for (int i = 0; i < n; i++) {
        for (int k = 0; k < books[i].n_authors; k++)
            a[na++] =
                (struct store_seed_link){ids[i], ru->author_ids[books[i].authors[k]], k, 0, NULL};
        for (int k = 0; k < books[i].n_categories; k++)
            c[nc++] = (struct store_seed_link){ids[i], ru->category_ids[books[i].categories[k]], 0,
                                               0, NULL};
    }
    rc = flush_links(ru, SEED_BOOK_AUTHORS, a, na);
    if (rc == 0)
        rc = flush_links(ru, SEED_BOOK_CATEGORIES, c, nc);
    free(a);
    free(c);
    return rc;
}

/* book_daily_stats rows: one per book and day that had views. */
static int write_stats(struct seed_run *ru, const struct seed_book *books, int n,
                       const long long *ids)
{
    struct store_seed_link *s = xmalloc(sizeof(*s) * (size_t)n * 14);
    char days[14][11];
    int ns = 0, rc;

    for (int d = 0; d < 14; d++)
        seed_format_day(ru->now, 13 - d, days[d]);
    for (int i = 0; i < n; i++)
        for (int d = 0; d < 14; d++)
            if (books[i].daily_views[d] > 0)
                s[ns++] = (struct store_seed_link){
                    ids[i], books[i].daily_views[d], books[i].daily_purchases[d],
                    books[i].daily_purchases[d] * books[i].price_cents, days[d]};
    rc = flush_links(ru, SEED_DAILY_STATS, s, ns);
    ru->rep->stats_rows += ns;
    free(s);
    return rc;
}

int seed_write_books(struct seed_run *ru, const struct seed_book *books, int n)
{
    long long *ids = xcalloc((size_t)n, sizeof(*ids));
    int rc = insert_books(ru, books, n, ids);

    if (rc == 0)
        rc = write_joins(ru, books, n, ids);
    if (rc == 0)
        rc = write_stats(ru, books, n, ids);
    if (rc == 0)
        ru->rep->books += n;
    free(ids);
    return rc;
}

/* "count" new authors with generated names, bios and slugs numbered after "serial". */
static int bulk_authors(struct seed_run *ru, int count, long long serial, struct arena *gen)
{
    int per = store_seed_batch(ru->cx, SEED_AUTHORS), rc = 0;
    struct store_seed_author *rows = xmalloc(sizeof(*rows) * (size_t)count);

    for (int i = 0; i < count; i++) {
        long long k = serial + i;
        const struct seed_writer *w = &seed_writers[rng_below(&ru->r, (uint32_t)seed_n_writers)];
        char *name = arena_printf(gen, "%s %s", seed_given_names[k % seed_n_given_names],
                                  seed_surnames[(k / seed_n_given_names) % seed_n_surnames]);
        char slug[120];
        seed_slugify(name, slug, sizeof(slug) - 24);
        rows[i].name = name;
        rows[i].slug = arena_printf(gen, "%s-%lld", slug, k + 1);
        rows[i].bio = seed_bio(name, "stories", w->home, &ru->r, gen);
    }
    for (int i = 0; rc == 0 && i < count; i += per)
        rc = store_seed_authors(ru->cx, ru->sql, rows + i, count - i < per ? count - i : per,
                                ru->author_ids + i);
    free(rows);
    ru->rep->authors += count;
    return rc;
}

#define VOCABULARY 60000 /* invented words the benchmark catalog draws names and places from */

/* A capitalised invented word drawn by frequency; in "gen". */
static const char *invented(struct seed_run *ru, struct arena *gen)
{
    char w[SEED_WORD_MAX];

    seed_word(seed_zipf(&ru->r, VOCABULARY), w);
    w[0] = (char)(w[0] - 32);
    return arena_strdup(gen, w);
}

/*
 * The bank's picks with the hero's name, the place and often the noun and topic replaced by
 * invented words: the phrase banks alone hold under 2,000 words, so every query would match
 * thousands of books; real catalogues have tens of thousands of words, a few very common,
 * most rare.
 */
static void bulk_picks(struct seed_run *ru, const struct seed_bank *bank, struct arena *gen,
                       struct seed_picks *k)
{
    seed_picks_choose(bank, &ru->r, k);
    k->f = invented(ru, gen);
    k->p = invented(ru, gen);
    if (rng_below(&ru->r, 2))
        k->n = invented(ru, gen);
    if (k->t && rng_below(&ru->r, 2))
        k->t = invented(ru, gen);
}

/* One generated book, the "serial"th ever: unique slug and ISBN, random bank and author. */
static void bulk_book(struct seed_run *ru, long long serial, int n_authors, struct arena *gen,
                      struct seed_book *b)
{
    const struct seed_profile prof = {6, 3650, 3, 3, false};
    const struct seed_bank *bank = &seed_banks[rng_below(&ru->r, (uint32_t)seed_n_banks)];
    struct seed_picks picks;
    char slug[90];

    memset(b, 0, sizeof(*b));
    bulk_picks(ru, bank, gen, &picks);
    seed_invent_picks(bank, &picks, &ru->r, gen, b);
    seed_slugify(b->title, slug, sizeof(slug));
    snprintf(b->slug, sizeof(b->slug), "%s-%lld", slug, serial + 1);
    seed_isbn13(979100000000LL + (serial * 7919LL) % 100000000LL, b->isbn);
    b->format = "epub";
    b->status = "published";
    b->featured = serial % 500 == 7; /* a store features a few: the featured list is not empty */
    b->publisher = seed_publisher_for(bank);
    b->categories[b->n_categories++] = seed_category_index(bank->genre) >= 0
                                           ? seed_category_index(bank->genre)
                                           : seed_category_index("literary-fiction");
    b->authors[b->n_authors++] = (int)rng_below(&ru->r, (uint32_t)n_authors);
    if (n_authors > 1 && rng_below(&ru->r, 100) < 10)
        b->authors[b->n_authors++] = (b->authors[0] + 1) % n_authors;
    seed_numbers(b, &prof, &ru->r, ru->now);
}

int seed_bulk(struct seed_run *ru, long long n)
{
    long long book_serial = 0, author_serial = 0;
    int n_authors = (int)(n / 20 < 5 ? 5 : n / 20 > 50000 ? 50000 : n / 20), rc;
    struct seed_book *books = xcalloc(CHUNK, sizeof(*books));
    struct arena *gen = arena_new();

    ru->author_ids = arena_zalloc(ru->cx->arena, sizeof(long long) * (size_t)n_authors);
    ru->creator_author = -1;
    rc = store_seed_max_ids(ru->cx, &book_serial, &author_serial);
    if (rc == 0)
        rc = bulk_authors(ru, n_authors, author_serial, gen);
    for (long long done = 0; rc == 0 && done < n; done += CHUNK) {
        int m = n - done < CHUNK ? (int)(n - done) : CHUNK;
        arena_free(gen);
        gen = arena_new();
        for (int i = 0; i < m; i++)
            bulk_book(ru, book_serial + done + i, n_authors, gen, &books[i]);
        rc = seed_write_books(ru, books, m);
    }
    arena_free(gen);
    free(books);
    return rc;
}
