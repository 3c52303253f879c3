-- 0007_catalog_indexes (both databases): narrow indexes for the catalog's hot reads, so a
-- search, a title-ordered page or a storefront row at 100,000 books reads index entries
-- instead of whole book rows (each carries its description). Partial like 0002's: queries
-- say status = 'published' literally.

-- Search hits and their facets (SQLite's twin names it with INDEXED BY), the rating mean,
-- top rated, and the published-book checks of trending and the category counts.
CREATE INDEX books_published_cover_idx ON books
    (id, language, price_cents, format, rating_count, rating_sum, purchases_count, views_count)
    WHERE status = 'published';

-- sort=title: ORDER BY lower(title), id.
CREATE INDEX books_title_lower_idx ON books (lower(title), id) WHERE status = 'published';

-- Trending: the last 7 days' counters without visiting each row.
CREATE INDEX book_daily_stats_trend_idx ON book_daily_stats (day, book_id, views, purchases);
