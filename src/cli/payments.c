/* payments.c (cli): `mangu payments reconcile`: Stripe's completed sessions against our orders. */
#include "cli/payments.h"
#include "app/ctx.h"
#include "service/payments.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DEFAULT_HOURS 72
#define MAX_HOURS (24 * 30)

static int usage(FILE *out, int rc)
{
    fprintf(out,
            "usage: mangu payments reconcile [--since-hours N]\n\n"
            "Asks Stripe for the Checkout Sessions completed in the last N hours (default "
            "%d, at most %d)\nand fulfils every paid one whose webhook never arrived, "
            "exactly as the webhook would.\n",
            DEFAULT_HOURS, MAX_HOURS);
    return rc;
}

int cli_payments_parse(int argc, char **argv, struct payments_opts *o)
{
    static const struct option opts[] = {{"since-hours", required_argument, NULL, 's'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0, 0, 0, 0}};
    char *end;
    int c;

    o->since_hours = DEFAULT_HOURS;
    if (argc < 2 || strcmp(argv[1], "reconcile") != 0)
        return argc >= 2 && !strcmp(argv[1], "--help") ? usage(stdout, 0) : usage(stderr, 2);
    optind = 2;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h')
            return usage(stdout, 0);
        if (c != 's')
            return usage(stderr, 2);
        o->since_hours = strtoll(optarg, &end, 10);
        if (*optarg == '\0' || *end || o->since_hours < 1 || o->since_hours > MAX_HOURS) {
            fprintf(stderr, "mangu payments: --since-hours takes 1 to %d\n", MAX_HOURS);
            return 2;
        }
    }
    return optind < argc ? usage(stderr, 2) : -1;
}

int cli_payments_run(struct app *app, const struct payments_opts *o)
{
    struct ctx cx = {.app = app, .arena = arena_new(), .route = "cli", .client_ip = "cli"};
    struct reconcile_report rep;
    int rc = webhooks_reconcile(&cx, (long long)time(NULL) - o->since_hours * 3600, &rep);

    if (rc == 0)
        printf("checked %d completed checkout session(s); fulfilled %d order(s)\n", rep.checked,
               rep.fulfilled);
    else
        fprintf(stderr, "mangu payments reconcile: %s (after %d session(s), %d fulfilled)\n",
                cx.err_msg ? cx.err_msg : "failed", rep.checked, rep.fulfilled);
    arena_free(cx.arena);
    return rc == 0 ? 0 : rc == ERR_INVALID ? 2 : 1;
}
