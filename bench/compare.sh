#!/usr/bin/env bash
# bench/compare.sh BASE_BIN [MINE_BIN]: the webhook and reading benchmarks, before and after,
# interleaved in one go: for each round, the base binary then ours, each on the embedded then
# the scaled backend. Build the base in its own worktree first, for example
#   git worktree add /tmp/mangu-base <commit> && make -C /tmp/mangu-base build/mangu-test
# Rows go to bench/results/compare-<UTC stamp>.txt (JSON lines: webhook-*.jsonl, compare-*-reading.jsonl).
# Settings: ROUNDS=2  BENCH_ORDERS=300  BENCH_DURATION=10s  BACKENDS="embedded scaled"
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
base=${1:?usage: bench/compare.sh BASE_BIN [MINE_BIN]}
mine=${2:-$root/build/mangu-test}
export BENCH_ORDERS=${BENCH_ORDERS:-300} BENCH_DURATION=${BENCH_DURATION:-10s}
mkdir -p bench/results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
txt=bench/results/compare-$stamp.txt
for round in $(seq "${ROUNDS:-2}"); do
	for label in base mine; do
		bin=$base
		[[ $label == mine ]] && bin=$mine
		for b in ${BACKENDS:-embedded scaled}; do
			echo "== round $round $label $b $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$txt"
			BACKENDS=$b MANGU_BIN=$bin bench/webhook.sh 2>/dev/null | tail -2 | sed "s/^/$label r$round /" | tee -a "$txt"
			BACKENDS=$b MANGU_BIN=$bin BENCH_OUT=$root/bench/results/compare-$stamp-reading.jsonl \
				bench/reading.sh 2>/dev/null | tail -2 | sed "s/^/$label r$round /" | tee -a "$txt"
		done
	done
done
