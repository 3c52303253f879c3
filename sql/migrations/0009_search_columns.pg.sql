-- 0009_search_columns (PostgreSQL; the SQLite twin changes nothing): what a search filters on
-- and what the typeahead matches, kept beside each book's document, so that neither joins
-- books nor reads whole documents.
--
-- At 100,000 books a search for a mid-frequency word with a filter (price, language) walked
-- book_search newest first, joining every matching row to books to test the filter, and the
-- typeahead's title prefixes (`'ba':*A`) had GIN find every document holding the prefix in any
-- field and then re-read each document to check its weight (about 200 ms for "ba").
--
-- published, language, price_cents: copies of the book's (status = 'published', language,
-- price_cents). titles: the words of title and subtitle (the A part of the document, without
-- weights), with its own GIN index. A BEFORE trigger on book_search fills them whenever a
-- document is written (book_search_refresh() of 0006 and `mangu seed`'s bulk insert both
-- write the document); a trigger on books copies a change of status, language or price.

ALTER TABLE book_search
    ADD COLUMN published   BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN language    TEXT,
    ADD COLUMN price_cents BIGINT,
    ADD COLUMN titles      tsvector NOT NULL DEFAULT '';
CREATE INDEX book_search_titles_idx ON book_search USING GIN (titles);

CREATE FUNCTION book_search_copy_book() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT b.status = 'published', b.language, b.price_cents,
           to_tsvector('mangu_search', b.title || ' ' || coalesce(b.subtitle, ''))
      INTO NEW.published, NEW.language, NEW.price_cents, NEW.titles
      FROM books b WHERE b.id = NEW.book_id;
    RETURN NEW;
END $$;
CREATE TRIGGER book_search_biu BEFORE INSERT OR UPDATE OF document
    ON book_search FOR EACH ROW EXECUTE FUNCTION book_search_copy_book();

CREATE FUNCTION books_search_facts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE book_search
       SET published = NEW.status = 'published', language = NEW.language,
           price_cents = NEW.price_cents
     WHERE book_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER books_search_facts_au AFTER UPDATE OF status, language, price_cents
    ON books FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.language IS DISTINCT FROM NEW.language
          OR OLD.price_cents IS DISTINCT FROM NEW.price_cents)
    EXECUTE FUNCTION books_search_facts_sync();

-- Rows written before this migration (the BEFORE trigger fills them).
UPDATE book_search SET document = document;
ANALYZE book_search;
