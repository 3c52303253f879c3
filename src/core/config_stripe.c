/* config_stripe.c: the Stripe settings: secret key, webhook signing secrets, API origin. */
#include "core/config_stripe.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/config_parse.h"
#include "core/xalloc.h"

/* "prefix" followed by at least 8 letters, digits or underscores (Stripe's key alphabet). */
static bool is_stripe_token(const char *s, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);

    if (n < p + 8 || strncmp(s, prefix, p) != 0)
        return false;
    for (size_t i = p; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return false;
    return true;
}

int config_parse_stripe_key(struct config *c, const char *val, struct buf *why)
{
    size_t n = strlen(val);

    if (n == 0)
        return 0;
    if (!is_stripe_token(val, n, "sk_") && !is_stripe_token(val, n, "rk_")) {
        buf_adds(why, "expected a Stripe secret key (sk_live_..., sk_test_... or a restricted "
                      "rk_... key)");
        return -1;
    }
    config_set_str(&c->stripe_secret_key, val);
    return 0;
}

/* One or two "whsec_..." secrets, comma-separated, kept as "a,b" without spaces. */
int config_parse_stripe_webhook_secret(struct config *c, const char *val, struct buf *why)
{
    struct buf b = BUF_INIT;
    int count = 0, ok = 1;

    for (const char *p = val; *p && ok;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t n = strcspn(p, ",");
        size_t k = n;
        while (k > 0 && p[k - 1] == ' ')
            k--;
        if (k > 0) {
            ok = is_stripe_token(p, k, "whsec_") && ++count <= 2;
            buf_printf(&b, "%s%.*s", count > 1 ? "," : "", (int)k, p);
        }
        p += n;
    }
    if (!ok) {
        buf_release(&b);
        buf_adds(why, "expected one Stripe signing secret (whsec_...), or two separated by a "
                      "comma while rotating");
        return -1;
    }
    free(c->stripe_webhook_secret);
    c->stripe_webhook_secret = count ? buf_detach(&b, NULL) : NULL;
    buf_release(&b);
    return 0;
}

int config_parse_stripe_api_base(struct config *c, const char *val, struct buf *why)
{
    size_t n = strlen(val);

    while (n > 0 && val[n - 1] == '/')
        n--;
    if (!config_is_origin(val, n)) {
        buf_printf(why,
                   "expected an http:// or https:// origin such as https://api.stripe.com, "
                   "got '%s'",
                   val);
        return -1;
    }
    free(c->stripe_api_base);
    c->stripe_api_base = xstrndup(val, n);
    return 0;
}
