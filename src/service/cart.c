/* cart.c: the server-side cart: add, remove, merge, coupons and the prices of what is in it. */
#include "service/cart.h"
#include "core/timefmt.h"

#include <ctype.h>
#include <string.h>

bool cart_line_available(const struct cart_line *l)
{
    return !l->owned && l->book.status && strcmp(l->book.status, "published") == 0;
}

const char *coupon_problem(const struct coupon *c, const char *now, const char *currency)
{
    if (!c->active)
        return "this coupon is no longer active";
    if (c->starts_at && strcmp(now, c->starts_at) < 0)
        return "this coupon is not valid yet";
    if (c->ends_at && strcmp(now, c->ends_at) >= 0)
        return "this coupon has expired";
    if (c->max_redemptions && c->redemptions >= c->max_redemptions)
        return "this coupon has been used up";
    if (c->currency && currency && strcmp(c->currency, currency) != 0)
        return "this coupon is for purchases in another currency";
    return NULL;
}

static bool eligible(const struct coupon *c, const struct cart_line *l)
{
    if (!cart_line_available(l))
        return false;
    if (c->n_books == 0)
        return true;
    for (int i = 0; i < c->n_books; i++)
        if (c->book_ids[i] == l->book.id)
            return true;
    return false;
}

/* Spreads "amount" over the eligible lines in proportion to their prices. */
static void spread_fixed(struct cart *c, long long amount, long long base)
{
    long long given = 0;

    for (int i = 0; i < c->n; i++) {
        struct cart_line *l = &c->lines[i];
        if (!eligible(c->coupon, l))
            continue;
        l->discount_cents = (long long)((__int128)amount * l->book.price_cents / base);
        given += l->discount_cents;
    }
    for (int i = 0; i < c->n && given < amount; i++) {
        struct cart_line *l = &c->lines[i];
        if (eligible(c->coupon, l) && l->discount_cents < l->book.price_cents) {
            l->discount_cents++;
            given++;
        }
    }
}

static void apply_coupon(struct cart *c)
{
    const struct coupon *cp = c->coupon;
    long long base = 0;

    for (int i = 0; i < c->n; i++)
        if (eligible(cp, &c->lines[i]))
            base += c->lines[i].book.price_cents;
    if (base == 0) {
        if (!c->coupon_problem)
            c->coupon_problem = "this coupon does not apply to the books in your cart";
        return;
    }
    if (strcmp(cp->kind, "percent") == 0) {
        for (int i = 0; i < c->n; i++) {
            struct cart_line *l = &c->lines[i];
            if (eligible(cp, l))
                l->discount_cents = (l->book.price_cents * cp->amount + 50) / 100;
        }
    } else {
        spread_fixed(c, cp->amount < base ? cp->amount : base, base);
    }
}

void cart_price(struct cart *c)
{
    c->subtotal_cents = c->discount_cents = 0;
    c->n_available = 0;
    c->currency = NULL;
    for (int i = 0; i < c->n; i++) {
        struct cart_line *l = &c->lines[i];
        l->discount_cents = 0;
        if (!cart_line_available(l))
            continue;
        c->n_available++;
        c->subtotal_cents += l->book.price_cents;
        if (!c->currency)
            c->currency = l->book.currency;
    }
    if (c->coupon && !c->coupon_problem)
        apply_coupon(c);
    for (int i = 0; i < c->n; i++)
        c->discount_cents += c->lines[i].discount_cents;
    c->total_cents = c->subtotal_cents - c->discount_cents;
}

/* The currency of the cart's books (those for sale first), or NULL for an empty cart. */
static const char *cart_currency(const struct cart_line *lines, int n)
{
    for (int i = 0; i < n; i++)
        if (cart_line_available(&lines[i]))
            return lines[i].book.currency;
    return n ? lines[0].book.currency : NULL;
}

int cart_load(struct ctx *cx, long long user_id, const char *now, struct cart *out)
{
    long long coupon_id = 0;
    struct cart_line *lines;
    int n, rc = store_cart_lines(cx, user_id, &lines, &n);

    memset(out, 0, sizeof(*out));
    out->lines = lines;
    out->n = rc == 0 ? n : 0;
    if (rc == 0)
        rc = store_cart_coupon_id(cx, user_id, &coupon_id);
    if (rc == 0 && coupon_id) {
        struct coupon *cp = arena_zalloc(cx->arena, sizeof(*cp));
        rc = store_coupons_find(cx, coupon_id, cp);
        if (rc == 0)
            out->coupon = cp;
        else if (rc == ERR_NOT_FOUND)
            rc = 0;
    }
    if (rc != 0)
        return rc;
    if (out->coupon)
        out->coupon_problem = coupon_problem(out->coupon, now, cart_currency(lines, n));
    cart_price(out);
    return 0;
}

int cart_get(struct ctx *cx, struct cart *out)
{
    return cart_load(cx, cx->user_id, time_from_now(cx->arena, 0), out);
}

/*
 * Adds one book inside the caller's transaction: ERR_NOT_FOUND or ERR_CONFLICT (recorded in cx)
 * when it cannot go in; "currency" and "count" describe the cart and are updated.
 */
static int add_one(struct ctx *cx, long long book_id, const char *now, const char **currency,
                   long long *count)
{
    struct cart_book b;
    bool owned = false, added = false;
    int rc = book_id > 0 ? store_cart_book(cx, book_id, &b) : ERR_NOT_FOUND;

    if (rc == 0 && strcmp(b.status, "published") != 0)
        rc = ERR_NOT_FOUND;
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no book with id %lld is for sale", book_id);
    if (rc == 0)
        rc = store_cart_owns(cx, cx->user_id, book_id, &owned);
    if (rc != 0)
        return rc;
    if (owned)
        return cx_fail(cx, ERR_CONFLICT, "you already own '%s'", b.title);
    if (*currency && strcmp(*currency, b.currency) != 0)
        return cx_fail(cx, ERR_CONFLICT,
                       "your cart holds books priced in %s and '%s' is priced in %s; check out "
                       "or empty the cart first",
                       *currency, b.title, b.currency);
    if (*count >= CART_MAX_ITEMS)
        return cx_fail(cx, ERR_CONFLICT, "a cart holds at most %d books", CART_MAX_ITEMS);
    if ((rc = store_cart_add(cx, cx->user_id, book_id, now, &added)) == 0) {
        *count += added;
        *currency = b.currency;
    }
    return rc;
}

/* Opens the transaction and reads what add_one needs. */
static int begin_edit(struct ctx *cx, const char *now, const char **currency, long long *count)
{
    struct cart_line *lines;
    int n, rc = cx_begin(cx);

    if (rc == 0)
        rc = store_cart_lock(cx, cx->user_id, now);
    if (rc == 0)
        rc = store_cart_lines(cx, cx->user_id, &lines, &n);
    if (rc == 0) {
        *currency = cart_currency(lines, n);
        *count = n;
    }
    return rc;
}

static int finish(struct ctx *cx, int rc, struct cart *out)
{
    if (rc != 0) {
        cx_rollback(cx);
        return rc;
    }
    if ((rc = cx_commit(cx)) != 0)
        return rc;
    return cart_get(cx, out);
}

int cart_add(struct ctx *cx, long long book_id, struct cart *out)
{
    const char *now = time_from_now(cx->arena, 0), *currency;
    long long count;
    int rc = begin_edit(cx, now, &currency, &count);

    if (rc == 0)
        rc = add_one(cx, book_id, now, &currency, &count);
    return finish(cx, rc, out);
}

int cart_remove(struct ctx *cx, long long book_id, struct cart *out)
{
    int rc = store_cart_remove(cx, cx->user_id, book_id);

    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "book %lld is not in your cart", book_id);
    return rc ? rc : cart_get(cx, out);
}

static void skip(json_t *skipped, json_t *id, const char *reason)
{
    json_array_append_new(skipped, json_pack("{s:O, s:s}", "book_id", id, "reason", reason));
}

int cart_merge(struct ctx *cx, json_t *book_ids, struct cart *out, json_t **skipped)
{
    const char *now = time_from_now(cx->arena, 0), *currency;
    long long count;
    size_t i;
    json_t *v;

    if (!json_is_array(book_ids) || json_array_size(book_ids) > CART_MAX_ITEMS)
        return cx_fail_details(
            cx, ERR_INVALID,
            json_pack("{s:{s:s}}", "fields", "book_ids", "send an array of at most 100 book ids"),
            "book_ids must be an array of at most %d ids", CART_MAX_ITEMS);
    *skipped = json_array();
    int rc = begin_edit(cx, now, &currency, &count);
    json_array_foreach(book_ids, i, v)
    {
        if (rc != 0)
            break;
        if (!json_is_integer(v)) {
            skip(*skipped, v, "not a book id");
            continue;
        }
        rc = add_one(cx, (long long)json_integer_value(v), now, &currency, &count);
        if (rc == ERR_NOT_FOUND || rc == ERR_CONFLICT) {
            skip(*skipped, v, cx->err_msg);
            cx->err_code = 0;
            rc = 0;
        }
    }
    if ((rc = finish(cx, rc, out)) != 0) {
        json_decref(*skipped);
        *skipped = NULL;
    }
    return rc;
}

int cart_apply_coupon(struct ctx *cx, const char *code, struct cart *out)
{
    const char *now = time_from_now(cx->arena, 0);
    struct coupon cp;
    char lower[80];
    size_t n = code ? strlen(code) : 0;

    if (n == 0 || n > 64)
        return cx_fail_details(cx, ERR_INVALID,
                               json_pack("{s:{s:s}}", "fields", "code", "enter a coupon code"),
                               "enter a coupon code");
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)tolower((unsigned char)code[i]);
    int rc = store_coupons_find_by_code(cx, lower, &cp);
    if (rc == ERR_NOT_FOUND)
        return cx_fail(cx, rc, "no coupon with this code");
    if (rc == 0)
        rc = cx_begin(cx);
    if (rc == 0)
        rc = store_cart_set_coupon(cx, cx->user_id, cp.id, now);
    if (rc == 0)
        rc = cart_load(cx, cx->user_id, now, out);
    if (rc == 0 && out->coupon_problem)
        rc = cx_fail(cx, ERR_CONFLICT, "%s", out->coupon_problem);
    return finish(cx, rc, out);
}

int cart_remove_coupon(struct ctx *cx, struct cart *out)
{
    int rc = store_cart_set_coupon(cx, cx->user_id, 0, time_from_now(cx->arena, 0));

    return rc ? rc : cart_get(cx, out);
}
