-- 0012_search_facts (PostgreSQL twin of 0012_search_facts.sqlite.sql): nothing to change.
-- book_search already carries these columns (0009, 0010).
SELECT 1;
