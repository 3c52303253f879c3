/* covers_art.c: the cover designs: palettes, backgrounds and shapes, and where the type goes. */
#include "service/covers_art.h"

#include <math.h>
#include <string.h>

static const struct palette palettes[] = {
    {"#14213d", "#1d3461", "#fca311", "#e76f51", "#f8f1e5", "#c9d3e3", 1}, /* midnight */
    {"#1b4332", "#2d6a4f", "#e9b949", "#95d5b2", "#f1faee", "#b7e4c7", 1}, /* forest */
    {"#5c1a1b", "#7d2628", "#e9c46a", "#f4a261", "#fdf0d5", "#f1d6b8", 1}, /* burgundy */
    {"#0b4f57", "#127475", "#f2c14e", "#f78154", "#f6f4ee", "#b9e0dc", 1}, /* teal */
    {"#121212", "#262626", "#e63946", "#f1c40f", "#f5f5f0", "#bdbdbd", 1}, /* ink */
    {"#2e1a47", "#44296a", "#f7b267", "#f25c54", "#f9efe6", "#cdb8e0", 1}, /* plum */
    {"#2f3e46", "#354f52", "#cad2c5", "#e07a5f", "#f4f1de", "#a9b8b0", 1}, /* slate */
    {"#0a3d91", "#1252b8", "#ffd23f", "#ee4266", "#ffffff", "#c7d8f5", 1}, /* cobalt */
    {"#9b1d20", "#6e0d10", "#f2d0a4", "#1d3557", "#fdf0d5", "#f4c7a1", 1}, /* crimson */
    {"#efe3c8", "#e3cfa3", "#b5452b", "#2e5e4e", "#2a2522", "#6b5e50", 0}, /* sand */
    {"#f6d5d1", "#eab8c3", "#b23a5a", "#f28f6b", "#3b1f2b", "#7d4a5a", 0}, /* blush */
    {"#d4e6f3", "#a9cbe6", "#1f4e79", "#f2a541", "#13283f", "#3e5c7a", 0}, /* sky */
    {"#d8efe4", "#b4e0cd", "#1d6e5a", "#ef7b45", "#10302a", "#3f6b5f", 0}, /* mint */
    {"#f4efe6", "#e8dfd0", "#1e3a5f", "#c44536", "#1b1b1b", "#555049", 0}, /* cream */
    {"#f2b33d", "#e59a1d", "#2b2118", "#c8553d", "#1f1a14", "#5a4126", 0}, /* ochre */
    {"#ffb26b", "#ff7b54", "#3d1e6d", "#ffd56b", "#2b1b3d", "#5a3d6b", 0}, /* sunset */
};

#define N_PALETTES (sizeof(palettes) / sizeof(palettes[0]))
#define PAPER "#f4eee1"

/* A cover_fit: face, bold, upper, tracking (em), width, lines, largest and smallest size. */
#define FIT(face, bold, upper, track, w, lines, max, min)                                          \
    ((struct cover_fit){(face), (bold), (upper), (track), (w), (lines), (max), (min)})
#define PEN(x, y, anchor, fill) ((struct art_pen){(x), (y), (anchor), (fill), 0, 0, NULL})

/* A palette, limited to dark ones (want 1), light ones (want 0) or any (want -1). */
static const struct palette *pick_palette(struct art *a, int want)
{
    for (;;) {
        const struct palette *p = &palettes[rng_below(&a->r, N_PALETTES)];
        if (want < 0 || p->dark == want)
            return p;
    }
}

static void gradient(struct art *a, const char *name, const char *c1, const char *c2, int vertical)
{
    buf_printf(a->o,
               "<defs><linearGradient id=\"%s%s\" x1=\"0\" y1=\"0\" x2=\"%d\" y2=\"1\">"
               "<stop offset=\"0\" stop-color=\"%s\"/><stop offset=\"1\" stop-color=\"%s\"/>"
               "</linearGradient></defs>\n",
               name, a->id, vertical ? 0 : 1, c1, c2);
}

static void fill_gradient(struct art *a, const char *name)
{
    buf_printf(a->o, "<rect width=\"400\" height=\"600\" fill=\"url(#%s%s)\"/>\n", name, a->id);
}

static void rect(struct art *a, double x, double y, double w, double h, const char *fill,
                 double opacity)
{
    buf_printf(a->o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"", x, y,
               w, h, fill);
    if (opacity < 1)
        buf_printf(a->o, " opacity=\"%.2f\"", opacity);
    buf_adds(a->o, "/>\n");
}

static void circle(struct art *a, double cx, double cy, double r, const char *fill, double opacity)
{
    buf_printf(a->o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"", cx, cy, r, fill);
    if (opacity < 1)
        buf_printf(a->o, " opacity=\"%.2f\"", opacity);
    buf_adds(a->o, "/>\n");
}

/* The first letter of "s" (a whole UTF-8 sequence), or "M". */
static void initial(const char *s, char out[5])
{
    size_t n = 1;

    if (!s || !*s || (unsigned char)*s < 0x21) {
        strcpy(out, "M");
        return;
    }
    while (n < 4 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* The publisher's mark: its initial in a small roundel centred on ("cx", "cy"). */
static void mark(struct art *a, double cx, double cy, const char *color)
{
    char ch[5];

    initial(a->s->publisher, ch);
    buf_printf(a->o,
               "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"11\" fill=\"none\" stroke=\"%s\" "
               "stroke-width=\"1.3\"/><text x=\"%.1f\" y=\"%.1f\" font-family=\"Georgia, serif\" "
               "font-size=\"13\" font-weight=\"700\" text-anchor=\"middle\" fill=\"%s\">",
               cx, cy, color, cx, cy + 4.6, color);
    covers_escape(a->o, ch, strlen(ch));
    buf_adds(a->o, "</text>\n");
}

/* Height of a block of "l" set with "leading" (0 = default), as art_text() advances. */
static double block_height(const struct cover_lines *l, double leading)
{
    if (!l->n)
        return 0;
    return l->size * (0.80 + 0.25) + (l->n - 1) * l->size * (leading > 0 ? leading : 1.12);
}

/* Fits and sets one text in a single call; returns the y below it. */
static double set(struct art *a, const char *text, struct cover_fit f, struct art_pen pen)
{
    struct cover_lines l;

    if (!text || !*text)
        return pen.y;
    covers_fit(text, &f, &l);
    return art_text(a, &l, &f, &pen);
}

static const char *author(const struct art *a)
{
    return a->s->author && *a->s->author ? a->s->author : "Anonymous";
}

/* Classics: coloured bands top and bottom around a paper panel, the publisher's roundel. */
static void draw_bands(struct art *a)
{
    struct cover_fit tf = FIT(FACE_SERIF, 0, 0, 0, 312, 3, 44, 20);
    struct cover_fit af = FIT(FACE_SANS, 0, 1, 0.14, 300, 2, 15, 10);
    struct cover_lines t, au;
    const char *band = a->p->dark ? a->p->bg : a->p->accent;

    covers_fit(a->s->title, &tf, &t);
    covers_fit(author(a), &af, &au);
    rect(a, 0, 0, 400, 600, band, 1);
    rect(a, 0, 168, 400, 264, PAPER, 1);
    rect(a, 0, 160, 400, 2.5, PAPER, 1);
    rect(a, 0, 437.5, 400, 2.5, PAPER, 1);
    buf_printf(a->o, "<ellipse cx=\"200\" cy=\"84\" rx=\"36\" ry=\"24\" fill=\"%s\"/>\n", PAPER);
    mark(a, 200, 84, band);
    double y = 300 - (block_height(&t, 0) + 26 + block_height(&au, 1.3)) / 2;
    y = art_text(a, &t, &tf, &(struct art_pen){200, y, "middle", "#1d1d1b", 0, 0, NULL});
    rect(a, 185, y + 8, 30, 1.5, band, 1);
    art_text(a, &au, &af, &(struct art_pen){200, y + 24, "middle", "#3a3835", 0, 1.3, NULL});
    set(a, a->s->publisher, FIT(FACE_SANS, 0, 1, 0.3, 300, 1, 10, 8),
        PEN(200, 510, "middle", PAPER));
}

/* Literary and poetry: a double-ruled frame, centred capitals, an ornament, italic author. */
static void draw_frame(struct art *a)
{
    const struct palette *p = a->p;
    double y;

    rect(a, 0, 0, 400, 600, p->bg, 1);
    buf_printf(a->o,
               "<rect x=\"22\" y=\"22\" width=\"356\" height=\"556\" fill=\"none\" stroke=\"%s\" "
               "stroke-width=\"2\"/><rect x=\"30\" y=\"30\" width=\"340\" height=\"540\" "
               "fill=\"none\" stroke=\"%s\" stroke-width=\"0.8\"/>\n",
               p->accent, p->accent);
    y = set(a, a->s->title, FIT(FACE_SERIF, 0, 1, 0.08, 290, 4, 42, 18),
            PEN(200, 150 + rng_range(&a->r, 0, 30), "middle", p->ink));
    y += 26;
    buf_printf(a->o,
               "<path d=\"M150 %.1f H188 M212 %.1f H250\" stroke=\"%s\" stroke-width=\"1\"/>"
               "<rect x=\"194\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\" "
               "transform=\"rotate(45 200 %.1f)\"/>\n",
               y, y, p->accent, y - 6, p->accent, y);
    struct art_pen pen = PEN(200, y + 28, "middle", p->soft);
    pen.italic = 1;
    y = set(a, a->s->subtitle, FIT(FACE_SERIF, 0, 0, 0, 280, 2, 18, 12), pen);
    pen.y = y + 12;
    pen.fill = p->ink;
    set(a, author(a), FIT(FACE_SERIF, 0, 0, 0.02, 280, 2, 24, 14), pen);
    mark(a, 200, 530, p->accent);
}

/* A jagged ridge line across the cover between "top" and "top + depth", filled to the foot. */
static void ridge(struct art *a, double top, double depth, const char *fill, double opacity)
{
    double x = -10;

    buf_printf(a->o, "<path d=\"M-10 600 L-10 %.1f", top + rng_unit(&a->r) * depth);
    while (x < 410) {
        x += 30 + rng_unit(&a->r) * 50;
        buf_printf(a->o, " L%.1f %.1f", x, top + rng_unit(&a->r) * depth);
    }
    buf_printf(a->o, " L410 600 Z\" fill=\"%s\" opacity=\"%.2f\"/>\n", fill, opacity);
}

/* Fantasy and adventure: a sky, a great sun or moon, mountain ranges, title in the sky. */
static void draw_sun(struct art *a)
{
    const struct palette *p = a->p;

    gradient(a, "sky", p->bg2, p->bg, 1);
    fill_gradient(a, "sky");
    circle(a, 120 + rng_range(&a->r, 0, 160), 330 + rng_range(&a->r, 0, 40),
           70 + rng_range(&a->r, 0, 40), p->accent, 0.92);
    ridge(a, 380, 70, p->accent2, 0.45);
    ridge(a, 430, 60, p->bg2, 1);
    ridge(a, 490, 40, p->dark ? "#000000" : p->soft, p->dark ? 0.55 : 0.9);
    set(a, a->s->title, FIT(FACE_SERIF, 1, 1, 0.06, 340, 3, 50, 22),
        PEN(200, 56, "middle", p->dark ? p->ink : "#ffffff"));
    set(a, author(a), FIT(FACE_SANS, 0, 1, 0.25, 320, 1, 15, 10),
        PEN(200, 548, "middle", p->dark ? p->ink : "#ffffff"));
}

/* Science fiction: a starfield, a ringed planet, tracked geometric capitals. */
static void draw_planet(struct art *a)
{
    const struct palette *p = a->p;
    double cx = 230 + rng_range(&a->r, 0, 90), cy = 380 + rng_range(&a->r, 0, 60);
    double r = 100 + rng_range(&a->r, 0, 50), tilt = -10 - rng_range(&a->r, 0, 20);

    gradient(a, "space", "#05060a", p->bg, 0);
    fill_gradient(a, "space");
    for (int i = 0; i < 90; i++)
        circle(a, rng_unit(&a->r) * 400, rng_unit(&a->r) * 600, 0.4 + rng_unit(&a->r) * 1.3,
               "#ffffff", 0.25 + rng_unit(&a->r) * 0.7);
    buf_printf(a->o,
               "<defs><radialGradient id=\"pl%s\" cx=\"0.35\" cy=\"0.3\" r=\"0.8\">"
               "<stop offset=\"0\" stop-color=\"%s\"/><stop offset=\"1\" stop-color=\"%s\"/>"
               "</radialGradient></defs>\n",
               a->id, p->accent, p->accent2);
    buf_printf(a->o, "<g transform=\"rotate(%.0f %.1f %.1f)\">", tilt, cx, cy);
    buf_printf(a->o,
               "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" fill=\"none\" "
               "stroke=\"%s\" stroke-width=\"6\" opacity=\"0.55\"/>",
               cx, cy, r * 1.7, r * 0.32, p->soft);
    buf_printf(a->o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"url(#pl%s)\"/>", cx, cy, r,
               a->id);
    buf_printf(a->o,
               "<path d=\"M%.1f %.1f A%.1f %.1f 0 0 0 %.1f %.1f\" fill=\"none\" "
               "stroke=\"%s\" stroke-width=\"6\" opacity=\"0.75\"/></g>\n",
               cx - r * 1.7, cy, r * 1.7, r * 0.32, cx + r * 1.7, cy, p->soft);
    double y = set(a, a->s->title, FIT(FACE_GEOMETRIC, 1, 1, 0.12, 330, 4, 44, 18),
                   PEN(36, 64, NULL, "#ffffff"));
    rect(a, 36, y + 6, 48, 3, p->accent, 1);
    set(a, author(a), FIT(FACE_GEOMETRIC, 0, 1, 0.3, 320, 1, 14, 9), PEN(36, 556, NULL, p->soft));
}

/* Crime and suspense: night, a slashing stripe, a skyline with lit windows, condensed type. */
static void draw_noir(struct art *a)
{
    const struct palette *p = a->p;
    double x = -4;

    rect(a, 0, 0, 400, 600, "#0e0e10", 1);
    buf_printf(a->o,
               "<path d=\"M%d 600 L%d 600 L400 %d L400 %d Z\" fill=\"%s\" opacity=\"0.9\"/>\n",
               rng_range(&a->r, 40, 120), rng_range(&a->r, 160, 230), rng_range(&a->r, 40, 120),
               rng_range(&a->r, -80, -20), p->accent2);
    circle(a, 300 + rng_range(&a->r, 0, 50), 380 + rng_range(&a->r, 0, 30), 22, p->ink, 0.85);
    while (x < 400) {
        double w = 28 + rng_unit(&a->r) * 46, h = 70 + rng_unit(&a->r) * 110;
        rect(a, x, 600 - h, w, h + 1, "#050506", 1);
        for (int i = 0; i < 4; i++)
            if (rng_below(&a->r, 3) == 0)
                rect(a, x + 6 + rng_below(&a->r, (unsigned)(w - 14)), 610 - h + i * 22, 5, 8,
                     p->accent, 0.9);
        x += w + 2;
    }
    set(a, author(a), FIT(FACE_CONDENSED, 1, 1, 0.22, 330, 1, 16, 10),
        PEN(34, 46, NULL, p->accent));
    set(a, a->s->title, FIT(FACE_CONDENSED, 1, 1, 0.01, 332, 4, 72, 24),
        PEN(34, 78, NULL, "#f4f1ea"));
}

/* Romance: a soft wash, overlapping translucent petals, an italic title. */
static void draw_bloom(struct art *a)
{
    const struct palette *p = a->p;
    double y;

    gradient(a, "wash", p->bg, p->bg2, 1);
    fill_gradient(a, "wash");
    for (int i = 0; i < 6; i++)
        circle(a, 110 + rng_unit(&a->r) * 180, 100 + rng_unit(&a->r) * 150,
               36 + rng_unit(&a->r) * 50, i % 2 ? p->accent : p->accent2,
               0.30 + rng_unit(&a->r) * 0.30);
    buf_printf(a->o,
               "<circle cx=\"200\" cy=\"175\" r=\"118\" fill=\"none\" stroke=\"%s\" "
               "stroke-width=\"1\" opacity=\"0.6\"/>\n",
               p->ink);
    struct art_pen pen = PEN(200, 330, "middle", p->ink);
    pen.italic = 1;
    pen.leading = 1.05;
    y = set(a, a->s->title, FIT(FACE_SERIF, 0, 0, 0, 320, 3, 54, 24), pen);
    rect(a, 185, y + 10, 30, 1, p->ink, 0.7);
    set(a, author(a), FIT(FACE_SANS, 0, 1, 0.28, 300, 1, 14, 9),
        PEN(200, y + 30, "middle", p->soft));
    mark(a, 200, 556, p->soft);
}

/* Ideas and non-fiction: a solid block of colour, big grotesque type, a circle cut off. */
static void draw_swiss(struct art *a)
{
    const struct palette *p = pick_palette(a, 1);
    struct cover_fit tf = FIT(FACE_SANS, 1, 0, -0.01, 320, 5, 56, 22);
    struct cover_lines t;
    double block, y;

    covers_fit(a->s->title, &tf, &t);
    block = 120 + block_height(&t, 1.0) + 44;
    if (block < 300)
        block = 300;
    rect(a, 0, 0, 400, 600, PAPER, 1);
    rect(a, 0, 0, 400, block, p->bg, 1);
    circle(a, 330 + rng_range(&a->r, 0, 60), 40 + rng_range(&a->r, 0, 50),
           70 + rng_range(&a->r, 0, 40), p->accent, 0.95);
    art_text(a, &t, &tf,
             &(struct art_pen){32, block - 24 - block_height(&t, 1.0), NULL, p->ink, 0, 1.0, NULL});
    rect(a, 32, block + 34, 44, 6, p->accent2, 1);
    y = set(a, author(a), FIT(FACE_SANS, 1, 0, 0, 330, 2, 24, 14),
            PEN(32, block + 58, NULL, "#1b1b1b"));
    set(a, a->s->subtitle, FIT(FACE_SANS, 0, 0, 0, 330, 3, 16, 11),
        PEN(32, y + 8, NULL, "#4a4a4a"));
    mark(a, 356, 560, "#1b1b1b");
}

/* Business and self-help: diagonal stripes behind a paper panel holding slab-serif type. */
static void draw_stripes(struct art *a)
{
    const struct palette *p = a->p;
    struct cover_fit tf = FIT(FACE_SLAB, 1, 0, 0, 262, 4, 40, 18);
    struct cover_fit sf = FIT(FACE_SANS, 0, 0, 0, 260, 2, 13, 10);
    struct cover_fit af = FIT(FACE_SANS, 1, 1, 0.2, 260, 2, 14, 9);
    struct cover_lines t, sub = {0}, au;
    double top, y;

    rect(a, 0, 0, 400, 600, p->bg, 1);
    buf_printf(a->o, "<g transform=\"rotate(%d 200 300)\">", rng_range(&a->r, -35, -20));
    for (int i = 0; i < 9; i++)
        rect(a, -200, -100 + i * 90, 800, 18 + rng_range(&a->r, 0, 26),
             i % 3 == 0   ? p->accent
             : i % 3 == 1 ? p->accent2
                          : p->soft,
             0.85);
    buf_adds(a->o, "</g>\n");
    covers_fit(a->s->title, &tf, &t);
    if (a->s->subtitle)
        covers_fit(a->s->subtitle, &sf, &sub);
    covers_fit(author(a), &af, &au);
    y = block_height(&t, 0) + block_height(&sub, 0) + 26 + block_height(&au, 1.3) + 64;
    top = 290 - y / 2;
    rect(a, 50, top, 300, y, PAPER, 1);
    rect(a, 50, top, 300, 6, p->bg, 1);
    y = art_text(a, &t, &tf, &PEN(200, top + 34, "middle", "#1b1b1b"));
    if (sub.n)
        y = art_text(a, &sub, &sf, &PEN(200, y, "middle", "#4a4a4a"));
    rect(a, 185, y + 10, 30, 1.5, p->bg, 1);
    struct art_pen pen = PEN(200, y + 24, "middle", "#1b1b1b");
    pen.leading = 1.3;
    art_text(a, &au, &af, &pen);
    mark(a, 200, 548, p->ink);
}

/* Children's books: bright balloons on strings over rolling hills, round bold type. */
static void draw_balloons(struct art *a)
{
    const struct palette *p = pick_palette(a, 0);
    static const char *const colors[] = {"#ef476f", "#ffd166", "#06d6a0",
                                         "#118ab2", "#f78c6b", "#9b5de5"};

    gradient(a, "sky", "#bde0fe", p->bg, 1);
    fill_gradient(a, "sky");
    for (int i = 0; i < 7; i++) {
        double x = 40 + rng_unit(&a->r) * 320, y = 260 + rng_unit(&a->r) * 130;
        double r = 20 + rng_unit(&a->r) * 16;
        buf_printf(a->o,
                   "<path d=\"M%.1f %.1f q-10 40 6 90\" stroke=\"#555\" fill=\"none\" "
                   "stroke-width=\"1\"/>",
                   x, y + r * 1.15);
        buf_printf(a->o, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" fill=\"%s\"/>",
                   x, y, r, r * 1.18, RNG_PICK(&a->r, colors));
        circle(a, x - r * 0.35, y - r * 0.45, r * 0.2, "#ffffff", 0.6);
    }
    buf_printf(a->o, "<ellipse cx=\"90\" cy=\"640\" rx=\"260\" ry=\"150\" fill=\"#7bc96f\"/>"
                     "<ellipse cx=\"360\" cy=\"660\" rx=\"240\" ry=\"150\" fill=\"#5fae55\"/>\n");
    set(a, a->s->title, FIT(FACE_GEOMETRIC, 1, 0, 0, 330, 4, 52, 22),
        PEN(200, 50, "middle", p->ink));
    set(a, author(a), FIT(FACE_GEOMETRIC, 1, 0, 0.04, 300, 1, 20, 12),
        PEN(200, 548, "middle", "#ffffff"));
}

/* Comics: halftone dots, a starburst, outlined capitals set at a tilt. */
static void draw_halftone(struct art *a)
{
    const struct palette *p = pick_palette(a, -1);
    double cx = 200, cy = 300;

    rect(a, 0, 0, 400, 600, p->dark ? p->bg2 : p->accent2, 1);
    buf_printf(a->o,
               "<defs><pattern id=\"dots%s\" width=\"14\" height=\"14\" "
               "patternUnits=\"userSpaceOnUse\"><circle cx=\"7\" cy=\"7\" r=\"3\" "
               "fill=\"#000\" opacity=\"0.18\"/></pattern></defs>\n",
               a->id);
    fill_gradient(a, "dots");
    buf_adds(a->o, "<path d=\"");
    for (int i = 0; i < 28; i++) {
        double ang = i * M_PI / 14, r = i % 2 ? 120 : 185 + rng_unit(&a->r) * 30;
        buf_printf(a->o, "%c%.1f %.1f ", i ? 'L' : 'M', cx + cos(ang) * r, cy + sin(ang) * r);
    }
    buf_adds(a->o, "Z\" fill=\"#ffd23f\" stroke=\"#111\" stroke-width=\"4\"/>\n");
    buf_adds(a->o, "<g transform=\"rotate(-5 200 300)\">");
    struct cover_fit tf = FIT(FACE_CONDENSED, 1, 1, 0, 270, 4, 64, 22);
    struct cover_lines t;
    covers_fit(a->s->title, &tf, &t);
    struct art_pen pen = PEN(200, 300 - block_height(&t, 1.0) / 2, "middle", "#ffffff");
    pen.leading = 1.0;
    pen.extra = " stroke=\"#111111\" stroke-width=\"5\" paint-order=\"stroke\" "
                "stroke-linejoin=\"round\"";
    art_text(a, &t, &tf, &pen);
    buf_adds(a->o, "</g>\n");
    rect(a, 0, 0, 400, 64, "#111111", 1);
    set(a, author(a), FIT(FACE_CONDENSED, 1, 1, 0.12, 340, 1, 22, 12),
        PEN(200, 20, "middle", "#ffffff"));
}

/* Travel and poetry: layered waves under a calm sky, title and author up top. */
static void draw_waves(struct art *a)
{
    const struct palette *p = a->p;
    const char *fills[] = {p->accent2, p->accent, p->bg2, p->dark ? "#000000" : p->soft};
    double y;

    gradient(a, "sky", p->bg, p->bg2, 1);
    fill_gradient(a, "sky");
    for (int i = 0; i < 4; i++) {
        double base = 360 + i * 55, amp = 14 + rng_unit(&a->r) * 18, ph = rng_unit(&a->r) * 80;
        buf_printf(a->o, "<path d=\"M0 %.1f", base);
        for (double x = 0; x < 400; x += 100)
            buf_printf(a->o, " C%.1f %.1f %.1f %.1f %.1f %.1f", x + 30 + ph * 0.2, base - amp,
                       x + 70 - ph * 0.2, base + amp, x + 100, base);
        buf_printf(a->o, " V600 H0 Z\" fill=\"%s\" opacity=\"%.2f\"/>\n", fills[i],
                   i == 3 ? 0.55 : 0.85);
    }
    y = set(a, a->s->title, FIT(FACE_SERIF, 0, 0, 0, 320, 3, 50, 22),
            PEN(200, 70, "middle", p->ink));
    rect(a, 190, y + 12, 20, 1.5, p->ink, 0.8);
    set(a, author(a), FIT(FACE_SERIF, 0, 1, 0.2, 300, 2, 16, 10),
        PEN(200, y + 34, "middle", p->ink));
}

/* A small device at ("x", "y"): a sun, a ring, a star or three dots. */
static void ornament(struct art *a, double x, double y, const char *color)
{
    switch (rng_below(&a->r, 4)) {
    case 0:
        circle(a, x, y, 26, color, 0.9);
        break;
    case 1:
        buf_printf(a->o,
                   "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"22\" fill=\"none\" stroke=\"%s\" "
                   "stroke-width=\"3\"/>\n",
                   x, y, color);
        break;
    case 2:
        buf_adds(a->o, "<path d=\"");
        for (int i = 0; i < 10; i++) {
            double ang = -M_PI / 2 + i * M_PI / 5, r = i % 2 ? 11 : 27;
            buf_printf(a->o, "%c%.1f %.1f ", i ? 'L' : 'M', x + cos(ang) * r, y + sin(ang) * r);
        }
        buf_printf(a->o, "Z\" fill=\"%s\"/>\n", color);
        break;
    default:
        for (int i = -1; i <= 1; i++)
            circle(a, x + i * 18, y, 5, color, 1);
    }
}

/* Lives and memoir: a tall arch holding the title, the author beneath it. */
static void draw_arch(struct art *a)
{
    const struct palette *p = a->p;
    double y;

    rect(a, 0, 0, 400, 600, p->bg, 1);
    buf_printf(a->o, "<path d=\"M60 470 V210 A140 140 0 0 1 340 210 V470 Z\" fill=\"%s\"/>\n",
               p->bg2);
    buf_printf(a->o,
               "<path d=\"M72 462 V212 A128 128 0 0 1 328 212 V462 Z\" fill=\"none\" "
               "stroke=\"%s\" stroke-width=\"1.2\"/>\n",
               p->accent);
    ornament(a, 200, 150, p->accent);
    y = set(a, a->s->title, FIT(FACE_SERIF, 0, 0, 0, 236, 5, 40, 16),
            PEN(200, 210, "middle", p->ink));
    set(a, a->s->subtitle, FIT(FACE_SERIF, 0, 0, 0, 230, 3, 16, 10),
        (struct art_pen){200, y + 8, "middle", p->soft, 1, 0, NULL});
    set(a, author(a), FIT(FACE_SANS, 0, 1, 0.24, 320, 1, 15, 10), PEN(200, 510, "middle", p->ink));
    mark(a, 200, 560, p->accent);
}

typedef void (*design_fn)(struct art *a);

enum {
    BANDS,
    FRAME,
    SUN,
    PLANET,
    NOIR,
    BLOOM,
    SWISS,
    STRIPES,
    BALLOONS,
    HALFTONE,
    WAVES,
    ARCH,
    N_DESIGNS
};

static const design_fn designs[N_DESIGNS] = {
    draw_bands, draw_frame,   draw_sun,      draw_planet,   draw_noir,  draw_bloom,
    draw_swiss, draw_stripes, draw_balloons, draw_halftone, draw_waves, draw_arch,
};

/* Which designs suit a genre (category slug); -1 ends a list. */
static const struct {
    const char *genre;
    signed char designs[4];
    signed char palette; /* 1 dark, 0 light, -1 any */
} by_genre[] = {
    {"classics", {BANDS, FRAME, BANDS, ARCH}, -1},
    {"literary-fiction", {FRAME, WAVES, SWISS, ARCH}, -1},
    {"fantasy", {SUN, WAVES, FRAME, -1}, 1},
    {"science-fiction", {PLANET, SWISS, SUN, -1}, 1},
    {"mystery", {NOIR, STRIPES, -1, -1}, 1},
    {"thriller", {NOIR, SWISS, -1, -1}, 1},
    {"horror", {NOIR, SUN, -1, -1}, 1},
    {"romance", {BLOOM, BLOOM, WAVES, ARCH}, 0},
    {"historical-fiction", {BANDS, FRAME, WAVES, ARCH}, -1},
    {"poetry", {FRAME, WAVES, BLOOM, -1}, -1},
    {"history", {BANDS, STRIPES, SWISS, -1}, -1},
    {"science", {PLANET, SWISS, STRIPES, -1}, -1},
    {"biography", {SWISS, ARCH, FRAME, STRIPES}, -1},
    {"business", {SWISS, STRIPES, -1, -1}, -1},
    {"self-help", {STRIPES, SWISS, BLOOM, ARCH}, 0},
    {"philosophy", {FRAME, SWISS, -1, -1}, -1},
    {"travel", {WAVES, SUN, -1, -1}, -1},
    {"childrens", {BALLOONS, HALFTONE, -1, -1}, 0},
    {"comics", {HALFTONE, NOIR, -1, -1}, -1},
};

void art_draw(struct art *a)
{
    int design = -1, want = -1;

    for (size_t i = 0; a->s->genre && i < sizeof(by_genre) / sizeof(by_genre[0]); i++) {
        if (strcmp(a->s->genre, by_genre[i].genre) != 0)
            continue;
        int n = 0;
        while (n < 4 && by_genre[i].designs[n] >= 0)
            n++;
        design = by_genre[i].designs[rng_below(&a->r, (uint32_t)n)];
        want = by_genre[i].palette;
        break;
    }
    if (design < 0)
        design = (int)rng_below(&a->r, N_DESIGNS);
    if (design == BLOOM)
        want = 0;
    else if (design == PLANET || design == NOIR)
        want = 1;
    a->p = pick_palette(a, want);
    designs[design](a);
}

void art_spine(struct art *a)
{
    buf_printf(a->o,
               "<defs><linearGradient id=\"sp%s\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">"
               "<stop offset=\"0\" stop-color=\"#000\" stop-opacity=\"0.38\"/>"
               "<stop offset=\"0.6\" stop-color=\"#000\" stop-opacity=\"0.08\"/>"
               "<stop offset=\"1\" stop-color=\"#fff\" stop-opacity=\"0.10\"/>"
               "</linearGradient></defs>\n<rect width=\"16\" height=\"600\" fill=\"url(#sp%s)\"/>"
               "<rect x=\"16\" width=\"1.2\" height=\"600\" fill=\"#fff\" opacity=\"0.12\"/>\n",
               a->id, a->id);
}
