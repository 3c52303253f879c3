-- 0005_library (SQLite twin of 0005_library.pg.sql): owned books, reading
-- positions, bookmarks and highlights, reviews, wishlists.

-- One row per user and book ever owned. Access is current while revoked_at IS NULL;
-- a refund sets revoked_at, buying again clears it (upsert on the primary key).
-- progress (0..1), position (EPUB CFI or PDF page) and last_read_at are the latest
-- position from any device, for listings; reading_positions keeps one per device.
-- A book someone owns cannot be deleted (soft-delete it instead).
CREATE TABLE library_entries (
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    book_id         INTEGER NOT NULL REFERENCES books (id) ON DELETE RESTRICT,
    source          TEXT NOT NULL CHECK (source IN ('purchase', 'free', 'admin')),
    order_id        INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    progress        REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    position        TEXT,
    position_device TEXT,
    last_read_at    TEXT CHECK (last_read_at IS strftime('%Y-%m-%dT%H:%M:%SZ', last_read_at)),
    added_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    CHECK (added_at IS strftime('%Y-%m-%dT%H:%M:%SZ', added_at)),
    revoked_at      TEXT CHECK (revoked_at IS strftime('%Y-%m-%dT%H:%M:%SZ', revoked_at)),
    downloads       INTEGER NOT NULL DEFAULT 0 CHECK (downloads >= 0),
    PRIMARY KEY (user_id, book_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX library_entries_last_read_idx ON library_entries (user_id, last_read_at);
CREATE INDEX library_entries_added_idx ON library_entries (user_id, added_at);
CREATE INDEX library_entries_book_idx ON library_entries (book_id);
CREATE INDEX library_entries_order_idx ON library_entries (order_id);

-- The last position each device saved (device_id is made by the client), so a reader
-- can offer "continue where you stopped on another device".
CREATE TABLE reading_positions (
    user_id     INTEGER NOT NULL,
    book_id     INTEGER NOT NULL,
    device_id   TEXT NOT NULL CHECK (length(device_id) BETWEEN 1 AND 64),
    device_name TEXT,
    position    TEXT NOT NULL,
    progress    REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at)),
    PRIMARY KEY (user_id, book_id, device_id),
    FOREIGN KEY (user_id, book_id) REFERENCES library_entries (user_id, book_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Bookmarks (position only) and highlights (a CFI range or PDF location, the quoted
-- text, an optional note and colour).
CREATE TABLE annotations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL,
    book_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('bookmark', 'highlight')),
    position   TEXT NOT NULL,
    text       TEXT,
    note       TEXT,
    color      TEXT CHECK (length(color) <= 32),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
               CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
               CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at)),
    FOREIGN KEY (user_id, book_id) REFERENCES library_entries (user_id, book_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX annotations_entry_idx ON annotations (user_id, book_id, created_at);

-- One review per user and book. The application keeps books.rating_* in step with the
-- reviews that are not hidden, in the same transaction as each change.
CREATE TABLE reviews (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    book_id           INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    rating            INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title             TEXT,
    body              TEXT,
    verified_purchase INTEGER NOT NULL DEFAULT 0 CHECK (verified_purchase IN (0, 1)),
    hidden            INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    reported_count    INTEGER NOT NULL DEFAULT 0 CHECK (reported_count >= 0),
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                      CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                      CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at)),
    UNIQUE (user_id, book_id)
) STRICT;
CREATE INDEX reviews_book_idx ON reviews (book_id, created_at);
CREATE INDEX reviews_reported_idx ON reviews (reported_count) WHERE reported_count > 0;

-- One report per reader and review; reviews.reported_count counts the open ones.
CREATE TABLE review_reports (
    review_id   INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    resolved_at TEXT CHECK (resolved_at IS strftime('%Y-%m-%dT%H:%M:%SZ', resolved_at)),
    PRIMARY KEY (review_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX review_reports_user_idx ON review_reports (user_id);

CREATE TABLE wishlist_items (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    book_id  INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
             CHECK (added_at IS strftime('%Y-%m-%dT%H:%M:%SZ', added_at)),
    PRIMARY KEY (user_id, book_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX wishlist_items_added_idx ON wishlist_items (user_id, added_at);
CREATE INDEX wishlist_items_book_idx ON wishlist_items (book_id);
