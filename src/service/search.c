/* search.c (service): query words, typo correction, facets, highlighted segments, typeahead. */
#include "service/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "service/search_facets.h"
#include "service/text.h"

#define FACET_MAX 20
#define CANDIDATES 40
#define SNIPPET_BEFORE 8  /* words shown before the first match */
#define SNIPPET_WORDS 30  /* words in a snippet */
#define SNIPPET_SCAN 8192 /* bytes of a description searched for a match */
#define NOTE_WORDS 512    /* title and author words of a book added to the word list */

/* Migration 0011's book_search_filter_terms() gives PostgreSQL's documents the same bands:
   keep the two in step. */
const struct search_band search_bands[] = {
    {"free", "Free", 0, 0},
    {"under-5", "Under $5", 1, 499},
    {"5-10", "$5 to $10", 500, 999},
    {"10-20", "$10 to $20", 1000, 1999},
    {"over-20", "$20 and over", 2000, -1},
    {NULL, NULL, 0, 0},
};

const struct search_band *search_band_find(const char *value)
{
    for (const struct search_band *b = search_bands; b->value; b++)
        if (strcmp(b->value, value) == 0)
            return b;
    return NULL;
}

/* ---- edit distance and correction -------------------------------------------------- */

/* The code points of a folded token (at most TEXT_TOKEN_MAX). */
static int code_points(const char *s, uint32_t *out)
{
    int n = 0;

    for (const unsigned char *p = (const unsigned char *)s; *p && n < TEXT_TOKEN_MAX; n++) {
        uint32_t cp = *p++;
        int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;

        cp &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
        for (; extra > 0 && (*p & 0xC0) == 0x80; extra--)
            cp = (cp << 6) | (*p++ & 0x3F);
        out[n] = cp;
    }
    return n;
}

static int min3(int a, int b, int c)
{
    int m = a < b ? a : b;

    return m < c ? m : c;
}

int search_distance(const char *a, const char *b)
{
    uint32_t x[TEXT_TOKEN_MAX], y[TEXT_TOKEN_MAX];
    int n = code_points(a, x), m = code_points(b, y);
    int d[TEXT_TOKEN_MAX + 1][TEXT_TOKEN_MAX + 1];

    for (int i = 0; i <= n; i++)
        d[i][0] = i;
    for (int j = 0; j <= m; j++)
        d[0][j] = j;
    for (int i = 1; i <= n; i++) {
        for (int j = 1; j <= m; j++) {
            int cost = x[i - 1] != y[j - 1];
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
                d[i - 2][j - 2] + 1 < d[i][j])
                d[i][j] = d[i - 2][j - 2] + 1;
        }
    }
    return d[n][m];
}

/* Variants one edit away that trigrams miss on short words: swaps and deletions. */
static int variants(struct arena *a, const char *tok, const char **out)
{
    size_t len = strlen(tok);
    int n = 0;

    if (len > TEXT_TOKEN_MAX || strspn(tok, "abcdefghijklmnopqrstuvwxyz0123456789") != len)
        return 0; /* ASCII only: byte edits would split code points */
    for (size_t i = 0; i + 1 < len; i++) {
        char *v = arena_strdup(a, tok);
        v[i] = tok[i + 1];
        v[i + 1] = tok[i];
        out[n++] = v;
    }
    for (size_t i = 0; i < len; i++) {
        char *v = arena_alloc(a, len);
        memcpy(v, tok, i);
        memcpy(v + i, tok + i + 1, len - i);
        out[n++] = v;
    }
    return n;
}

/* The nearest listed word to "tok" within the allowed distance, or NULL. */
static int nearest(struct ctx *cx, const char *tok, const char **best)
{
    const char **similar, *var[2 * TEXT_TOKEN_MAX];
    bool known[2 * TEXT_TOKEN_MAX] = {false};
    int n_similar, n_var = variants(cx->arena, tok, var);
    int chars = (int)text_chars(tok), limit = chars <= 4 ? 1 : 2, best_d = limit + 1;
    int rc = store_search_similar_words(cx, tok, CANDIDATES, &similar, &n_similar);

    if (rc == 0 && n_var > 0)
        rc = store_search_known_words(cx, var, n_var, known);
    *best = NULL;
    for (int i = 0; rc == 0 && i < n_var; i++)
        if (known[i] && best_d > 1)
            *best = var[i], best_d = 1;
    for (int i = 0; rc == 0 && i < n_similar; i++) {
        int d = search_distance(tok, similar[i]);
        if (d > 0 && d < best_d)
            *best = similar[i], best_d = d;
    }
    return rc;
}

/* "fixed" gets a corrected copy of "tokens"; "*changed" says whether any word changed. */
static int correct(struct ctx *cx, const char *const *tokens, int n, const char **fixed,
                   bool *changed)
{
    bool known[SEARCH_MAX_TOKENS];
    int rc = store_search_known_words(cx, tokens, n, known);

    *changed = false;
    for (int i = 0; rc == 0 && i < n; i++) {
        const char *best = NULL;

        fixed[i] = tokens[i];
        if (known[i] || text_chars(tokens[i]) < 3)
            continue;
        rc = nearest(cx, tokens[i], &best);
        if (rc == 0 && best) {
            fixed[i] = best;
            *changed = true;
        }
    }
    return rc;
}

/* ---- one search ------------------------------------------------------------------------ */

/* The index of the price band holding "cents". */
static int band_of(long long cents)
{
    for (int b = 0; search_bands[b].value; b++)
        if (cents >= search_bands[b].min &&
            (search_bands[b].max < 0 || cents <= search_bands[b].max))
            return b;
    return 0;
}

/* "count" of the sample scaled to the estimated total (unchanged when the counts are exact). */
static long long scaled(long long count, const struct search_result *out, int n_sample)
{
    if (!out->approximate || n_sample == 0)
        return count;
    return (count * out->total + n_sample / 2) / n_sample;
}

/* Languages and price bands counted over the hits, most results first. */
static void tally(struct ctx *cx, const struct search_hit *hits, int n, struct search_result *out)
{
    out->languages = arena_zalloc(cx->arena, sizeof(struct search_bucket) * (size_t)(n + 1));
    out->bands = arena_zalloc(cx->arena, sizeof(struct search_bucket) * 5);
    out->n_bands = 5;
    for (int b = 0; b < 5; b++)
        out->bands[b] = (struct search_bucket){search_bands[b].value, search_bands[b].label, 0};
    for (int i = 0; i < n; i++) {
        int k = 0;
        const char *lang = hits[i].language ? hits[i].language : "";

        while (k < out->n_languages && strcmp(out->languages[k].value, lang) != 0)
            k++;
        if (k == out->n_languages)
            out->languages[out->n_languages++] = (struct search_bucket){lang, NULL, 0};
        out->languages[k].count++;
        out->bands[band_of(hits[i].price_cents)].count++;
    }
    for (int i = 1; i < out->n_languages; i++) /* most results first */
        for (int j = i; j > 0 && out->languages[j].count > out->languages[j - 1].count; j--) {
            struct search_bucket t = out->languages[j];
            out->languages[j] = out->languages[j - 1];
            out->languages[j - 1] = t;
        }
    for (int i = 0; i < out->n_languages; i++)
        out->languages[i].count = scaled(out->languages[i].count, out, n);
    for (int b = 0; b < 5; b++)
        out->bands[b].count = scaled(out->bands[b].count, out, n);
}

/* Best first: lower score, then lower id (as the database would order them). */
static int by_score(const void *x, const void *y)
{
    const struct search_hit *a = x, *b = y;

    if (a->score != b->score)
        return a->score < b->score ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/*
 * The total when more books match than the "n" of the sample: the sample is the newest
 * matches, so it covers the ids from its "oldest" to the newest book (of published ids "lo"
 * to "hi");
 * matches are assumed as dense in the rest of the ids.
 */
static long long estimate(int n, long long oldest, long long lo, long long hi)
{
    long long total = n + 1;

    if (hi > oldest && hi >= lo)
        total = (long long)((double)n * (double)(hi - lo + 1) / (double)(hi - oldest + 1) + 0.5);
    return total <= n ? n + 1 : total;
}

/*
 * The page's ids: from the ranked sample, then (past the sample, when more books match)
 * the next matches newest first.
 */
static int page_ids(struct ctx *cx, const char *const *tok, int n_tok,
                    const struct search_request *rq, const struct search_hit *hits, int n_hits,
                    long long oldest, long long **ids, int *n)
{
    long long from = rq->offset, to = rq->offset + rq->limit;
    struct search_hit *more;
    int n_more, rc;

    *ids = arena_alloc(cx->arena, sizeof(long long) * (size_t)(rq->limit + 1));
    *n = 0;
    for (long long i = from; i < to && i < n_hits; i++)
        (*ids)[(*n)++] = hits[i].id;
    if (to <= n_hits || oldest <= 0)
        return 0;
    long long skip = from > n_hits ? from - n_hits : 0;
    if (skip > INT32_MAX - rq->limit)
        return 0;
    rc = store_search_hits(cx, tok, n_tok, &rq->filter, oldest, (int)skip + rq->limit - *n, &more,
                           &n_more);
    for (int i = (int)skip; rc == 0 && i < n_more && *n < rq->limit; i++)
        (*ids)[(*n)++] = more[i].id;
    return rc;
}

/* Buckets for the "n" most frequent ids, with their sample counts; names come with the fetch. */
static struct search_bucket *count_buckets(struct ctx *cx, const struct search_id_count *top, int n,
                                           long long **ids)
{
    struct search_bucket *rows = arena_zalloc(cx->arena, sizeof(*rows) * (size_t)(n + 1));

    *ids = arena_alloc(cx->arena, sizeof(long long) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        (*ids)[i] = top[i].id;
        rows[i].count = top[i].count;
    }
    return rows;
}

/* Scales the counts to the estimate and drops the buckets that got no name (an author or
   category deleted meanwhile). */
static int named_only(struct search_bucket *rows, int n, const struct search_result *out,
                      int n_hits)
{
    int kept = 0;

    for (int i = 0; i < n; i++)
        if (rows[i].value && rows[i].label) {
            rows[kept] = rows[i];
            rows[kept++].count = scaled(rows[i].count, out, n_hits);
        }
    return kept;
}

/* Authors and categories of "hits", counted from the ids each hit carries; "f" names the most
   frequent. */
static void facet_ids(struct ctx *cx, const struct search_hit *hits, int n_hits,
                      struct search_result *out, struct search_fetch *f)
{
    struct search_id_count *top_a, *top_c;
    long long *author_ids, *category_ids;

    f->n_authors = search_count_ids(cx->arena, hits, n_hits, true, FACET_MAX, &top_a);
    f->n_categories = search_count_ids(cx->arena, hits, n_hits, false, FACET_MAX, &top_c);
    out->authors = f->authors = count_buckets(cx, top_a, f->n_authors, &author_ids);
    out->categories = f->categories = count_buckets(cx, top_c, f->n_categories, &category_ids);
    f->author_ids = author_ids;
    f->category_ids = category_ids;
}

/*
 * One search: its hits (a sample of the newest matches when there are many), then in one
 * batch the span of ids (for the estimate), the facets' names and the page's books.
 */
static int run(struct ctx *cx, const char *const *tok, int n_tok, const struct search_request *rq,
               struct search_result *out)
{
    struct search_fetch f = {0};
    struct search_hit *hits;
    long long *ids, oldest = 0;
    int n_hits, rc;

    memset(out, 0, sizeof(*out));
    rc = store_search_hits(cx, tok, n_tok, &rq->filter, 0, SEARCH_SAMPLE + 1, &hits, &n_hits);
    if (rc || n_hits == 0)
        return rc;
    out->total = n_hits;
    if (n_hits > SEARCH_SAMPLE) {
        out->approximate = f.span = true;
        n_hits = SEARCH_SAMPLE;
        oldest = hits[n_hits - 1].id;
    }
    facet_ids(cx, hits, n_hits, out, &f);
    qsort(hits, (size_t)n_hits, sizeof(*hits), by_score);
    if ((rc = page_ids(cx, tok, n_tok, rq, hits, n_hits, oldest, &ids, &f.n_page)) != 0)
        return rc;
    f.page_ids = ids;
    if ((rc = store_search_fetch(cx, &f)) != 0)
        return rc;
    if (out->approximate)
        out->total = estimate(n_hits, oldest, f.min_id, f.max_id);
    tally(cx, hits, n_hits, out);
    out->n_authors = named_only(out->authors, f.n_authors, out, n_hits);
    out->n_categories = named_only(out->categories, f.n_categories, out, n_hits);
    out->items = f.items;
    out->n = f.n;
    for (int i = 0; i < out->n; i++)
        out->items[i].score = i + rq->offset < n_hits ? hits[i + rq->offset].score : 0;
    return 0;
}

static void highlight(struct ctx *cx, const char *const *tok, int n_tok, struct search_result *r)
{
    r->highlights = arena_zalloc(cx->arena, sizeof(*r->highlights) * (size_t)(r->n + 1));
    for (int i = 0; i < r->n; i++) {
        struct search_highlight *h = &r->highlights[i];
        const struct book *b = &r->items[i];

        h->n_title = search_segments(cx->arena, b->title, tok, n_tok, false, &h->title);
        h->n_snippet = search_segments(cx->arena, b->description ? b->description : "", tok, n_tok,
                                       true, &h->snippet);
    }
}

static const char *joined(struct ctx *cx, const char *const *tok, int n)
{
    struct buf b = BUF_INIT;
    const char *out;

    for (int i = 0; i < n; i++)
        buf_printf(&b, i ? " %s" : "%s", tok[i]);
    out = arena_strdup(cx->arena, b.p ? b.p : "");
    buf_release(&b);
    return out;
}

int search_books(struct ctx *cx, const struct search_request *rq, struct search_result *out)
{
    const char **tok, *fixed[SEARCH_MAX_TOKENS];
    bool changed = false;
    int n_tok, rc;

    memset(out, 0, sizeof(*out));
    if (!text_utf8_valid(rq->q, strlen(rq->q)))
        return cx_fail_details(cx, ERR_INVALID,
                               json_pack("{s:{s:s}}", "fields", "q", "must be valid UTF-8"),
                               "the query is not valid UTF-8");
    n_tok = text_tokens(cx->arena, rq->q, strlen(rq->q), SEARCH_MAX_CHARS, SEARCH_MAX_TOKENS, &tok);
    if (n_tok == 0)
        return 0;
    rc = run(cx, tok, n_tok, rq, out);
    if (rc == 0 && out->total == 0)
        rc = correct(cx, tok, n_tok, fixed, &changed);
    if (rc == 0 && changed) {
        struct search_result second;
        if ((rc = run(cx, fixed, n_tok, rq, &second)) == 0 && second.total > 0) {
            *out = second;
            out->did_you_mean = joined(cx, fixed, n_tok);
            tok = fixed;
        }
    }
    if (rc == 0)
        highlight(cx, tok, n_tok, out);
    return rc;
}

/* ---- highlighting ------------------------------------------------------------------------ */

static bool is_token(const char *w, const char *const *tok, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(w, tok[i]) == 0)
            return true;
    return false;
}

/* Appends text[from, to) as a segment, joining it to the last one when "match" is the same. */
static void push(struct arena *a, struct search_segment *seg, int *n, const char *text, size_t from,
                 size_t to, bool match)
{
    if (to <= from)
        return;
    if (*n > 0 && seg[*n - 1].match == match) { /* memcpy, not a printf: one per word */
        size_t had = strlen(seg[*n - 1].text);
        char *joined = arena_alloc(a, had + (to - from) + 1);

        memcpy(joined, seg[*n - 1].text, had);
        memcpy(joined + had, text + from, to - from);
        joined[had + (to - from)] = '\0';
        seg[*n - 1].text = joined;
        return;
    }
    seg[(*n)++] = (struct search_segment){arena_strndup(a, text + from, to - from), match};
}

/* The first word of a snippet window: a little before the first match, or 0. */
static int window_start(const struct text_word *w, int nw, const char *const *tok, int n_tok)
{
    for (int i = 0; i < nw; i++)
        if (is_token(w[i].folded, tok, n_tok))
            return i > SNIPPET_BEFORE ? i - SNIPPET_BEFORE : 0;
    return 0;
}

int search_segments(struct arena *a, const char *text, const char *const *tokens, int n_tokens,
                    bool snippet, struct search_segment **out)
{
    size_t len = strlen(text), at;
    struct text_word *w;
    int nw = text_words(a, text, len, snippet ? SNIPPET_SCAN : len, snippet ? 4096 : 1024, &w);
    int first = snippet ? window_start(w, nw, tokens, n_tokens) : 0;
    int last = snippet && first + SNIPPET_WORDS < nw ? first + SNIPPET_WORDS : nw;
    struct search_segment *seg = arena_zalloc(a, sizeof(*seg) * (size_t)(2 * (last - first) + 4));
    int n = 0;

    if (nw == 0) {
        if (!snippet && len > 0)
            seg[n++] = (struct search_segment){text, false};
        *out = seg;
        return n;
    }
    at = snippet ? w[first].start : 0;
    if (snippet && first > 0)
        push(a, seg, &n, "…", 0, strlen("…"), false);
    for (int i = first; i < last; i++) {
        push(a, seg, &n, text, at, w[i].start, false);
        push(a, seg, &n, text, w[i].start, w[i].end, is_token(w[i].folded, tokens, n_tokens));
        at = w[i].end;
    }
    bool cut = snippet && (last < nw || w[nw - 1].end < len);
    push(a, seg, &n, text, at, snippet ? (last < nw ? w[last - 1].end : len) : len, false);
    if (cut && last < nw)
        push(a, seg, &n, "…", 0, strlen("…"), false);
    *out = seg;
    return n;
}

/* ---- typeahead and the word list --------------------------------------------------------- */

int search_suggest(struct ctx *cx, const char *q, struct search_suggest_item **out, int *n)
{
    struct search_suggestion *books = NULL, *authors = NULL;
    const char **tok;
    int n_books = 0, n_authors = 0, rc = 0;
    int n_tok =
        text_utf8_valid(q, strlen(q))
            ? text_tokens(cx->arena, q, strlen(q), SUGGEST_MAX_CHARS, SUGGEST_MAX_TOKENS, &tok)
            : 0;

    *out = arena_zalloc(cx->arena, sizeof(**out) * SUGGEST_MAX);
    *n = 0;
    if (n_tok == 0 || (n_tok == 1 && text_chars(tok[0]) < 2))
        return 0;
    rc = store_search_suggest_authors(cx, tok, n_tok, 4, &authors, &n_authors);
    if (rc == 0)
        rc = store_search_suggest_books(cx, tok, n_tok, SUGGEST_MAX - n_authors, &books, &n_books);
    for (int i = 0; rc == 0 && i < n_books; i++)
        (*out)[(*n)++] = (struct search_suggest_item){false, books[i]};
    for (int i = 0; rc == 0 && i < n_authors && *n < SUGGEST_MAX; i++)
        (*out)[(*n)++] = (struct search_suggest_item){true, authors[i]};
    return rc;
}

/* Adds the folded words of "text" to "words" (deduplicated later by the database). */
static void collect(struct arena *a, const char *text, const char **words, int *n)
{
    struct text_word *w;
    int nw;

    if (!text)
        return;
    nw = text_words(a, text, strlen(text), 200000, NOTE_WORDS - *n, &w);
    for (int i = 0; i < nw; i++)
        words[(*n)++] = w[i].folded;
}

void search_note_book(struct ctx *cx, const struct book *b)
{
    const char **words = arena_alloc(cx->arena, sizeof(char *) * NOTE_WORDS);
    int n = 0;

    collect(cx->arena, b->title, words, &n);
    collect(cx->arena, b->subtitle, words, &n);
    for (int i = 0; i < b->n_authors; i++)
        collect(cx->arena, b->authors[i].name, words, &n);
    if (store_search_add_words(cx, words, n) != 0)
        cx->err_code = 0; /* best effort: the periodic refresh catches up */
}

int search_refresh(struct ctx *cx)
{
    return store_search_refresh_words(cx);
}
