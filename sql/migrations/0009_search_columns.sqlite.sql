-- 0009_search_columns (SQLite twin of 0009_search_columns.pg.sql): nothing to change. FTS5
-- walks its matches in rowid order and the filters read the narrow index of 0007
-- (books_published_cover_idx), and the typeahead's `title : (...)` reads the title column's
-- own entries, so SQLite already has what the PostgreSQL twin adds.
SELECT 1;
