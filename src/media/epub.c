/* epub.c: EPUB validation policy: refuse a broken container, warn about the rest, find the cover.
 */
#include "media/epub.h"
#include "core/err.h"
#include "media/ocf.h"
#include "media/opf.h"
#include "media/xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHARS_PER_PAGE 1800 /* a printed page of prose, spaces included */
#define MAX_WALK 100000     /* elements looked at when searching a page for its first image */

/*
 * Reads and parses entry "path". Returns 0 with "*doc" (caller frees), ERR_NOT_FOUND, or
 * ERR_UNPROCESSABLE with the reason in "why".
 */
static int read_xml(struct ocf *o, const char *path, size_t cap, xmlDoc **doc, char *why,
                    size_t why_len)
{
    unsigned char *body;
    size_t n;
    int rc = ocf_read(o, path, cap, &body, &n);

    *doc = NULL;
    if (rc == ERR_NOT_FOUND)
        return rc;
    if (rc == ERR_TOO_LARGE)
        snprintf(why, why_len, "larger than %zu bytes", cap);
    else if (rc)
        snprintf(why, why_len, "cannot be decompressed (bad data or CRC)");
    if (rc)
        return ERR_UNPROCESSABLE;
    *doc = xml_parse(body, n, cap, why, why_len);
    free(body);
    return *doc ? 0 : ERR_UNPROCESSABLE;
}

/* container.xml -> the package document's path (the first OPF rootfile). */
static int find_rootfile(struct arena *a, struct ocf *o, const struct media_limits *l,
                         struct manuscript_report *r, const char **opf_path)
{
    static const char where[] = "META-INF/container.xml";
    char why[256];
    xmlDoc *doc;
    int rc = read_xml(o, where, l->max_xml_bytes, &doc, why, sizeof(why));

    if (rc == ERR_NOT_FOUND)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_container_missing", "'%s' is missing",
                             where);
    if (rc)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_container_invalid", "'%s': %s", where,
                             why);
    const xmlNode *rfs = xml_child(xmlDocGetRootElement(doc), NULL, "rootfiles");
    const char *first = NULL, *found = NULL;
    for (const xmlNode *n = xml_child(rfs, NULL, "rootfile"); n && !found;
         n = xml_next(n, NULL, "rootfile")) {
        const char *path = xml_attr(a, n, NULL, "full-path");
        const char *type = xml_attr(a, n, NULL, "media-type");
        if (!first)
            first = path;
        if (path && type && strcmp(type, "application/oebps-package+xml") == 0)
            found = path;
    }
    xmlFreeDoc(doc);
    found = found ? found : first;
    *opf_path = found ? opf_resolve(a, "", found) : NULL;
    if (!*opf_path)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_rootfile_missing",
                             "'%s' names no usable package document", where);
    return 0;
}

static int read_package(struct arena *a, struct ocf *o, const struct media_limits *l,
                        const char *opf_path, struct opf *opf, struct manuscript_report *r)
{
    char why[256];
    xmlDoc *doc;
    int rc = read_xml(o, opf_path, l->max_xml_bytes, &doc, why, sizeof(why));

    if (rc == ERR_NOT_FOUND)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_opf_missing",
                             "package document '%s' is missing", opf_path);
    if (rc)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_opf_invalid",
                             "package document '%s': %s", opf_path, why);
    rc = opf_read(a, doc, opf_path, opf, r);
    xmlFreeDoc(doc);
    return rc;
}

/* Characters of text in an (X)HTML document: outside tags, white-space runs counting one. */
static size_t visible_chars(const unsigned char *p, size_t n)
{
    size_t count = 0;
    bool in_tag = false, space = true;

    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (in_tag) {
            in_tag = c != '>';
            continue;
        }
        if (c == '<') {
            in_tag = true;
            continue;
        }
        bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if ((c & 0xc0) != 0x80 && !(ws && space))
            count++;
        space = ws;
    }
    return count;
}

static bool is_document(const char *type)
{
    return type && (strcmp(type, "application/xhtml+xml") == 0 || strcmp(type, "text/html") == 0 ||
                    strcmp(type, "application/x-dtbook+xml") == 0);
}

/* Spine: at least one document, every one present; pages estimated from its text. */
static int check_spine(struct arena *a, struct ocf *o, const struct opf *opf,
                       const struct media_limits *l, struct manuscript_report *r)
{
    size_t chars = 0, missing = 0;

    if (opf->spine_missing)
        report_warn(a, r, "epub_spine_dangling", "%zu spine itemrefs name no manifest item",
                    opf->spine_missing);
    if (opf->n_spine == 0)
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_spine_empty",
                             "the spine lists no document to read");
    for (size_t i = 0; i < opf->n_spine; i++) {
        const struct opf_item *it = opf->spine[i];
        unsigned char *body;
        size_t n;
        int rc = ocf_read(o, it->path, l->max_xml_bytes, &body, &n);
        if (rc == ERR_NOT_FOUND)
            missing++;
        if (rc == 0 && is_document(it->media_type))
            chars += visible_chars(body, n);
        free(body);
    }
    if (missing)
        report_warn(a, r, "epub_spine_missing_file", "%zu documents of the spine are missing",
                    missing);
    r->spine_items = (int)opf->n_spine;
    r->pages = (int)((chars + CHARS_PER_PAGE - 1) / CHARS_PER_PAGE);
    if (r->pages < 1)
        r->pages = 1;
    r->pages_estimated = true;
    return 0;
}

static void check_manifest_files(struct arena *a, struct ocf *o, const struct opf *opf,
                                 struct manuscript_report *r)
{
    size_t missing = 0;
    const char *first = NULL;

    for (size_t i = 0; i < opf->n_items; i++)
        if (ocf_size(o, opf->items[i].path) < 0 && missing++ == 0)
            first = opf->items[i].path;
    if (missing)
        report_warn(a, r, "epub_manifest_missing_file",
                    "%zu manifest items name no file in the ZIP (first: '%s')", missing, first);
    if (ocf_size(o, "META-INF/encryption.xml") >= 0)
        report_warn(a, r, "epub_encryption",
                    "META-INF/encryption.xml is present: some resources are encrypted or "
                    "obfuscated");
}

/* The EPUB 3 nav document or else the EPUB 2 NCX must be well-formed; a warning otherwise. */
static void check_toc(struct arena *a, struct ocf *o, const struct opf *opf,
                      const struct media_limits *l, struct manuscript_report *r)
{
    const struct opf_item *toc = NULL;
    char why[256];
    xmlDoc *doc;

    for (size_t i = 0; i < opf->n_items && !toc; i++)
        if (opf_has_property(&opf->items[i], "nav"))
            toc = &opf->items[i];
    if (!toc && opf->toc_id)
        toc = opf_item(opf, opf->toc_id);
    if (!toc) {
        report_warn(a, r, "epub_toc_missing", "no navigation document or NCX is declared");
        return;
    }
    int rc = read_xml(o, toc->path, l->max_xml_bytes, &doc, why, sizeof(why));
    if (rc == ERR_NOT_FOUND)
        report_warn(a, r, "epub_toc_missing", "table of contents '%s' is missing", toc->path);
    else if (rc)
        report_warn(a, r, "epub_toc_malformed", "table of contents '%s' is unusable: %s", toc->path,
                    why);
    xmlFreeDoc(doc);
}

static bool is_image_type(const char *t)
{
    return t && strncmp(t, "image/", 6) == 0 && strcmp(t, "image/svg+xml") != 0;
}

/* True when "path" names an image, by its manifest type or else its extension. */
static bool is_image_path(const struct opf *opf, const char *path)
{
    const struct opf_item *it = opf_item_at(opf, path);
    const char *dot = strrchr(path, '.');

    if (it)
        return is_image_type(it->media_type);
    return dot &&
           (!strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg") || !strcasecmp(dot, ".png") ||
            !strcasecmp(dot, ".webp") || !strcasecmp(dot, ".gif"));
}

/* Depth-first: the first <img src> or SVG <image href> under "n", as an unresolved href. */
static const char *first_image_href(struct arena *a, const xmlNode *n, size_t *budget)
{
    for (; n && *budget; n = n->next, (*budget)--) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *href = NULL;
        if (xml_is(n, NULL, "img"))
            href = xml_attr(a, n, NULL, "src");
        else if (xml_is(n, XML_NS_SVG, "image"))
            href = xml_attr(a, n, XML_NS_XLINK, "href") ? xml_attr(a, n, XML_NS_XLINK, "href")
                                                        : xml_attr(a, n, NULL, "href");
        if (!href)
            href = first_image_href(a, n->children, budget);
        if (href)
            return href;
    }
    return NULL;
}

/* The first image shown by the page at "path", resolved, or NULL. */
static const char *image_of_page(struct arena *a, struct ocf *o, const struct opf *opf,
                                 const char *path, const struct media_limits *l)
{
    char why[256];
    xmlDoc *doc;
    size_t budget = MAX_WALK;

    if (!path || read_xml(o, path, l->max_xml_bytes, &doc, why, sizeof(why)) != 0)
        return NULL;
    const char *href = first_image_href(a, xmlDocGetRootElement(doc), &budget);
    const char *img = href ? opf_resolve(a, path, href) : NULL;
    xmlFreeDoc(doc);
    return img && is_image_path(opf, img) ? img : NULL;
}

/* Where the cover image is inside the ZIP, by the order documented in epub.h; NULL if none. */
static const char *find_cover(struct arena *a, struct ocf *o, const struct opf *opf,
                              const struct media_limits *l)
{
    const struct opf_item *meta = opf->cover_meta ? opf_item(opf, opf->cover_meta) : NULL;
    const char *img;

    for (size_t i = 0; i < opf->n_items; i++)
        if (opf_has_property(&opf->items[i], "cover-image"))
            return opf->items[i].path;
    if (meta && is_image_type(meta->media_type))
        return meta->path;
    if (opf->guide_cover && is_image_path(opf, opf->guide_cover))
        return opf->guide_cover;
    if ((img = image_of_page(a, o, opf, opf->guide_cover, l)) != NULL)
        return img;
    if (meta && (img = image_of_page(a, o, opf, meta->path, l)) != NULL)
        return img;
    for (size_t i = 0; i < opf->n_items; i++)
        if (is_image_type(opf->items[i].media_type) &&
            (!strcasecmp(opf->items[i].id, "cover") ||
             !strcasecmp(opf->items[i].id, "cover-image")))
            return opf->items[i].path;
    return NULL;
}

static void read_cover(struct arena *a, struct ocf *o, const struct opf *opf,
                       const struct media_limits *l, struct manuscript_report *r)
{
    const char *path = find_cover(a, o, opf, l);
    unsigned char *body;
    size_t n;

    if (!path) {
        report_warn(a, r, "epub_no_cover", "no cover image was found");
        return;
    }
    int rc = ocf_read(o, path, l->max_cover_bytes, &body, &n);
    if (rc == ERR_NOT_FOUND) {
        report_warn(a, r, "epub_cover_missing", "cover '%s' is not in the ZIP", path);
    } else if (rc == ERR_TOO_LARGE) {
        report_warn(a, r, "epub_cover_too_large", "cover '%s' is larger than %zu bytes", path,
                    l->max_cover_bytes);
    } else if (rc) {
        report_warn(a, r, "epub_cover_unreadable", "cover '%s' cannot be decompressed", path);
    } else {
        arena_defer(a, free, body);
        const struct opf_item *it = opf_item_at(opf, path);
        r->cover = body;
        r->cover_len = n;
        r->cover_path = path;
        r->cover_type = it ? it->media_type : NULL;
    }
}

static int check_package(struct arena *a, struct ocf *o, const struct media_limits *l,
                         struct manuscript_report *r)
{
    const char *opf_path = NULL;
    struct opf opf = {0};
    int rc = find_rootfile(a, o, l, r, &opf_path);

    if (rc || (rc = read_package(a, o, l, opf_path, &opf, r)) != 0)
        return rc;
    if (!r->title)
        report_warn(a, r, "epub_title_missing", "the package has no dc:title");
    if ((rc = check_spine(a, o, &opf, l, r)) != 0)
        return rc;
    check_manifest_files(a, o, &opf, r);
    check_toc(a, o, &opf, l, r);
    read_cover(a, o, &opf, l, r);
    return 0;
}

int epub_check(struct arena *a, const unsigned char *data, size_t len, const struct media_limits *l,
               struct manuscript_report *r)
{
    struct ocf *o;

    r->format = MEDIA_EPUB;
    int rc = ocf_open(a, data, len, l, r, &o);
    if (rc)
        return rc;
    rc = ocf_check_mimetype(a, o, r);
    if (rc == 0)
        rc = check_package(a, o, l, r);
    ocf_close(o);
    return rc;
}
