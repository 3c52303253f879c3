-- 0003_publishing (PostgreSQL twin of 0003_publishing.sqlite.sql): uploaded files.

-- Every object a book has in storage: manuscript, cover and sample uploads (one row per
-- version) and the thumbnails made from a cover (parent_id = the cover's row).
-- status: pending (upload target handed out, nothing visible), ready (validated and
-- current), failed (validation refused it; error says why), superseded (an older
-- version). At most one ready manuscript, cover and sample per book: to replace one,
-- mark the old row superseded BEFORE marking the new one ready, in one transaction.
-- storage_key is made by the server; original_name is for display only.
CREATE TABLE files (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    book_id       BIGINT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    parent_id     BIGINT REFERENCES files (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('manuscript', 'cover', 'sample', 'thumbnail')),
    status        TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'ready', 'failed', 'superseded')),
    version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    storage_key   TEXT NOT NULL UNIQUE,
    original_name TEXT,
    content_type  TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL CHECK (size_bytes >= 0),
    sha256        TEXT CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    width         INTEGER CHECK (width > 0),
    height        INTEGER CHECK (height > 0),
    page_count    INTEGER CHECK (page_count > 0),
    metadata_json TEXT,
    error         TEXT,
    expires_at    utc_time,
    created_by    BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at    utc_time NOT NULL DEFAULT utc_now(),
    completed_at  utc_time,
    CHECK ((kind = 'thumbnail') = (parent_id IS NOT NULL)),
    CHECK (status <> 'ready' OR (sha256 IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE INDEX files_book_idx ON files (book_id, kind, status);
CREATE UNIQUE INDEX files_current_key ON files (book_id, kind)
    WHERE status = 'ready' AND kind <> 'thumbnail';
CREATE UNIQUE INDEX files_version_key ON files (book_id, kind, version) WHERE kind <> 'thumbnail';
CREATE UNIQUE INDEX files_thumbnail_key ON files (parent_id, width, content_type)
    WHERE kind = 'thumbnail';
CREATE INDEX files_pending_idx ON files (expires_at) WHERE status = 'pending';
