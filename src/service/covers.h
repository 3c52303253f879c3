/* covers.h: book covers drawn as SVG from a title, an author line and a genre (pure code). */
#ifndef MANGU_COVERS_H
#define MANGU_COVERS_H

#include <stddef.h>

#include "core/buf.h"

/* Every cover is COVER_W x COVER_H user units (2:3), the viewBox of the SVG. */
#define COVER_W 400
#define COVER_H 600

/* What a cover shows; every string is borrowed UTF-8 and may be NULL except "title". */
struct cover_spec {
    const char *slug; /* seeds every choice (palette, layout, shapes) */
    const char *title;
    const char *subtitle;
    const char *author;    /* the display line: "Jane Austen", "A. Author & B. Author" */
    const char *publisher; /* a small mark at the foot */
    const char *genre;     /* a category slug ("fantasy", "mystery", ...) steering the style */
};

/*
 * Appends a complete SVG document (viewBox 0 0 400 600) for "spec" to "out". The same spec
 * always gives the same bytes. Text is XML-escaped; invalid UTF-8 and control characters are
 * replaced, so any input gives a well-formed document.
 */
void covers_svg(const struct cover_spec *spec, struct buf *out);

/* Font families a cover sets type in; widths are estimated per family. */
enum cover_face { FACE_SERIF, FACE_SANS, FACE_CONDENSED, FACE_GEOMETRIC, FACE_SLAB };

#define COVER_MAX_LINES 6
#define COVER_LINE_MAX 320

/* Text broken into lines at one font size: the result of covers_fit(). */
struct cover_lines {
    double size;                                /* font size in user units */
    int n;                                      /* lines used */
    char line[COVER_MAX_LINES][COVER_LINE_MAX]; /* UTF-8, not yet escaped */
    double width[COVER_MAX_LINES];              /* estimated advance of each line */
};

/* How covers_fit() may set a piece of text. */
struct cover_fit {
    enum cover_face face;
    int bold;
    int upper;        /* set in capitals (ASCII and Latin-1 letters are converted) */
    double tracking;  /* extra advance per character, in em */
    double max_width; /* of every line */
    int max_lines;    /* at most COVER_MAX_LINES */
    double size_max, size_min;
};

/*
 * Breaks "text" into lines for "fit": the largest size from "size_max" down to "size_min" at
 * which every line fits "max_width" in at most "max_lines" lines, with lines balanced so the last
 * is not a lone word. When even "size_min" does not fit, words are cut and the last line ends in
 * an ellipsis. Every width in "out" is at most "max_width".
 */
void covers_fit(const char *text, const struct cover_fit *fit, struct cover_lines *out);
/* The estimated advance of "n" bytes of UTF-8 "s" at "size" (in user units). */
double covers_text_width(const char *s, size_t n, const struct cover_fit *fit, double size);
/* Appends "s" XML-escaped, replacing invalid UTF-8 and control characters with U+FFFD. */
void covers_escape(struct buf *out, const char *s, size_t n);

#endif
