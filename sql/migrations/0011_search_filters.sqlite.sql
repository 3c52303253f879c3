-- 0011_search_filters (SQLite twin of 0011_search_filters.pg.sql): nothing to change. FTS5
-- hands its matches over newest first and each filter reads the narrow index of 0007
-- (books_published_cover_idx) for the row it is given, stopping at the sample's size.
SELECT 1;
