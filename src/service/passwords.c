/* passwords.c: argon2id (libsodium) and zxcvbn, with the limits checked first. */
#include "service/passwords.h"

#include <sodium.h>
#include <string.h>
#include <zxcvbn.h>

/* OWASP's minimum for argon2id: 19 MiB of memory and 2 iterations. */
#define HASH_OPS 2
#define HASH_MEM (19u * 1024 * 1024)
/* zxcvbn's "safely unguessable" band starts near 10^8 guesses, about 27 bits. */
#define MIN_ENTROPY_BITS 28.0

double password_entropy(const char *password, const char *const *hints)
{
    return ZxcvbnMatch(password, (const char **)hints, NULL);
}

static const char *reason_for(ZxcTypeMatch_t type)
{
    switch (type & ~MULTIPLE_MATCH) {
    case DICTIONARY_MATCH:
    case DICT_LEET_MATCH:
        return "it is built on a common word or password; add more unrelated words";
    case USER_MATCH:
    case USER_LEET_MATCH:
        return "it contains your name or e-mail address";
    case REPEATS_MATCH:
        return "it repeats characters or words; add more variety";
    case SEQUENCE_MATCH:
        return "it contains a sequence like abc or 1234";
    case SPATIAL_MATCH:
        return "it follows a keyboard pattern like qwerty";
    case DATE_MATCH:
    case YEAR_MATCH:
        return "it contains a date or year, which are easy to guess";
    default:
        return "it is too easy to guess; use a longer phrase of unrelated words";
    }
}

/* The weakest part is the longest match that is not brute force. */
static const char *explain(const char *password, const char *const *hints)
{
    ZxcMatch_t *info = NULL;
    const char *why = reason_for(BRUTE_MATCH);
    int longest = 0;

    ZxcvbnMatch(password, (const char **)hints, &info);
    for (ZxcMatch_t *m = info; m; m = m->Next)
        if ((m->Type & ~MULTIPLE_MATCH) != BRUTE_MATCH && m->Length > longest) {
            longest = m->Length;
            why = reason_for(m->Type);
        }
    ZxcvbnFreeInfo(info);
    return why;
}

const char *password_problem(const char *password, const char *const *hints)
{
    size_t n = strnlen(password, PASSWORD_MAX + 1);

    if (n < PASSWORD_MIN)
        return "use at least 10 characters";
    if (n > PASSWORD_MAX)
        return "use at most 128 characters";
    if (password_entropy(password, hints) < MIN_ENTROPY_BITS)
        return explain(password, hints);
    return NULL;
}

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
    return crypto_pwhash_str_alg(out, password, strlen(password), HASH_OPS, HASH_MEM,
                                 crypto_pwhash_ALG_ARGON2ID13);
}

bool password_verify(const char *hash, const char *password)
{
    if (!hash || strnlen(password, PASSWORD_MAX + 1) > PASSWORD_MAX)
        return false;
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

bool password_needs_rehash(const char *hash)
{
    return crypto_pwhash_str_needs_rehash(hash, HASH_OPS, HASH_MEM) != 0;
}

void password_burn_time(const char *password)
{
    static char dummy[PASSWORD_HASH_MAX];

    if (!dummy[0])
        password_hash("an unguessable placeholder password", dummy);
    password_verify(dummy, password);
}
