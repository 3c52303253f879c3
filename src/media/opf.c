/* opf.c: the EPUB 2 and EPUB 3 package document: metadata for the book form, manifest, spine. */
#include "media/opf.h"
#include "core/err.h"
#include "media/isbn.h"
#include "media/xml.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define TEXT_MAX 1024
#define DESCRIPTION_MAX 16384
#define MAX_REFINES 256

/* <meta refines="#id" property="..."> of EPUB 3. */
struct refine {
    const char *target; /* without the '#' */
    const char *property;
    const char *value;
};

struct refines {
    struct refine v[MAX_REFINES];
    size_t n;
    bool title_types; /* any title-type refinement seen */
};

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* Percent-decodes "s" in place; -1 on a bad escape or an encoded NUL. */
static int unescape(char *s)
{
    char *w = s;

    for (const char *p = s; *p; p++) {
        if (*p != '%') {
            *w++ = *p;
            continue;
        }
        int hi = hexval((unsigned char)p[1]), lo = hi < 0 ? -1 : hexval((unsigned char)p[2]);
        if (lo < 0 || (hi == 0 && lo == 0))
            return -1;
        *w++ = (char)(hi * 16 + lo);
        p += 2;
    }
    *w = '\0';
    return 0;
}

/* Appends segment "seg" (length "n") to "out" of length "*len", resolving "." and "..". */
static int push_segment(char *out, size_t *len, const char *seg, size_t n)
{
    if (n == 0 || (n == 1 && seg[0] == '.'))
        return 0;
    if (n == 2 && seg[0] == '.' && seg[1] == '.') {
        if (*len == 0)
            return -1;
        char *slash = memrchr(out, '/', *len);
        *len = slash ? (size_t)(slash - out) : 0;
        return 0;
    }
    if (*len)
        out[(*len)++] = '/';
    memcpy(out + *len, seg, n);
    *len += n;
    return 0;
}

char *opf_resolve(struct arena *a, const char *from, const char *href)
{
    const char *slash = strrchr(from, '/');
    size_t base = slash ? (size_t)(slash - from) : 0;
    char *h = arena_strndup(a, href, strcspn(href, "#"));

    /* a colon in the first segment is a scheme ("http:", "data:"): not inside the archive */
    if (!*h || memchr(h, ':', strcspn(h, "/")) || unescape(h) != 0 || h[0] == '/' ||
        strchr(h, '\\'))
        return NULL;
    for (const char *p = h; *p; p++)
        if ((unsigned char)*p < 0x20)
            return NULL;
    char *out = arena_alloc(a, base + strlen(h) + 2);
    size_t len = 0;
    const char *parts[2] = {from, h};
    size_t ends[2] = {base, strlen(h)};
    for (int k = 0; k < 2; k++)
        for (const char *p = parts[k], *end = p + ends[k]; p < end;) {
            const char *q = memchr(p, '/', (size_t)(end - p));
            size_t n = q ? (size_t)(q - p) : (size_t)(end - p);
            if (push_segment(out, &len, p, n) != 0)
                return NULL;
            p += n + 1;
        }
    out[len] = '\0';
    return len ? out : NULL;
}

static bool is_dc(const xmlNode *n, const char *local)
{
    return xml_is(n, NULL, local) && n->ns && n->ns->href &&
           strncmp((const char *)n->ns->href, "http://purl.org/dc/elements/1.", 30) == 0;
}

/* An OPF attribute written with the opf: prefix (EPUB 2) or without a namespace. */
static const char *opf_attr(struct arena *a, const xmlNode *n, const char *name)
{
    const char *v = xml_attr(a, n, XML_NS_OPF, name);

    return v ? v : xml_attr(a, n, NULL, name);
}

static void collect_refines(struct arena *a, const xmlNode *md, struct refines *rf)
{
    for (const xmlNode *n = xml_child(md, NULL, "meta"); n; n = xml_next(n, NULL, "meta")) {
        const char *target = xml_attr(a, n, NULL, "refines");
        const char *prop = xml_attr(a, n, NULL, "property");
        if (!target || !prop || target[0] != '#' || rf->n >= MAX_REFINES)
            continue;
        rf->v[rf->n++] = (struct refine){target + 1, prop, xml_text(a, n, TEXT_MAX)};
        if (strcmp(prop, "title-type") == 0)
            rf->title_types = true;
    }
}

static const char *refined(const struct refines *rf, const char *id, const char *property)
{
    for (size_t i = 0; id && i < rf->n; i++)
        if (strcmp(rf->v[i].target, id) == 0 && strcmp(rf->v[i].property, property) == 0)
            return rf->v[i].value;
    return NULL;
}

static void read_title(struct arena *a, const xmlNode *n, const struct refines *rf,
                       struct manuscript_report *r)
{
    const char *text = xml_text(a, n, TEXT_MAX);
    const char *type = refined(rf, xml_attr(a, n, NULL, "id"), "title-type");

    if (!text)
        return;
    if (type && strcmp(type, "subtitle") == 0) {
        if (!r->subtitle)
            r->subtitle = text;
    } else if (type && strcmp(type, "main") == 0) {
        r->title = text;
    } else if (!r->title) {
        r->title = text;
    } else if (!r->subtitle && !rf->title_types) {
        r->subtitle = text; /* EPUB 2 convention: a second dc:title */
    }
}

static void read_creator(struct arena *a, const xmlNode *n, const struct refines *rf,
                         bool contributor, struct manuscript_report *r)
{
    const char *name = xml_text(a, n, TEXT_MAX);
    const char *id = xml_attr(a, n, NULL, "id");

    if (!name || r->n_creators >= MEDIA_MAX_CREATORS)
        return;
    struct media_creator *c = &r->creators[r->n_creators++];
    c->name = name;
    c->contributor = contributor;
    c->role = opf_attr(a, n, "role");
    if (!c->role)
        c->role = refined(rf, id, "role");
    if (!c->role && !contributor)
        c->role = "aut";
    c->file_as = opf_attr(a, n, "file-as");
    if (!c->file_as)
        c->file_as = refined(rf, id, "file-as");
}

static void read_identifier(struct arena *a, const xmlNode *n, const struct refines *rf,
                            struct manuscript_report *r)
{
    const char *text = xml_text(a, n, TEXT_MAX);
    const char *scheme = opf_attr(a, n, "scheme");
    const char *type = refined(rf, xml_attr(a, n, NULL, "id"), "identifier-type");
    char isbn[14];

    if (!text || r->isbn)
        return;
    bool candidate = (scheme && strcasecmp(scheme, "isbn") == 0) ||
                     strncasecmp(text, "urn:isbn:", 9) == 0 || strncasecmp(text, "isbn", 4) == 0 ||
                     (type && (strcmp(type, "15") == 0 || strcmp(type, "02") == 0));
    if (!candidate)
        return;
    if (isbn_normalize(text, isbn) == 0)
        r->isbn = arena_strdup(a, isbn);
    else
        report_warn(a, r, "epub_isbn_invalid", "identifier '%s' is not a valid ISBN", text);
}

/* The Dublin Core elements of <metadata> (and of EPUB 2's legacy <dc-metadata> inside it). */
static void read_dc(struct arena *a, const xmlNode *md, const struct refines *rf, struct opf *o,
                    struct manuscript_report *r)
{
    for (const xmlNode *n = md ? md->children : NULL; n; n = n->next) {
        if (xml_is(n, NULL, "dc-metadata") || xml_is(n, NULL, "x-metadata"))
            read_dc(a, n, rf, o, r);
        else if (is_dc(n, "title"))
            read_title(a, n, rf, r);
        else if (is_dc(n, "creator") || is_dc(n, "contributor"))
            read_creator(a, n, rf, is_dc(n, "contributor"), r);
        else if (is_dc(n, "identifier"))
            read_identifier(a, n, rf, r);
        else if (is_dc(n, "language") && !r->language)
            r->language = xml_text(a, n, 64);
        else if (is_dc(n, "description") && !r->description)
            r->description = xml_text(a, n, DESCRIPTION_MAX);
        else if (is_dc(n, "publisher") && !r->publisher)
            r->publisher = xml_text(a, n, TEXT_MAX);
        else if (is_dc(n, "subject"))
            report_add_subject(r, xml_text(a, n, 200));
        else if (xml_is(n, NULL, "meta") && !o->cover_meta) {
            const char *name = xml_attr(a, n, NULL, "name");
            if (name && strcmp(name, "cover") == 0)
                o->cover_meta = xml_attr(a, n, NULL, "content");
        }
    }
}

static size_t count_children(const xmlNode *parent, const char *local)
{
    size_t n = 0;

    for (const xmlNode *c = xml_child(parent, NULL, local); c; c = xml_next(c, NULL, local))
        n++;
    return n;
}

static void read_manifest(struct arena *a, const xmlNode *man, const char *opf_path, struct opf *o,
                          struct manuscript_report *r)
{
    size_t bad = 0;

    o->items = arena_zalloc(a, (count_children(man, "item") + 1) * sizeof(*o->items));
    for (const xmlNode *n = xml_child(man, NULL, "item"); n; n = xml_next(n, NULL, "item")) {
        struct opf_item it = {xml_attr(a, n, NULL, "id"), NULL, xml_attr(a, n, NULL, "media-type"),
                              xml_attr(a, n, NULL, "properties")};
        const char *href = xml_attr(a, n, NULL, "href");
        it.path = href ? opf_resolve(a, opf_path, href) : NULL;
        if (!it.id || !it.path) {
            bad++;
            continue;
        }
        o->items[o->n_items++] = it;
    }
    if (bad)
        report_warn(a, r, "epub_manifest_item_invalid",
                    "%zu manifest items lack an id or a local href", bad);
}

static void read_spine(struct arena *a, const xmlNode *spine, struct opf *o)
{
    o->spine = arena_zalloc(a, (count_children(spine, "itemref") + 1) * sizeof(*o->spine));
    o->toc_id = spine ? xml_attr(a, spine, NULL, "toc") : NULL;
    for (const xmlNode *n = xml_child(spine, NULL, "itemref"); n;
         n = xml_next(n, NULL, "itemref")) {
        const char *idref = xml_attr(a, n, NULL, "idref");
        const struct opf_item *it = idref ? opf_item(o, idref) : NULL;
        if (it)
            o->spine[o->n_spine++] = it;
        else
            o->spine_missing++;
    }
}

static void read_guide(struct arena *a, const xmlNode *guide, const char *opf_path, struct opf *o)
{
    for (const xmlNode *n = xml_child(guide, NULL, "reference"); n;
         n = xml_next(n, NULL, "reference")) {
        const char *type = xml_attr(a, n, NULL, "type");
        const char *href = xml_attr(a, n, NULL, "href");
        if (type && href && strcasecmp(type, "cover") == 0) {
            o->guide_cover = opf_resolve(a, opf_path, href);
            return;
        }
    }
}

int opf_read(struct arena *a, xmlDoc *doc, const char *opf_path, struct opf *o,
             struct manuscript_report *r)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    struct refines *rf;

    memset(o, 0, sizeof(*o));
    if (!xml_is(root, NULL, "package"))
        return report_refuse(a, r, ERR_UNPROCESSABLE, "epub_opf_invalid",
                             "'%s' is not an OPF package document", opf_path);
    o->version = xml_attr(a, root, NULL, "version");
    r->version = o->version;
    const xmlNode *md = xml_child(root, NULL, "metadata");
    rf = arena_zalloc(a, sizeof(*rf));
    collect_refines(a, md, rf);
    read_dc(a, md, rf, o, r);
    read_manifest(a, xml_child(root, NULL, "manifest"), opf_path, o, r);
    read_spine(a, xml_child(root, NULL, "spine"), o);
    read_guide(a, xml_child(root, NULL, "guide"), opf_path, o);
    return 0;
}

const struct opf_item *opf_item(const struct opf *o, const char *id)
{
    for (size_t i = 0; i < o->n_items; i++)
        if (strcmp(o->items[i].id, id) == 0)
            return &o->items[i];
    return NULL;
}

const struct opf_item *opf_item_at(const struct opf *o, const char *path)
{
    for (size_t i = 0; i < o->n_items; i++)
        if (strcmp(o->items[i].path, path) == 0)
            return &o->items[i];
    return NULL;
}

bool opf_has_property(const struct opf_item *it, const char *prop)
{
    size_t n = strlen(prop);

    for (const char *p = it->properties; p && *p;) {
        p += strspn(p, " \t\n\r");
        size_t w = strcspn(p, " \t\n\r");
        if (w == n && strncmp(p, prop, n) == 0)
            return true;
        p += w;
    }
    return false;
}
