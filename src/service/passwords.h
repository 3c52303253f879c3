/* passwords.h: password rules, argon2id hashing and the guessability check. */
#ifndef MANGU_PASSWORDS_H
#define MANGU_PASSWORDS_H

#include <stdbool.h>
#include <stddef.h>

#define PASSWORD_MIN 10
#define PASSWORD_MAX 128
#define PASSWORD_HASH_MAX 128 /* crypto_pwhash_STRBYTES */

/*
 * Checks length and guessability; "hints" (NULL-terminated: e-mail, name) count as known
 * words. Returns NULL when acceptable, else a static message for the user. Over-long input
 * is refused before any expensive work.
 */
const char *password_problem(const char *password, const char *const *hints);
/* Hashes with argon2id at or above OWASP's minimum. 0, or -1 when out of memory. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
/* True when "password" matches "hash"; runs the full hash either way. */
bool password_verify(const char *hash, const char *password);
/* True when "hash" was made with weaker parameters than today's. */
bool password_needs_rehash(const char *hash);
/* Spends the time of one verification, so unknown e-mails answer as slowly as known ones. */
void password_burn_time(const char *password);
/* Bits of entropy zxcvbn estimates (for tests and the strength meter's thresholds). */
double password_entropy(const char *password, const char *const *hints);

#endif
