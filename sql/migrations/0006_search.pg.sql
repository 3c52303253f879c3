-- 0006_search (PostgreSQL twin of 0006_search.sqlite.sql): full-text search over books
-- and authors, and the word list that typo correction ("did you mean") matches against.
-- The twins differ in kind, not in meaning: SQLite keeps FTS5 tables, PostgreSQL keeps
-- tsvector documents with GIN indexes; both are kept in step by triggers and both fold
-- case and accents.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- `simple` (no stemming, as SQLite's unicode61) with accents removed first.
CREATE TEXT SEARCH CONFIGURATION mangu_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION mangu_search
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- Words of each book: title (+ subtitle) weight A, authors B, description C.
CREATE TABLE book_search (
    book_id  BIGINT PRIMARY KEY REFERENCES books (id) ON DELETE CASCADE,
    document tsvector NOT NULL
);
CREATE INDEX book_search_document_idx ON book_search USING GIN (document);

-- Words of each author's name, for the typeahead.
CREATE TABLE author_search (
    author_id BIGINT PRIMARY KEY REFERENCES authors (id) ON DELETE CASCADE,
    document  tsvector NOT NULL
);
CREATE INDEX author_search_document_idx ON author_search USING GIN (document);

-- The words typo correction matches against (pg_trgm similarity): the lexemes of titles
-- and author names. Never pruned, so a word may outlive its books (corrections are
-- checked against live results).
CREATE TABLE search_words (
    id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    word TEXT COLLATE "C" NOT NULL UNIQUE CHECK (length(word) BETWEEN 1 AND 64)
);
CREATE INDEX search_words_trgm_idx ON search_words USING GIN (word gin_trgm_ops);

-- Rebuilds one book's document from the tables (nothing when the book is gone).
CREATE FUNCTION book_search_refresh(p_book BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    names tsvector;
    doc tsvector;
BEGIN
    SELECT setweight(to_tsvector('mangu_search', b.title || ' ' || coalesce(b.subtitle, '')), 'A')
           || setweight(to_tsvector('mangu_search', coalesce(
                  (SELECT string_agg(a.name, ' ') FROM book_authors ba
                   JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id), '')), 'B')
      INTO names
      FROM books b WHERE b.id = p_book;
    IF names IS NULL THEN
        RETURN;
    END IF;
    SELECT names || setweight(to_tsvector('mangu_search', coalesce(b.description, '')), 'C')
      INTO doc
      FROM books b WHERE b.id = p_book;
    INSERT INTO book_search (book_id, document) VALUES (p_book, doc)
        ON CONFLICT (book_id) DO UPDATE SET document = excluded.document;
    INSERT INTO search_words (word)
        SELECT w FROM unnest(tsvector_to_array(names)) AS w WHERE length(w) BETWEEN 1 AND 64
        ON CONFLICT (word) DO NOTHING;
END $$;

CREATE FUNCTION books_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM book_search_refresh(NEW.id);
    RETURN NULL;
END $$;
CREATE TRIGGER books_search_aiu AFTER INSERT OR UPDATE OF title, subtitle, description
    ON books FOR EACH ROW EXECUTE FUNCTION books_search_sync();

CREATE FUNCTION book_authors_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM book_search_refresh(OLD.book_id);
    ELSE
        PERFORM book_search_refresh(NEW.book_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER book_authors_search_aid AFTER INSERT OR DELETE
    ON book_authors FOR EACH ROW EXECUTE FUNCTION book_authors_search_sync();

CREATE FUNCTION authors_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO author_search (author_id, document)
        VALUES (NEW.id, to_tsvector('mangu_search', NEW.name))
        ON CONFLICT (author_id) DO UPDATE SET document = excluded.document;
    IF TG_OP = 'UPDATE' THEN
        PERFORM book_search_refresh(ba.book_id) FROM book_authors ba WHERE ba.author_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER authors_search_aiu AFTER INSERT OR UPDATE OF name
    ON authors FOR EACH ROW EXECUTE FUNCTION authors_search_sync();

-- Rows written before this migration.
SELECT book_search_refresh(id) FROM books;
INSERT INTO author_search (author_id, document)
    SELECT id, to_tsvector('mangu_search', name) FROM authors;
