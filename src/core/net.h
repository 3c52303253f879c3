/* net.h: IP address ranges (CIDR) for trusted-proxy checks. */
#ifndef MANGU_NET_H
#define MANGU_NET_H

#include <stdbool.h>
#include <stddef.h>

struct cidr {
    int family;             /* AF_INET or AF_INET6 */
    unsigned char addr[16]; /* network order */
    int prefix;
};

/* Parses "10.0.0.0/8", "::1/128" or a bare address; returns 0 or -1. */
int cidr_parse(const char *s, struct cidr *out);
/* True when the textual address "ip" lies inside one of "list". */
bool cidr_list_contains(const struct cidr *list, size_t n, const char *ip);

#endif
