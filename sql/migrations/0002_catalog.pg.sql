-- 0002_catalog (PostgreSQL twin of 0002_catalog.sqlite.sql): authors, publishers,
-- categories, books and their joins, and per-day counters for trending and dashboards.
-- Full-text search comes in a later migration.

-- Slugs: lower-case ASCII words joined by single hyphens, with at least one letter, so a
-- slug can never be mistaken for a numeric id in /api/books/{id or slug}.
CREATE TABLE authors (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    name       TEXT COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug       TEXT NOT NULL UNIQUE
               CHECK (length(slug) <= 200 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND slug ~ '[a-z]'),
    bio        TEXT,
    photo_key  TEXT,
    website    TEXT,
    created_at utc_time NOT NULL DEFAULT utc_now(),
    updated_at utc_time NOT NULL DEFAULT utc_now()
);
CREATE INDEX authors_name_idx ON authors (name);

CREATE TABLE publishers (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug        TEXT NOT NULL UNIQUE
                CHECK (length(slug) <= 200 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND slug ~ '[a-z]'),
    description TEXT,
    website     TEXT,
    created_at  utc_time NOT NULL DEFAULT utc_now(),
    updated_at  utc_time NOT NULL DEFAULT utc_now()
);

-- Nested genres. A parent with children cannot be deleted; position orders siblings.
CREATE TABLE categories (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id   BIGINT REFERENCES categories (id) ON DELETE RESTRICT,
    name        TEXT COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    slug        TEXT NOT NULL UNIQUE
                CHECK (length(slug) <= 200 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND slug ~ '[a-z]'),
    description TEXT,
    position    INTEGER NOT NULL DEFAULT 0,
    created_at  utc_time NOT NULL DEFAULT utc_now(),
    updated_at  utc_time NOT NULL DEFAULT utc_now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX categories_parent_idx ON categories (parent_id, position);

-- Books. status: draft (never published, or unpublished: published_at stays set),
-- published, deleted (soft delete; rows that were sold are never removed).
-- isbn is the normalized ISBN-13 (13 digits, ISBN-10 converted by the application).
-- rating_sum / rating_count are the exact aggregate of visible reviews; rating_avg is
-- rating_sum / rating_count (0 when there are none), kept for sorting.
CREATE TABLE books (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE
                    CHECK (length(slug) <= 200 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND slug ~ '[a-z]'),
    title           TEXT COLLATE "C" NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    subtitle        TEXT,
    description     TEXT,
    language        TEXT NOT NULL DEFAULT 'en' CHECK (length(language) BETWEEN 2 AND 35),
    isbn            TEXT CHECK (isbn ~ '^[0-9]{13}$'),
    page_count      INTEGER CHECK (page_count > 0),
    price_cents     BIGINT NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
    currency        TEXT NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    format          TEXT CHECK (format IN ('epub', 'pdf')),
    publisher_id    BIGINT REFERENCES publishers (id) ON DELETE SET NULL,
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'deleted')),
    featured        SMALLINT NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
    cover_key       TEXT,
    published_at    utc_time,
    deleted_at      utc_time,
    views_count     BIGINT NOT NULL DEFAULT 0 CHECK (views_count >= 0),
    purchases_count BIGINT NOT NULL DEFAULT 0 CHECK (purchases_count >= 0),
    rating_count    INTEGER NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    rating_sum      INTEGER NOT NULL DEFAULT 0 CHECK (rating_sum BETWEEN rating_count AND 5 * rating_count),
    rating_avg      DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (rating_avg BETWEEN 0 AND 5),
    created_by      BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      utc_time NOT NULL DEFAULT utc_now(),
    updated_at      utc_time NOT NULL DEFAULT utc_now(),
    CHECK ((status = 'deleted') = (deleted_at IS NOT NULL)),
    CHECK (status <> 'published' OR (published_at IS NOT NULL AND format IS NOT NULL))
);
CREATE UNIQUE INDEX books_isbn_key ON books (isbn) WHERE status <> 'deleted';
-- Catalog lists. Partial indexes are used only when the query says status = 'published'
-- literally (not through a parameter). Ascending indexes serve DESC scans too.
CREATE INDEX books_published_idx ON books (published_at, id) WHERE status = 'published';
CREATE INDEX books_featured_idx ON books (published_at, id) WHERE status = 'published' AND featured = 1;
CREATE INDEX books_popular_idx ON books (purchases_count, id) WHERE status = 'published';
CREATE INDEX books_rating_idx ON books (rating_avg, id) WHERE status = 'published';
CREATE INDEX books_price_idx ON books (price_cents, id) WHERE status = 'published';
CREATE INDEX books_title_idx ON books (title, id) WHERE status = 'published';
CREATE INDEX books_publisher_idx ON books (publisher_id);
CREATE INDEX books_created_by_idx ON books (created_by);

-- Authors of a book, in display order. An author who has books cannot be deleted.
CREATE TABLE book_authors (
    book_id   BIGINT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    role      TEXT NOT NULL DEFAULT 'author'
              CHECK (role IN ('author', 'editor', 'translator', 'illustrator', 'contributor')),
    PRIMARY KEY (book_id, author_id)
);
CREATE INDEX book_authors_author_idx ON book_authors (author_id, book_id);

CREATE TABLE book_categories (
    book_id     BIGINT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    PRIMARY KEY (book_id, category_id)
);
CREATE INDEX book_categories_category_idx ON book_categories (category_id, book_id);

-- One row per book and UTC day ('YYYY-MM-DD'), written in batches by the view counter
-- and by fulfilment. Trending = decayed sum over the last 7 days; dashboards chart it.
-- Money is in the book's currency; refunds are counted on the day they happen.
CREATE TABLE book_daily_stats (
    book_id        BIGINT NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    day            TEXT COLLATE "C" NOT NULL
                   CHECK (day ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
    views          BIGINT NOT NULL DEFAULT 0 CHECK (views >= 0),
    purchases      INTEGER NOT NULL DEFAULT 0 CHECK (purchases >= 0),
    revenue_cents  BIGINT NOT NULL DEFAULT 0 CHECK (revenue_cents >= 0),
    refunds        INTEGER NOT NULL DEFAULT 0 CHECK (refunds >= 0),
    refunded_cents BIGINT NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    PRIMARY KEY (book_id, day)
);
CREATE INDEX book_daily_stats_day_idx ON book_daily_stats (day, book_id);
