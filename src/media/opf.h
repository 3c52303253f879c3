/* opf.h: reading an EPUB package document (OPF): metadata, manifest, spine, guide. */
#ifndef MANGU_MEDIA_OPF_H
#define MANGU_MEDIA_OPF_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "core/arena.h"
#include "media/report.h"

struct opf_item {
    const char *id;
    const char *path; /* resolved inside the ZIP ("OPS/images/cover.jpg") */
    const char *media_type;
    const char *properties; /* EPUB 3, space-separated ("cover-image", "nav"), or NULL */
};

/* What the package says, all in the arena given to opf_read(). */
struct opf {
    const char *version; /* package@version */
    struct opf_item *items;
    size_t n_items;
    const struct opf_item **spine; /* reading order */
    size_t n_spine;
    size_t spine_missing;    /* itemrefs naming no manifest item */
    const char *toc_id;      /* EPUB 2: spine@toc, the NCX item */
    const char *cover_meta;  /* EPUB 2: <meta name="cover" content="..."> (an item id, or not) */
    const char *guide_cover; /* EPUB 2: <guide><reference type="cover"> resolved, or NULL */
};

/*
 * Reads the package document "doc" found at "opf_path" into "o", and its metadata (title,
 * subtitle, creators with roles and file-as, language, description, publisher, ISBN, subjects)
 * into "r". EPUB 2 attributes (opf:role, opf:file-as, opf:scheme) and EPUB 3 refinements
 * (<meta refines="#id" property="title-type|role|file-as|identifier-type">) are both understood.
 * Returns 0, or ERR_UNPROCESSABLE recorded in "r" when the root is not a package.
 */
int opf_read(struct arena *a, xmlDoc *doc, const char *opf_path, struct opf *o,
             struct manuscript_report *r);

const struct opf_item *opf_item(const struct opf *o, const char *id);
const struct opf_item *opf_item_at(const struct opf *o, const char *path);
/* True when the item's EPUB 3 properties hold the token "prop". */
bool opf_has_property(const struct opf_item *it, const char *prop);

/*
 * Resolves "href" (relative, percent-encoded, maybe with a #fragment) against the folder of the
 * file "from" inside the ZIP. Returns the path in "a", or NULL for anything that is not a plain
 * relative reference staying inside the archive (absolute, a URL, "%00", climbing above the root).
 */
char *opf_resolve(struct arena *a, const char *from, const char *href);

#endif
