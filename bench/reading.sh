#!/usr/bin/env bash
# bench/reading.sh: progress writes per second, and the library listing (100 per page) of a
# reader who owns 1,000 books, on the embedded (SQLite) and scaled (PostgreSQL + Redis)
# backends, one after the other in one run.
#
# For each backend it runs bench/reading-bench.mjs under tests/run-http.sh (which starts the
# scaled services and gives each server a fresh database): `mangu seed --books` makes the books,
# one reader gets them all, then wrk drives PUT /api/library/{id}/progress and
# GET /api/library?limit=100 for BENCH_DURATION each. Prints a table; results also go to
# bench/results/reading-<UTC date and time>.txt. Builds nothing: run `make` first.
#
# Settings (environment): MANGU_BIN=build/mangu-test  BENCH_BOOKS=1000  BENCH_DURATION=10s
#   BENCH_CONNECTIONS=8  BENCH_THREADS=8 (MANGU_THREADS)  BACKENDS="embedded scaled"
#   BENCH_OUT (append the JSON lines there instead of a new file)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export MANGU_BIN=${MANGU_BIN:-$root/build/mangu-test}
export BENCH_BOOKS=${BENCH_BOOKS:-1000} BENCH_DURATION=${BENCH_DURATION:-10s}
export BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-8} BENCH_THREADS=${BENCH_THREADS:-8}
BACKENDS=${BACKENDS:-embedded scaled}
[[ -x $MANGU_BIN ]] || { echo "bench: $MANGU_BIN not found; run make first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: wrk not found" >&2; exit 1; }
[[ -d tests/node_modules ]] || { echo "bench: run (cd tests && npm ci) first" >&2; exit 1; }

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
export BENCH_OUT=${BENCH_OUT:-$root/bench/results/reading-$stamp.jsonl}
touch "$BENCH_OUT"
from=$(wc -l <"$BENCH_OUT")
for b in $BACKENDS; do
	MANGU_TEST_LOG_DIR=$root/build/bench-logs/reading-$b tests/run-http.sh "$b" "$root/bench/reading-bench.mjs" >&2
done

txt=${BENCH_OUT%.jsonl}.txt
{
	echo "reading benchmark $stamp: $BENCH_BOOKS books owned, $BENCH_CONNECTIONS connections, $BENCH_DURATION each, MANGU_THREADS=$BENCH_THREADS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $MANGU_BIN"
	printf '%-9s %-17s %8s %8s %8s %8s %7s\n' backend measure req/s p50_ms p95_ms p99_ms errors
	tail -n +"$((from + 1))" "$BENCH_OUT" | node -e '
for (const l of require("fs").readFileSync(0, "utf8").trim().split("\n")) {
  const r = JSON.parse(l);
  const c = [r.rps, r.p50_ms, r.p95_ms, r.p99_ms].map((v) => String(v).padStart(8));
  console.log([r.backend.padEnd(9), r.measure.padEnd(17), ...c, String(r.errors).padStart(7)].join(" "));
}'
} | tee -a "$txt"
