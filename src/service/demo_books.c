/* demo_books.c (service): generated prose in real EPUBs, so every demo book can be read. */
#include "service/demo_books.h"
#include "blob/blob.h"
#include "core/buf.h"
#include "core/secret.h"
#include "core/timefmt.h"
#include "media/epub_build.h"
#include "store/files.h"
#include "store/seed.h"

#include <stdio.h>
#include <string.h>

#define CHAPTERS 6
#define PARAGRAPHS 9

static const char *const openings[] = {
    "In the grey hour before dawn,", "Long after the last train had gone,",
    "When the letter finally arrived,", "By the time the rain reached the harbour,",
    "Nobody in the village remembered exactly when", "For three days and three nights,",
    "Somewhere beyond the orchard wall,", "On the morning of the festival,"};
static const char *const subjects[] = {
    "the old cartographer", "Mara", "the youngest of the Elwood sisters", "a stranger in a blue coat",
    "the lighthouse keeper", "Tomas", "the archivist", "her brother"};
static const char *const actions[] = {
    "unfolded the map that no one else could read", "listened for footsteps on the stairs",
    "counted the ships that had not returned", "wrote a name in the margin and crossed it out",
    "climbed the hill to watch the lights go out one by one", "kept the promise a little longer",
    "opened the door that had been locked for years", "laughed for the first time in weeks"};
static const char *const endings[] = {
    "and the silence afterwards said more than any answer could.",
    "though the reason would not become clear until winter.",
    "as if the house itself were holding its breath.",
    "while the wind rearranged the leaves on the doorstep.",
    "and for a moment everything seemed possible again.",
    "but the clock on the mantel had already stopped."};
static const char *const reflections[] = {
    "Some stories begin long before anyone notices them.",
    "It is strange how a small decision can move a whole life.",
    "Memory, she thought, is a lantern carried backwards.",
    "There are places that wait patiently for the right person.",
    "Hope is rarely loud; it mostly keeps the lights on.",
    "Every map leaves out something that matters."};
static const char *const chapter_titles[] = {"The Letter", "Harbour Lights", "What the River Knew",
                                             "A House of Clocks", "The Long Way Home",
                                             "Morning, Again"};

#define PICK(list, n) list[(n) % (sizeof(list) / sizeof(list[0]))]

/* A small deterministic generator: the same book gets the same text every time. */
static unsigned next(unsigned long long *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(*s >> 33);
}

static const char *paragraph(struct arena *a, unsigned long long *seed)
{
    struct buf b = BUF_INIT;
    int sentences = 3 + (int)(next(seed) % 3);

    for (int i = 0; i < sentences; i++) {
        if (next(seed) % 3 == 0)
            buf_printf(&b, "%s%s", i ? " " : "", PICK(reflections, next(seed)));
        else
            buf_printf(&b, "%s%s %s %s %s", i ? " " : "", PICK(openings, next(seed)),
                       PICK(subjects, next(seed)), PICK(actions, next(seed)),
                       PICK(endings, next(seed)));
    }
    char *out = arena_strndup(a, b.p, b.len);
    buf_release(&b);
    return out;
}

static void make_chapters(struct arena *a, long long id, struct epub_chapter *ch)
{
    unsigned long long seed = (unsigned long long)id * 2654435761ULL + 17;

    for (int c = 0; c < CHAPTERS; c++) {
        const char **paras = arena_alloc(a, sizeof(*paras) * PARAGRAPHS);
        for (int p = 0; p < PARAGRAPHS; p++)
            paras[p] = paragraph(a, &seed);
        ch[c] = (struct epub_chapter){
            arena_printf(a, "Chapter %d: %s", c + 1, chapter_titles[c]), paras, PARAGRAPHS};
    }
}

#define SAMPLE_CHAPTERS 2 /* the free sample: the opening chapters */

/* Builds an EPUB of the first "chapters" chapters and stores it as the book's ready "kind". */
static int store_epub(struct ctx *cx, const struct bare_book *bk, struct epub_book *book,
                      int chapters, const char *kind, const char *now)
{
    char sha[SECRET_HASH_LEN], rnd[17];
    unsigned char *data;
    size_t len;

    book->n_chapters = chapters;
    if (epub_build(cx->arena, book, &data, &len) != 0)
        return cx_fail(cx, ERR_INTERNAL, "cannot build the %s EPUB of book %lld", kind, bk->id);
    secret_sha256_hex((const char *)data, len, sha);
    secret_hex_new(rnd, 8);
    struct file_row f = {.book_id = bk->id, .kind = kind, .version = 1,
                         .original_name = strcmp(kind, "sample") ? "demo.epub" : "demo-sample.epub",
                         .content_type = "application/epub+zip",
                         .size_bytes = (long long)len, .sha256 = sha};
    f.storage_key = arena_printf(cx->arena, "books/%lld/%s/v1-%s", bk->id, kind, rnd);
    if (blob_put(cx->app->blob, cx->arena, f.storage_key, data, len, f.content_type, NULL) != 0)
        return cx_fail(cx, ERR_UNAVAILABLE, "storage is unavailable");
    return store_files_insert_ready(cx, &f, now);
}

/*
 * The book's manuscript (every chapter) and free sample (the opening ones), both EPUB, and the
 * book's format set to match: the seed marks some demo books PDF, but what is read is this.
 */
static int attach(struct ctx *cx, const struct bare_book *bk, const char *now)
{
    struct epub_chapter ch[CHAPTERS];
    struct epub_book book = {
        arena_printf(cx->arena, "urn:mangu:book:%lld", bk->id), bk->title, bk->author,
        bk->language ? bk->language : "en", bk->description, now, ch, CHAPTERS};
    int rc;

    make_chapters(cx->arena, bk->id, ch);
    if ((rc = store_epub(cx, bk, &book, CHAPTERS, "manuscript", now)) != 0)
        return rc;
    book.identifier = arena_printf(cx->arena, "urn:mangu:book:%lld:sample", bk->id);
    if ((rc = store_epub(cx, bk, &book, SAMPLE_CHAPTERS, "sample", now)) != 0)
        return rc;
    return store_seed_book_format(cx, bk->id, "epub");
}

int demo_books_attach_manuscripts(struct ctx *cx, int *made)
{
    struct bare_book *books;
    int n, rc;
    const char *now = time_from_now(cx->arena, 0);

    *made = 0;
    if ((rc = store_files_without_manuscript(cx, 10000, &books, &n)) != 0)
        return rc;
    for (int i = 0; i < n && rc == 0; i++)
        if ((rc = attach(cx, &books[i], now)) == 0)
            (*made)++;
    return rc;
}
