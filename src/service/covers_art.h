/* covers_art.h: private to covers.c and covers_art.c: the drawing state and type setting. */
#ifndef MANGU_COVERS_ART_H
#define MANGU_COVERS_ART_H

#include "core/buf.h"
#include "core/rng.h"
#include "service/covers.h"

/* Colours that work together; "ink" reads on "bg" and "bg2". */
struct palette {
    const char *bg, *bg2, *accent, *accent2, *ink, *soft;
    int dark; /* "bg" is dark (ink is light) */
};

/* One cover being drawn: where the SVG goes, what it shows, the seeded choices. */
struct art {
    struct buf *o;
    const struct cover_spec *s;
    struct rng r;
    char id[12]; /* suffix of gradient and pattern ids, unique per cover */
    const struct palette *p;
};

/* Where and how art_text() sets lines: "y" is the top of the block. */
struct art_pen {
    double x, y;
    const char *anchor; /* "middle", "end" or NULL for start */
    const char *fill;
    int italic;
    double leading;    /* line advance in em; 0 = 1.12 */
    const char *extra; /* more attributes, such as " opacity=\"0.8\"" */
};

/* Writes the lines of "l" as <text> elements; returns the y just below the block. */
double art_text(struct art *a, const struct cover_lines *l, const struct cover_fit *f,
                const struct art_pen *pen);
/* Draws the background, shapes and type of the cover (covers_art.c). */
void art_draw(struct art *a);
/* The shading along the spine edge, drawn last, over everything. */
void art_spine(struct art *a);

#endif
