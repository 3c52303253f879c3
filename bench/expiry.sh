#!/usr/bin/env bash
# bench/expiry.sh: what readers of a storefront row see when its cached lifetime runs out.
#
# Starts build/mangu and, with BASE_BIN, an older build beside it (its own cache prefix) on one
# seeded catalog, then drives PATHS on each in turn with wrk (1 thread, CONNS connections) for
# DURATION, longer than trending's lifetime (180 s), so it expires mid-run.
# A build that rebuilds an expired row on a request thread makes one reader per row and lifetime
# wait for the query (about half a second for trending at 100,000 books on PostgreSQL); one that
# refreshes it ahead does not. Reports, per server: requests/s, p99, p99.9 and the slowest
# request, the rebuilds its refresher made (mangu_catalog_refreshes_total), how often Redis
# stopped answering within its timeout (the run is then measuring an outage), and its log's
# slowest storefront requests (the log keeps warnings and requests of 10 ms and more). Writes
# bench/results/expiry-<UTC>.txt, and beside it each server's log of slow requests. Builds nothing.
#
# Settings: DB=<a seeded SQLite mangu.db, copied> (embedded), or BACKEND=scaled with
#           MANGU_DATABASE_URL (seeded, e.g. by bench/catalog.sh) and MANGU_REDIS_URL;
#           DURATION=200s  CONNS=8  PATHS="/api/books/trending /api/books/featured"
#           MANGU_BIN=build/mangu  BASE_BIN=
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
MANGU_BIN=${MANGU_BIN:-build/mangu}
BASE_BIN=${BASE_BIN:-}
BACKEND=${BACKEND:-embedded}
DURATION=${DURATION:-200s}
CONNS=${CONNS:-8}
PATHS=${PATHS:-/api/books/trending /api/books/featured}

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
require_builds_and_wrk
if [[ $BACKEND == scaled ]]; then
	[[ -n ${MANGU_DATABASE_URL:-} && -n ${MANGU_REDIS_URL:-} ]] ||
		die "BACKEND=scaled needs MANGU_DATABASE_URL (seeded) and MANGU_REDIS_URL"
else
	[[ -f ${DB:-} ]] || die "DB=<a seeded mangu.db> is needed (mangu seed --books N)"
fi

tmp=$(mktemp -d /tmp/mangu-bench-expiry.XXXXXX)
pids=()
cleanup() {
	local rc=$? p
	set +e
	for p in "${pids[@]}"; do
		kill -TERM "$p" 2>/dev/null && wait "$p" 2>/dev/null
	done
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
mkdir -p bench/results
results=bench/results/expiry-$(date -u +%Y%m%dT%H%M%SZ).txt
say() { printf '%s\n' "$*" | tee -a "$results"; }

declare -A port=()
start() { # start <name> <bin>: sets port[<name>]; not in a subshell, so cleanup knows its pid
	local name=$1 bin=$2 dir=$tmp/$1 secret
	port[$name]=$(free_port)
	secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	mkdir -p "$dir"
	local -a backend=()
	if [[ $BACKEND == scaled ]]; then
		backend=(MANGU_DATABASE_URL="$MANGU_DATABASE_URL" MANGU_REDIS_URL="$MANGU_REDIS_URL")
	else
		cp "$DB" "$dir/mangu.db"
	fi
	env "${backend[@]}" MANGU_RATE_LIMIT=off MANGU_ENV=production MANGU_CACHE_PREFIX="$name:" \
		MANGU_LISTEN=127.0.0.1:${port[$name]} MANGU_DATA_DIR="$dir" \
		MANGU_PUBLIC_URL=http://127.0.0.1:${port[$name]} MANGU_JWT_SECRET="$secret" \
		"$bin" serve > >(grep --line-buffered -E \
		'"msg":"listening"|"level":"(warn|error)"|"duration_ms":[0-9]{2,}\.' >"$tmp/$name.log" 2>/dev/null) 2>&1 &
	pids+=($!)
	for _ in $(seq 1 300); do
		grep -q '"msg":"listening"' "$tmp/$name.log" && return 0
		sleep 0.1
	done
	die "$bin did not start"
}

cat >"$tmp/rows.lua" <<LUA
local paths, i = {}, 0
for p in string.gmatch("$PATHS", "%S+") do paths[#paths + 1] = p end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH rps=%.1f p99=%.2f p999=%.2f max=%.1f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
LUA

names=(mangu)
start mangu "$MANGU_BIN"
if [[ -n $BASE_BIN ]]; then
	names+=(base)
	start base "$BASE_BIN"
fi
say "# expiry: $PATHS, $CONNS connections, $DURATION each, one server at a time, backend $BACKEND ($(nproc) cores)"
for n in "${names[@]}"; do # one at a time: two at once starved Redis past its 250 ms timeouts
	for p in $PATHS; do curl -sf -o /dev/null "http://127.0.0.1:${port[$n]}$p"; done # built once
	sleep 1 # the access log is written in batches
	cp "$tmp/$n.log" "$tmp/$n.before" # the first builds, before the run: not counted
	wrk -t1 -c"$CONNS" -d"$DURATION" --timeout 10s -s "$tmp/rows.lua" \
		"http://127.0.0.1:${port[$n]}" >"$tmp/$n.wrk" 2>&1
done
for n in "${names[@]}"; do
	refreshes=$(curl -sf "http://127.0.0.1:${port[$n]}/metrics" |
		sed -n 's/^mangu_catalog_refreshes_total //p')
	say "$(printf '%-6s %s refreshes=%s cache-outages=%s' "$n" "$(grep '^BENCH' "$tmp/$n.wrk" | cut -c7-)" \
		"${refreshes:-none}" "$(grep -c 'cache calls fail fast' "$tmp/$n.log")")"
	tail -n +"$(($(wc -l <"$tmp/$n.before") + 1))" "$tmp/$n.log" >"$tmp/$n.run"
	say "       slowest row requests in the run (ms): $(grep -o '"route":"/api/books/[a-z-]*"[^}]*"duration_ms":[0-9.]*' "$tmp/$n.run" |
		sed 's/.*"duration_ms":\([0-9.]*\)/\1/' | sort -rn | head -n 5 | tr '\n' ' ')"
	cp "$tmp/$n.log" "${results%.txt}-$n.log" # the requests of 10 ms and more, for a closer look
done
