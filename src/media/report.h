/* report.h: what checking a manuscript or a cover found: the verdict, its reasons, the metadata. */
#ifndef MANGU_MEDIA_REPORT_H
#define MANGU_MEDIA_REPORT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "core/arena.h"

#define MEDIA_MAX_NOTES 24
#define MEDIA_MAX_CREATORS 16
#define MEDIA_MAX_SUBJECTS 16

/* One finding: a stable machine code ("epub_mimetype_not_first") and a line for people. */
struct media_note {
    const char *code;
    const char *message;
};

/* Findings in the order found; past MEDIA_MAX_NOTES only "dropped" grows. */
struct media_notes {
    struct media_note v[MEDIA_MAX_NOTES];
    size_t n;
    size_t dropped;
};

struct media_creator {
    const char *name;
    const char *role; /* MARC relator code ("aut", "ill", "edt"); "aut" when a creator has none */
    const char *file_as; /* sort form ("Carroll, Lewis") or NULL */
    bool contributor;    /* dc:contributor rather than dc:creator */
};

enum media_format { MEDIA_UNKNOWN, MEDIA_EPUB, MEDIA_PDF };

/*
 * The result of media_check_manuscript(). Every pointer is borrowed from the arena the check was
 * given (valid until that arena is freed); strings are UTF-8 and NULL when absent.
 */
struct manuscript_report {
    int status; /* 0 accepted, else ERR_MEDIA_TYPE (415), ERR_UNPROCESSABLE (422), ERR_TOO_LARGE
                   (413) */
    enum media_format format;
    const char *media_type; /* what the bytes are, by libmagic */
    size_t size;
    struct media_notes reasons;  /* why it was refused; empty when accepted */
    struct media_notes warnings; /* problems that did not refuse it */

    const char *version; /* EPUB package version ("2.0", "3.0") or PDF version ("1.7") */
    const char *title;
    const char *subtitle;
    const char *language; /* as written (BCP 47, "en", "en-US") */
    const char *description;
    const char *publisher;
    const char *isbn; /* ISBN-13, 13 digits, checksum verified (ISBN-10 converted) */
    struct media_creator creators[MEDIA_MAX_CREATORS];
    size_t n_creators;
    const char *subjects[MEDIA_MAX_SUBJECTS]; /* suggested categories */
    size_t n_subjects;
    int pages;            /* PDF page count, or an EPUB estimate from its text size */
    bool pages_estimated; /* true for EPUB */
    int spine_items;      /* EPUB documents in reading order */
    bool encrypted;       /* PDF: encrypted (opens with an empty password when accepted) */
    bool javascript;      /* PDF: carries JavaScript actions (accepted, flagged) */
    bool linearized;      /* PDF: "fast web view" */

    const unsigned char *cover; /* EPUB cover image bytes, at most the cover limit */
    size_t cover_len;
    const char *cover_type; /* sniffed: image/jpeg, image/png or image/webp */
    const char *cover_path; /* where it was inside the EPUB */
};

/* The result of media_check_cover(); same ownership rules. */
struct cover_report {
    int status; /* 0, ERR_MEDIA_TYPE, ERR_UNPROCESSABLE or ERR_TOO_LARGE */
    const char *media_type;
    size_t size;
    int width;
    int height;
    struct media_notes reasons;
    struct media_notes warnings;
};

/* Appends a note whose message is formatted into "a". */
void notes_add(struct arena *a, struct media_notes *n, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void notes_vadd(struct arena *a, struct media_notes *n, const char *code, const char *fmt,
                va_list ap);
/* The note with "code", or NULL. */
const struct media_note *notes_find(const struct media_notes *n, const char *code);

/*
 * Records why "r" is refused: keeps the first non-zero "err" as the status, appends the note and
 * returns "err", so checks can `return report_refuse(...)`.
 */
int report_refuse(struct arena *a, struct manuscript_report *r, int err, const char *code,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void report_warn(struct arena *a, struct manuscript_report *r, const char *code, const char *fmt,
                 ...) __attribute__((format(printf, 4, 5)));
/* Adds a subject unless present or the list is full. "s" is borrowed from the same arena. */
void report_add_subject(struct manuscript_report *r, const char *s);

const char *media_format_name(enum media_format f);

/*
 * The report as JSON ({"ok", "status", "format", "reasons": [{"code","message"}], "warnings",
 * "metadata": {...}, "pdf": {...}, "cover": {"media_type","path","bytes"}}); the cover bytes are
 * not included. Caller owns the result (json_decref).
 */
json_t *report_to_json(const struct manuscript_report *r);
/* Fills "r" (strings copied into "a") from report_to_json's output. 0 or -1 when malformed. */
int report_from_json(struct arena *a, const json_t *j, struct manuscript_report *r);
json_t *notes_to_json(const struct media_notes *n);

#endif
