/* seed.c: the command line of `mangu seed`: options, running it, what it prints. */
#include "cli/seed.h"
#include "service/catalog.h"
#include "service/demo_books.h"
#include "core/arena.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BOOKS 10000000LL

static int usage(FILE *out, int rc)
{
    fprintf(out,
            "usage: mangu seed --demo [--if-empty]\n"
            "       mangu seed --books N [--if-empty]\n\n"
            "  --demo      load the demo catalog (about 160 books, 65 authors, 21 categories)\n"
            "              and the accounts admin@, author@ and reader@mangu.local; its ratings\n"
            "              are reviews by demo readers (accounts that cannot sign in)\n"
            "  --books N   add N generated books and N/20 authors (benchmarks; up to %lld)\n"
            "  --if-empty  do nothing when the database already holds a book\n"
            "  --seed S    another fixed seed for the generated data (a number)\n\n"
            "Everything is written in one transaction; the same options give the same data.\n"
            "A server sharing the database and Redis drops its cached catalog pages at once.\n",
            MAX_BOOKS);
    return rc;
}

static int parse_count(const char *s, long long max, long long *out)
{
    char *end = NULL;
    long long v = strtoll(s, &end, 10);

    if (!*s || *end || v < 1 || v > max)
        return -1;
    *out = v;
    return 0;
}

int cli_seed_parse(int argc, char **argv, struct seed_opts *o)
{
    static const struct option opts[] = {
        {"demo", no_argument, NULL, 'd'},        {"if-empty", no_argument, NULL, 'e'},
        {"books", required_argument, NULL, 'b'}, {"seed", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},        {0, 0, 0, 0}};
    long long seed = 0;
    int c;

    memset(o, 0, sizeof(*o));
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h')
            return usage(stdout, 0);
        if (c == 'd' || c == 'e') {
            *(c == 'd' ? &o->demo : &o->if_empty) = true;
        } else if (c == 'b' && parse_count(optarg, MAX_BOOKS, &o->books) != 0) {
            fprintf(stderr, "mangu seed: --books takes a number from 1 to %lld\n", MAX_BOOKS);
            return 2;
        } else if (c == 's' && parse_count(optarg, 1LL << 62, &seed) != 0) {
            fprintf(stderr, "mangu seed: --seed takes a positive number\n");
            return 2;
        } else if (c == '?') {
            fprintf(stderr, "mangu seed: unknown option '%s'\n", argv[optind - 1]);
            return usage(stderr, 2);
        }
    }
    o->rng_seed = (uint64_t)seed;
    if (optind < argc || (!o->demo && !o->books))
        return usage(stderr, 2);
    return -1;
}

static void print_report(const struct seed_opts *o, const struct seed_report *r)
{
    if (r->skipped) {
        printf("mangu seed: the database already has books; nothing to do (--if-empty)\n");
        return;
    }
    if (r->demo_present && !o->books) {
        printf("mangu seed: the demo catalog is already loaded; nothing to do\n");
        return;
    }
    printf("mangu seed: wrote %lld books, %lld authors, %lld categories, %lld publishers and "
           "%lld daily stats rows in %.2f s\n",
           r->books, r->authors, r->categories, r->publishers, r->stats_rows, r->seconds);
    if (!o->demo || r->demo_present)
        return;
    printf("\ndemo accounts (password: %s)%s:\n", SEED_DEMO_PASSWORD,
           r->users < 3 ? "; accounts that already existed were left as they were" : "");
    printf("  admin   admin@mangu.local\n  author  author@mangu.local\n"
           "  reader  reader@mangu.local\n");
}

int cli_seed_run(struct app *app, const struct seed_opts *o)
{
    struct ctx cx = {.app = app, .arena = arena_new(), .route = "cli", .client_ip = "cli"};
    struct seed_report r;
    int made = 0;
    int rc = seed_run(&cx, o, &r);

    if (rc != 0) {
        fprintf(stderr, "mangu seed: %s (nothing was written)\n",
                cx.err_msg ? cx.err_msg : "failed");
        arena_free(cx.arena);
        return 1;
    }
    print_report(o, &r);
    /* a server running on the same database and cache drops its cached catalog pages */
    if (!r.skipped && (!r.demo_present || o->books))
        catalog_changed(&cx);
    /* demo books get readable manuscripts, after the catalog's transaction (storage I/O);
       generated benchmark books (--books) do not */
    if (o->demo && !o->books)
        rc = demo_books_attach_manuscripts(&cx, &made);
    if (made)
        printf("generated %d demo manuscript(s)\n", made);
    if (rc != 0)
        fprintf(stderr, "mangu seed: the catalog is written, but demo manuscripts failed: %s; "
                        "run the same command again to finish them\n",
                cx.err_msg ? cx.err_msg : "failed");
    arena_free(cx.arena);
    return rc == 0 ? 0 : 1;
}
