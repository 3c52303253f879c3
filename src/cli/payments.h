/* payments.h (cli): the command line of `mangu payments reconcile`. */
#ifndef MANGU_CLI_PAYMENTS_H
#define MANGU_CLI_PAYMENTS_H

#include "app/app.h"

struct payments_opts {
    long long since_hours; /* how far back to ask Stripe for completed sessions */
};

/*
 * Parses `mangu payments reconcile [--since-hours N]` ("argv[0]" is "payments"). Returns -1 to go
 * on, or the exit code to return at once (0 after --help, 2 for a usage error).
 */
int cli_payments_parse(int argc, char **argv, struct payments_opts *o);
/* Fulfils the paid Checkout Sessions whose webhook never arrived; prints a summary. Exit code. */
int cli_payments_run(struct app *app, const struct payments_opts *o);

#endif
