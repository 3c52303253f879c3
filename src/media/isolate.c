/* isolate.c: fork, setrlimit, a pipe read with a deadline, SIGKILL on overrun, waitpid. */
#include "media/isolate.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Bytes of address space the process has mapped now (/proc/self/statm), or 0 if unknown. */
static size_t mapped_bytes(void)
{
    unsigned long pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");

    if (!f)
        return 0;
    if (fscanf(f, "%lu", &pages) != 1)
        pages = 0;
    fclose(f);
    return (size_t)pages * (size_t)sysconf(_SC_PAGESIZE);
}

static void set_limit(int resource, rlim_t soft, rlim_t hard)
{
    struct rlimit rl = {soft, hard};

    setrlimit(resource, &rl);
}

/* Closes every descriptor above 2 except "a" and "b" (either may be -1). */
static void close_others(int a, int b)
{
    int lo = a < b ? a : b, hi = a < b ? b : a;

    if (lo < 3) {
        lo = hi;
        hi = -1;
    }
    if (lo < 3) {
        close_range(3, ~0U, 0);
        return;
    }
    close_range(3, (unsigned)lo - 1, 0);
    if (hi > lo) {
        close_range((unsigned)lo + 1, (unsigned)hi - 1, 0);
        close_range((unsigned)hi + 1, ~0U, 0);
    } else {
        close_range((unsigned)lo + 1, ~0U, 0);
    }
}

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            _exit(120);
        p += w;
        n -= (size_t)w;
    }
}

static _Noreturn void child(isolate_fn fn, void *arg, const struct isolate_limits *l, int keep_fd,
                            int out_fd, pid_t parent)
{
    sigset_t none;
    struct buf out = BUF_INIT;

    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(121);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXCPU, SIG_DFL);
    close_others(keep_fd, out_fd);
    size_t base = mapped_bytes();
    set_limit(RLIMIT_CORE, 0, 0);
    set_limit(RLIMIT_FSIZE, 0, 0);
    set_limit(RLIMIT_NOFILE, 0, 0);
    set_limit(RLIMIT_CPU, (rlim_t)l->cpu_s, (rlim_t)l->cpu_s + 1);
    if (base)
        set_limit(RLIMIT_AS, base + l->mem_bytes, base + l->mem_bytes);
    int rc = fn(arg, &out);
    write_all(out_fd, out.p ? out.p : "", out.len);
    _exit(rc);
}

/*
 * Reads the child's output until EOF, the deadline or "max" bytes. Returns ISOLATE_OK,
 * ISOLATE_TIMEOUT, ISOLATE_TOO_MUCH or ISOLATE_UNAVAILABLE.
 */
static enum isolate_status collect(int fd, long long deadline, size_t max, struct buf *result)
{
    size_t got = 0;
    char chunk[65536];

    for (;;) {
        long long left = deadline - now_ms();
        if (left <= 0)
            return ISOLATE_TIMEOUT;
        struct pollfd p = {fd, POLLIN, 0};
        int n = poll(&p, 1, (int)left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n == 0 ? ISOLATE_TIMEOUT : ISOLATE_UNAVAILABLE;
        ssize_t r = read(fd, chunk, sizeof(chunk));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return ISOLATE_OK;
        if (got + (size_t)r > max)
            return ISOLATE_TOO_MUCH;
        buf_add(result, chunk, (size_t)r);
        got += (size_t)r;
    }
}

/* Waits for "pid" until "deadline"; SIGKILL first when "st" says the run already failed. */
static enum isolate_status reap(pid_t pid, enum isolate_status st, long long deadline, int *detail)
{
    int ws = 0;
    pid_t got;

    if (st != ISOLATE_OK)
        kill(pid, SIGKILL);
    /* a child that closed its pipe but lingers is killed at the deadline */
    while ((got = waitpid(pid, &ws, st == ISOLATE_OK ? WNOHANG : 0)) == 0 ||
           (got < 0 && errno == EINTR)) {
        if (got == 0 && now_ms() >= deadline) {
            kill(pid, SIGKILL);
            st = ISOLATE_TIMEOUT;
        }
        if (got == 0 && st == ISOLATE_OK)
            nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    if (st != ISOLATE_OK)
        return st;
    if (WIFSIGNALED(ws)) {
        *detail = WTERMSIG(ws);
        return *detail == SIGXCPU || *detail == SIGKILL ? ISOLATE_TIMEOUT : ISOLATE_SIGNALED;
    }
    *detail = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1;
    return *detail == 0 ? ISOLATE_OK : ISOLATE_EXITED;
}

enum isolate_status isolate_run(isolate_fn fn, void *arg, const struct isolate_limits *l,
                                int keep_fd, struct buf *result, int *detail)
{
    int fds[2];
    pid_t parent = getpid();

    *detail = 0;
    if (pipe2(fds, O_CLOEXEC) != 0)
        return ISOLATE_UNAVAILABLE;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return ISOLATE_UNAVAILABLE;
    }
    if (pid == 0) {
        close(fds[0]);
        child(fn, arg, l, keep_fd, fds[1], parent);
    }
    close(fds[1]);
    long long deadline = now_ms() + l->timeout_ms;
    enum isolate_status st = collect(fds[0], deadline, l->max_output, result);
    close(fds[0]);
    return reap(pid, st, deadline, detail);
}
