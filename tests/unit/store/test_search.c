/* test_search.c: the search index on SQLite (FTS5 kept by triggers), typo correction, facets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "catalog_fixture.h"
#include "service/search.h"
#include "store/search.h"

static const struct book_filter any = {.price_min = -1, .price_max = -1};

static void seed(struct fixture *f)
{
    fixture_book(f, "alice", "Alice's Adventures in Wonderland", "Lewis Carroll",
                 "A girl falls down a rabbit hole.", "499");
    fixture_book(f, "esperanza", "Esperánza Rising", "Pam Muñoz Ryan",
                 "A girl leaves Mexico for California.", "0");
    fixture_book(f, "looking-glass", "Through the Looking-Glass", "Lewis Carroll",
                 "Alice again, beyond the mirror.", "1299");
    fixture_sql(f,
                "INSERT INTO books (slug, title, description, status) VALUES "
                "('secret', 'Wonderland Secrets', 'draft', 'draft')",
                0);
    assert_int_equal(search_refresh(&f->cx), 0);
}

static int count(struct fixture *f, const char *const *tok, int n)
{
    struct search_hit *hits;
    int got = -1;

    assert_int_equal(store_search_hits(&f->cx, tok, n, &any, 0, 10, &hits, &got), 0);
    return got;
}

static void test_index_follows_the_tables(void **state)
{
    struct fixture *f = *state;
    const char *wonderland[] = {"wonderland"}, *carroll[] = {"carroll"}, *esp[] = {"esperanza"};

    seed(f);
    assert_int_equal(count(f, wonderland, 1), 1); /* the draft is not found */
    assert_int_equal(count(f, carroll, 1), 2);    /* author names are indexed */
    assert_int_equal(count(f, esp, 1), 1);        /* accents folded */
    fixture_sql(f, "UPDATE authors SET name = 'Charles Dodgson' WHERE name = 'Lewis Carroll'", 0);
    assert_int_equal(count(f, carroll, 1), 0);
    fixture_sql(f, "UPDATE books SET title = 'Alice Underground' WHERE slug = 'alice'", 0);
    assert_int_equal(count(f, wonderland, 1), 0);
    fixture_sql(f, "DELETE FROM books WHERE slug = 'esperanza'", 0);
    assert_int_equal(count(f, esp, 1), 0);
}

/* Books whose row of book_facts (0012) differs from what the tables say, and orphan rows. */
static const char SQL_FACTS_WRONG[] =
    "SELECT (SELECT count(*) FROM books b LEFT JOIN book_facts f ON f.book_id = b.id "
    "WHERE f.book_id IS NULL OR f.published IS NOT (b.status = 'published') "
    "OR f.language IS NOT b.language OR f.price_cents IS NOT b.price_cents "
    "OR coalesce(f.author_ids, '') != coalesce((SELECT group_concat(author_id) "
    "FROM book_authors WHERE book_id = b.id), '') "
    "OR coalesce(f.category_ids, '') != coalesce((SELECT group_concat(category_id) "
    "FROM book_categories WHERE book_id = b.id), '')) "
    "+ (SELECT count(*) FROM book_facts WHERE book_id NOT IN (SELECT id FROM books))";

static void assert_facts_follow(struct fixture *f, const char *sql)
{
    fixture_sql(f, sql, 0);
    assert_string_equal(fixture_sql(f, SQL_FACTS_WRONG, 0), "0");
}

/* What a search tests and counts per match (book_facts) follows every write to its sources. */
static void test_facts_follow_the_tables(void **state)
{
    struct fixture *f = *state;
    const char *wonderland[] = {"wonderland"};

    seed(f);
    assert_string_equal(fixture_sql(f, "SELECT count(*) FROM book_facts", 0), "4");
    assert_facts_follow(
        f, "UPDATE books SET status = 'published', published_at = '2026-01-01T00:00:00Z', "
           "format = 'epub' WHERE slug = 'secret'");
    assert_int_equal(count(f, wonderland, 1), 2);
    assert_facts_follow(f,
                        "UPDATE books SET price_cents = 0, language = 'fr' WHERE slug = 'alice'");
    assert_facts_follow(f, "INSERT INTO categories (name, slug) VALUES ('Fiction', 'fiction'), "
                           "('Poetry', 'poetry')");
    assert_facts_follow(f, "INSERT INTO book_categories (book_id, category_id) SELECT b.id, c.id "
                           "FROM books b, categories c WHERE b.slug = 'alice'");
    assert_facts_follow(f, "DELETE FROM book_categories WHERE category_id = "
                           "(SELECT id FROM categories WHERE slug = 'poetry')");
    assert_facts_follow(f, "UPDATE book_categories SET book_id = "
                           "(SELECT id FROM books WHERE slug = 'secret')");
    assert_facts_follow(f, "INSERT INTO book_authors (book_id, author_id, position) "
                           "SELECT b.id, a.id, 2 FROM books b, authors a "
                           "WHERE b.slug = 'alice' AND a.name = 'Pam Muñoz Ryan'");
    assert_facts_follow(f, "INSERT INTO authors (name, slug) VALUES ('Ann Other', 'ann-other')");
    assert_facts_follow(f, "UPDATE book_authors SET author_id = (SELECT id FROM authors "
                           "WHERE slug = 'ann-other') WHERE position = 2");
    assert_facts_follow(f, "DELETE FROM book_authors WHERE position = 2");
    assert_facts_follow(f, "UPDATE books SET status = 'draft' WHERE slug = 'secret'");
    assert_int_equal(count(f, wonderland, 1), 1);
    assert_facts_follow(f, "DELETE FROM books WHERE slug = 'looking-glass'");
    assert_string_equal(fixture_sql(f, "SELECT count(*) FROM book_facts", 0), "3");
}

static void test_quotes_in_tokens_are_harmless(void **state)
{
    struct fixture *f = *state;
    const char *odd[] = {"al\"ice", "NEAR(", "*", "-", "OR"};

    seed(f);
    for (int i = 0; i < 5; i++)
        assert_true(count(f, &odd[i], 1) >= 0);
}

static void test_correction_and_facets(void **state)
{
    struct fixture *f = *state;
    struct search_request rq = {.q = "alcie wonderlnd", .filter = any, .limit = 10};
    struct search_result r;

    seed(f);
    assert_int_equal(search_books(&f->cx, &rq, &r), 0);
    assert_int_equal(r.total, 1);
    assert_string_equal(r.did_you_mean, "alice wonderland");
    assert_string_equal(r.items[0].slug, "alice");
    assert_true(r.highlights[0].title[0].match);
    assert_string_equal(r.highlights[0].title[0].text, "Alice");

    rq.q = "girl";
    assert_int_equal(search_books(&f->cx, &rq, &r), 0);
    assert_int_equal(r.total, 2);
    assert_null(r.did_you_mean);
    long long langs = 0, bands = 0;
    for (int i = 0; i < r.n_languages; i++)
        langs += r.languages[i].count;
    for (int i = 0; i < r.n_bands; i++)
        bands += r.bands[i].count;
    assert_int_equal(langs, 2);
    assert_int_equal(bands, 2);
    assert_int_equal(r.bands[0].count, 1); /* free */

    rq.q = "zzzzqqq";
    assert_int_equal(search_books(&f->cx, &rq, &r), 0);
    assert_int_equal(r.total, 0);
    assert_null(r.did_you_mean);
}

/* Above SEARCH_SAMPLE matches: the newest are ranked, the total is estimated, pages go on. */
static void test_many_matches_are_sampled(void **state)
{
    struct fixture *f = *state;
    struct search_request rq = {.q = "common", .filter = any, .limit = 5};
    struct search_result r;
    long long bands = 0;

    fixture_sql(f,
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) "
                "INSERT INTO books (slug, title, description, status, price_cents, format, "
                "published_at) SELECT 'common-' || i, 'Common ' || i, 'plain', 'published', "
                "(i % 3) * 700, 'epub', '2026-01-01T00:00:00Z' FROM n",
                0);
    assert_int_equal(search_books(&f->cx, &rq, &r), 0);
    assert_true(r.approximate);
    assert_in_range(r.total, 1100, 1300); /* 1200 real */
    for (int i = 0; i < r.n_bands; i++)
        bands += r.bands[i].count;
    assert_in_range(bands, r.total - 5, r.total + 5);
    assert_int_equal(r.n, 5);
    rq.offset = SEARCH_SAMPLE - 2; /* the page crosses from the ranked sample to the rest */
    assert_int_equal(search_books(&f->cx, &rq, &r), 0);
    assert_int_equal(r.n, 5);
    assert_true(r.items[2].id < r.items[1].id && r.items[3].id < r.items[2].id);
    rq.offset = 1199;
    assert_int_equal(search_books(&f->cx, &rq, &r), 0);
    assert_int_equal(r.n, 1);
    rq.q = "common 7";
    rq.offset = 0;
    assert_int_equal(search_books(&f->cx, &rq, &r), 0);
    assert_false(r.approximate);
    assert_int_equal(r.total, 1);
}

static void test_hostile_queries(void **state)
{
    struct fixture *f = *state;
    static const char *const qs[] = {"\"",      "\"alice",
                                     "alice\"", "*",
                                     "alice*",  "NEAR(a b)",
                                     "-alice",  "alice OR",
                                     "OR",      "AND NOT",
                                     "^alice",  "{title}:x",
                                     "😀😀",      "'; DROP TABLE books; --",
                                     "a\"b\"c", ""};
    struct search_result r;

    seed(f);
    for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
        struct search_request rq = {.q = qs[i], .filter = any, .limit = 10};
        if (search_books(&f->cx, &rq, &r) != 0)
            fail_msg("'%s' failed: %s", qs[i], f->cx.err_msg);
    }
    struct search_request bad = {.q = "al\xffice", .filter = any, .limit = 10};
    assert_int_equal(search_books(&f->cx, &bad, &r), ERR_INVALID);
}

static void test_suggest(void **state)
{
    struct fixture *f = *state;
    struct search_suggest_item *items;
    int n;

    seed(f);
    assert_int_equal(search_suggest(&f->cx, "alic", &items, &n), 0);
    assert_int_equal(n, 1);
    assert_false(items[0].author);
    assert_string_equal(items[0].s.slug, "alice");
    assert_string_equal(items[0].s.author, "Lewis Carroll");
    assert_int_equal(search_suggest(&f->cx, "lew", &items, &n), 0);
    assert_int_equal(n, 1);
    assert_true(items[0].author);
    assert_int_equal(search_suggest(&f->cx, "a", &items, &n), 0);
    assert_int_equal(n, 0); /* one letter is not enough */
}

static void test_segments(void **state)
{
    struct arena *a = arena_new();
    struct search_segment *s;
    const char *tok[] = {"rabbit"};
    int n;

    (void)state;
    n = search_segments(a, "The White Rabbit", tok, 1, false, &s);
    assert_int_equal(n, 2);
    assert_string_equal(s[0].text, "The White ");
    assert_string_equal(s[1].text, "Rabbit");
    assert_true(s[1].match);
    n = search_segments(a, "one two three four five six seven eight nine ten eleven rabbit end",
                        tok, 1, true, &s);
    assert_string_equal(s[0].text, "…four five six seven eight nine ten eleven ");
    assert_string_equal(s[1].text, "rabbit");
    assert_string_equal(s[2].text, " end");
    assert_int_equal(n, 3);
    assert_int_equal(search_segments(a, "", tok, 1, true, &s), 0);
    assert_int_equal(search_distance("alcie", "alice"), 1);
    assert_int_equal(search_distance("wonderlnd", "wonderland"), 1);
    assert_int_equal(search_distance("kitten", "sitting"), 3);
    arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_facts_follow_the_tables, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_index_follows_the_tables, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_quotes_in_tokens_are_harmless, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_correction_and_facets, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_many_matches_are_sampled, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(test_hostile_queries, fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(test_suggest, fixture_setup, fixture_teardown),
        cmocka_unit_test(test_segments),
    };

    return cmocka_run_group_tests_name("store/search", tests, NULL, NULL);
}
