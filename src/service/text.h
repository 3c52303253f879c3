/* text.h: UTF-8 text as search sees it: validity, folding as the index folds, words, tokens. */
#ifndef MANGU_TEXT_H
#define MANGU_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

#define TEXT_TOKEN_MAX 64 /* bytes of one folded token, at most */

/* True when "s" ("n" bytes) is well-formed UTF-8 (no overlongs, surrogates or NUL). */
bool text_utf8_valid(const char *s, size_t n);

/*
 * One word of a text: the bytes [start, end) of the original and the same word folded to
 * lower case without accents, the way SQLite's `unicode61 remove_diacritics 2` tokenizer
 * folds it (so a folded word equals the term the index holds). "folded" is in the arena.
 */
struct text_word {
    size_t start, end;
    const char *folded;
};

/*
 * Splits the first "max_bytes" of "s" into words: runs of letters and digits; everything
 * else (spaces, punctuation, symbols, emoji, invalid bytes) separates them. Fills at most
 * "max" words into "out" (arena memory) and returns how many. Words longer than
 * TEXT_TOKEN_MAX bytes are cut at a character boundary.
 */
int text_words(struct arena *a, const char *s, size_t n, size_t max_bytes, int max,
               struct text_word **out);

/*
 * The distinct folded words of the first "max_chars" characters of "s", at most "max",
 * in order of appearance: the tokens of a search query. Returns how many; "out" is an
 * arena array of arena strings, safe to quote in any query language (letters and digits).
 */
int text_tokens(struct arena *a, const char *s, size_t n, size_t max_chars, int max,
                const char ***out);

/* The number of code points in the folded token "s" (valid UTF-8). */
size_t text_chars(const char *s);

#endif
