/* coupons.c: validation of coupons as admins write them, and the audit trail of each change. */
#include "service/coupons.h"
#include "core/timefmt.h"
#include "store/accounts.h"

#include <stdlib.h>
#include <string.h>

#define MAX_BOOKS 100

static bool valid_code(const char *s)
{
    size_t n = s ? strlen(s) : 0;

    if (n < 1 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-'))
            return false;
    return true;
}

static bool valid_currency(const char *s)
{
    return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

/* Sets *out to the string, or NULL for JSON null; false for anything else. */
static bool opt_string(json_t *v, const char **out)
{
    if (json_is_null(v)) {
        *out = NULL;
        return true;
    }
    *out = json_string_value(v);
    return *out != NULL;
}

static void field(json_t *fields, const char *name, const char *msg)
{
    if (!json_object_get(fields, name))
        json_object_set_new(fields, name, json_string(msg));
}

/* Reads book_ids into "c" (positive, distinct, at most MAX_BOOKS). */
static bool read_books(struct ctx *cx, json_t *v, struct coupon *c)
{
    size_t i;
    json_t *id;

    if (!json_is_array(v) || json_array_size(v) > MAX_BOOKS)
        return false;
    c->book_ids = arena_zalloc(cx->arena, sizeof(*c->book_ids) * (json_array_size(v) + 1));
    c->n_books = 0;
    json_array_foreach(v, i, id)
    {
        if (!json_is_integer(id) || json_integer_value(id) <= 0)
            return false;
        for (int k = 0; k < c->n_books; k++)
            if (c->book_ids[k] == json_integer_value(id))
                return false;
        c->book_ids[c->n_books++] = (long long)json_integer_value(id);
    }
    return true;
}

/* Copies each field of "body" onto "c", noting the ones that cannot be read. */
static void read_fields(struct ctx *cx, json_t *body, struct coupon *c, json_t *fields,
                        bool *books_set)
{
    const char *key;
    json_t *v;

    json_object_foreach(body, key, v)
    {
        bool ok = true;
        if (!strcmp(key, "code"))
            ok = (c->code = json_string_value(v)) != NULL;
        else if (!strcmp(key, "kind"))
            ok = (c->kind = json_string_value(v)) != NULL;
        else if (!strcmp(key, "amount"))
            ok = json_is_integer(v) && (c->amount = (long long)json_integer_value(v)) > 0;
        else if (!strcmp(key, "currency"))
            ok = opt_string(v, &c->currency);
        else if (!strcmp(key, "starts_at"))
            ok = opt_string(v, &c->starts_at);
        else if (!strcmp(key, "ends_at"))
            ok = opt_string(v, &c->ends_at);
        else if (!strcmp(key, "max_redemptions"))
            ok = json_is_null(v) ? (c->max_redemptions = 0, true)
                                 : json_is_integer(v) &&
                                       (c->max_redemptions = (long long)json_integer_value(v)) > 0;
        else if (!strcmp(key, "active"))
            ok = json_is_boolean(v) && ((c->active = json_is_true(v)), true);
        else if (!strcmp(key, "book_ids"))
            ok = (*books_set = true) && read_books(cx, v, c);
        else
            field(fields, key, "unknown field");
        if (!ok)
            field(fields, key, "this value is not accepted here");
    }
}

/* The rules that tie fields together; each problem goes into "fields". */
static void check_rules(const struct coupon *c, json_t *fields)
{
    time_t t;

    if (!valid_code(c->code))
        field(fields, "code", "1 to 64 letters, digits, '_' or '-'");
    if (!c->kind || (strcmp(c->kind, "percent") && strcmp(c->kind, "fixed")))
        field(fields, "kind", "percent or fixed");
    else if (!strcmp(c->kind, "percent") && (c->amount < 1 || c->amount > 100))
        field(fields, "amount", "a percentage from 1 to 100");
    else if (!strcmp(c->kind, "percent") && c->currency)
        field(fields, "currency", "a percent coupon has no currency");
    else if (!strcmp(c->kind, "fixed") && !valid_currency(c->currency))
        field(fields, "currency", "a fixed coupon needs a currency such as USD");
    if (c->amount < 1)
        field(fields, "amount", "a positive whole number");
    if (c->starts_at && time_parse(c->starts_at, &t) != 0)
        field(fields, "starts_at", "a time such as 2026-01-31T00:00:00Z, or null");
    if (c->ends_at && time_parse(c->ends_at, &t) != 0)
        field(fields, "ends_at", "a time such as 2026-01-31T00:00:00Z, or null");
    else if (c->starts_at && c->ends_at && strcmp(c->starts_at, c->ends_at) >= 0)
        field(fields, "ends_at", "must be after starts_at");
    if (c->max_redemptions && c->max_redemptions < c->redemptions)
        field(fields, "max_redemptions", "lower than the redemptions already made");
}

static int validate(struct ctx *cx, json_t *body, struct coupon *c, bool *books_set)
{
    json_t *fields = json_object();
    long long found = 0;

    if (!json_is_object(body))
        field(fields, "body", "send a JSON object");
    else
        read_fields(cx, body, c, fields, books_set);
    check_rules(c, fields);
    if (json_object_size(fields) == 0 && c->n_books) {
        int rc = store_coupons_count_books(cx, c->book_ids, c->n_books, &found);
        if (rc != 0) {
            json_decref(fields);
            return rc;
        }
        if (found != c->n_books)
            field(fields, "book_ids", "one of these books does not exist");
    }
    if (json_object_size(fields) == 0) {
        json_decref(fields);
        return 0;
    }
    return cx_fail_details(cx, ERR_INVALID, json_pack("{s:o}", "fields", fields),
                           "check the highlighted fields");
}

/* A JSON text of the coupon's settings for the audit log, in the arena. */
static const char *snapshot(struct ctx *cx, const struct coupon *c)
{
    json_t *books = json_array();

    for (int i = 0; i < c->n_books; i++)
        json_array_append_new(books, json_integer(c->book_ids[i]));
    json_t *j = json_pack("{s:s, s:s, s:I, s:s?, s:s?, s:s?, s:I, s:b, s:o}", "code", c->code,
                          "kind", c->kind, "amount", (json_int_t)c->amount, "currency", c->currency,
                          "starts_at", c->starts_at, "ends_at", c->ends_at, "max_redemptions",
                          (json_int_t)c->max_redemptions, "active", c->active, "book_ids", books);
    char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
    const char *out = arena_strdup(cx->arena, text ? text : "{}");

    free(text);
    json_decref(j);
    return out;
}

static int write_done(struct ctx *cx, int rc, long long id, struct coupon *out)
{
    if (rc == ERR_CONFLICT)
        rc = cx_fail_details(cx, ERR_CONFLICT,
                             json_pack("{s:{s:s}}", "fields", "code", "this code is taken"),
                             "a coupon with this code exists");
    if (rc == 0)
        rc = cx_commit(cx);
    if (rc != 0) {
        cx_rollback(cx);
        return rc;
    }
    return store_coupons_find(cx, id, out);
}

int coupons_create(struct ctx *cx, json_t *body, struct coupon *out)
{
    struct coupon c = {.active = true};
    bool books_set = false;
    long long id = 0;
    int rc = validate(cx, body, &c, &books_set);

    if (rc == 0)
        rc = cx_begin(cx);
    if (rc != 0)
        return rc;
    rc = store_coupons_insert(cx, &c, &id);
    if (rc == 0)
        rc = store_coupons_set_books(cx, id, c.book_ids, c.n_books);
    if (rc == 0)
        rc = store_audit_insert(cx, "coupon.create", "coupon", arena_printf(cx->arena, "%lld", id),
                                NULL, snapshot(cx, &c));
    return write_done(cx, rc, id, out);
}

int coupons_update(struct ctx *cx, long long id, json_t *patch, struct coupon *out)
{
    struct coupon c;
    bool books_set = false;
    int rc = store_coupons_find(cx, id, &c);

    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no such coupon");
    const char *before = rc == 0 ? snapshot(cx, &c) : NULL;
    if (rc == 0)
        rc = validate(cx, patch, &c, &books_set);
    if (rc == 0)
        rc = cx_begin(cx);
    if (rc != 0)
        return rc;
    rc = store_coupons_update(cx, &c, time_from_now(cx->arena, 0));
    if (rc == 0 && books_set)
        rc = store_coupons_set_books(cx, id, c.book_ids, c.n_books);
    if (rc == 0)
        rc = store_audit_insert(cx, "coupon.update", "coupon", arena_printf(cx->arena, "%lld", id),
                                before, snapshot(cx, &c));
    return write_done(cx, rc, id, out);
}
