-- 0012_search_facts (SQLite): what a search tests and counts of each book, in one narrow row.
-- A search reads its sample of matches (up to 200) newest first and, per match, needed three
-- lookups: the published/language/price index of 0007 and the book's authors and categories
-- (for the facets). With the file read by pread (the default) those were 60% of a search's page
-- reads. This table is PostgreSQL's book_search columns (0009, 0010) for SQLite: one lookup,
-- 2 MB at 100,000 books. Triggers keep it in step with books and their joins.
CREATE TABLE book_facts (
    book_id      INTEGER PRIMARY KEY,
    published    INTEGER NOT NULL,
    language     TEXT,
    price_cents  INTEGER,
    author_ids   TEXT,  -- group_concat of the ids, as the search reads them
    category_ids TEXT
);

CREATE TRIGGER books_facts_ai AFTER INSERT ON books BEGIN
    INSERT OR REPLACE INTO book_facts (book_id, published, language, price_cents)
    VALUES (NEW.id, NEW.status = 'published', NEW.language, NEW.price_cents);
END;
CREATE TRIGGER books_facts_au AFTER UPDATE OF status, language, price_cents ON books BEGIN
    UPDATE book_facts
       SET published = NEW.status = 'published', language = NEW.language,
           price_cents = NEW.price_cents
     WHERE book_id = NEW.id;
END;
CREATE TRIGGER books_facts_ad AFTER DELETE ON books BEGIN
    DELETE FROM book_facts WHERE book_id = OLD.id;
END;

CREATE TRIGGER book_authors_facts_ai AFTER INSERT ON book_authors BEGIN
    UPDATE book_facts SET author_ids = (SELECT group_concat(author_id) FROM book_authors
                                         WHERE book_id = NEW.book_id)
     WHERE book_id = NEW.book_id;
END;
CREATE TRIGGER book_authors_facts_au AFTER UPDATE OF book_id, author_id ON book_authors BEGIN
    UPDATE book_facts SET author_ids = (SELECT group_concat(author_id) FROM book_authors
                                         WHERE book_id = book_facts.book_id)
     WHERE book_id IN (OLD.book_id, NEW.book_id);
END;
CREATE TRIGGER book_authors_facts_ad AFTER DELETE ON book_authors BEGIN
    UPDATE book_facts SET author_ids = (SELECT group_concat(author_id) FROM book_authors
                                         WHERE book_id = OLD.book_id)
     WHERE book_id = OLD.book_id;
END;

CREATE TRIGGER book_categories_facts_ai AFTER INSERT ON book_categories BEGIN
    UPDATE book_facts SET category_ids = (SELECT group_concat(category_id) FROM book_categories
                                           WHERE book_id = NEW.book_id)
     WHERE book_id = NEW.book_id;
END;
CREATE TRIGGER book_categories_facts_au AFTER UPDATE OF book_id, category_id ON book_categories
BEGIN
    UPDATE book_facts SET category_ids = (SELECT group_concat(category_id) FROM book_categories
                                           WHERE book_id = book_facts.book_id)
     WHERE book_id IN (OLD.book_id, NEW.book_id);
END;
CREATE TRIGGER book_categories_facts_ad AFTER DELETE ON book_categories BEGIN
    UPDATE book_facts SET category_ids = (SELECT group_concat(category_id) FROM book_categories
                                           WHERE book_id = OLD.book_id)
     WHERE book_id = OLD.book_id;
END;

INSERT INTO book_facts (book_id, published, language, price_cents, author_ids, category_ids)
SELECT b.id, b.status = 'published', b.language, b.price_cents,
       (SELECT group_concat(ba.author_id) FROM book_authors ba WHERE ba.book_id = b.id),
       (SELECT group_concat(bc.category_id) FROM book_categories bc WHERE bc.book_id = b.id)
  FROM books b;
