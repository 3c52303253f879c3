#!/usr/bin/env bash
# bench/expiry.sh: what readers of a storefront row see when its cached lifetime runs out.
#
# Starts build/mangu and, with BASE_BIN, an older build beside it (its own cache prefix) on one
# seeded catalog, then drives PATHS on both at once with wrk (1 thread, CONNS connections each)
# for DURATION, longer than the longest row lifetime (featured, 300 s): every row expires mid-run.
# A build that rebuilds an expired row on a request thread makes one reader per row and lifetime
# wait for the query (about half a second for trending at 100,000 books on PostgreSQL); one that
# refreshes it ahead does not. Reports, per server: requests/s, p99, p99.9 and the slowest
# request, the rebuilds its refresher made (mangu_catalog_refreshes_total) and its log's
# slowest storefront requests (the log keeps only those of 10 ms and more). Writes
# bench/results/expiry-<UTC>.txt. Builds nothing.
#
# Settings: DB=<a seeded SQLite mangu.db, copied> (embedded), or BACKEND=scaled with
#           MANGU_DATABASE_URL (seeded, e.g. by bench/catalog.sh) and MANGU_REDIS_URL;
#           DURATION=320s  CONNS=8  PATHS="/api/books/trending /api/books/featured
#           /api/books/new /api/books/top-rated"  MANGU_BIN=build/mangu  BASE_BIN=
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
MANGU_BIN=${MANGU_BIN:-build/mangu}
BASE_BIN=${BASE_BIN:-}
BACKEND=${BACKEND:-embedded}
DURATION=${DURATION:-320s}
CONNS=${CONNS:-8}
PATHS=${PATHS:-/api/books/trending /api/books/featured /api/books/new /api/books/top-rated}

die() {
	echo "bench: $*" >&2
	exit 1
}
[[ -x $MANGU_BIN ]] || die "$MANGU_BIN not found; build it first (make)"
[[ -z $BASE_BIN || -x $BASE_BIN ]] || die "$BASE_BIN not found"
command -v wrk >/dev/null || die "wrk not found (apt-get install wrk)"
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

start() { # start <name> <bin>: prints the port
	local name=$1 bin=$2 port dir=$tmp/$1 secret
	port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
	secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
	mkdir -p "$dir"
	local -a backend=()
	if [[ $BACKEND == scaled ]]; then
		backend=(MANGU_DATABASE_URL="$MANGU_DATABASE_URL" MANGU_REDIS_URL="$MANGU_REDIS_URL")
	else
		cp "$DB" "$dir/mangu.db"
	fi
	env "${backend[@]}" MANGU_RATE_LIMIT=off MANGU_ENV=production MANGU_CACHE_PREFIX="$name:" \
		MANGU_LISTEN=127.0.0.1:$port MANGU_DATA_DIR="$dir" MANGU_PUBLIC_URL=http://127.0.0.1:$port \
		MANGU_JWT_SECRET="$secret" "$bin" serve > >(grep --line-buffered -E \
		'"msg":"listening"|"duration_ms":[0-9]{2,}\.' >"$tmp/$name.log") 2>&1 & # 10 ms and slower
	pids+=($!)
	for _ in $(seq 1 300); do
		grep -q '"msg":"listening"' "$tmp/$name.log" && break
		sleep 0.1
	done
	echo "$port"
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
declare -A port=([mangu]=$(start mangu "$MANGU_BIN"))
if [[ -n $BASE_BIN ]]; then
	names+=(base)
	port[base]=$(start base "$BASE_BIN")
fi
say "# expiry: $PATHS, $CONNS connections each, $DURATION, backend $BACKEND ($(nproc) cores)"
for n in "${names[@]}"; do
	for p in $PATHS; do curl -sf -o /dev/null "http://127.0.0.1:${port[$n]}$p"; done # built once
	wrk -t1 -c"$CONNS" -d"$DURATION" --timeout 10s -s "$tmp/rows.lua" \
		"http://127.0.0.1:${port[$n]}" >"$tmp/$n.wrk" 2>&1 &
done
wait $(jobs -p | tail -n "${#names[@]}")
for n in "${names[@]}"; do
	refreshes=$(curl -sf "http://127.0.0.1:${port[$n]}/metrics" |
		sed -n 's/^mangu_catalog_refreshes_total //p')
	say "$(printf '%-6s %s refreshes=%s' "$n" "$(grep '^BENCH' "$tmp/$n.wrk" | cut -c7-)" "${refreshes:-none}")"
	say "       slowest row requests (ms): $(grep -o '"route":"/api/books/[a-z-]*"[^}]*"duration_ms":[0-9.]*' "$tmp/$n.log" |
		sed 's/.*"duration_ms":\([0-9.]*\)/\1/' | sort -rn | head -n 5 | tr '\n' ' ')"
done
