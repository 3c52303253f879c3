/* library.c (store): the SQL of owned books, positions, annotations, wishlists and reviews. */
#include "store/library.h"

#include <stdlib.h>

#define HAS_SAMPLE                                                                                 \
    "EXISTS (SELECT 1 FROM files f WHERE f.book_id = b.id AND f.kind = 'sample' "                 \
    "AND f.status = 'ready')"
#define ENTRY_COLS                                                                                 \
    STORE_BOOK_SUMMARY ", l.source, l.progress, l.position, l.position_device, l.last_read_at, "  \
                       "l.added_at, l.downloads, (SELECT rp.device_name FROM reading_positions "   \
                       "rp WHERE rp.user_id = l.user_id AND rp.book_id = l.book_id "               \
                       "AND rp.device_id = l.position_device), " HAS_SAMPLE " "
#define ENTRY_FROM                                                                                 \
    "FROM library_entries l JOIN books b ON b.id = l.book_id "                                     \
    "WHERE l.user_id = $1 AND l.revoked_at IS NULL "
#define PAGE " LIMIT $2 OFFSET $3"

/* The orders follow the live-entry indexes of migration 0008: the page is read, not sorted. */
static const char SQL_LIB_BY_LAST_READ[] =
    "SELECT " ENTRY_COLS ENTRY_FROM
    "ORDER BY l.last_read_at DESC NULLS LAST, l.added_at DESC, l.book_id DESC" PAGE;
static const char SQL_LIB_BY_ADDED[] =
    "SELECT " ENTRY_COLS ENTRY_FROM "ORDER BY l.added_at DESC, l.book_id DESC" PAGE;
static const char SQL_LIB_BY_TITLE[] =
    "SELECT " ENTRY_COLS ENTRY_FROM "ORDER BY b.title, b.id" PAGE;
static const char SQL_LIB_STARTED[] =
    "SELECT " ENTRY_COLS ENTRY_FROM "AND l.progress > 0 AND l.progress < 0.995 "
    "ORDER BY l.last_read_at DESC NULLS LAST, l.added_at DESC, l.book_id DESC" PAGE;
static const char SQL_LIB_COUNT[] =
    "SELECT count(*) FROM library_entries l WHERE l.user_id = $1 AND l.revoked_at IS NULL";
static const char SQL_LIB_COUNT_STARTED[] =
    "SELECT count(*) FROM library_entries l WHERE l.user_id = $1 AND l.revoked_at IS NULL "
    "AND l.progress > 0 AND l.progress < 0.995";
static const char SQL_LIB_ONE[] =
    "SELECT " ENTRY_COLS ENTRY_FROM "AND l.book_id = $2";
static const char SQL_LIB_CLAIM[] =
    "INSERT INTO library_entries (user_id, book_id, source) VALUES ($1, $2, 'free') "
    "ON CONFLICT (user_id, book_id) DO UPDATE SET revoked_at = NULL, source = 'free' "
    "WHERE library_entries.revoked_at IS NOT NULL RETURNING user_id";
static const char SQL_LIB_DEVICE[] =
    "INSERT INTO reading_positions (user_id, book_id, device_id, device_name, position, "
    "progress, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (user_id, book_id, device_id) DO UPDATE SET device_name = excluded.device_name, "
    "position = excluded.position, progress = excluded.progress, updated_at = excluded.updated_at";
static const char SQL_LIB_POSITION[] =
    "UPDATE library_entries SET position = $3, progress = $4, position_device = $5, "
    "last_read_at = $6 WHERE user_id = $1 AND book_id = $2 AND revoked_at IS NULL";
static const char SQL_LIB_DEVICES[] =
    "SELECT device_id, device_name, position, progress, updated_at FROM reading_positions "
    "WHERE user_id = $1 AND book_id = $2 ORDER BY updated_at DESC, device_id LIMIT 20";
static const char SQL_LIB_HAS_SAMPLE[] = "SELECT " HAS_SAMPLE " FROM books b WHERE b.id = $1";
static const char SQL_LIB_DOWNLOAD[] =
    "UPDATE library_entries SET downloads = downloads + 1 WHERE user_id = $1 AND book_id = $2";
static const char SQL_BOOK_PRICE[] =
    "SELECT price_cents, CASE WHEN status = 'published' THEN 1 ELSE 0 END FROM books "
    "WHERE id = $1";

static const char SQL_ANN_LIST[] =
    "SELECT id, kind, position, text, note, color, created_at, updated_at FROM annotations "
    "WHERE user_id = $1 AND book_id = $2 ORDER BY created_at, id";
static const char SQL_ANN_INSERT[] =
    "INSERT INTO annotations (user_id, book_id, kind, position, text, note, color) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
static const char SQL_ANN_UPDATE[] =
    "UPDATE annotations SET note = CASE WHEN $4 = 1 THEN CAST($3 AS TEXT) ELSE note END, "
    "color = COALESCE(CAST($5 AS TEXT), color), updated_at = $6 WHERE id = $2 AND user_id = $1";
static const char SQL_ANN_DELETE[] = "DELETE FROM annotations WHERE id = $2 AND user_id = $1";

static const char SQL_WISH_LIST[] =
    "SELECT " STORE_BOOK_SUMMARY " FROM wishlist_items w JOIN books b ON b.id = w.book_id "
    "WHERE w.user_id = $1 AND b.status = 'published' ORDER BY w.added_at DESC, b.id DESC" PAGE;
static const char SQL_WISH_COUNT[] =
    "SELECT count(*) FROM wishlist_items w JOIN books b ON b.id = w.book_id "
    "WHERE w.user_id = $1 AND b.status = 'published'";
static const char SQL_WISH_ADD[] = "INSERT INTO wishlist_items (user_id, book_id) VALUES ($1, $2) "
                                   "ON CONFLICT (user_id, book_id) DO NOTHING";
static const char SQL_WISH_REMOVE[] =
    "DELETE FROM wishlist_items WHERE user_id = $1 AND book_id = $2";

#define REVIEW_COLS                                                                                \
    "r.id, r.user_id, r.book_id, r.rating, r.title, r.body, u.display_name, r.created_at, "       \
    "r.updated_at, r.verified_purchase, r.hidden, r.reported_count "                               \
    "FROM reviews r JOIN users u ON u.id = r.user_id "
static const char SQL_REV_LIST[] = "SELECT " REVIEW_COLS "WHERE r.book_id = $1 AND r.hidden = 0 "
                                   "ORDER BY r.created_at DESC, r.id DESC" PAGE;
static const char SQL_REV_COUNT[] =
    "SELECT count(*) FROM reviews r WHERE r.book_id = $1 AND r.hidden = 0";
static const char SQL_REV_MINE[] = "SELECT " REVIEW_COLS "WHERE r.user_id = $1 AND r.book_id = $2";
static const char SQL_REV_INSERT[] =
    "INSERT INTO reviews (user_id, book_id, rating, title, body, verified_purchase) "
    "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
static const char SQL_REV_UPDATE[] =
    "UPDATE reviews SET rating = $2, title = $3, body = $4, updated_at = $5 WHERE id = $1";
static const char SQL_REV_DELETE[] = "DELETE FROM reviews WHERE id = $1";
static const char SQL_REV_HIDE[] =
    "UPDATE reviews SET hidden = $2 WHERE id = $1 RETURNING book_id";
static const char SQL_REV_VISIBLE[] = "SELECT 1 FROM reviews WHERE id = $1 AND hidden = 0";
static const char SQL_REV_REPORT[] =
    "INSERT INTO review_reports (review_id, user_id, reason) VALUES ($1, $2, $3)";
static const char SQL_REV_REPORTED[] =
    "UPDATE reviews SET reported_count = reported_count + 1 WHERE id = $1";
static const char SQL_REV_RECOUNT[] =
    "UPDATE books SET "
    "rating_count = (SELECT count(*) FROM reviews r WHERE r.book_id = $1 AND r.hidden = 0), "
    "rating_sum = (SELECT COALESCE(sum(r.rating), 0) FROM reviews r "
    "WHERE r.book_id = $1 AND r.hidden = 0), "
    "rating_avg = COALESCE((SELECT avg(r.rating) FROM reviews r "
    "WHERE r.book_id = $1 AND r.hidden = 0), 0) WHERE id = $1";
static const char SQL_REV_VERIFIED[] =
    "SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.user_id = $1 "
    "AND i.book_id = $2 AND o.status IN ('paid', 'refunded')";

static long long count_of(const struct db_result *r)
{
    return r->nrows ? db_get_int(r, 0, 0) : 0;
}

/* Rows of ENTRY_COLS into entries, with each book's authors. */
static int read_entries(struct ctx *cx, const struct db_result *r, struct library_entry **out,
                        int *n)
{
    struct book *books;
    const int base = 13; /* columns of STORE_BOOK_SUMMARY */

    store_books_read_summaries(cx, r, &books, n);
    int rc = store_books_load_authors(cx, books, *n);
    if (rc != 0)
        return rc;
    *out = arena_zalloc(cx->arena, sizeof(**out) * (size_t)(*n + 1));
    for (int i = 0; i < *n; i++) {
        struct library_entry *e = &(*out)[i];
        e->book = books[i];
        e->source = db_get(r, i, base);
        e->progress = atof(db_get(r, i, base + 1) ? db_get(r, i, base + 1) : "0");
        e->position = db_get(r, i, base + 2);
        e->position_device = db_get(r, i, base + 3);
        e->last_read_at = db_get(r, i, base + 4);
        e->added_at = db_get(r, i, base + 5);
        e->downloads = db_get_int(r, i, base + 6);
        e->position_device_name = db_get(r, i, base + 7);
        e->book_has_sample = db_get_bool(r, i, base + 8);
    }
    return 0;
}

int store_library_list(struct ctx *cx, long long user_id, enum library_sort sort, int limit,
                       long long offset, bool started_only, struct library_entry **items, int *n,
                       long long *total)
{
    static const char *const by_sort[] = {SQL_LIB_BY_LAST_READ, SQL_LIB_BY_ADDED,
                                          SQL_LIB_BY_TITLE};
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(limit), DBP_INT(offset)};
    struct db_result *r, *c;
    int rc = cx_query(cx, started_only ? SQL_LIB_STARTED : by_sort[sort], p, 3, &r);

    if (rc == 0)
        rc = cx_query(cx, started_only ? SQL_LIB_COUNT_STARTED : SQL_LIB_COUNT, p, 1, &c);
    if (rc != 0)
        return rc;
    *total = count_of(c);
    return read_entries(cx, r, items, n);
}

int store_library_find(struct ctx *cx, long long user_id, long long book_id,
                       struct library_entry *out)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    struct library_entry *items;
    int n;
    int rc = cx_query(cx, SQL_LIB_ONE, p, 2, &r);

    if (rc == 0 && r->nrows == 0)
        return ERR_NOT_FOUND;
    if (rc == 0 && (rc = read_entries(cx, r, &items, &n)) == 0)
        *out = items[0];
    return rc;
}

int store_library_claim(struct ctx *cx, long long user_id, long long book_id, bool *added)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_LIB_CLAIM, p, 2, &r);

    if (rc == 0)
        *added = r->nrows > 0;
    return rc;
}

int store_library_save_position(struct ctx *cx, long long user_id, long long book_id,
                                const char *device, const char *device_name,
                                const char *position, double progress, const char *now)
{
    struct db_param d[] = {DBP_INT(user_id),  DBP_INT(book_id),    DBP_TEXT(device),
                           DBP_TEXT(device_name), DBP_TEXT(position), DBP_REAL(progress),
                           DBP_TEXT(now)};
    struct db_param e[] = {DBP_INT(user_id),    DBP_INT(book_id), DBP_TEXT(position),
                           DBP_REAL(progress), DBP_TEXT(device), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_LIB_POSITION, e, 6, &r);

    if (rc == 0 && r->changes == 0)
        return ERR_NOT_FOUND;
    return rc ? rc : cx_query(cx, SQL_LIB_DEVICE, d, 7, NULL);
}

int store_library_positions(struct ctx *cx, long long user_id, long long book_id,
                            struct reading_position **items, int *n)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_LIB_DEVICES, p, 2, &r);

    if (rc != 0)
        return rc;
    *n = r->nrows;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++) {
        struct reading_position *d = &(*items)[i];
        d->device_id = db_get(r, i, 0);
        d->device_name = db_get(r, i, 1);
        d->position = db_get(r, i, 2);
        d->progress = atof(db_get(r, i, 3) ? db_get(r, i, 3) : "0");
        d->updated_at = db_get(r, i, 4);
    }
    return 0;
}

int store_library_has_sample(struct ctx *cx, long long book_id, bool *yes)
{
    struct db_param p[] = {DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_LIB_HAS_SAMPLE, p, 1, &r);

    *yes = rc == 0 && db_get_bool(r, 0, 0);
    return rc;
}

int store_library_count_download(struct ctx *cx, long long user_id, long long book_id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};

    return cx_query(cx, SQL_LIB_DOWNLOAD, p, 2, NULL);
}

int store_library_book_price(struct ctx *cx, long long book_id, long long *price_cents,
                             bool *published)
{
    struct db_param p = DBP_INT(book_id);
    struct db_result *r;
    int rc = cx_query(cx, SQL_BOOK_PRICE, &p, 1, &r);

    if (rc == 0 && r->nrows == 0)
        return ERR_NOT_FOUND;
    if (rc == 0) {
        *price_cents = db_get_int(r, 0, 0);
        *published = db_get_int(r, 0, 1) == 1;
    }
    return rc;
}

int store_annotations_list(struct ctx *cx, long long user_id, long long book_id,
                           struct annotation **items, int *n)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_ANN_LIST, p, 2, &r);

    if (rc != 0)
        return rc;
    *n = r->nrows;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++) {
        struct annotation *a = &(*items)[i];
        a->id = db_get_int(r, i, 0);
        a->kind = db_get(r, i, 1);
        a->position = db_get(r, i, 2);
        a->text = db_get(r, i, 3);
        a->note = db_get(r, i, 4);
        a->color = db_get(r, i, 5);
        a->created_at = db_get(r, i, 6);
        a->updated_at = db_get(r, i, 7);
    }
    return 0;
}

int store_annotations_insert(struct ctx *cx, long long user_id, long long book_id,
                             const struct annotation *a, long long *id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id), DBP_TEXT(a->kind),
                           DBP_TEXT(a->position), DBP_TEXT(a->text), DBP_TEXT(a->note),
                           DBP_TEXT(a->color)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_ANN_INSERT, p, 7, &r);

    if (rc == 0)
        *id = db_get_int(r, 0, 0);
    return rc;
}

int store_annotations_update(struct ctx *cx, long long user_id, long long id, const char *note,
                             bool set_note, const char *color, const char *now)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(id),     DBP_TEXT(note),
                           DBP_INT(set_note), DBP_TEXT(color), DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_ANN_UPDATE, p, 6, &r);

    return rc ? rc : r->changes ? 0 : ERR_NOT_FOUND;
}

int store_annotations_delete(struct ctx *cx, long long user_id, long long id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_ANN_DELETE, p, 2, &r);

    return rc ? rc : r->changes ? 0 : ERR_NOT_FOUND;
}

int store_wishlist_list(struct ctx *cx, long long user_id, int limit, long long offset,
                        struct book **items, int *n, long long *total)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(limit), DBP_INT(offset)};
    struct db_result *r, *c;
    int rc = cx_query(cx, SQL_WISH_LIST, p, 3, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_WISH_COUNT, p, 1, &c);
    if (rc != 0)
        return rc;
    *total = count_of(c);
    store_books_read_summaries(cx, r, items, n);
    return store_books_load_authors(cx, *items, *n);
}

int store_wishlist_add(struct ctx *cx, long long user_id, long long book_id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};

    return cx_query(cx, SQL_WISH_ADD, p, 2, NULL);
}

int store_wishlist_remove(struct ctx *cx, long long user_id, long long book_id)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};

    return cx_query(cx, SQL_WISH_REMOVE, p, 2, NULL);
}

static void read_review(const struct db_result *r, int i, struct review *out)
{
    out->id = db_get_int(r, i, 0);
    out->user_id = db_get_int(r, i, 1);
    out->book_id = db_get_int(r, i, 2);
    out->rating = (int)db_get_int(r, i, 3);
    out->title = db_get(r, i, 4);
    out->body = db_get(r, i, 5);
    out->author_name = db_get(r, i, 6);
    out->created_at = db_get(r, i, 7);
    out->updated_at = db_get(r, i, 8);
    out->verified = db_get_int(r, i, 9) != 0;
    out->hidden = db_get_int(r, i, 10) != 0;
    out->reported = db_get_int(r, i, 11);
}

int store_reviews_list(struct ctx *cx, long long book_id, int limit, long long offset,
                       struct review **items, int *n, long long *total)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_INT(limit), DBP_INT(offset)};
    struct db_result *r, *c;
    int rc = cx_query(cx, SQL_REV_LIST, p, 3, &r);

    if (rc == 0)
        rc = cx_query(cx, SQL_REV_COUNT, p, 1, &c);
    if (rc != 0)
        return rc;
    *total = count_of(c);
    *n = r->nrows;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        read_review(r, i, &(*items)[i]);
    return 0;
}

int store_reviews_find_mine(struct ctx *cx, long long user_id, long long book_id,
                            struct review *out)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_REV_MINE, p, 2, &r);

    if (rc == 0 && r->nrows == 0)
        return ERR_NOT_FOUND;
    if (rc == 0)
        read_review(r, 0, out);
    return rc;
}

int store_reviews_insert(struct ctx *cx, const struct review *rv, long long *id)
{
    struct db_param p[] = {DBP_INT(rv->user_id), DBP_INT(rv->book_id), DBP_INT(rv->rating),
                           DBP_TEXT(rv->title), DBP_TEXT(rv->body), DBP_INT(rv->verified)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_REV_INSERT, p, 6, &r);

    if (rc == 0)
        *id = db_get_int(r, 0, 0);
    return rc;
}

int store_reviews_update(struct ctx *cx, long long id, int rating, const char *title,
                         const char *body, const char *now)
{
    struct db_param p[] = {DBP_INT(id), DBP_INT(rating), DBP_TEXT(title), DBP_TEXT(body),
                           DBP_TEXT(now)};

    return cx_query(cx, SQL_REV_UPDATE, p, 5, NULL);
}

int store_reviews_delete(struct ctx *cx, long long id)
{
    struct db_param p = DBP_INT(id);

    return cx_query(cx, SQL_REV_DELETE, &p, 1, NULL);
}

int store_reviews_set_hidden(struct ctx *cx, long long id, bool hidden, long long *book_id)
{
    struct db_param p[] = {DBP_INT(id), DBP_INT(hidden)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_REV_HIDE, p, 2, &r);

    if (rc == 0 && r->nrows == 0)
        return ERR_NOT_FOUND;
    if (rc == 0)
        *book_id = db_get_int(r, 0, 0);
    return rc;
}

int store_reviews_report(struct ctx *cx, long long review_id, long long user_id,
                         const char *reason)
{
    struct db_param p[] = {DBP_INT(review_id), DBP_INT(user_id), DBP_TEXT(reason)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_REV_VISIBLE, p, 1, &r);

    if (rc == 0 && r->nrows == 0)
        return ERR_NOT_FOUND;
    if (rc == 0)
        rc = cx_query(cx, SQL_REV_REPORT, p, 3, NULL);

    return rc ? rc : cx_query(cx, SQL_REV_REPORTED, p, 1, NULL);
}

int store_reviews_recount(struct ctx *cx, long long book_id)
{
    struct db_param p = DBP_INT(book_id);

    return cx_query(cx, SQL_REV_RECOUNT, &p, 1, NULL);
}

int store_reviews_verified(struct ctx *cx, long long user_id, long long book_id, bool *yes)
{
    struct db_param p[] = {DBP_INT(user_id), DBP_INT(book_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_REV_VERIFIED, p, 2, &r);

    if (rc == 0)
        *yes = r->nrows > 0;
    return rc;
}
