-- 0004_commerce (SQLite twin of 0004_commerce.pg.sql): coupons, carts, orders,
-- payments and processed payment events.

-- Coupons. code is ASCII and unique case-insensitively. percent: amount is 1..100;
-- fixed: amount is in cents of currency. Redeem with a guarded UPDATE
-- (... SET redemptions = redemptions + 1 WHERE id = $1 AND (max_redemptions IS NULL OR
-- redemptions < max_redemptions)); the CHECK below is the backstop.
CREATE TABLE coupons (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    code            TEXT NOT NULL
                    CHECK (length(code) BETWEEN 1 AND 64 AND code NOT GLOB '*[^A-Za-z0-9_-]*'),
    kind            TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
    amount          INTEGER NOT NULL CHECK (amount > 0),
    currency        TEXT CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
    starts_at       TEXT CHECK (starts_at IS strftime('%Y-%m-%dT%H:%M:%SZ', starts_at)),
    ends_at         TEXT CHECK (ends_at IS strftime('%Y-%m-%dT%H:%M:%SZ', ends_at)),
    max_redemptions INTEGER CHECK (max_redemptions > 0),
    redemptions     INTEGER NOT NULL DEFAULT 0 CHECK (redemptions >= 0),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_by      INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at)),
    CHECK (kind <> 'percent' OR amount <= 100),
    CHECK ((kind = 'fixed') = (currency IS NOT NULL)),
    CHECK (max_redemptions IS NULL OR redemptions <= max_redemptions),
    CHECK (starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at)
) STRICT;
CREATE UNIQUE INDEX coupons_code_key ON coupons (lower(code));

-- When a coupon has rows here it applies only to these books.
CREATE TABLE coupon_books (
    coupon_id INTEGER NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
    book_id   INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    PRIMARY KEY (coupon_id, book_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX coupon_books_book_idx ON coupon_books (book_id);

-- A signed-in user's cart: cart-level state (the coupon) in carts, one row per book in
-- cart_items (e-books: no quantities). A cart_items row needs no carts row.
CREATE TABLE carts (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    coupon_id  INTEGER REFERENCES coupons (id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
               CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at))
) STRICT;
CREATE INDEX carts_coupon_idx ON carts (coupon_id);

CREATE TABLE cart_items (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    book_id  INTEGER NOT NULL REFERENCES books (id) ON DELETE CASCADE,
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
             CHECK (added_at IS strftime('%Y-%m-%dT%H:%M:%SZ', added_at)),
    PRIMARY KEY (user_id, book_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX cart_items_book_idx ON cart_items (book_id);

-- Orders. Prices are copied at checkout; nothing here follows later price changes.
-- number is the human-friendly reference made by the application (retry on conflict).
-- user_id and email become NULL when the account is deleted; the order stays.
-- provider is NULL only for orders with nothing to pay (free books, 100 % coupons).
CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    number              TEXT NOT NULL UNIQUE CHECK (length(number) BETWEEN 4 AND 32),
    user_id             INTEGER REFERENCES users (id) ON DELETE SET NULL,
    email               TEXT,
    status              TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'paid', 'refunded', 'cancelled', 'expired', 'failed')),
    currency            TEXT NOT NULL DEFAULT 'USD'
                        CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
    subtotal_cents      INTEGER NOT NULL CHECK (subtotal_cents >= 0),
    discount_cents      INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents BETWEEN 0 AND subtotal_cents),
    total_cents         INTEGER NOT NULL CHECK (total_cents = subtotal_cents - discount_cents),
    coupon_id           INTEGER REFERENCES coupons (id) ON DELETE SET NULL,
    coupon_code         TEXT,
    provider            TEXT CHECK (provider IN ('dev', 'stripe')),
    provider_session_id TEXT,
    payment_intent_id   TEXT,
    checkout_url        TEXT,
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                        CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                        CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at)),
    paid_at             TEXT CHECK (paid_at IS strftime('%Y-%m-%dT%H:%M:%SZ', paid_at)),
    refunded_at         TEXT CHECK (refunded_at IS strftime('%Y-%m-%dT%H:%M:%SZ', refunded_at)),
    closed_at           TEXT CHECK (closed_at IS strftime('%Y-%m-%dT%H:%M:%SZ', closed_at)),
    CHECK (provider IS NOT NULL OR total_cents = 0),
    CHECK (status NOT IN ('paid', 'refunded') OR paid_at IS NOT NULL),
    CHECK (status <> 'refunded' OR refunded_at IS NOT NULL),
    UNIQUE (provider, provider_session_id),
    UNIQUE (provider, payment_intent_id)
) STRICT;
CREATE INDEX orders_user_idx ON orders (user_id, created_at);
CREATE INDEX orders_status_idx ON orders (status, created_at);
CREATE INDEX orders_coupon_idx ON orders (coupon_id);

-- Order lines: title and price as they were at checkout. A sold book cannot be deleted.
CREATE TABLE order_items (
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    book_id          INTEGER NOT NULL REFERENCES books (id) ON DELETE RESTRICT,
    title            TEXT NOT NULL,
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
    discount_cents   INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents BETWEEN 0 AND unit_price_cents),
    currency         TEXT NOT NULL CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
    PRIMARY KEY (order_id, book_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX order_items_book_idx ON order_items (book_id);

-- Money movements reported by a provider: charges and refunds. provider_ref is the
-- provider's id (Stripe payment intent or refund id; the dev checkout makes its own).
CREATE TABLE payments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
    provider     TEXT NOT NULL CHECK (provider IN ('dev', 'stripe')),
    kind         TEXT NOT NULL DEFAULT 'charge' CHECK (kind IN ('charge', 'refund')),
    provider_ref TEXT,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    currency     TEXT NOT NULL CHECK (length(currency) = 3 AND currency NOT GLOB '*[^A-Z]*'),
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                 CHECK (created_at IS strftime('%Y-%m-%dT%H:%M:%SZ', created_at)),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                 CHECK (updated_at IS strftime('%Y-%m-%dT%H:%M:%SZ', updated_at)),
    UNIQUE (provider, provider_ref)
) STRICT;
CREATE INDEX payments_order_idx ON payments (order_id);

-- Webhook events, for exactly-once processing: insert the event in the same
-- transaction as its effects (INSERT ... ON CONFLICT (provider, event_id) DO NOTHING
-- RETURNING id: no row back = already handled). An event that arrives before the one
-- it depends on is stored with processed_at NULL and its payload, found again through
-- object_ref (e.g. the payment intent), and processed when its order catches up.
CREATE TABLE payment_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    provider     TEXT NOT NULL CHECK (provider IN ('dev', 'stripe')),
    event_id     TEXT NOT NULL,
    type         TEXT NOT NULL,
    object_ref   TEXT,
    order_id     INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    payload_json TEXT,
    received_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                 CHECK (received_at IS strftime('%Y-%m-%dT%H:%M:%SZ', received_at)),
    processed_at TEXT CHECK (processed_at IS strftime('%Y-%m-%dT%H:%M:%SZ', processed_at)),
    UNIQUE (provider, event_id)
) STRICT;
CREATE INDEX payment_events_order_idx ON payment_events (order_id);
CREATE INDEX payment_events_object_idx ON payment_events (object_ref);
