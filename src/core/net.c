/* net.c: CIDR parsing and matching for IPv4 and IPv6. */
#include "core/net.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int parse_addr(const char *s, int *family, unsigned char *addr)
{
    if (inet_pton(AF_INET, s, addr) == 1) {
        *family = AF_INET;
        return 0;
    }
    if (inet_pton(AF_INET6, s, addr) == 1) {
        *family = AF_INET6;
        return 0;
    }
    return -1;
}

int cidr_parse(const char *s, struct cidr *out)
{
    char host[64];
    const char *slash = strchr(s, '/');
    size_t hlen = slash ? (size_t)(slash - s) : strlen(s);

    if (hlen == 0 || hlen >= sizeof(host))
        return -1;
    memcpy(host, s, hlen);
    host[hlen] = '\0';
    memset(out, 0, sizeof(*out));
    if (parse_addr(host, &out->family, out->addr) != 0)
        return -1;
    int max = out->family == AF_INET ? 32 : 128;
    out->prefix = max;
    if (slash) {
        char *end;
        long p = strtol(slash + 1, &end, 10);
        if (slash[1] == '\0' || *end != '\0' || p < 0 || p > max)
            return -1;
        out->prefix = (int)p;
    }
    return 0;
}

static bool prefix_match(const unsigned char *a, const unsigned char *b, int prefix)
{
    int whole = prefix / 8, rest = prefix % 8;

    if (memcmp(a, b, (size_t)whole) != 0)
        return false;
    if (rest == 0)
        return true;
    unsigned char mask = (unsigned char)(0xff << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

bool cidr_list_contains(const struct cidr *list, size_t n, const char *ip)
{
    unsigned char addr[16];
    int family;

    if (!ip || parse_addr(ip, &family, addr) != 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (list[i].family == family && prefix_match(list[i].addr, addr, list[i].prefix))
            return true;
    return false;
}
