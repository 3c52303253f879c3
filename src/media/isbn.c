/* isbn.c: ISBN check digits (mod 11 for ISBN-10, mod 10 for ISBN-13) and 10 -> 13 conversion. */
#include "media/isbn.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int check10_ok(const char d[10])
{
    int sum = 0;

    for (int i = 0; i < 10; i++) {
        int v = d[i] == 'X' ? 10 : d[i] - '0';
        if (d[i] == 'X' && i != 9)
            return 0;
        sum += v * (10 - i);
    }
    return sum % 11 == 0;
}

/* The ISBN-13 check digit of the first 12 digits of "d". */
static char check13(const char *d)
{
    int sum = 0;

    for (int i = 0; i < 12; i++)
        sum += (d[i] - '0') * (i % 2 ? 3 : 1);
    return (char)('0' + (10 - sum % 10) % 10);
}

/* Skips "urn:isbn:", "isbn:" or "isbn" and the blanks after them. */
static const char *skip_prefix(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    if (strncasecmp(s, "urn:isbn:", 9) == 0)
        s += 9;
    else if (strncasecmp(s, "isbn", 4) == 0)
        s += 4 + (s[4] == ':' || s[4] == '-');
    while (isspace((unsigned char)*s))
        s++;
    return s;
}

/* Copies digits (and an X) from "s" into "d", skipping hyphens and blanks. The count or -1. */
static int collect(const char *s, char d[14])
{
    int n = 0;

    for (; *s; s++) {
        if (*s == '-' || *s == ' ')
            continue;
        if (n >= 13 || !(isdigit((unsigned char)*s) || *s == 'x' || *s == 'X'))
            return -1;
        d[n++] = (char)toupper((unsigned char)*s);
    }
    d[n] = '\0';
    return n;
}

int isbn_normalize(const char *s, char out[14])
{
    char d[14];
    int n = collect(skip_prefix(s), d);

    out[0] = '\0';
    if (n == 10 && check10_ok(d)) {
        memcpy(out, "978", 3);
        memcpy(out + 3, d, 9);
        out[12] = check13(out);
        out[13] = '\0';
        return 0;
    }
    if (n != 13 || strchr(d, 'X') || (strncmp(d, "978", 3) != 0 && strncmp(d, "979", 3) != 0) ||
        check13(d) != d[12])
        return -1;
    memcpy(out, d, 14);
    return 0;
}
