/* isbn.h: ISBN-10 and ISBN-13 check digits and conversion to ISBN-13 (pure code). */
#ifndef MANGU_MEDIA_ISBN_H
#define MANGU_MEDIA_ISBN_H

/*
 * Reads an ISBN written any usual way ("978-0-306-40615-7", "urn:isbn:0306406152",
 * "ISBN 0-306-40615-2", "030640615x") into "out" as 13 digits and a NUL. An ISBN-10 is
 * converted (978 prefix, new check digit). Returns 0, or -1 when "s" is not an ISBN or its check
 * digit is wrong ("out" is then empty).
 */
int isbn_normalize(const char *s, char out[14]);

#endif
