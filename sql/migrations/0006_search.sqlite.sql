-- 0006_search (SQLite twin of 0006_search.pg.sql): full-text search over books and
-- authors, and the word list that typo correction ("did you mean") matches against.

-- Words of each book: title (+ subtitle) weighted above authors above description
-- (bm25 weights 10 : 4 : 1, set as the table's default rank). rowid = books.id. The
-- tokenizer folds case and accents, so "Esperánza" is found by "esperanza". Kept in
-- step by the triggers below, whoever writes the books (the server, `mangu seed`).
CREATE VIRTUAL TABLE book_fts USING fts5(
    title, authors, description,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO book_fts (book_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');

-- Words of each author's name, for the typeahead. rowid = authors.id.
CREATE VIRTUAL TABLE author_fts USING fts5(
    name, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- Every term the book index holds, per column (term, col, doc, cnt).
CREATE VIRTUAL TABLE book_fts_terms USING fts5vocab(book_fts, 'col');

-- The words typo correction matches against: those of titles and author names,
-- lower-case, accents folded (by the tokenizer or the server; SQLite 3.40's trigram
-- tokenizer cannot fold them itself). Filled from book_fts_terms by the server at start,
-- every few minutes and after `mangu seed`, and by the server's own writes at once.
-- Never pruned, so a word may outlive its books (corrections are checked against live
-- results).
CREATE TABLE search_words (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    word TEXT NOT NULL UNIQUE CHECK (length(word) BETWEEN 1 AND 64)
) STRICT;
CREATE VIRTUAL TABLE search_words_trigram USING fts5(
    word, content = 'search_words', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER search_words_ai AFTER INSERT ON search_words BEGIN
    INSERT INTO search_words_trigram (rowid, word) VALUES (NEW.id, NEW.word);
END;
CREATE TRIGGER search_words_ad AFTER DELETE ON search_words BEGIN
    INSERT INTO search_words_trigram (search_words_trigram, rowid, word)
    VALUES ('delete', OLD.id, OLD.word);
END;

-- Keeping book_fts in step. One statement rebuilds a book's row from the tables.
CREATE TRIGGER books_fts_ai AFTER INSERT ON books BEGIN
    INSERT OR REPLACE INTO book_fts (rowid, title, authors, description)
    VALUES (NEW.id, NEW.title || ' ' || coalesce(NEW.subtitle, ''), '',
            coalesce(NEW.description, ''));
END;
CREATE TRIGGER books_fts_au AFTER UPDATE OF title, subtitle, description ON books BEGIN
    INSERT OR REPLACE INTO book_fts (rowid, title, authors, description)
    SELECT b.id, b.title || ' ' || coalesce(b.subtitle, ''),
           coalesce((SELECT group_concat(a.name, ' ') FROM book_authors ba
                     JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id), ''),
           coalesce(b.description, '')
    FROM books b WHERE b.id = NEW.id;
END;
CREATE TRIGGER books_fts_ad AFTER DELETE ON books BEGIN
    DELETE FROM book_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER book_authors_fts_ai AFTER INSERT ON book_authors BEGIN
    INSERT OR REPLACE INTO book_fts (rowid, title, authors, description)
    SELECT b.id, b.title || ' ' || coalesce(b.subtitle, ''),
           coalesce((SELECT group_concat(a.name, ' ') FROM book_authors ba
                     JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id), ''),
           coalesce(b.description, '')
    FROM books b WHERE b.id = NEW.book_id;
END;
CREATE TRIGGER book_authors_fts_ad AFTER DELETE ON book_authors BEGIN
    INSERT OR REPLACE INTO book_fts (rowid, title, authors, description)
    SELECT b.id, b.title || ' ' || coalesce(b.subtitle, ''),
           coalesce((SELECT group_concat(a.name, ' ') FROM book_authors ba
                     JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id), ''),
           coalesce(b.description, '')
    FROM books b WHERE b.id = OLD.book_id;
END;

-- Keeping author_fts in step, and the books whose author was renamed.
CREATE TRIGGER authors_fts_ai AFTER INSERT ON authors BEGIN
    INSERT OR REPLACE INTO author_fts (rowid, name) VALUES (NEW.id, NEW.name);
END;
CREATE TRIGGER authors_fts_au AFTER UPDATE OF name ON authors BEGIN
    INSERT OR REPLACE INTO author_fts (rowid, name) VALUES (NEW.id, NEW.name);
    INSERT OR REPLACE INTO book_fts (rowid, title, authors, description)
    SELECT b.id, b.title || ' ' || coalesce(b.subtitle, ''),
           coalesce((SELECT group_concat(a.name, ' ') FROM book_authors ba
                     JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id), ''),
           coalesce(b.description, '')
    FROM books b WHERE b.id IN (SELECT book_id FROM book_authors WHERE author_id = NEW.id);
END;
CREATE TRIGGER authors_fts_ad AFTER DELETE ON authors BEGIN
    DELETE FROM author_fts WHERE rowid = OLD.id;
END;

-- Rows written before this migration.
INSERT INTO book_fts (rowid, title, authors, description)
SELECT b.id, b.title || ' ' || coalesce(b.subtitle, ''),
       coalesce((SELECT group_concat(a.name, ' ') FROM book_authors ba
                 JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id), ''),
       coalesce(b.description, '')
FROM books b;
INSERT INTO author_fts (rowid, name) SELECT id, name FROM authors;
