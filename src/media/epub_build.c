/* epub_build.c: EPUB output through libzip (the only writer of ZIPs); demo books use it. */
#include "media/epub_build.h"
#include "core/buf.h"

#include <stdlib.h>
#include <string.h>
#include <zip.h>

static void add_escaped(struct buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            buf_adds(b, "&amp;");
            break;
        case '<':
            buf_adds(b, "&lt;");
            break;
        case '>':
            buf_adds(b, "&gt;");
            break;
        case '"':
            buf_adds(b, "&quot;");
            break;
        default:
            buf_addc(b, *s);
        }
    }
}

static void chapter_xhtml(struct buf *b, const struct epub_book *book, const struct epub_chapter *c)
{
    buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"%s\" lang=\"%s\">\n"
                  "<head><meta charset=\"UTF-8\"/><title>",
               book->language, book->language);
    add_escaped(b, c->title);
    buf_adds(b, "</title><link rel=\"stylesheet\" href=\"style.css\"/></head>\n<body>\n<h1>");
    add_escaped(b, c->title);
    buf_adds(b, "</h1>\n");
    for (int i = 0; i < c->n_paragraphs; i++) {
        buf_adds(b, "<p>");
        add_escaped(b, c->paragraphs[i]);
        buf_adds(b, "</p>\n");
    }
    buf_adds(b, "</body>\n</html>\n");
}

static void package_opf(struct buf *b, const struct epub_book *k)
{
    buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/"
                "2007/opf\" version=\"3.0\" unique-identifier=\"uid\">\n<metadata "
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<dc:identifier id=\"uid\">");
    add_escaped(b, k->identifier);
    buf_adds(b, "</dc:identifier>\n<dc:title>");
    add_escaped(b, k->title);
    buf_adds(b, "</dc:title>\n<dc:creator>");
    add_escaped(b, k->author);
    buf_printf(b, "</dc:creator>\n<dc:language>%s</dc:language>\n", k->language);
    if (k->description) {
        buf_adds(b, "<dc:description>");
        add_escaped(b, k->description);
        buf_adds(b, "</dc:description>\n");
    }
    buf_printf(b, "<dc:publisher>MANGU Publishing</dc:publisher>\n<meta property=\"dcterms:"
                  "modified\">%s</meta>\n</metadata>\n<manifest>\n<item id=\"nav\" href=\"nav."
                  "xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n<item "
                  "id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n<item "
                  "id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n",
               k->modified);
    for (int i = 0; i < k->n_chapters; i++)
        buf_printf(b, "<item id=\"c%d\" href=\"c%d.xhtml\" media-type=\"application/xhtml+xml\"/>\n",
                   i + 1, i + 1);
    buf_adds(b, "</manifest>\n<spine toc=\"ncx\">\n");
    for (int i = 0; i < k->n_chapters; i++)
        buf_printf(b, "<itemref idref=\"c%d\"/>\n", i + 1);
    buf_adds(b, "</spine>\n</package>\n");
}

static void nav_xhtml(struct buf *b, const struct epub_book *k)
{
    buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns="
                  "\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" "
                  "lang=\"%s\"><head><meta charset=\"UTF-8\"/><title>Contents</title></head>\n"
                  "<body><nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol>\n",
               k->language);
    for (int i = 0; i < k->n_chapters; i++) {
        buf_printf(b, "<li><a href=\"c%d.xhtml\">", i + 1);
        add_escaped(b, k->chapters[i].title);
        buf_adds(b, "</a></li>\n");
    }
    buf_adds(b, "</ol></nav></body></html>\n");
}

static void toc_ncx(struct buf *b, const struct epub_book *k)
{
    buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ncx xmlns=\"http://www.daisy.org/"
                "z3986/2005/ncx/\" version=\"2005-1\"><head><meta name=\"dtb:uid\" content=\"");
    add_escaped(b, k->identifier);
    buf_adds(b, "\"/></head><docTitle><text>");
    add_escaped(b, k->title);
    buf_adds(b, "</text></docTitle><navMap>\n");
    for (int i = 0; i < k->n_chapters; i++) {
        buf_printf(b, "<navPoint id=\"n%d\" playOrder=\"%d\"><navLabel><text>", i + 1, i + 1);
        add_escaped(b, k->chapters[i].title);
        buf_printf(b, "</text></navLabel><content src=\"c%d.xhtml\"/></navPoint>\n", i + 1);
    }
    buf_adds(b, "</navMap></ncx>\n");
}

static const char CONTAINER[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container version=\"1.0\" xmlns=\"urn:oasis:"
    "names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\""
    " media-type=\"application/oebps-package+xml\"/></rootfiles></container>\n";
static const char STYLE[] = "body{font-family:serif;line-height:1.6;margin:0 5%}"
                            "h1{font-size:1.6em;margin:2em 0 1em;text-align:center}"
                            "p{text-indent:1.5em;margin:0 0 .4em}\n";

/* Adds "data" (copied into the arena so it outlives the ZIP writer) under "name". */
static int add(zip_t *za, struct arena *a, const char *name, const char *data, size_t len,
               int store)
{
    char *copy = arena_strndup(a, data, len);
    zip_source_t *src = zip_source_buffer(za, copy, len, 0);
    zip_int64_t i = src ? zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8) : -1;

    if (i < 0) {
        zip_source_free(src);
        return -1;
    }
    return store ? zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0) : 0;
}

static int add_buf(zip_t *za, struct arena *a, const char *name, struct buf *b)
{
    int rc = add(za, a, name, b->p ? b->p : "", b->len, 0);

    buf_reset(b);
    return rc;
}

static int add_all(zip_t *za, struct arena *a, const struct epub_book *k)
{
    struct buf b = BUF_INIT;
    int rc = add(za, a, "mimetype", "application/epub+zip", 20, 1);

    rc = rc ? rc : add(za, a, "META-INF/container.xml", CONTAINER, sizeof(CONTAINER) - 1, 0);
    rc = rc ? rc : add(za, a, "OEBPS/style.css", STYLE, sizeof(STYLE) - 1, 0);
    package_opf(&b, k);
    rc = rc ? rc : add_buf(za, a, "OEBPS/content.opf", &b);
    nav_xhtml(&b, k);
    rc = rc ? rc : add_buf(za, a, "OEBPS/nav.xhtml", &b);
    toc_ncx(&b, k);
    rc = rc ? rc : add_buf(za, a, "OEBPS/toc.ncx", &b);
    for (int i = 0; rc == 0 && i < k->n_chapters; i++) {
        chapter_xhtml(&b, k, &k->chapters[i]);
        rc = add_buf(za, a, arena_printf(a, "OEBPS/c%d.xhtml", i + 1), &b);
    }
    buf_release(&b);
    return rc;
}

/* Reads the finished archive back out of its memory source. */
static int take(zip_source_t *src, struct arena *a, unsigned char **out, size_t *len)
{
    zip_stat_t st;

    if (zip_source_stat(src, &st) != 0 || zip_source_open(src) != 0)
        return -1;
    *out = arena_alloc(a, st.size + 1);
    zip_int64_t n = zip_source_read(src, *out, st.size);
    zip_source_close(src);
    *len = n > 0 ? (size_t)n : 0;
    return n == (zip_int64_t)st.size ? 0 : -1;
}

int epub_build(struct arena *a, const struct epub_book *b, unsigned char **out, size_t *len)
{
    zip_error_t err;
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
    int rc = -1;

    if (!za) {
        zip_source_free(src);
        return -1;
    }
    zip_source_keep(src); /* survives zip_close so the bytes can be read back */
    if (add_all(za, a, b) == 0 && zip_close(za) == 0)
        rc = take(src, a, out, len);
    else
        zip_discard(za);
    zip_source_free(src);
    return rc;
}
