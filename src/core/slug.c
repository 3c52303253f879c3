/* slug.c: slugs; accents of Latin-1 and Latin Extended-A fold to their base letter. */
#include "core/slug.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Base letters for U+00C0..U+017F; '?' marks characters with no plain-letter fold. */
static const char latin[] = "aaaaaaaceeeeiiiidnooooo?ouuuuyts" /* C0-DF */
                            "aaaaaaaceeeeiiiidnooooo?ouuuuyty" /* E0-FF */
                            "aaaaaaccccccccddddeeeeeeeeeegggg" /* 100-11F */
                            "gggghhhhiiiiiiiiiijjjjkkklllllll" /* 120-13F */
                            "lllnnnnnnnnnoooooooorrrrrrssssss" /* 140-15F */
                            "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs"; /* 160-17F */

/* Decodes one UTF-8 sequence at "p"; returns its length and the code point in "cp". */
static int utf8_next(const unsigned char *p, unsigned *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xe0) == 0xc0 && (p[1] & 0xc0) == 0x80) {
        *cp = ((p[0] & 0x1fu) << 6) | (p[1] & 0x3fu);
        return 2;
    }
    int n = (p[0] & 0xf0) == 0xe0 ? 3 : (p[0] & 0xf8) == 0xf0 ? 4 : 1;
    for (int i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            n = 1;
    *cp = 0xfffd;
    return n;
}

static char fold(unsigned cp)
{
    if (cp < 0x80)
        return isalnum((int)cp) ? (char)tolower((int)cp) : '-';
    if (cp >= 0xc0 && cp <= 0x17f && latin[cp - 0xc0] != '?')
        return latin[cp - 0xc0];
    return '-';
}

char *slug_from(struct arena *a, const char *text, size_t max)
{
    char *out = arena_alloc(a, max + 3);
    size_t n = 0;
    int has_letter = 0;

    for (const unsigned char *p = (const unsigned char *)text; *p && n < max;) {
        unsigned cp;
        p += utf8_next(p, &cp);
        char c = fold(cp);
        if (c == '-' && (n == 0 || out[n - 1] == '-'))
            continue;
        has_letter |= c >= 'a' && c <= 'z';
        out[n++] = c;
    }
    while (n > 0 && out[n - 1] == '-')
        n--;
    out[n] = '\0';
    if (!has_letter)
        return arena_printf(a, "%s%s", n ? "n-" : "untitled", out);
    return out;
}

char *slug_with_suffix(struct arena *a, const char *slug, int n, size_t max)
{
    char suffix[16];
    size_t len = strlen(slug);
    size_t sl = (size_t)snprintf(suffix, sizeof(suffix), "-%d", n);

    if (len + sl > max)
        len = max > sl ? max - sl : 0;
    while (len > 0 && slug[len - 1] == '-')
        len--;
    return arena_printf(a, "%.*s%s", (int)len, slug, suffix);
}
