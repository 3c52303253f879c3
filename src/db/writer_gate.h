/* writer_gate.h: one FIFO writer lock per SQLite file in this process; private to src/db/. */
#ifndef MANGU_DB_WRITER_GATE_H
#define MANGU_DB_WRITER_GATE_H

/*
 * SQLite lets one connection write at a time and makes the others wait in its busy handler,
 * which sleeps and retries (1 to 100 ms at a time): under contention the waiters are served in
 * no order and the tail latency is seconds. A gate queues this process's writers instead and
 * hands the lock to the next in line the moment it is given back. Other processes writing the
 * same file still meet SQLite's busy timeout.
 */
struct writer_gate;

/*
 * The gate of the database file "path" (compared as given; pass sqlite3_db_filename's absolute
 * path), shared by every connection of this process to that file. Never NULL; give it back with
 * writer_gate_put().
 */
struct writer_gate *writer_gate_get(const char *path);
void writer_gate_put(struct writer_gate *g);

/*
 * Waits in line for "g", at most "timeout_ms" (0: only if free at once). Returns 0 once held,
 * or -1 when the wait timed out (the caller then holds nothing). Not reentrant.
 */
int writer_gate_enter(struct writer_gate *g, int timeout_ms);
/* Hands "g" to the longest waiter, or frees it. Only by the holder. */
void writer_gate_leave(struct writer_gate *g);
/* How many threads are waiting in line (for tests and gauges). */
int writer_gate_waiting(struct writer_gate *g);

#endif
