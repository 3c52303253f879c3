/* files.c (store): the SQL of the files table. */
#include "store/files.h"

#define FILE_COLS                                                                                  \
    "id, book_id, version, size_bytes, COALESCE(width, 0), COALESCE(height, 0), "                  \
    "COALESCE(page_count, 0), kind, status, storage_key, original_name, content_type, sha256, "    \
    "metadata_json, error, expires_at, created_at, completed_at FROM files "

static const char SQL_NEXT_VERSION[] =
    "SELECT COALESCE(max(version), 0) + 1 FROM files WHERE book_id = $1 AND kind = $2";
static const char SQL_INSERT_PENDING[] =
    "INSERT INTO files (book_id, kind, version, storage_key, original_name, content_type, "
    "size_bytes, expires_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
    "RETURNING id, created_at";
static const char SQL_FIND[] = "SELECT " FILE_COLS "WHERE book_id = $1 AND id = $2 "
                               "AND kind <> 'thumbnail'";
static const char SQL_CURRENT[] = "SELECT " FILE_COLS "WHERE book_id = $1 AND kind = $2 "
                                  "AND status = 'ready'";
static const char SQL_LIST[] = "SELECT " FILE_COLS "WHERE book_id = $1 AND kind <> 'thumbnail' "
                               "ORDER BY kind, version DESC, id DESC";
static const char SQL_FAILED[] =
    "UPDATE files SET status = 'failed', error = $2 WHERE id = $1 AND status = 'pending'";
static const char SQL_SUPERSEDE[] =
    "UPDATE files SET status = 'superseded' WHERE book_id = $1 AND kind = $2 "
    "AND status = 'ready'";
static const char SQL_READY[] =
    "UPDATE files SET status = 'ready', sha256 = $2, width = $3, height = $4, page_count = $5, "
    "metadata_json = $6, completed_at = $7, expires_at = NULL WHERE id = $1 "
    "AND status = 'pending'";
static const char SQL_THUMB[] =
    "INSERT INTO files (book_id, parent_id, kind, status, version, storage_key, content_type, "
    "size_bytes, sha256, width, height, created_by, completed_at) "
    "VALUES ($1, $2, 'thumbnail', 'ready', 1, $3, $4, $5, $6, $7, $8, $9, $10)";
static const char SQL_BOOK_COVER[] =
    "UPDATE books SET cover_key = $2, updated_at = $3 WHERE id = $1";
static const char SQL_BOOK_FORMAT[] =
    "UPDATE books SET format = $2, updated_at = $3 WHERE id = $1";
static const char SQL_EXPIRED[] = "SELECT " FILE_COLS "WHERE status = 'pending' "
                                  "AND expires_at < $1 ORDER BY id LIMIT $2";
static const char SQL_DELETE[] = "DELETE FROM files WHERE id = $1";
static const char SQL_WITHOUT_MANUSCRIPT[] =
    "SELECT b.id, b.title, b.language, b.description, COALESCE((SELECT a.name FROM book_authors "
    "ba JOIN authors a ON a.id = ba.author_id WHERE ba.book_id = b.id ORDER BY ba.position, "
    "a.id LIMIT 1), 'Anonymous'), b.published_at FROM books b WHERE b.status <> 'deleted' "
    "AND NOT EXISTS (SELECT 1 FROM files f WHERE f.book_id = b.id AND f.kind = 'manuscript') "
    "ORDER BY b.id LIMIT $1";
static const char SQL_INSERT_READY[] =
    "INSERT INTO files (book_id, kind, status, version, storage_key, original_name, "
    "content_type, size_bytes, sha256, completed_at) VALUES ($1, $2, 'ready', $3, $4, $5, $6, "
    "$7, $8, $9)";
static const char SQL_PENDING_KEY[] =
    "SELECT 1 FROM files WHERE storage_key = $1 AND status = 'pending'";

static void read_row(const struct db_result *r, int i, struct file_row *f)
{
    f->id = db_get_int(r, i, 0);
    f->book_id = db_get_int(r, i, 1);
    f->version = db_get_int(r, i, 2);
    f->size_bytes = db_get_int(r, i, 3);
    f->width = db_get_int(r, i, 4);
    f->height = db_get_int(r, i, 5);
    f->page_count = db_get_int(r, i, 6);
    f->kind = db_get(r, i, 7);
    f->status = db_get(r, i, 8);
    f->storage_key = db_get(r, i, 9);
    f->original_name = db_get(r, i, 10);
    f->content_type = db_get(r, i, 11);
    f->sha256 = db_get(r, i, 12);
    f->metadata_json = db_get(r, i, 13);
    f->error = db_get(r, i, 14);
    f->expires_at = db_get(r, i, 15);
    f->created_at = db_get(r, i, 16);
    f->completed_at = db_get(r, i, 17);
}

static int read_all(struct ctx *cx, const struct db_result *r, struct file_row **items, int *n)
{
    *n = r->nrows;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        read_row(r, i, &(*items)[i]);
    return 0;
}

static int one(struct ctx *cx, const char *sql, const struct db_param *p, int n,
               struct file_row *out)
{
    struct db_result *r;
    int rc = cx_query(cx, sql, p, n, &r);

    if (rc == 0 && r->nrows == 0)
        return ERR_NOT_FOUND;
    if (rc == 0)
        read_row(r, 0, out);
    return rc;
}

int store_files_next_version(struct ctx *cx, long long book_id, const char *kind,
                             long long *version)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_TEXT(kind)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_NEXT_VERSION, p, 2, &r);

    if (rc == 0)
        *version = db_get_int(r, 0, 0);
    return rc;
}

int store_files_insert_pending(struct ctx *cx, struct file_row *f, long long user_id,
                               long long *id)
{
    struct db_param p[] = {DBP_INT(f->book_id),        DBP_TEXT(f->kind),
                           DBP_INT(f->version),        DBP_TEXT(f->storage_key),
                           DBP_TEXT(f->original_name), DBP_TEXT(f->content_type),
                           DBP_INT(f->size_bytes),     DBP_TEXT(f->expires_at),
                           DBP_INT(user_id)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_INSERT_PENDING, p, 9, &r);

    if (rc == 0) {
        *id = db_get_int(r, 0, 0);
        f->created_at = db_get(r, 0, 1); /* the database's default, as every later read shows */
    }
    return rc;
}

int store_files_find(struct ctx *cx, long long book_id, long long id, struct file_row *out)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_INT(id)};

    return one(cx, SQL_FIND, p, 2, out);
}

int store_files_current(struct ctx *cx, long long book_id, const char *kind,
                        struct file_row *out)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_TEXT(kind)};

    return one(cx, SQL_CURRENT, p, 2, out);
}

int store_files_list(struct ctx *cx, long long book_id, struct file_row **items, int *n)
{
    struct db_param p = DBP_INT(book_id);
    struct db_result *r;
    int rc = cx_query(cx, SQL_LIST, &p, 1, &r);

    return rc ? rc : read_all(cx, r, items, n);
}

int store_files_mark_failed(struct ctx *cx, long long id, const char *error)
{
    struct db_param p[] = {DBP_INT(id), DBP_TEXT(error)};

    return cx_query(cx, SQL_FAILED, p, 2, NULL);
}

int store_files_make_current(struct ctx *cx, const struct file_row *f, const char *now)
{
    struct db_param s[] = {DBP_INT(f->book_id), DBP_TEXT(f->kind)};
    struct db_param p[] = {DBP_INT(f->id),
                           DBP_TEXT(f->sha256),
                           f->width ? DBP_INT(f->width) : DBP_NULL,
                           f->height ? DBP_INT(f->height) : DBP_NULL,
                           f->page_count ? DBP_INT(f->page_count) : DBP_NULL,
                           DBP_TEXT(f->metadata_json),
                           DBP_TEXT(now)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_SUPERSEDE, s, 2, NULL);

    if (rc == 0)
        rc = cx_query(cx, SQL_READY, p, 7, &r);
    return rc ? rc : r->changes ? 0 : ERR_CONFLICT;
}

int store_files_insert_thumbnail(struct ctx *cx, const struct file_row *parent,
                                 const struct file_row *t, const char *now)
{
    struct db_param p[] = {DBP_INT(parent->book_id), DBP_INT(parent->id),
                           DBP_TEXT(t->storage_key), DBP_TEXT(t->content_type),
                           DBP_INT(t->size_bytes),   DBP_TEXT(t->sha256),
                           DBP_INT(t->width),        DBP_INT(t->height),
                           DBP_INT(cx->user_id),     DBP_TEXT(now)};

    return cx_query(cx, SQL_THUMB, p, 10, NULL);
}

int store_files_set_book_cover(struct ctx *cx, long long book_id, const char *key,
                               const char *now)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_TEXT(key), DBP_TEXT(now)};

    return cx_query(cx, SQL_BOOK_COVER, p, 3, NULL);
}

int store_files_set_book_format(struct ctx *cx, long long book_id, const char *format,
                                const char *now)
{
    struct db_param p[] = {DBP_INT(book_id), DBP_TEXT(format), DBP_TEXT(now)};

    return cx_query(cx, SQL_BOOK_FORMAT, p, 3, NULL);
}

int store_files_expired(struct ctx *cx, const char *now, int limit, struct file_row **items,
                        int *n)
{
    struct db_param p[] = {DBP_TEXT(now), DBP_INT(limit)};
    struct db_result *r;
    int rc = cx_query(cx, SQL_EXPIRED, p, 2, &r);

    return rc ? rc : read_all(cx, r, items, n);
}

int store_files_delete(struct ctx *cx, long long id)
{
    struct db_param p = DBP_INT(id);

    return cx_query(cx, SQL_DELETE, &p, 1, NULL);
}

int store_files_key_pending(struct ctx *cx, const char *key, bool *pending)
{
    struct db_param p = DBP_TEXT(key);
    struct db_result *r;
    int rc = cx_query(cx, SQL_PENDING_KEY, &p, 1, &r);

    if (rc == 0)
        *pending = r->nrows > 0;
    return rc;
}

int store_files_without_manuscript(struct ctx *cx, int limit, struct bare_book **items, int *n)
{
    struct db_param p = DBP_INT(limit);
    struct db_result *r;
    int rc = cx_query(cx, SQL_WITHOUT_MANUSCRIPT, &p, 1, &r);

    if (rc != 0)
        return rc;
    *n = r->nrows;
    *items = arena_zalloc(cx->arena, sizeof(**items) * (size_t)(r->nrows + 1));
    for (int i = 0; i < r->nrows; i++)
        (*items)[i] = (struct bare_book){db_get_int(r, i, 0), db_get(r, i, 1), db_get(r, i, 2),
                                         db_get(r, i, 3), db_get(r, i, 4), db_get(r, i, 5)};
    return 0;
}

int store_files_insert_ready(struct ctx *cx, const struct file_row *f, const char *now)
{
    struct db_param p[] = {DBP_INT(f->book_id),        DBP_TEXT(f->kind),
                           DBP_INT(f->version),        DBP_TEXT(f->storage_key),
                           DBP_TEXT(f->original_name), DBP_TEXT(f->content_type),
                           DBP_INT(f->size_bytes),     DBP_TEXT(f->sha256),
                           DBP_TEXT(now)};

    return cx_query(cx, SQL_INSERT_READY, p, 9, NULL);
}
