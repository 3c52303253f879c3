-- 0011_search_filters (PostgreSQL; the SQLite twin changes nothing): a search's language and
-- price filters as terms of the search document, so that the GIN index intersects them with
-- the words instead of reading every match's row to test its columns.
--
-- At 100,000 books "very" with price=free read 5,100 rows to keep 306 (10 ms, 25 before 1.1
-- pricing): the filters' columns are only in the heap. Each document now also holds, at weight
-- D (titles are A, authors B, descriptions C), the terms `lang=<language>` and
-- `price=<band>` (free, under-5, 5-10, 10-20, over-20: search_bands in src/service/search.c;
-- keep the two in step). No word of a query can be such a term: query words are letters and
-- digits. A search adds them to its tsquery with `&&`; ranking uses the words alone.
-- The BEFORE trigger of 0009/0010 writes them whenever a document, a status, a language or a
-- price is written, dropping the old ones first (ts_filter keeps weights A, B and C).

CREATE FUNCTION book_search_filter_terms(p_language TEXT, p_price BIGINT) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(array_to_tsvector(ARRAY(SELECT t FROM unnest(ARRAY[
        CASE WHEN p_language IS NOT NULL THEN 'lang=' || p_language END,
        CASE WHEN p_price IS NULL THEN NULL
             WHEN p_price = 0 THEN 'price=free'
             WHEN p_price < 500 THEN 'price=under-5'
             WHEN p_price < 1000 THEN 'price=5-10'
             WHEN p_price < 2000 THEN 'price=10-20'
             ELSE 'price=over-20' END]) AS t WHERE t IS NOT NULL)), 'D')
$$;

CREATE OR REPLACE FUNCTION book_search_copy_book() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT b.status = 'published', b.language, b.price_cents,
           to_tsvector('mangu_search', b.title || ' ' || coalesce(b.subtitle, ''))
      INTO NEW.published, NEW.language, NEW.price_cents, NEW.titles
      FROM books b WHERE b.id = NEW.book_id;
    NEW.author_ids := ARRAY(SELECT ba.author_id FROM book_authors ba
                             WHERE ba.book_id = NEW.book_id ORDER BY ba.position, ba.author_id);
    NEW.category_ids := ARRAY(SELECT bc.category_id FROM book_categories bc
                               WHERE bc.book_id = NEW.book_id ORDER BY bc.category_id);
    NEW.document := ts_filter(NEW.document, '{a,b,c}')
                    || book_search_filter_terms(NEW.language, NEW.price_cents);
    RETURN NEW;
END $$;

DROP TRIGGER book_search_biu ON book_search;
CREATE TRIGGER book_search_biu BEFORE INSERT OR UPDATE OF document, published, language, price_cents
    ON book_search FOR EACH ROW EXECUTE FUNCTION book_search_copy_book();

-- Rows written before this migration (the BEFORE trigger adds the terms).
UPDATE book_search SET document = document;
ANALYZE book_search;
