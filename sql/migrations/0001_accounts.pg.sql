-- 0001_accounts (PostgreSQL twin of 0001_accounts.sqlite.sql): users, sessions, e-mail, audit.
-- Conventions shared by every migration are in sql/README.md. Keep the twins in step:
-- same tables, columns, defaults, constraints and index names.

-- Times are TEXT in RFC 3339 UTC with whole seconds ('2025-01-31T23:59:59Z') on both
-- dialects, so they sort and compare as text and one SQL text serves both databases.
CREATE DOMAIN utc_time AS TEXT COLLATE "C"
    CHECK (VALUE ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$');

-- The current time in that format (column defaults; SQLite uses strftime instead).
CREATE FUNCTION utc_now() RETURNS text LANGUAGE sql STABLE
    AS $$SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')$$;

CREATE TABLE users (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               TEXT COLLATE "C" NOT NULL
                        CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
    email_verified      SMALLINT NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1)),
    display_name        TEXT COLLATE "C" NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    bio                 TEXT,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL DEFAULT 'reader' CHECK (role IN ('reader', 'author', 'admin')),
    disabled            SMALLINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at          utc_time NOT NULL DEFAULT utc_now(),
    updated_at          utc_time NOT NULL DEFAULT utc_now(),
    password_changed_at utc_time NOT NULL DEFAULT utc_now(),
    last_login_at       utc_time
);
-- Case-insensitive uniqueness (ASCII folding on both dialects: see sql/README.md).
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_created_at_idx ON users (created_at);

-- Refresh tokens: only the SHA-256 (lower-case hex) of the token is stored. A rotation
-- revokes the old row and points replaced_by at the new one; all rows of one sign-in
-- share family_id, so presenting a rotated token revokes the whole family.
CREATE TABLE refresh_tokens (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   TEXT NOT NULL CHECK (length(family_id) BETWEEN 1 AND 64),
    token_hash  TEXT NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  utc_time NOT NULL DEFAULT utc_now(),
    expires_at  utc_time NOT NULL,
    revoked_at  utc_time,
    replaced_by BIGINT REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    user_agent  TEXT,
    ip          TEXT
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

-- Single-use e-mail verification and password-reset tokens, stored hashed.
CREATE TABLE email_tokens (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
    token_hash TEXT NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    email      TEXT NOT NULL,
    created_at utc_time NOT NULL DEFAULT utc_now(),
    expires_at utc_time NOT NULL,
    used_at    utc_time
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id, purpose);

-- Outgoing mail. next_attempt_at doubles as a lease: a sender claims a row by moving it
-- into the future with a conditional UPDATE, so several server processes can drain it.
CREATE TABLE outbox_emails (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         BIGINT REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    next_attempt_at utc_time NOT NULL DEFAULT utc_now(),
    created_at      utc_time NOT NULL DEFAULT utc_now(),
    sent_at         utc_time
);
CREATE INDEX outbox_emails_due_idx ON outbox_emails (status, next_attempt_at);
CREATE INDEX outbox_emails_user_idx ON outbox_emails (user_id);

-- Admin actions. Append-only history: actor_user_id has no foreign key on purpose, so
-- deleting an account never rewrites or loses the record (ids are never reused).
CREATE TABLE audit_log (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_user_id BIGINT,
    action        TEXT NOT NULL,
    target_type   TEXT NOT NULL,
    target_id     TEXT,
    before_json   TEXT,
    after_json    TEXT,
    ip            TEXT,
    request_id    TEXT,
    created_at    utc_time NOT NULL DEFAULT utc_now()
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id);
