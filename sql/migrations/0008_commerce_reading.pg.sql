-- 0008_commerce_reading: the library listing walks an index in its own order and stops at the
-- page, instead of sorting every entry a reader owns (a reader with 1,000 books paid for 1,000
-- rows, their subqueries and a sort per page). Partial on live entries, so the count of a
-- library is an index-only scan.
CREATE INDEX library_entries_live_read_idx
    ON library_entries (user_id, last_read_at DESC NULLS LAST, added_at DESC, book_id DESC)
    WHERE revoked_at IS NULL;
CREATE INDEX library_entries_live_added_idx
    ON library_entries (user_id, added_at DESC, book_id DESC)
    WHERE revoked_at IS NULL;
DROP INDEX library_entries_last_read_idx;
DROP INDEX library_entries_added_idx;
