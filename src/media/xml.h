/* xml.h: parsing untrusted XML with libxml2 safely, and small tree helpers for EPUB files. */
#ifndef MANGU_MEDIA_XML_H
#define MANGU_MEDIA_XML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "core/arena.h"

#define XML_NS_OPF "http://www.idpf.org/2007/opf"
#define XML_NS_DC "http://purl.org/dc/elements/1.1/"
#define XML_NS_CONTAINER "urn:oasis:names:tc:opendocument:xmlns:container"
#define XML_NS_XHTML "http://www.w3.org/1999/xhtml"
#define XML_NS_SVG "http://www.w3.org/2000/svg"
#define XML_NS_XLINK "http://www.w3.org/1999/xlink"

/* Once per process, before threads: libxml2's globals and a loader that refuses every URL. */
void xml_init(void);
void xml_release(void);

/*
 * Parses "len" bytes of "data" as one XML document: no network (XML_PARSE_NONET), no entity
 * substitution, no DTD loading or default attributes, libxml2's normal size limits, nothing
 * printed. A document over "cap" bytes or declaring entities (<!ENTITY) is refused unparsed.
 * Returns the tree (caller frees with xmlFreeDoc) or NULL with one line in "why" (at least 160
 * bytes: "line 49: xmlParseEntityRef: no name").
 */
xmlDoc *xml_parse(const void *data, size_t len, size_t cap, char *why, size_t why_len);

/* True when "n" is an element named "local" in namespace "ns" (NULL: any namespace). */
bool xml_is(const xmlNode *n, const char *ns, const char *local);
/* The first child element of "n" named so, or NULL. */
xmlNode *xml_child(const xmlNode *n, const char *ns, const char *local);
/* The next sibling element after "n" named so, or NULL. */
xmlNode *xml_next(const xmlNode *n, const char *ns, const char *local);
/* Attribute "name" (in "ns", or with no namespace when "ns" is NULL) copied into "a", or NULL. */
const char *xml_attr(struct arena *a, const xmlNode *n, const char *ns, const char *name);
/*
 * The text of "n" copied into "a" with runs of white space made one space and the ends trimmed;
 * NULL when empty. Longer than "max" bytes is cut at a UTF-8 boundary.
 */
const char *xml_text(struct arena *a, const xmlNode *n, size_t max);

#endif
