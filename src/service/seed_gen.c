/* seed_gen.c: composing demo books and bios, ISBNs and slugs, prices, ratings and stats. */
#include "service/seed_gen.h"
#include "core/buf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void seed_isbn13(long long prefix12, char out[14])
{
    int sum = 0;

    snprintf(out, 14, "%012lld", prefix12 % 1000000000000LL);
    for (int i = 0; i < 12; i++)
        sum += (out[i] - '0') * (i % 2 ? 3 : 1);
    out[12] = (char)('0' + (10 - sum % 10) % 10);
    out[13] = '\0';
}

bool seed_isbn_valid(const char *isbn)
{
    int sum = 0;

    if (!isbn || strlen(isbn) != 13)
        return false;
    for (int i = 0; i < 13; i++) {
        if (isbn[i] < '0' || isbn[i] > '9')
            return false;
        sum += (isbn[i] - '0') * (i % 2 ? 3 : 1);
    }
    return sum % 10 == 0;
}

/* ASCII for U+00C0..U+00FF, the Latin-1 letters ("" drops the character). */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

/* ASCII for a few Latin Extended-A letters (two-byte sequences starting C4 or C5). */
static const char *latin_ext(unsigned char b0, unsigned char b1)
{
    static const struct {
        unsigned char b0, b1;
        const char *ascii;
    } map[] = {
        {0xC4, 0x84, "a"},  {0xC4, 0x85, "a"}, {0xC4, 0x86, "c"}, {0xC4, 0x87, "c"},
        {0xC4, 0x8C, "c"},  {0xC4, 0x8D, "c"}, {0xC4, 0x98, "e"}, {0xC4, 0x99, "e"},
        {0xC4, 0x9E, "g"},  {0xC4, 0x9F, "g"}, {0xC4, 0xB1, "i"}, {0xC5, 0x81, "l"},
        {0xC5, 0x82, "l"},  {0xC5, 0x83, "n"}, {0xC5, 0x84, "n"}, {0xC5, 0x92, "oe"},
        {0xC5, 0x93, "oe"}, {0xC5, 0x9A, "s"}, {0xC5, 0x9B, "s"}, {0xC5, 0x9E, "s"},
        {0xC5, 0x9F, "s"},  {0xC5, 0xA0, "s"}, {0xC5, 0xA1, "s"}, {0xC5, 0xB9, "z"},
        {0xC5, 0xBA, "z"},  {0xC5, 0xBB, "z"}, {0xC5, 0xBC, "z"}, {0xC5, 0xBD, "z"},
        {0xC5, 0xBE, "z"},
    };

    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (map[i].b0 == b0 && map[i].b1 == b1)
            return map[i].ascii;
    return NULL;
}

/* Appends "s" to the slug, or a pending hyphen when "s" is NULL. */
static void slug_put(char *out, size_t cap, size_t *o, int *hyphen, const char *s)
{
    if (!s) {
        *hyphen = *o > 0;
        return;
    }
    if (*hyphen && *o + 1 < cap)
        out[(*o)++] = '-';
    *hyphen = 0;
    for (; *s && *o + 1 < cap; s++)
        out[(*o)++] = *s;
}

void seed_slugify(const char *text, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t o = 0, limit = cap > 81 ? 81 : cap;
    int hyphen = 0;
    char one[2] = {0, 0};

    for (; *p && o + 4 < limit; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
            one[0] = (char)*p;
            slug_put(out, limit, &o, &hyphen, one);
        } else if (*p >= 'A' && *p <= 'Z') {
            one[0] = (char)(*p + 32);
            slug_put(out, limit, &o, &hyphen, one);
        } else if (*p == '\'' || (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)) {
            p += *p == '\'' ? 0 : 2; /* apostrophes join: "alice's" -> "alices" */
        } else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
            slug_put(out, limit, &o, &hyphen, latin1[*++p - 0x80]);
        } else if ((*p == 0xC4 || *p == 0xC5) && latin_ext(p[0], p[1])) {
            slug_put(out, limit, &o, &hyphen, latin_ext(p[0], p[1]));
            p++;
        } else {
            slug_put(out, limit, &o, &hyphen, NULL);
        }
    }
    out[o] = '\0';
    if (!strpbrk(out, "abcdefghijklmnopqrstuvwxyz")) { /* a slug is never all digits */
        char digits[81];
        snprintf(digits, sizeof(digits), "%s", out);
        snprintf(out, cap, "book%s%s", o ? "-" : "", digits);
    }
}

static const char *pick(const char *const list[SEED_BANK], struct rng *r)
{
    size_t n = seed_bank_len(list);

    return n ? list[rng_below(r, (uint32_t)n)] : NULL;
}

void seed_picks_choose(const struct seed_bank *b, struct rng *r, struct seed_picks *out)
{
    out->f = pick(b->first, r);
    out->r = pick(b->roles, r);
    out->p = pick(b->places, r);
    out->n = pick(b->nouns, r);
    out->a = pick(b->adjs, r);
    out->t = pick(b->topics, r);
}

char *seed_expand(struct arena *arena, const char *tmpl, const struct seed_picks *k)
{
    struct buf b = BUF_INIT;

    for (const char *p = tmpl; *p; p++) {
        const char *v = NULL;
        if (p[0] == '{' && p[1] && p[2] == '}') {
            switch (p[1]) {
            case 'F':
                v = k->f;
                break;
            case 'R':
                v = k->r;
                break;
            case 'P':
                v = k->p;
                break;
            case 'N':
                v = k->n;
                break;
            case 'A':
                v = k->a;
                break;
            case 'T':
                v = k->t;
                break;
            }
        }
        if (v) {
            buf_adds(&b, v);
            p += 2;
        } else {
            buf_addc(&b, *p);
        }
    }
    char *s = arena_strdup(arena, b.p ? b.p : "");
    buf_release(&b);
    return s;
}

/* First letter upper-cased (ASCII), for templates that start with a pick. */
static char *capitalise(char *s)
{
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 32);
    return s;
}

void seed_invent(const struct seed_bank *b, struct rng *r, struct arena *arena,
                 struct seed_book *out)
{
    struct seed_picks k;

    seed_picks_choose(b, r, &k);
    seed_invent_picks(b, &k, r, arena, out);
}

void seed_invent_picks(const struct seed_bank *b, const struct seed_picks *picks, struct rng *r,
                       struct arena *arena, struct seed_book *out)
{
    struct seed_picks k = *picks;
    const char *parts[4];

    out->title = capitalise(seed_expand(arena, pick(b->titles, r), &k));
    out->subtitle = NULL;
    if (rng_below(r, 100) < 30 && seed_bank_len(b->subtitles))
        out->subtitle = seed_expand(arena, pick(b->subtitles, r), &k);
    parts[0] = pick(b->setups, r);
    parts[1] = pick(b->turns, r);
    parts[2] = pick(b->stakes, r);
    parts[3] = pick(b->closers, r);
    struct buf d = BUF_INIT;
    for (int i = 0; i < 4; i++) {
        if (!parts[i])
            continue;
        if (d.len)
            buf_addc(&d, ' ');
        buf_adds(&d, capitalise(seed_expand(arena, parts[i], &k)));
    }
    out->description = arena_strdup(arena, d.p ? d.p : "");
    buf_release(&d);
    out->language = b->language;
    out->pages = rng_range(r, b->pages_min, b->pages_max);
}

/* "{N}", "{L}", "{G}" and "{H}" of a bio sentence. */
static void bio_sentence(struct buf *b, const char *tmpl, const char *name, const char *last,
                         const char *genre, const char *home)
{
    for (const char *p = tmpl; *p; p++) {
        const char *v = NULL;
        if (p[0] == '{' && p[1] && p[2] == '}')
            v = p[1] == 'N'   ? name
                : p[1] == 'L' ? last
                : p[1] == 'G' ? genre
                : p[1] == 'H' ? home
                              : NULL;
        if (v) {
            buf_adds(b, v);
            p += 2;
        } else {
            buf_addc(b, *p);
        }
    }
}

char *seed_bio(const char *name, const char *genre_name, const char *home, struct rng *r,
               struct arena *arena)
{
    const char *last = strrchr(name, ' ');
    struct buf b = BUF_INIT;
    char genre[64];

    last = last ? last + 1 : name;
    snprintf(genre, sizeof(genre), "%s", genre_name);
    for (char *g = genre; *g; g++) /* "Science Fiction" reads "science fiction" mid-sentence */
        if (*g >= 'A' && *g <= 'Z')
            *g = (char)(*g + 32);
    bio_sentence(&b, pick(seed_bios.origins, r), name, last, genre, home);
    buf_addc(&b, ' ');
    bio_sentence(&b, pick(seed_bios.careers, r), name, last, genre, home);
    buf_addc(&b, ' ');
    bio_sentence(&b, pick(seed_bios.homes, r), name, last, genre, home);
    char *s = arena_strdup(arena, b.p);
    buf_release(&b);
    return s;
}

void seed_format_time(time_t t, char out[21])
{
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void seed_format_day(time_t now, int days_ago, char out[11])
{
    time_t t = now - (time_t)days_ago * 86400;
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

static long long draw_price(const struct seed_profile *p, struct rng *r)
{
    static const long long modern[] = {299, 499, 699, 799, 999, 999, 1299, 1499, 1999, 2499};
    static const long long classic[] = {299, 399, 499};

    if ((int)rng_below(r, 100) < p->free_percent)
        return 0;
    return p->classic ? RNG_PICK(r, classic) : RNG_PICK(r, modern);
}

static void draw_rating(struct seed_book *b, struct rng *r)
{
    double avg = 3.2 + 1.75 * sqrt(rng_unit(r));

    b->rating_count = rng_below(r, 100) < 6 ? 0 : (int)exp(rng_unit(r) * 7.2);
    b->rating_sum = (int)lround(avg * b->rating_count);
    if (b->rating_sum < b->rating_count)
        b->rating_sum = b->rating_count;
    if (b->rating_sum > 5 * b->rating_count)
        b->rating_sum = 5 * b->rating_count;
}

/* Daily views and purchases over the last "days" days, with a per-book trend. */
static void draw_stats(struct seed_book *b, struct rng *r, int days, int age_days)
{
    double pop = rng_unit(r), base = 4 + pop * pop * 420;
    double trend = -0.06 + rng_unit(r) * 0.22, conv = 0.004 + rng_unit(r) * 0.03;

    b->stats_days = days > 14 ? 14 : days;
    b->views = b->purchases = 0;
    for (int d = 0; d < 14; d++) {
        int ago = 13 - d;
        b->daily_views[d] = b->daily_purchases[d] = 0;
        if (ago >= b->stats_days || ago > age_days)
            continue;
        double v = base * pow(1 + trend, -ago) * (0.7 + rng_unit(r) * 0.6);
        b->daily_views[d] = (int)v + 1;
        int sold = (int)(v * conv + rng_unit(r));
        /* a free book is claimed, never bought; each sale is a daily row with its revenue */
        b->daily_purchases[d] = b->price_cents ? sold : 0;
        b->views += b->daily_views[d];
        b->purchases += b->daily_purchases[d];
    }
    b->views += (long long)(base * 0.6 * (age_days > 14 ? age_days - 14 : 0));
}

void seed_numbers(struct seed_book *b, const struct seed_profile *p, struct rng *r, time_t now)
{
    int age = (int)rng_below(r, 100) < p->new_percent ? rng_range(r, 0, 13)
                                                      : rng_range(r, 14, p->max_age_days);
    time_t at = now - (time_t)age * 86400 - rng_range(r, 0, 86399);

    if (at > now)
        at = now;
    b->price_cents = draw_price(p, r);
    seed_format_time(at, b->published_at);
    draw_rating(b, r);
    draw_stats(b, r, p->stats_days, age);
}

/*
 * Invented words for the benchmark catalog: three syllables, each a consonant and a vowel
 * with an optional closing consonant, so a word splits into syllables one way only and
 * distinct indices give distinct words (the multiplier is odd, a bijection modulo 64^3).
 */
static const char *const syllables[64] = {
    "ba",  "be",  "bi",  "bo",  "da",  "de",  "di",  "do",  "fa",  "fe",  "fi",  "ga",  "go",
    "ka",  "ke",  "ki",  "ko",  "ku",  "la",  "le",  "li",  "lo",  "lu",  "ma",  "me",  "mi",
    "mo",  "na",  "ne",  "ni",  "no",  "pa",  "pe",  "po",  "ra",  "re",  "ri",  "ro",  "ru",
    "sa",  "se",  "si",  "so",  "ta",  "te",  "ti",  "to",  "va",  "ve",  "vi",  "za",  "zo",
    "ban", "del", "kar", "lin", "mor", "nes", "pal", "ren", "sol", "tam", "vel", "zor",
};

void seed_word(uint32_t index, char out[SEED_WORD_MAX])
{
    uint32_t j = (uint32_t)((index * 2654435761u) % (64u * 64u * 64u));

    snprintf(out, SEED_WORD_MAX, "%s%s%s", syllables[j % 64], syllables[(j / 64) % 64],
             syllables[j / 4096]);
}

uint32_t seed_zipf(struct rng *r, uint32_t vocabulary)
{
    /* log-uniform: P(k) falls as 1/k, the shape of word frequencies in real text */
    double k = exp(rng_unit(r) * log((double)vocabulary + 1)) - 1;

    return k >= vocabulary ? vocabulary - 1 : (uint32_t)k;
}
