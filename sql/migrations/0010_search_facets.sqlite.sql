-- 0010_search_facets (SQLite twin of 0010_search_facets.pg.sql): nothing to change. A search
-- reads each match's author and category ids from book_authors and book_categories through
-- their primary keys, which cost SQLite about what a copy beside the FTS5 row would.
SELECT 1;
