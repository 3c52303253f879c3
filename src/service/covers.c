/* covers.c: cover typesetting (width estimates, line fitting, escaping) and the SVG frame. */
#include "service/covers.h"
#include "service/covers_art.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Helvetica's advance widths (1/1000 em) for ASCII 32..126, the base of every estimate. */
static const unsigned short ascii_widths[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,  278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,  611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278,  556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,  500, 334, 260, 334, 584,
};

/* How much wider (or narrower) each family sets than Helvetica, with a little margin. */
static const double face_factor[] = {
    [FACE_SERIF] = 1.02,     [FACE_SANS] = 1.02, [FACE_CONDENSED] = 0.84,
    [FACE_GEOMETRIC] = 1.08, [FACE_SLAB] = 1.10,
};

/*
 * Decodes one UTF-8 sequence at "s" ("n" bytes left) into "cp"; returns its length, or 0 for an
 * invalid sequence (overlong, surrogate, truncated, above U+10FFFF).
 */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    size_t len;
    uint32_t c = s[0], min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, c &= 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, c &= 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, c &= 0x07, min = 0x10000;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* True for code points XML 1.0 allows in text, minus the C0/C1 controls. */
static int xml_char_ok(uint32_t c)
{
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return 0;
    return !(c == 0xFFFE || c == 0xFFFF);
}

void covers_escape(struct buf *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;

    while (i < n) {
        uint32_t c = 0;
        size_t len = utf8_next(p + i, n - i, &c);

        if (len == 0 || !xml_char_ok(c)) {
            buf_adds(out, c == '\t' || c == '\n' || c == '\r' ? " " : "\xEF\xBF\xBD");
            i += len ? len : 1;
            continue;
        }
        switch (c) {
        case '&':
            buf_adds(out, "&amp;");
            break;
        case '<':
            buf_adds(out, "&lt;");
            break;
        case '>':
            buf_adds(out, "&gt;");
            break;
        case '"':
            buf_adds(out, "&quot;");
            break;
        case '\'':
            buf_adds(out, "&#39;");
            break;
        default:
            buf_add(out, p + i, len);
        }
        i += len;
    }
}

static double char_em(uint32_t c)
{
    if (c >= 32 && c < 127)
        return ascii_widths[c - 32] / 1000.0;
    if (c >= 0xC0 && c <= 0xDE)
        return 0.70; /* accented capitals */
    if (c >= 0x2E80)
        return 1.0; /* CJK and other full-width scripts */
    return 0.58;
}

double covers_text_width(const char *s, size_t n, const struct cover_fit *fit, double size)
{
    const unsigned char *p = (const unsigned char *)s;
    double em = 0;
    size_t i = 0;

    while (i < n) {
        uint32_t c = 0xFFFD;
        size_t len = utf8_next(p + i, n - i, &c);

        em += char_em(len ? c : 0xFFFD) + fit->tracking;
        i += len ? len : 1;
    }
    return em * size * face_factor[fit->face] * (fit->bold ? 1.07 : 1.0);
}

/* Copies "s" into "out" (capacity "cap"), upper-casing ASCII and Latin-1 letters, and
 * collapsing runs of white space into single spaces. */
static void normalise(const char *s, int upper, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    int space = 1;

    for (; *p && o + 4 < cap; p++) {
        unsigned char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!space)
                out[o++] = ' ';
            space = 1;
            continue;
        }
        space = 0;
        if (upper && c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 32);
        else if (upper && c == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
            out[o++] = (char)c;
            out[o++] = (char)(*++p - 0x20);
            continue;
        }
        out[o++] = (char)c;
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
}

/*
 * Greedy wrap of the words in "text" at "width": fills "out" when "out" is not NULL. Returns
 * the number of lines, or -1 when a single word is wider than "width" or more than "max"
 * lines are needed.
 */
static int wrap(const char *text, const struct cover_fit *fit, double size, double width, int max,
                struct cover_lines *out)
{
    const char *line = text, *p = text;
    int n = 0;

    while (*line) {
        const char *end = NULL; /* end of the last word that fits on this line */
        for (p = line;;) {
            const char *w = p;
            while (*w && *w != ' ')
                w++;
            if (covers_text_width(line, (size_t)(w - line), fit, size) > width)
                break;
            end = w;
            if (!*w)
                break;
            p = w + 1;
        }
        if (!end || n >= max || (size_t)(end - line) >= COVER_LINE_MAX)
            return -1;
        if (out) {
            size_t len = (size_t)(end - line);
            memcpy(out->line[n], line, len);
            out->line[n][len] = '\0';
            out->width[n] = covers_text_width(line, len, fit, size);
        }
        n++;
        line = *end ? end + 1 : end;
    }
    return n;
}

/* Narrows the wrapping width while the line count stays "n", so lines come out even. */
static double balance(const char *text, const struct cover_fit *fit, double size, int n)
{
    double lo = 0, hi = fit->max_width;

    if (n < 2)
        return hi;
    for (int i = 0; i < 14; i++) {
        double mid = (lo + hi) / 2;
        int k = wrap(text, fit, size, mid, n, NULL);
        if (k > 0 && k <= n)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* Appends to "dst" as much of "src" as fits "width", ending in an ellipsis when cut. */
static void clip_line(char *dst, const char *src, const struct cover_fit *fit, double size,
                      double width)
{
    size_t n = strlen(src), keep = 0, i = 0;
    const char *dots = "\xE2\x80\xA6";

    if (n < COVER_LINE_MAX && covers_text_width(src, n, fit, size) <= width) {
        memcpy(dst, src, n + 1);
        return;
    }
    while (i < n) {
        size_t next = i + 1;
        while (next < n && ((unsigned char)src[next] & 0xC0) == 0x80)
            next++;
        if (next + 4 > COVER_LINE_MAX ||
            covers_text_width(src, next, fit, size) + covers_text_width(dots, 3, fit, size) > width)
            break;
        keep = i = next;
    }
    while (keep > 0 && src[keep - 1] == ' ')
        keep--;
    memcpy(dst, src, keep);
    memcpy(dst + keep, dots, 4);
}

/* The last resort at "size_min": cut the text into lines of whatever fits, ellipsis at the end. */
static void force_fit(const char *text, const struct cover_fit *fit, struct cover_lines *out)
{
    const char *p = text;
    double size = fit->size_min, w = fit->max_width;

    out->size = size;
    for (out->n = 0; *p && out->n < fit->max_lines; out->n++) {
        char *dst = out->line[out->n];
        size_t take = 0, best = 0;
        if (out->n == fit->max_lines - 1) {
            clip_line(dst, p, fit, size, w);
            out->width[out->n] = covers_text_width(dst, strlen(dst), fit, size);
            out->n++;
            return;
        }
        while (p[take]) { /* longest prefix that fits, preferring a break at a space */
            size_t next = take + 1;
            while (p[next] && ((unsigned char)p[next] & 0xC0) == 0x80)
                next++;
            if (next >= COVER_LINE_MAX || covers_text_width(p, next, fit, size) > w)
                break;
            take = next;
            if (p[take] == ' ' || !p[take])
                best = take;
        }
        if (!best || (p[take] && p[take] != ' ' && best < take / 2))
            best = take ? take : 1;
        memcpy(dst, p, best);
        dst[best] = '\0';
        out->width[out->n] = covers_text_width(dst, best, fit, size);
        p += best;
        while (*p == ' ')
            p++;
    }
}

/* Tries sizes from the largest down to "floor" with at most "lines" lines; 0 when one fits. */
static int fit_sizes(const char *norm, const struct cover_fit *f, int lines, double floor,
                     struct cover_lines *out)
{
    for (double size = f->size_max; size >= floor - 1e-9; size -= 1.0) {
        int n = wrap(norm, f, size, f->max_width, lines, NULL);
        if (n < 1)
            continue;
        out->size = size;
        out->n = wrap(norm, f, size, balance(norm, f, size, n), n, out);
        if (out->n != n)
            out->n = wrap(norm, f, size, f->max_width, lines, out);
        return 0;
    }
    return -1;
}

void covers_fit(const char *text, const struct cover_fit *fit, struct cover_lines *out)
{
    char norm[COVER_LINE_MAX * 2];
    struct cover_fit f = *fit;

    if (f.max_lines < 1 || f.max_lines > COVER_MAX_LINES)
        f.max_lines = COVER_MAX_LINES;
    if (f.size_min > f.size_max)
        f.size_min = f.size_max;
    normalise(text ? text : "", f.upper, norm, sizeof(norm));
    memset(out, 0, sizeof(*out));
    if (!norm[0])
        return;
    /* Three lines of large type read better than four of larger: try that first. */
    double floor = f.size_max * 0.6 > f.size_min ? f.size_max * 0.6 : f.size_min;
    if (f.max_lines > 3 && fit_sizes(norm, &f, 3, floor, out) == 0)
        return;
    if (fit_sizes(norm, &f, f.max_lines, f.size_min, out) == 0)
        return;
    force_fit(norm, &f, out);
}

static const char *const families[] = {
    [FACE_SERIF] = "Georgia, 'Palatino Linotype', Palatino, P052, 'DejaVu Serif', serif",
    [FACE_SANS] =
        "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'Nimbus Sans', sans-serif",
    [FACE_CONDENSED] = "'Arial Narrow', 'Liberation Sans Narrow', 'Nimbus Sans Narrow', "
                       "'Roboto Condensed', sans-serif",
    [FACE_GEOMETRIC] = "Futura, 'Century Gothic', 'URW Gothic', 'Avenir Next', 'Trebuchet MS', "
                       "sans-serif",
    [FACE_SLAB] = "Rockwell, 'Bookman Old Style', 'URW Bookman', Georgia, serif",
};

double art_text(struct art *a, const struct cover_lines *l, const struct cover_fit *f,
                const struct art_pen *pen)
{
    double y = pen->y, lead = l->size * (pen->leading > 0 ? pen->leading : 1.12);

    for (int i = 0; i < l->n; i++) {
        y += i == 0 ? l->size * 0.80 : lead;
        buf_printf(a->o, "<text x=\"%.1f\" y=\"%.1f\" font-family=\"%s\" font-size=\"%.1f\"",
                   pen->x, y, families[f->face], l->size);
        buf_printf(a->o, " font-weight=\"%s\" fill=\"%s\"", f->bold ? "700" : "400", pen->fill);
        if (pen->anchor)
            buf_printf(a->o, " text-anchor=\"%s\"", pen->anchor);
        if (pen->italic)
            buf_adds(a->o, " font-style=\"italic\"");
        if (f->tracking > 0)
            buf_printf(a->o, " letter-spacing=\"%.2f\"", f->tracking * l->size);
        if (f->face == FACE_CONDENSED)
            buf_adds(a->o, " font-stretch=\"condensed\"");
        if (l->width[i] > f->max_width * 0.86)
            buf_printf(a->o, " textLength=\"%.1f\" lengthAdjust=\"spacingAndGlyphs\"", l->width[i]);
        if (pen->extra)
            buf_adds(a->o, pen->extra);
        buf_addc(a->o, '>');
        covers_escape(a->o, l->line[i], strlen(l->line[i]));
        buf_adds(a->o, "</text>\n");
    }
    return y + l->size * 0.25;
}

void covers_svg(const struct cover_spec *spec, struct buf *out)
{
    struct art a = {.o = out, .s = spec};
    uint64_t h = rng_hash(spec->slug ? spec->slug : spec->title);

    rng_seed(&a.r, h);
    snprintf(a.id, sizeof(a.id), "c%06x", (unsigned)(h & 0xFFFFFF));
    buf_printf(out,
               "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
               "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"",
               COVER_W, COVER_H, COVER_W, COVER_H);
    covers_escape(out, spec->title, strlen(spec->title));
    if (spec->author && *spec->author) {
        buf_adds(out, ", by ");
        covers_escape(out, spec->author, strlen(spec->author));
    }
    buf_adds(out, "\">\n<title>");
    covers_escape(out, spec->title, strlen(spec->title));
    buf_adds(out, "</title>\n");
    art_draw(&a);
    art_spine(&a);
    buf_adds(out, "</svg>\n");
}
