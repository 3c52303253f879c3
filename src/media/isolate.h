/* isolate.h: running a parser on hostile input in a forked child bounded in memory, CPU and time.
 */
#ifndef MANGU_MEDIA_ISOLATE_H
#define MANGU_MEDIA_ISOLATE_H

#include <stddef.h>

#include "core/buf.h"

struct isolate_limits {
    int timeout_ms;    /* wall clock, then SIGKILL */
    int cpu_s;         /* RLIMIT_CPU: SIGXCPU at this many seconds, SIGKILL one later */
    size_t mem_bytes;  /* RLIMIT_AS: what the child may map beyond what it inherited */
    size_t max_output; /* bytes the parent accepts back; more kills the child */
};

enum isolate_status {
    ISOLATE_OK,          /* exited 0; its output is in "result" */
    ISOLATE_EXITED,      /* exited with another status ("*detail") */
    ISOLATE_SIGNALED,    /* ended by signal "*detail" (a crash, or RLIMIT_AS making it abort) */
    ISOLATE_TIMEOUT,     /* wall clock or CPU limit reached */
    ISOLATE_TOO_MUCH,    /* wrote more than "max_output" */
    ISOLATE_UNAVAILABLE, /* pipe() or fork() failed */
};

/* The child's work: appends its result to "out"; the return value is its exit status. */
typedef int (*isolate_fn)(void *arg, struct buf *out);

/*
 * Runs fn("arg", out) in a forked child and collects what it wrote into "result" (appended;
 * caller owns). The child keeps only stdin, stdout, stderr, its pipe and "keep_fd" (-1: none);
 * it cannot create files (RLIMIT_FSIZE 0), open descriptors (RLIMIT_NOFILE 0) or dump core, dies
 * with the parent (PR_SET_PDEATHSIG) and leaves with _exit(), so no atexit handler or buffered
 * stdio of the parent runs twice. Safe from any thread: it touches nothing shared after fork()
 * but malloc. "detail" gets the exit status or signal number. Blocks until the child is reaped.
 */
enum isolate_status isolate_run(isolate_fn fn, void *arg, const struct isolate_limits *l,
                                int keep_fd, struct buf *result, int *detail);

#endif
