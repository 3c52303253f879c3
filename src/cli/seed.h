/* seed.h: the command line of `mangu seed`: options, running it, what it prints. */
#ifndef MANGU_CLI_SEED_H
#define MANGU_CLI_SEED_H

#include "app/app.h"
#include "service/seed.h"

/*
 * Parses `mangu seed` options ("argv[0]" is "seed") into "o". Returns -1 to go on, or the exit
 * code to return at once (0 after --help, 2 for a usage error, with the message printed).
 */
int cli_seed_parse(int argc, char **argv, struct seed_opts *o);
/*
 * Seeds the database of "app" as "o" says and prints a summary (and the demo accounts'
 * credentials, with --demo) on stdout. Returns the process exit code.
 */
int cli_seed_run(struct app *app, const struct seed_opts *o);

#endif
