/* test_books.c: book lists on SQLite: filters, sorts, trending decay, Bayesian top rated. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <time.h>

#include "catalog_fixture.h"
#include "service/books.h"
#include "store/books.h"

static const char *day(int ago)
{
    static char out[8][11];
    time_t t = time(NULL) - (time_t)ago * 86400;
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out[ago], 11, "%Y-%m-%d", &tm);
    return out[ago];
}

static void stats(struct fixture *f, long long id, int ago, const char *views,
                  const char *purchases)
{
    char bid[24];

    snprintf(bid, sizeof(bid), "%lld", id);
    fixture_sql(f,
                "INSERT INTO book_daily_stats (book_id, day, views, purchases) "
                "VALUES ($1, $2, $3, $4)",
                4, bid, day(ago), views, purchases);
}

static void test_trending_decays(void **state)
{
    struct fixture *f = *state;
    long long old = fixture_book(f, "old", "Old Hit", "A", NULL, "100");
    long long fresh = fixture_book(f, "fresh", "Fresh", "B", NULL, "100");
    long long stale = fixture_book(f, "stale", "Stale", "C", NULL, "100");
    struct book *items;
    int n;

    stats(f, old, 6, "100", "0");  /* 100 * 0.5^3 = 12.5 */
    stats(f, fresh, 0, "20", "0"); /* 20 today beats 100 six days ago */
    stats(f, fresh, 1, "0", "1");  /* + 10 * 0.707 */
    char sid[24];
    snprintf(sid, sizeof(sid), "%lld", stale);
    fixture_sql(f,
                "INSERT INTO book_daily_stats (book_id, day, views) VALUES ($1, "
                "'2000-01-01', 100000)",
                1, sid); /* outside the window */
    assert_int_equal(books_trending(&f->cx, 10, &items, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(items[0].slug, "fresh");
    assert_string_equal(items[1].slug, "old");
    assert_int_equal(items[0].n_authors, 1);
}

static void test_top_rated_is_bayesian(void **state)
{
    struct fixture *f = *state;
    struct book *items;
    int n;

    fixture_book(f, "one-review", "One Review", "A", NULL, "100");
    fixture_book(f, "many-reviews", "Many Reviews", "B", NULL, "100");
    fixture_book(f, "unrated", "Unrated", "C", NULL, "100");
    fixture_sql(f,
                "UPDATE books SET rating_count = 1, rating_sum = 5, rating_avg = 5 "
                "WHERE slug = 'one-review'",
                0);
    fixture_sql(f,
                "UPDATE books SET rating_count = 40, rating_sum = 184, rating_avg = 4.6 "
                "WHERE slug = 'many-reviews'",
                0);
    fixture_book(f, "so-so", "So-so", "D", NULL, "100");
    fixture_sql(f,
                "UPDATE books SET rating_count = 20, rating_sum = 60, rating_avg = 3 "
                "WHERE slug = 'so-so'",
                0);
    /* mean 4.08: one review of 5 scores 4.17, forty averaging 4.6 score 4.50 */
    assert_int_equal(books_top_rated(&f->cx, 10, &items, &n), 0);
    assert_int_equal(n, 3);
    assert_string_equal(items[0].slug, "many-reviews");
    assert_string_equal(items[1].slug, "one-review");
}

/* Categories "fiction" and its child "sf"; their ids. */
static void fiction_and_sf(struct fixture *f, const char **fic, const char **sf)
{
    *fic = fixture_sql(f,
                       "INSERT INTO categories (name, slug) VALUES ('Fiction', 'fiction') "
                       "RETURNING id",
                       0);
    *sf = fixture_sql(f,
                      "INSERT INTO categories (name, slug, parent_id) VALUES ('SF', 'sf', $1) "
                      "RETURNING id",
                      1, *fic);
}

static void test_list_filters(void **state)
{
    struct fixture *f = *state;
    struct book_filter any = {.price_min = -1, .price_max = -1}, flt = any;
    struct book *items;
    long long total;
    int n;

    long long a = fixture_book(f, "zeta", "zeta", "A", NULL, "0");
    long long b = fixture_book(f, "alpha", "Alpha", "B", NULL, "900");
    fixture_book(f, "mid", "Mid", "A", NULL, "500");
    const char *fic, *sf;
    fiction_and_sf(f, &fic, &sf);
    char ids[2][24];
    snprintf(ids[0], 24, "%lld", a);
    snprintf(ids[1], 24, "%lld", b);
    fixture_sql(f, "INSERT INTO book_categories (book_id, category_id) VALUES ($1, $2)", 2, ids[0],
                sf);
    fixture_sql(f, "INSERT INTO book_categories (book_id, category_id) VALUES ($1, $2)", 2, ids[1],
                fic);

    assert_int_equal(books_list(&f->cx, &any, BOOK_SORT_TITLE, 10, 0, &items, &n, &total), 0);
    assert_int_equal(total, 3);
    assert_string_equal(items[0].slug, "alpha"); /* case-blind */
    assert_string_equal(items[2].slug, "zeta");
    flt.category = "fiction"; /* includes sf */
    assert_int_equal(books_list(&f->cx, &flt, BOOK_SORT_PRICE_ASC, 10, 0, &items, &n, &total), 0);
    assert_int_equal(total, 2);
    assert_string_equal(items[0].slug, "zeta");
    flt = any;
    flt.price_min = 1;
    flt.price_max = 600;
    assert_int_equal(books_list(&f->cx, &flt, BOOK_SORT_NEWEST, 10, 0, &items, &n, &total), 0);
    assert_int_equal(total, 1);
    assert_string_equal(items[0].slug, "mid");
    flt = any;
    flt.author = "a-zeta";
    assert_int_equal(books_list(&f->cx, &flt, BOOK_SORT_NEWEST, 1, 1, &items, &n, &total), 0);
    assert_int_equal(total, 2);
    assert_int_equal(n, 1);
}

/* 12 books by two authors, varied in price, title, rating and date; two categories (one a
   subcategory) hold 5 of them. */
static void plan_catalog(struct fixture *f)
{
    const char *fic, *sf;
    fiction_and_sf(f, &fic, &sf);

    for (int i = 0; i < 12; i++) {
        char slug[16], title[16], price[16], id[24], day[32], rating[8];

        snprintf(slug, sizeof(slug), "b%d", i);
        snprintf(title, sizeof(title), "%c title", "KbJaLcHdIeGf"[i]);
        snprintf(price, sizeof(price), "%d", (i * 7) % 5 * 100);
        snprintf(id, sizeof(id), "%lld",
                 fixture_book(f, slug, title, i % 3 ? "Ann" : "Bo", NULL, price));
        snprintf(day, sizeof(day), "2026-0%d-01T00:00:00Z", 1 + (i * 5) % 9);
        snprintf(rating, sizeof(rating), "%d", (i * 3) % 4);
        fixture_sql(f, "UPDATE books SET published_at = $1, rating_avg = $2 WHERE id = $3", 3, day,
                    rating, id);
        if (i % 3 == 1 || i == 6)
            fixture_sql(f, "INSERT INTO book_categories (book_id, category_id) VALUES ($1, $2)", 2,
                        id, i % 2 ? sf : fic);
    }
}

/* A category list walked in the sort's order and read from the category first: same books,
   same order, on every page, alone and with an author. */
static void test_list_plans_agree(void **state)
{
    struct fixture *f = *state;
    struct book_filter walk = {.category = "fiction", .price_min = -1, .price_max = -1};
    struct book *a, *b;
    long long total, span;
    int na, nb;

    plan_catalog(f);
    assert_int_equal(store_books_count(&f->cx, &walk, &total, &span), 0);
    assert_int_equal(total, 5);
    assert_true(span >= 12);
    for (int sort = 0; sort < BOOK_SORT_COUNT; sort++)
        for (int author = 0; author < 2; author++)
            for (int offset = 0; offset < 6; offset++) {
                struct book_filter first = walk;
                walk.author = first.author = author ? "a-b1" : NULL;
                first.category_first = true;
                assert_int_equal(store_books_list(&f->cx, &walk, sort, 2, offset, &a, &na), 0);
                assert_int_equal(store_books_list(&f->cx, &first, sort, 2, offset, &b, &nb), 0);
                assert_int_equal(na, nb);
                assert_int_equal(
                    na, offset >= (author ? 4 : 5) ? 0 : 1 + (offset + 1 < (author ? 4 : 5)));
                for (int i = 0; i < na; i++)
                    assert_int_equal(a[i].id, b[i].id);
            }
}

/* A price band walked in the sort's order and read from books_price_idx first: same books,
   same order, on every page, for a band (free, 100-200) and a bound on one side. */
static void test_price_plans_agree(void **state)
{
    struct fixture *f = *state;
    const long long bands[][2] = {{0, 0}, {100, 200}, {300, -1}, {-1, 100}};
    struct book *a, *b;
    int na, nb;

    plan_catalog(f);
    for (size_t k = 0; k < sizeof(bands) / sizeof(bands[0]); k++)
        for (int sort = 0; sort < BOOK_SORT_COUNT; sort++)
            for (int offset = 0; offset < 6; offset++) {
                struct book_filter walk = {.price_min = bands[k][0], .price_max = bands[k][1]};
                struct book_filter first = walk;
                first.price_first = true;
                assert_int_equal(store_books_list(&f->cx, &walk, sort, 2, offset, &a, &na), 0);
                assert_int_equal(store_books_list(&f->cx, &first, sort, 2, offset, &b, &nb), 0);
                assert_int_equal(na, nb);
                for (int i = 0; i < na; i++) {
                    assert_int_equal(a[i].id, b[i].id);
                    assert_true(bands[k][0] < 0 || a[i].price_cents >= bands[k][0]);
                    assert_true(bands[k][1] < 0 || a[i].price_cents <= bands[k][1]);
                }
            }
}

/* Read a band first when it is narrow (free: 6,000 of 100,000) and the order is not price. */
static void test_price_first_rule(void **state)
{
    struct book_filter free_ = {.price_min = -1, .price_max = 0};
    struct book_filter wide = {.price_min = 500, .price_max = 999};
    struct book_filter none = {.price_min = -1, .price_max = -1};
    struct book_filter in_cat = {.category = "poetry", .price_min = -1, .price_max = 0};

    (void)state;
    assert_true(store_books_price_first(&free_, BOOK_SORT_POPULAR, 6000, 100000));
    assert_true(store_books_price_first(&free_, BOOK_SORT_TITLE, 6000, 100000));
    assert_false(store_books_price_first(&free_, BOOK_SORT_PRICE_ASC, 6000, 100000));
    assert_false(store_books_price_first(&wide, BOOK_SORT_POPULAR, 37000, 100000));
    assert_false(store_books_price_first(&none, BOOK_SORT_POPULAR, 100000, 100000));
    assert_false(store_books_price_first(&in_cat, BOOK_SORT_POPULAR, 300, 100000));
}

/* Walk while the page comes early in a large share of the catalogue; read first otherwise
   (the figures of 100,000 books: "fiction" 55,000, "poetry" 5,000). */
static void test_category_first_rule(void **state)
{
    (void)state;
    assert_false(store_books_category_first(55000, 100000, 30, 0));
    assert_false(store_books_category_first(55000, 100000, 49, 2000));
    assert_false(store_books_category_first(5000, 100000, 30, 0));
    assert_true(store_books_category_first(5000, 100000, 49, 2000));
    assert_true(store_books_category_first(40, 100000, 20, 0)); /* a small genre */
    assert_true(store_books_category_first(0, 100000, 20, 0));
}

static void in_category(struct fixture *f, long long book, const char *category)
{
    char id[24];

    snprintf(id, sizeof(id), "%lld", book);
    fixture_sql(f, "INSERT INTO book_categories (book_id, category_id) VALUES ($1, $2)", 2, id,
                category);
}

/* Shared authors count double, shared categories once; the book itself and drafts are left out;
   a category offers only its 200 newest books, so an old best-seller of a large genre is not
   "related" to everything in it. */
static void test_related(void **state)
{
    struct fixture *f = *state;
    const char *fic, *sf;
    struct book *items;
    int n;

    fiction_and_sf(f, &fic, &sf);
    long long old_hit = fixture_book(f, "old-hit", "Old Hit", "Cy", NULL, "100");
    in_category(f, old_hit, fic);
    fixture_sql(f, "UPDATE books SET purchases_count = 999 WHERE slug = 'old-hit'", 0);
    long long me = fixture_book(f, "me", "Me", "Ann", NULL, "100");
    in_category(f, me, fic);
    long long sibling = fixture_book(f, "sibling", "Sibling", "Ann", NULL, "100");
    long long draft = fixture_book(f, "draft", "Draft", "Bo", NULL, "100");
    in_category(f, draft, fic);
    fixture_sql(f, "UPDATE books SET status = 'draft' WHERE slug = 'draft'", 0);
    assert_int_equal(store_books_related(&f->cx, me, 8, &items, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(items[0].id, sibling); /* an author: 2 */
    assert_int_equal(items[1].id, old_hit); /* a category: 1 */
    for (int i = 0; i < 200; i++) {
        char slug[16];
        snprintf(slug, sizeof(slug), "new-%d", i);
        in_category(f, fixture_book(f, slug, slug, "Dee", NULL, "100"), fic);
    }
    assert_int_equal(store_books_related(&f->cx, me, 8, &items, &n), 0);
    assert_int_equal(n, 8);
    assert_int_equal(items[0].id, sibling);
    for (int i = 1; i < n; i++)
        assert_true(items[i].id != old_hit && items[i].id != draft);
}

static void test_views_batch(void **state)
{
    struct fixture *f = *state;
    long long id = fixture_book(f, "viewed", "Viewed", "A", NULL, "100");
    struct book b;

    assert_int_equal(store_books_add_views(&f->cx, id, day(0), 3), 0);
    assert_int_equal(store_books_add_views(&f->cx, id, day(0), 2), 0);
    assert_int_equal(store_books_add_views(&f->cx, 999999, day(0), 2), 0); /* gone: ignored */
    assert_int_equal(store_books_find(&f->cx, id, &b), 0);
    assert_int_equal(b.views_count, 5);
    assert_string_equal(fixture_sql(f, "SELECT views FROM book_daily_stats", 0), "5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_trending_decays, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_top_rated_is_bayesian, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_list_filters, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_views_batch, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_list_plans_agree, fixture_setup, fixture_teardown),
        cmocka_unit_test(test_category_first_rule),
        cmocka_unit_test_setup_teardown(test_price_plans_agree, fixture_setup, fixture_teardown),
        cmocka_unit_test(test_price_first_rule),
        cmocka_unit_test_setup_teardown(test_related, fixture_setup, fixture_teardown),
    };

    return cmocka_run_group_tests_name("store/books", tests, NULL, NULL);
}
