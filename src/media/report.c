/* report.c: collecting findings and turning a manuscript report into JSON and back. */
#include "media/report.h"

#include <stdio.h>
#include <string.h>

void notes_vadd(struct arena *a, struct media_notes *n, const char *code, const char *fmt,
                va_list ap)
{
    if (n->n >= MEDIA_MAX_NOTES) {
        n->dropped++;
        return;
    }
    n->v[n->n].code = code;
    n->v[n->n].message = arena_vprintf(a, fmt, ap);
    n->n++;
}

void notes_add(struct arena *a, struct media_notes *n, const char *code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    notes_vadd(a, n, code, fmt, ap);
    va_end(ap);
}

const struct media_note *notes_find(const struct media_notes *n, const char *code)
{
    for (size_t i = 0; i < n->n; i++)
        if (strcmp(n->v[i].code, code) == 0)
            return &n->v[i];
    return NULL;
}

int report_refuse(struct arena *a, struct manuscript_report *r, int err, const char *code,
                  const char *fmt, ...)
{
    va_list ap;

    if (r->status == 0)
        r->status = err;
    va_start(ap, fmt);
    notes_vadd(a, &r->reasons, code, fmt, ap);
    va_end(ap);
    return err;
}

void report_warn(struct arena *a, struct manuscript_report *r, const char *code, const char *fmt,
                 ...)
{
    va_list ap;

    va_start(ap, fmt);
    notes_vadd(a, &r->warnings, code, fmt, ap);
    va_end(ap);
}

void report_add_subject(struct manuscript_report *r, const char *s)
{
    if (!s || !*s || r->n_subjects >= MEDIA_MAX_SUBJECTS)
        return;
    for (size_t i = 0; i < r->n_subjects; i++)
        if (strcmp(r->subjects[i], s) == 0)
            return;
    r->subjects[r->n_subjects++] = s;
}

const char *media_format_name(enum media_format f)
{
    return f == MEDIA_EPUB ? "epub" : f == MEDIA_PDF ? "pdf" : NULL;
}

json_t *notes_to_json(const struct media_notes *n)
{
    json_t *arr = json_array();

    for (size_t i = 0; i < n->n; i++)
        json_array_append_new(
            arr, json_pack("{s:s, s:s}", "code", n->v[i].code, "message", n->v[i].message));
    if (n->dropped) {
        char msg[64];
        snprintf(msg, sizeof(msg), "%zu more not listed", n->dropped);
        json_array_append_new(arr, json_pack("{s:s, s:s}", "code", "more", "message", msg));
    }
    return arr;
}

/* A string or JSON null. */
static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *metadata_to_json(const struct manuscript_report *r)
{
    json_t *creators = json_array(), *subjects = json_array();

    for (size_t i = 0; i < r->n_creators; i++) {
        const struct media_creator *c = &r->creators[i];
        json_array_append_new(creators,
                              json_pack("{s:s, s:o, s:o, s:b}", "name", c->name, "role",
                                        str_or_null(c->role), "file_as", str_or_null(c->file_as),
                                        "contributor", c->contributor));
    }
    for (size_t i = 0; i < r->n_subjects; i++)
        json_array_append_new(subjects, json_string(r->subjects[i]));
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:b, s:i}", "version",
                     str_or_null(r->version), "title", str_or_null(r->title), "subtitle",
                     str_or_null(r->subtitle), "language", str_or_null(r->language), "description",
                     str_or_null(r->description), "publisher", str_or_null(r->publisher), "isbn",
                     str_or_null(r->isbn), "creators", creators, "subjects", subjects, "pages",
                     r->pages, "pages_estimated", r->pages_estimated, "spine_items",
                     r->spine_items);
}

json_t *report_to_json(const struct manuscript_report *r)
{
    json_t *cover = json_null();

    if (r->cover)
        cover = json_pack("{s:o, s:o, s:I}", "media_type", str_or_null(r->cover_type), "path",
                          str_or_null(r->cover_path), "bytes", (json_int_t)r->cover_len);
    return json_pack("{s:b, s:i, s:o, s:o, s:I, s:o, s:o, s:o, s:{s:b, s:b, s:b}, s:o}", "ok",
                     r->status == 0, "status", r->status, "format",
                     str_or_null(media_format_name(r->format)), "media_type",
                     str_or_null(r->media_type), "size", (json_int_t)r->size, "reasons",
                     notes_to_json(&r->reasons), "warnings", notes_to_json(&r->warnings),
                     "metadata", metadata_to_json(r), "pdf", "encrypted", r->encrypted,
                     "javascript", r->javascript, "linearized", r->linearized, "cover", cover);
}

/* An arena copy of the string at "key", or NULL. */
static const char *get_str(struct arena *a, const json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));

    return s ? arena_strdup(a, s) : NULL;
}

static void notes_from_json(struct arena *a, const json_t *arr, struct media_notes *n)
{
    for (size_t i = 0; i < json_array_size(arr); i++) {
        const json_t *v = json_array_get(arr, i);
        const char *code = get_str(a, v, "code");
        const char *msg = get_str(a, v, "message");
        if (code && msg)
            notes_add(a, n, code, "%s", msg);
    }
}

static void metadata_from_json(struct arena *a, const json_t *m, struct manuscript_report *r)
{
    const json_t *creators = json_object_get(m, "creators"),
                 *subjects = json_object_get(m, "subjects");

    r->version = get_str(a, m, "version");
    r->title = get_str(a, m, "title");
    r->subtitle = get_str(a, m, "subtitle");
    r->language = get_str(a, m, "language");
    r->description = get_str(a, m, "description");
    r->publisher = get_str(a, m, "publisher");
    r->isbn = get_str(a, m, "isbn");
    for (size_t i = 0; i < json_array_size(creators); i++) {
        const json_t *v = json_array_get(creators, i);
        if (r->n_creators >= MEDIA_MAX_CREATORS || !json_is_string(json_object_get(v, "name")))
            break;
        struct media_creator *c = &r->creators[r->n_creators++];
        c->name = get_str(a, v, "name");
        c->role = get_str(a, v, "role");
        c->file_as = get_str(a, v, "file_as");
        c->contributor = json_is_true(json_object_get(v, "contributor"));
    }
    for (size_t i = 0; i < json_array_size(subjects); i++) {
        const char *s = json_string_value(json_array_get(subjects, i));
        report_add_subject(r, s ? arena_strdup(a, s) : NULL);
    }
    r->pages = (int)json_integer_value(json_object_get(m, "pages"));
    r->pages_estimated = json_is_true(json_object_get(m, "pages_estimated"));
    r->spine_items = (int)json_integer_value(json_object_get(m, "spine_items"));
}

int report_from_json(struct arena *a, const json_t *j, struct manuscript_report *r)
{
    const json_t *pdf = json_object_get(j, "pdf"), *cover = json_object_get(j, "cover");
    const char *fmt = json_string_value(json_object_get(j, "format"));

    if (!json_is_object(j) || !json_is_integer(json_object_get(j, "status")))
        return -1;
    r->status = (int)json_integer_value(json_object_get(j, "status"));
    r->format = !fmt ? MEDIA_UNKNOWN : !strcmp(fmt, "epub") ? MEDIA_EPUB : MEDIA_PDF;
    r->media_type = get_str(a, j, "media_type");
    r->size = (size_t)json_integer_value(json_object_get(j, "size"));
    notes_from_json(a, json_object_get(j, "reasons"), &r->reasons);
    notes_from_json(a, json_object_get(j, "warnings"), &r->warnings);
    metadata_from_json(a, json_object_get(j, "metadata"), r);
    r->encrypted = json_is_true(json_object_get(pdf, "encrypted"));
    r->javascript = json_is_true(json_object_get(pdf, "javascript"));
    r->linearized = json_is_true(json_object_get(pdf, "linearized"));
    if (json_is_object(cover)) {
        r->cover_type = get_str(a, cover, "media_type");
        r->cover_path = get_str(a, cover, "path");
        r->cover_len = (size_t)json_integer_value(json_object_get(cover, "bytes"));
    }
    return 0;
}
