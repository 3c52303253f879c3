/* xml.c: libxml2 with the network, entities and DTDs off, and tree helpers (the only libxml2 user).
 */
#include "media/xml.h"

#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* Every external load (DTD, entity, XInclude) fails: uploads never reach files or the network. */
static xmlParserInputPtr on_external(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    return NULL;
}

static void on_error(void *ctx, const char *msg, ...)
{
}

static void on_structured_error(void *ctx, xmlErrorPtr err)
{
}

void xml_init(void)
{
    xmlInitParser();
    xmlSetExternalEntityLoader(on_external);
}

void xml_release(void)
{
    xmlCleanupParser();
}

static bool declares_entities(const char *p, size_t len)
{
    static const char needle[] = "<!ENTITY";

    for (const char *end = p + len; p && (size_t)(end - p) >= sizeof(needle) - 1; p++) {
        p = memchr(p, '<', (size_t)(end - p));
        if (!p || (size_t)(end - p) < sizeof(needle) - 1)
            return false;
        if (memcmp(p, needle, sizeof(needle) - 1) == 0)
            return true;
    }
    return false;
}

xmlDoc *xml_parse(const void *data, size_t len, size_t cap, char *why, size_t why_len)
{
    const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

    if (len > cap || len > 0x7fffffff) {
        snprintf(why, why_len, "%zu bytes (at most %zu)", len, cap);
        return NULL;
    }
    if (declares_entities(data, len)) {
        snprintf(why, why_len, "declares entities (<!ENTITY), which uploads may not");
        return NULL;
    }
    /* per-thread in libxml2: keep stray messages off stderr */
    xmlSetGenericErrorFunc(NULL, on_error);
    xmlSetStructuredErrorFunc(NULL, on_structured_error);
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        snprintf(why, why_len, "out of memory");
        return NULL;
    }
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, data, (int)len, "upload.xml", NULL, opts);
    if (doc && (!ctxt->wellFormed || (doc->intSubset && doc->intSubset->entities))) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        size_t n;
        snprintf(why, why_len, "line %d: %s", e ? e->line : 0,
                 e && e->message ? e->message : "not well-formed");
        n = strlen(why);
        while (n > 0 && (why[n - 1] == '\n' || why[n - 1] == ' '))
            why[--n] = '\0';
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

bool xml_is(const xmlNode *n, const char *ns, const char *local)
{
    if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, local) != 0)
        return false;
    if (!ns)
        return true;
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

xmlNode *xml_next(const xmlNode *n, const char *ns, const char *local)
{
    for (n = n ? n->next : NULL; n; n = n->next)
        if (xml_is(n, ns, local))
            return (xmlNode *)n;
    return NULL;
}

xmlNode *xml_child(const xmlNode *n, const char *ns, const char *local)
{
    if (!n || !n->children)
        return NULL;
    if (xml_is(n->children, ns, local))
        return n->children;
    return xml_next(n->children, ns, local);
}

const char *xml_attr(struct arena *a, const xmlNode *n, const char *ns, const char *name)
{
    xmlChar *v = ns ? xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns)
                    : xmlGetNoNsProp(n, (const xmlChar *)name);

    if (!v)
        return NULL;
    const char *s = arena_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}

/* Collapses white space in "s" in place; returns its new length. */
static size_t squeeze(char *s)
{
    size_t w = 0;
    bool space = false;

    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = w > 0;
            continue;
        }
        if (space)
            s[w++] = ' ';
        space = false;
        s[w++] = *p;
    }
    s[w] = '\0';
    return w;
}

const char *xml_text(struct arena *a, const xmlNode *n, size_t max)
{
    xmlChar *raw = xmlNodeGetContent(n);

    if (!raw)
        return NULL;
    char *s = arena_strdup(a, (const char *)raw);
    xmlFree(raw);
    size_t len = squeeze(s);
    if (len > max) {
        len = max;
        while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
            len--;
        s[len] = '\0';
    }
    return len ? s : NULL;
}
