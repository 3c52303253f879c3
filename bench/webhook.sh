#!/usr/bin/env bash
# bench/webhook.sh: Stripe webhook throughput and p99 with 32 concurrent deliveries, on the
# embedded (SQLite) and scaled (PostgreSQL + Redis) backends, one after the other in one run.
#
# For each backend it runs bench/webhook-bench.mjs under tests/run-http.sh (which starts the
# scaled services and gives each server a fresh database): BENCH_ORDERS pending orders are made
# through the API against a local fake Stripe, then one checkout.session.completed per order,
# signed by the stripe package, is delivered (phase "first": fulfilment), and the same events
# again (phase "redelivery": duplicates). Prints a table (client-observed latency, and srv_*:
# the duration mangu logged for the request itself); results also go to
# bench/results/webhook-<UTC date and time>.txt. Builds nothing: run `make` first.
#
# Settings (environment): MANGU_BIN=build/mangu-test  BENCH_ORDERS=500  BENCH_CONCURRENCY=32
#   BENCH_THREADS=8 (MANGU_THREADS)  BACKENDS="embedded scaled"
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export MANGU_BIN=${MANGU_BIN:-$root/build/mangu-test}
export BENCH_ORDERS=${BENCH_ORDERS:-500} BENCH_CONCURRENCY=${BENCH_CONCURRENCY:-32}
export BENCH_THREADS=${BENCH_THREADS:-8}
BACKENDS=${BACKENDS:-embedded scaled}
[[ -x $MANGU_BIN ]] || { echo "bench: $MANGU_BIN not found; run make first" >&2; exit 1; }
[[ -d tests/node_modules/stripe ]] || { echo "bench: run (cd tests && npm ci) first" >&2; exit 1; }

mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
export BENCH_OUT=$root/bench/results/webhook-$stamp.jsonl
: >"$BENCH_OUT"
for b in $BACKENDS; do
	MANGU_TEST_LOG_DIR=$root/build/bench-logs/webhook-$b tests/run-http.sh "$b" "$root/bench/webhook-bench.mjs" >&2
done

txt=${BENCH_OUT%.jsonl}.txt
{
	echo "webhook benchmark $stamp: $BENCH_ORDERS events per phase, $BENCH_CONCURRENCY concurrent, MANGU_THREADS=$BENCH_THREADS, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
	printf '%-9s %-11s %7s %7s %7s %7s %7s %9s %9s %6s\n' backend phase req/s p50_ms p90_ms p99_ms max_ms srv_p50 srv_p99 non200
	node -e '
for (const l of require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n")) {
  const r = JSON.parse(l);
  const c = [r.rps, r.p50_ms, r.p90_ms, r.p99_ms, r.max_ms].map((v) => String(v).padStart(7));
  const m = [r.server_p50_ms, r.server_p99_ms].map((v) => String(v).padStart(9));
  console.log([r.backend.padEnd(9), r.phase.padEnd(11), ...c, ...m, String(r.non_200).padStart(6)].join(" "));
}' "$BENCH_OUT"
} | tee "$txt"
