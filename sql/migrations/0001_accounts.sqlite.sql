-- 0001_accounts (SQLite twin of 0001_accounts.pg.sql): users, sessions, e-mail, audit.
-- Conventions shared by every migration are in sql/README.md. Keep the twins in step:
-- same tables, columns, defaults, constraints and index names.
--
-- Tables are STRICT (types enforced, as on PostgreSQL) and ids are AUTOINCREMENT (never
-- reused, as with PostgreSQL identities). Times are TEXT in RFC 3339 UTC with whole
-- seconds; the CHECK "x IS strftime(fmt, x)" accepts exactly that form, or NULL.

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    email               TEXT NOT NULL
                        CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    email_verified      INTEGER NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1)),
    display_name        TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    bio                 TEXT,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL DEFAULT 'reader' CHECK (role IN ('reader', 'author', 'admin')),
    disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                        CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at)),
    password_changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                        CHECK (password_changed_at IS strftime('%Y-%m-%dT%H:%M:%SZ', password_changed_at)),
    last_login_at       TEXT CHECK (last_login_at IS strftime('%Y-%m-%dT%H:%M:%SZ', last_login_at))
) STRICT;
-- Case-insensitive uniqueness (ASCII folding on both dialects: see sql/README.md).
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_created_at_idx ON users (created_at);

-- Refresh tokens: only the SHA-256 (lower-case hex) of the token is stored. A rotation
-- revokes the old row and points replaced_by at the new one; all rows of one sign-in
-- share family_id, so presenting a rotated token revokes the whole family.
CREATE TABLE refresh_tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   TEXT NOT NULL CHECK (length(family_id) BETWEEN 1 AND 64),
    token_hash  TEXT NOT NULL UNIQUE
                CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    expires_at  TEXT NOT NULL CHECK (expires_at IS strftime('%Y-%m-%dT%H:%M:%SZ', expires_at)),
    revoked_at  TEXT CHECK (revoked_at IS strftime('%Y-%m-%dT%H:%M:%SZ', revoked_at)),
    replaced_by INTEGER REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    user_agent  TEXT,
    ip          TEXT
) STRICT;
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- Single-use e-mail verification and password-reset tokens, stored hashed.
CREATE TABLE email_tokens (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
    token_hash TEXT NOT NULL UNIQUE
               CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    email      TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
               CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    expires_at TEXT NOT NULL CHECK (expires_at IS strftime('%Y-%m-%dT%H:%M:%SZ', expires_at)),
    used_at    TEXT CHECK (used_at IS strftime('%Y-%m-%dT%H:%M:%SZ', used_at))
) STRICT;
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);

-- Outgoing mail. next_attempt_at doubles as a lease: a sender claims a row by moving it
-- into the future with a conditional UPDATE, so several server processes can drain it.
CREATE TABLE outbox_emails (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    CHECK (next_attempt_at IS strftime('%Y-%m-%dT%H:%M:%SZ', next_attempt_at)),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    sent_at         TEXT CHECK (sent_at IS strftime('%Y-%m-%dT%H:%M:%SZ', sent_at))
) STRICT;
CREATE INDEX outbox_emails_due_idx ON outbox_emails (status, next_attempt_at);
CREATE INDEX outbox_emails_user_idx ON outbox_emails (user_id);

-- Admin actions. Append-only history: actor_user_id has no foreign key on purpose, so
-- deleting an account never rewrites or loses the record (ids are never reused).
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_user_id INTEGER,
    action        TEXT NOT NULL,
    target_type   TEXT NOT NULL,
    target_id     TEXT,
    before_json   TEXT,
    after_json    TEXT,
    ip            TEXT,
    request_id    TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                  CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at))
) STRICT;
CREATE INDEX audit_log_created_idx ON audit_log (created_at);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id);
