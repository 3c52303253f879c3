/* pdf.c: PDF checks through qpdf's C API (the only qpdf user); lenient on what qpdf repairs. */
#include "media/pdf.h"
#include "core/err.h"

#include <stdio.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#define MAX_OBJECTS 1000000 /* objects looked at for active content */
#define TEXT_MAX 1024

/* An arena copy of the text string at "key" of dictionary "dict", or NULL. */
static const char *dict_text(struct arena *a, qpdf_data q, qpdf_oh dict, const char *key)
{
    const char *s = NULL;
    size_t n = 0;
    qpdf_oh v = qpdf_oh_get_key(q, dict, key);

    if (qpdf_oh_is_string(q, v) && qpdf_oh_get_value_as_utf8(q, v, &s, &n) && n > 0)
        s = arena_strndup(a, s, n < TEXT_MAX ? n : TEXT_MAX);
    else
        s = NULL;
    qpdf_oh_release(q, v);
    return s;
}

/* Title, author, subject from the document information dictionary; language from the catalog. */
static void read_info(struct arena *a, qpdf_data q, struct manuscript_report *r)
{
    qpdf_oh trailer = qpdf_get_trailer(q);
    qpdf_oh info = qpdf_oh_get_key(q, trailer, "/Info");
    qpdf_oh root = qpdf_get_root(q);

    if (qpdf_oh_is_dictionary(q, info)) {
        const char *author = dict_text(a, q, info, "/Author");
        r->title = dict_text(a, q, info, "/Title");
        r->description = dict_text(a, q, info, "/Subject");
        if (author)
            r->creators[r->n_creators++] = (struct media_creator){author, "aut", NULL, false};
    }
    if (qpdf_oh_is_dictionary(q, root))
        r->language = dict_text(a, q, root, "/Lang");
    qpdf_oh_release(q, root);
    qpdf_oh_release(q, info);
    qpdf_oh_release(q, trailer);
}

/* True when "text" (PDF syntax) holds the name token "name" ("/JS" but not "/JSX"). */
static bool has_name(const char *text, const char *name)
{
    size_t n = strlen(name);

    for (const char *p = text; (p = strstr(p, name)) != NULL; p += n)
        if (p[n] == '\0' || strchr(" \t\r\n\f()<>[]{}/%", p[n]))
            return true;
    return false;
}

/*
 * Looks at every object 1..trailer /Size (generation 0), written out with its direct children
 * (a stream by its dictionary), for JavaScript (/JS, /JavaScript) and /Launch actions.
 */
static void scan_actions(qpdf_data q, bool *js, bool *launch)
{
    qpdf_oh trailer = qpdf_get_trailer(q);
    qpdf_oh size = qpdf_oh_get_key(q, trailer, "/Size");
    int n = 0;

    if (!qpdf_oh_get_value_as_int(q, size, &n) || n < 0 || n > MAX_OBJECTS)
        n = MAX_OBJECTS;
    for (int id = 1; id < n && !(*js && *launch); id++) {
        qpdf_oh obj = qpdf_get_object_by_id(q, id, 0);
        qpdf_oh d = qpdf_oh_is_stream(q, obj) ? qpdf_oh_get_dict(q, obj) : obj;
        if (qpdf_oh_is_dictionary(q, d) || qpdf_oh_is_array(q, d)) {
            const char *text = qpdf_oh_unparse_resolved(q, d);
            *js = *js || has_name(text, "/JS") || has_name(text, "/JavaScript");
            *launch = *launch || has_name(text, "/Launch");
        }
        if (d != obj)
            qpdf_oh_release(q, d);
        qpdf_oh_release(q, obj);
    }
    qpdf_oh_release(q, size);
    qpdf_oh_release(q, trailer);
}

/* Refuses with qpdf's error: a password is needed, or the damage is beyond repair. */
static int refuse_read(struct arena *a, qpdf_data q, struct manuscript_report *r)
{
    qpdf_error e = qpdf_get_error(q);
    const char *detail = e ? qpdf_get_error_message_detail(q, e) : "unknown error";

    if (e && qpdf_get_error_code(q, e) == qpdf_e_password) {
        r->encrypted = true;
        return report_refuse(a, r, ERR_UNPROCESSABLE, "pdf_password_required",
                             "the PDF is encrypted and needs a password to open");
    }
    return report_refuse(a, r, ERR_UNPROCESSABLE, "pdf_unreadable",
                         "the PDF cannot be read: %.200s", detail);
}

/* Repairs qpdf made while reading, as one warning with the first of them. */
static void report_repairs(struct arena *a, qpdf_data q, struct manuscript_report *r)
{
    size_t n = 0;
    char first[240] = "";

    while (qpdf_more_warnings(q)) {
        qpdf_error w = qpdf_next_warning(q);
        if (n++ == 0 && w)
            snprintf(first, sizeof(first), "%s", qpdf_get_error_message_detail(q, w));
    }
    if (n)
        report_warn(a, r, "pdf_repaired", "the PDF needed %zu repairs while reading (first: %s)", n,
                    first);
}

static void inspect(struct arena *a, qpdf_data q, struct manuscript_report *r)
{
    bool js = false, launch = false;

    r->version = arena_strdup(a, qpdf_get_pdf_version(q));
    r->linearized = qpdf_is_linearized(q);
    r->encrypted = qpdf_is_encrypted(q);
    if (r->encrypted)
        report_warn(a, r, "pdf_encrypted",
                    "the PDF is encrypted (it opens without a password; copying or printing "
                    "may be restricted)");
    read_info(a, q, r);
    scan_actions(q, &js, &launch);
    r->javascript = js;
    if (js)
        report_warn(a, r, "pdf_javascript", "the PDF carries JavaScript actions");
    if (launch)
        report_warn(a, r, "pdf_launch_action", "the PDF carries actions that launch programs");
}

int pdf_check(struct arena *a, const unsigned char *data, size_t len, const struct media_limits *l,
              struct manuscript_report *r)
{
    size_t head = len < 1024 ? len : 1024;
    int rc = 0;

    r->format = MEDIA_PDF;
    if (head < 5 || !memmem(data, head, "%PDF-", 5))
        return report_refuse(a, r, ERR_UNPROCESSABLE, "pdf_header_missing",
                             "no %%PDF- header in the first 1024 bytes");
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    qpdf_set_attempt_recovery(q, QPDF_TRUE);
    if (qpdf_read_memory(q, "upload.pdf", (const char *)data, len, NULL) & QPDF_ERRORS) {
        rc = refuse_read(a, q, r);
        goto out;
    }
    r->pages = qpdf_get_num_pages(q);
    if (r->pages < 1) {
        rc = qpdf_has_error(q)
                 ? refuse_read(a, q, r)
                 : report_refuse(a, r, ERR_UNPROCESSABLE, "pdf_no_pages", "the PDF has no pages");
        goto out;
    }
    inspect(a, q, r);
    report_repairs(a, q, r);
out:
    qpdf_cleanup(&q);
    return rc;
}
