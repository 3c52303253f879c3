/* library.c (service): claiming free books, reading progress, annotations and reviews. */
#include "service/library.h"
#include "core/buf.h"
#include "core/timefmt.h"
#include "service/catalog.h"
#include "store/accounts.h"

#include <math.h>
#include <string.h>

#define POSITION_MAX 1000
#define NOTE_MAX 5000
#define REVIEW_BODY_MAX 10000

static int invalid(struct ctx *cx, json_t *fields)
{
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:o}", "fields", fields),
                           "check the highlighted fields");
}

int library_claim(struct ctx *cx, long long book_id, bool *added)
{
    long long price;
    bool published;
    int rc = store_library_book_price(cx, book_id, &price, &published);

    if (rc == ERR_NOT_FOUND || (rc == 0 && !published))
        return cx_fail(cx, ERR_NOT_FOUND, "no such book");
    if (rc != 0)
        return rc;
    if (price != 0)
        return cx_fail(cx, ERR_CONFLICT, "this book is not free; buy it to add it");
    return store_library_claim(cx, cx->user_id, book_id, added);
}

static bool device_ok(const char *d)
{
    size_t n = d ? strlen(d) : 0;

    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((d[i] >= 'a' && d[i] <= 'z') || (d[i] >= 'A' && d[i] <= 'Z') ||
              (d[i] >= '0' && d[i] <= '9') || d[i] == '-' || d[i] == '_'))
            return false;
    return true;
}

int library_save_progress(struct ctx *cx, long long book_id, const struct progress_in *in)
{
    json_t *fields = json_object();

    if (!in->position || !*in->position || strlen(in->position) > POSITION_MAX)
        json_object_set_new(fields, "position", json_string("a position of 1 to 1000 characters"));
    if (!isfinite(in->progress) || in->progress < 0 || in->progress > 1)
        json_object_set_new(fields, "progress", json_string("a number from 0 to 1"));
    if (!device_ok(in->device_id))
        json_object_set_new(fields, "device_id", json_string("1 to 64 letters, digits, - or _"));
    if (in->device_name && strlen(in->device_name) > 100)
        json_object_set_new(fields, "device_name", json_string("at most 100 characters"));
    if (json_object_size(fields))
        return invalid(cx, fields);
    json_decref(fields);
    /* One transaction: the entry's latest and the device's own row commit (and sync) once. */
    int rc = cx_begin(cx);
    if (rc != 0)
        return rc;
    rc = store_library_save_position(cx, cx->user_id, book_id, in->device_id, in->device_name,
                                     in->position, in->progress, time_from_now(cx->arena, 0));
    if (rc != 0) {
        cx_rollback(cx);
        return rc == ERR_NOT_FOUND ? cx_fail(cx, rc, "you do not own this book") : rc;
    }
    return cx_commit(cx);
}

static const char *opt_string(json_t *body, const char *key, size_t max, json_t *fields)
{
    json_t *v = json_object_get(body, key);

    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v) || json_string_length(v) > max) {
        json_object_set_new(fields, key, json_string("text that is too long or not text"));
        return NULL;
    }
    return json_string_value(v);
}

static bool color_ok(const char *c)
{
    static const char *const colors[] = {"yellow", "green", "blue", "pink", "purple", NULL};

    for (int i = 0; c && colors[i]; i++)
        if (strcmp(c, colors[i]) == 0)
            return true;
    return c == NULL;
}

int annotations_create(struct ctx *cx, long long book_id, json_t *body, long long *id)
{
    json_t *fields = json_object();
    struct library_entry e;
    struct annotation a = {.kind = json_string_value(json_object_get(body, "kind"))};

    if (!a.kind || (strcmp(a.kind, "bookmark") && strcmp(a.kind, "highlight")))
        json_object_set_new(fields, "kind", json_string("bookmark or highlight"));
    a.position = opt_string(body, "position", POSITION_MAX, fields);
    if (!a.position)
        json_object_set_new(fields, "position", json_string("where in the book (an EPUB CFI)"));
    a.text = opt_string(body, "text", NOTE_MAX, fields);
    a.note = opt_string(body, "note", NOTE_MAX, fields);
    a.color = opt_string(body, "color", 32, fields);
    if (!color_ok(a.color))
        json_object_set_new(fields, "color", json_string("yellow, green, blue, pink or purple"));
    if (json_object_size(fields))
        return invalid(cx, fields);
    json_decref(fields);
    int rc = store_library_find(cx, cx->user_id, book_id, &e);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "you do not own this book");
    return rc ? rc : store_annotations_insert(cx, cx->user_id, book_id, &a, id);
}

int annotations_update(struct ctx *cx, long long id, json_t *body)
{
    json_t *fields = json_object();
    const char *note = opt_string(body, "note", NOTE_MAX, fields);
    const char *color = opt_string(body, "color", 32, fields);

    if (!color_ok(color))
        json_object_set_new(fields, "color", json_string("yellow, green, blue, pink or purple"));
    if (json_object_size(fields))
        return invalid(cx, fields);
    json_decref(fields);
    int rc = store_annotations_update(cx, cx->user_id, id, note, json_object_get(body, "note"),
                                      color, time_from_now(cx->arena, 0));
    return rc == ERR_NOT_FOUND ? cx_fail(cx, rc, "no such annotation") : rc;
}

static void quote_lines(struct buf *b, const char *text)
{
    buf_adds(b, "> ");
    for (const char *p = text; *p; p++) {
        buf_addc(b, *p);
        if (*p == '\n')
            buf_adds(b, "> ");
    }
    buf_addc(b, '\n');
}

int annotations_markdown(struct ctx *cx, long long book_id, const char **out)
{
    struct library_entry e;
    struct annotation *items;
    int n;
    struct buf b = BUF_INIT;
    int rc = store_library_find(cx, cx->user_id, book_id, &e);

    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "you do not own this book");
    if (rc != 0 || (rc = store_annotations_list(cx, cx->user_id, book_id, &items, &n)) != 0)
        return rc;
    buf_printf(&b, "# %s\n\nNotes exported from MANGU Publishing.\n", e.book.title);
    for (int i = 0; i < n; i++) {
        buf_printf(&b, "\n## %s — %s\n\n", strcmp(items[i].kind, "bookmark") ? "Highlight"
                                                                                 : "Bookmark",
                   items[i].created_at);
        if (items[i].text)
            quote_lines(&b, items[i].text);
        if (items[i].note)
            buf_printf(&b, "%s%s\n", items[i].text ? "\n" : "", items[i].note);
        buf_printf(&b, "\n<sub>%s</sub>\n", items[i].position);
    }
    *out = arena_strndup(cx->arena, b.p, b.len);
    buf_release(&b);
    return 0;
}

static int read_review(struct ctx *cx, json_t *body, struct review *r)
{
    json_t *fields = json_object(), *rating = json_object_get(body, "rating");

    if (!json_is_integer(rating) || json_integer_value(rating) < 1 ||
        json_integer_value(rating) > 5)
        json_object_set_new(fields, "rating", json_string("a whole number from 1 to 5"));
    else
        r->rating = (int)json_integer_value(rating);
    r->title = opt_string(body, "title", 200, fields);
    r->body = opt_string(body, "body", REVIEW_BODY_MAX, fields);
    if (json_object_size(fields))
        return invalid(cx, fields);
    json_decref(fields);
    return 0;
}

/* The book's rating and every cached catalog answer follow each review change. */
static int after_change(struct ctx *cx, long long book_id)
{
    int rc = store_reviews_recount(cx, book_id);

    if (rc == 0)
        catalog_changed(cx);
    return rc;
}

int reviews_create(struct ctx *cx, long long book_id, json_t *body, struct review *out)
{
    struct review r = {.user_id = cx->user_id, .book_id = book_id};
    struct library_entry e;
    long long id;
    int rc = read_review(cx, body, &r);

    if (rc != 0)
        return rc;
    rc = store_library_find(cx, cx->user_id, book_id, &e);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, ERR_FORBIDDEN, "only readers who own this book may review it");
    if (rc != 0 || (rc = store_reviews_verified(cx, cx->user_id, book_id, &r.verified)) != 0)
        return rc;
    if ((rc = cx_begin(cx)) != 0)
        return rc;
    rc = store_reviews_insert(cx, &r, &id);
    if (rc == ERR_CONFLICT)
        rc = cx_fail(cx, rc, "you already reviewed this book; edit your review instead");
    if (rc == 0 && (rc = after_change(cx, book_id)) == 0 && (rc = cx_commit(cx)) == 0)
        return store_reviews_find_mine(cx, cx->user_id, book_id, out);
    cx_rollback(cx);
    return rc;
}

int reviews_update_mine(struct ctx *cx, long long book_id, json_t *body, struct review *out)
{
    struct review r = {0}, mine;
    int rc = read_review(cx, body, &r);

    if (rc == 0 && (rc = store_reviews_find_mine(cx, cx->user_id, book_id, &mine)) == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "you have not reviewed this book");
    if (rc != 0 || (rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = store_reviews_update(cx, mine.id, r.rating, r.title, r.body,
                                   time_from_now(cx->arena, 0))) == 0 &&
        (rc = after_change(cx, book_id)) == 0 && (rc = cx_commit(cx)) == 0)
        return store_reviews_find_mine(cx, cx->user_id, book_id, out);
    cx_rollback(cx);
    return rc;
}

int reviews_delete_mine(struct ctx *cx, long long book_id)
{
    struct review mine;
    int rc = store_reviews_find_mine(cx, cx->user_id, book_id, &mine);

    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "you have not reviewed this book");
    if (rc != 0 || (rc = cx_begin(cx)) != 0)
        return rc;
    if ((rc = store_reviews_delete(cx, mine.id)) == 0 && (rc = after_change(cx, book_id)) == 0 &&
        (rc = cx_commit(cx)) == 0)
        return 0;
    cx_rollback(cx);
    return rc;
}

int reviews_hide(struct ctx *cx, long long review_id, bool hidden)
{
    long long book_id;
    int rc = cx_begin(cx);

    if (rc != 0)
        return rc;
    rc = store_reviews_set_hidden(cx, review_id, hidden, &book_id);
    if (rc == ERR_NOT_FOUND)
        rc = cx_fail(cx, rc, "no such review");
    if (rc == 0 &&
        (rc = store_audit_insert(cx, hidden ? "review.hide" : "review.show", "review",
                                 arena_printf(cx->arena, "%lld", review_id), NULL, NULL)) == 0 &&
        (rc = after_change(cx, book_id)) == 0 && (rc = cx_commit(cx)) == 0)
        return 0;
    cx_rollback(cx);
    return rc;
}

int reviews_report(struct ctx *cx, long long review_id, const char *reason)
{
    if (!reason || !*reason || strlen(reason) > 1000)
        return invalid(cx, json_pack("{s:s}", "reason", "say why, in 1 to 1000 characters"));
    int rc = store_reviews_report(cx, review_id, cx->user_id, reason);

    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no such review");
    if (rc == ERR_CONFLICT)
        return cx_fail(cx, rc, "you already reported this review");
    return rc;
}
