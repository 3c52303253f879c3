#!/usr/bin/env bash
# bench/catalog.sh: the catalog's reads under wrk at 10,000 and 100,000 books, beside nginx.
#
# For each size in BOOKS it seeds a fresh database (`mangu seed --books N`, SQLite in a temporary
# folder; or, with BACKEND=scaled, the empty PostgreSQL database in MANGU_DATABASE_URL plus the
# Redis in MANGU_REDIS_URL), starts build/mangu (production, access log on, stdout to a file) and
# an nginx that serves the exact bytes mangu answers, then measures, ROUNDS times interleaved:
#   cached reads   featured, trending, new releases, top rated, a book by slug, a list page:
#                  requests/s of mangu and of nginx on the same bytes (-t2 -c64), and p99
#   search         random one- and two-word queries (and filters) from the titles' words,
#                  each with a random page size so that they miss the cache: p95 with 8
#                  connections, requests/s with 64; and 300 of those queries repeated
#                  (cache hits after the warm-up) with 64
#   suggest        random 2-5 letter prefixes of those words (many repeat: cache hits): p95
#                  with 8 connections
#   lists          (LISTS=1) GET /api/books pages that miss the cache: a random sort, one of
#                  the top-level categories (with their subtrees), a language, free, a price
#                  range, a format or no filter, a random page size and an offset up to 2,000:
#                  requests/s and p95 with 4 connections
# With BASE_BIN (an older build; copy its mangu-media.so beside it when it has one), a second
# server on the same database (its own cache prefix) takes every measurement too: the cached
# reads beside this build's and nginx's (the three in a rotating order), search and suggest
# right after this build's, in every round, so a before/after comparison shares the machine's
# state; its RSS is reported beside.
# EXTRA_ENV and BASE_ENV add settings (NAME=value ...) to one server's environment: with BASE_BIN
# set to the same build, they compare two configurations.
# Prints every round and the medians with their ranges; writes bench/results/catalog-<UTC>.txt.
# Builds nothing: run `make` first.
#
# Settings: BOOKS="10000 100000"  ROUNDS=3  DURATION=10s  WARMUP=2s  BACKEND=embedded|scaled
#           MANGU_BIN=build/mangu  BASE_BIN=  NGINX_WORKERS=2  SEED_DIR (reuse seeded SQLite
#           folders: SEED_DIR/N/ is kept between runs)  READS="featured trending new top book list"
#           (READS="" measures search and suggest only)  SEARCH=all|cached|none (cached: only
#           the repeated searches, which are cache hits)  LISTS=1 (0: no uncached lists)
# Scaled: `MANGU_TEST_PG_SHARED_BUFFERS=1GB tests/run-http.sh scaled --services-only --hold`
# prints a server to use (PostgreSQL's default 128 MB of buffers holds a third of the 100,000
# book database: reads then go through the kernel, which no production server is sized for); create one
# empty database per size and pass MANGU_DATABASE_URL_<N> (or MANGU_DATABASE_URL for one size).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

MANGU_BIN=${MANGU_BIN:-build/mangu}
BASE_BIN=${BASE_BIN:-}
EXTRA_ENV=${EXTRA_ENV:-}
BASE_ENV=${BASE_ENV:-}
READS=${READS-featured trending new top book list}
BOOKS=${BOOKS:-10000 100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
BACKEND=${BACKEND:-embedded}
NGINX_WORKERS=${NGINX_WORKERS:-2}
SEARCH=${SEARCH:-all}
LISTS=${LISTS:-1}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
require_builds_and_wrk
[[ -x $NGINX ]] || die "nginx not found (apt-get install nginx-light)"
[[ $BACKEND == embedded || $BACKEND == scaled ]] || die "BACKEND is embedded or scaled"
[[ $SEARCH == all || $SEARCH == cached || $SEARCH == none ]] || die "SEARCH is all, cached or none"

tmp=$(mktemp -d /tmp/mangu-bench-catalog.XXXXXX)
chmod 0755 "$tmp"
mangu_pid='' nginx_pid='' base_pid=''
stop_servers() {
	local p
	for p in "$mangu_pid" "$base_pid"; do
		if [[ -n $p ]] && kill -0 "$p" 2>/dev/null; then
			kill -TERM "$p"
			wait "$p" 2>/dev/null || true
		fi
	done
	if [[ -n $nginx_pid ]] && kill -0 "$nginx_pid" 2>/dev/null; then
		kill -QUIT "$nginx_pid"
		wait "$nginx_pid" 2>/dev/null || true
	fi
	mangu_pid='' nginx_pid='' base_pid=''
}
cleanup() {
	local rc=$?
	set +e
	stop_servers
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p bench/results
results=bench/results/catalog-$(date -u +%Y%m%dT%H%M%SZ).txt
say() { printf '%s\n' "$*" | tee -a "$results"; }

# ---- one size: seed, serve, snapshot ----------------------------------------------------------
backend_env() { # backend_env <books>: the database and cache settings, one per line
	local n=$1 var="MANGU_DATABASE_URL_$1"
	if [[ $BACKEND == scaled ]]; then
		local url=${!var:-${MANGU_DATABASE_URL:-}}
		[[ -n $url ]] || die "BACKEND=scaled needs $var or MANGU_DATABASE_URL (an empty database)"
		[[ -n ${MANGU_REDIS_URL:-} ]] || die "BACKEND=scaled needs MANGU_REDIS_URL"
		echo "MANGU_DATABASE_URL=$url"
		echo "MANGU_REDIS_URL=$MANGU_REDIS_URL"
		echo "MANGU_AUTO_MIGRATE=1"
	fi
}

seed() { # seed <books> <data dir>
	local n=$1 dir=$2
	if [[ $BACKEND == embedded && -f $dir/mangu.db ]]; then
		say "# reusing the seeded database in $dir"
		return
	fi
	local t0=$SECONDS
	env $(backend_env "$n") MANGU_DATA_DIR="$dir" MANGU_LOG_LEVEL=warn \
		"$MANGU_BIN" seed --books "$n" --if-empty >"$tmp/seed.log" 2>&1 ||
		die "seed failed: $(tail -n 5 "$tmp/seed.log")"
	say "# seeded $n books in $((SECONDS - t0)) s: $(tail -n 1 "$tmp/seed.log")"
	[[ $BACKEND == scaled ]] || return 0
	local url # what the server really has, not what the notes say (a dropped setting once hid)
	url=$(backend_env "$n" | sed -n 's/^MANGU_DATABASE_URL=//p')
	say "# postgres: $(psql "$url" -Atc "SELECT 'shared_buffers ' || current_setting('shared_buffers') || ', ' || version()" 2>&1 | head -n 1)"
}

start_one() { # start_one <bin> <books> <data dir> <log> <cache prefix> [extra env]: prints "pid port"
	local bin=$1 n=$2 dir=$3 log=$4 port pid
	local -a extra
	read -r -a extra <<<"${6:-}"
	port=$(free_port)
	: >"$log"
	env $(backend_env "$n") MANGU_RATE_LIMIT=off MANGU_ENV=production MANGU_CACHE_PREFIX="$5" \
		MANGU_LISTEN=127.0.0.1:$port MANGU_DATA_DIR="$dir" MANGU_LOG_LEVEL=info \
		MANGU_PUBLIC_URL=http://127.0.0.1:$port \
		MANGU_JWT_SECRET=${MANGU_JWT_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')} \
		"${extra[@]}" "$bin" serve >>"$log" 2>"$log.err" &
	pid=$!
	for _ in $(seq 1 300); do
		grep -q '"msg":"listening"' "$log" && break
		kill -0 "$pid" 2>/dev/null || die "$bin exited: $(cat "$log.err")"
		sleep 0.1
	done
	echo "$pid $port"
}

serve() { # serve <books> <data dir>: starts mangu (and the base build); sets murl (burl)
	local pp
	read -r mangu_pid pp < <(start_one "$MANGU_BIN" "$1" "$2" "$tmp/mangu.log" mangu: "$EXTRA_ENV")
	murl=http://127.0.0.1:$pp
	if [[ -n $BASE_BIN ]]; then
		read -r base_pid pp < <(start_one "$BASE_BIN" "$1" "$2" "$tmp/base.log" base: "$BASE_ENV")
		burl=http://127.0.0.1:$pp
	fi
}

rss() { # rss <pid>: current and peak resident memory, and the current without the SQLite file's maps
	awk '/VmRSS/ {r = $2} /VmHWM/ {h = $2} END {printf "%.1f MB, peak %.1f MB", r / 1024, h / 1024}' "/proc/$1/status"
	awk '/^[0-9a-f]+-/ {db = $6 ~ /mangu\.db$/} /^Rss:/ {if (db) d += $2; else o += $2}
		END {if (d) printf "; without the database file mapped by its connections (%.1f MB): %.1f MB", d / 1024, o / 1024}' "/proc/$1/smaps"
}

# nginx serving snapshots of the given paths under $tmp/www; sets nurl.
nginx_start() {
	local port
	port=$(free_port)
	mkdir -p "$tmp/nginx/tmp"
	chmod -R a+rX "$tmp/www"
	cat >"$tmp/nginx/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log $tmp/nginx/access.log;
    client_body_temp_path $tmp/nginx/tmp/client;
    proxy_temp_path $tmp/nginx/tmp/proxy;
    fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
    uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
    scgi_temp_path $tmp/nginx/tmp/scgi;
    default_type application/json;
    sendfile on;
    open_file_cache max=64 inactive=60s;
    keepalive_requests 1000000;
    server_tokens off;
    server { listen 127.0.0.1:$port; root $tmp/www; location / { } }
}
CONF
	"$NGINX" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" &
	nginx_pid=$!
	nurl=http://127.0.0.1:$port
	sleep 0.5
}

snapshot() { # snapshot <path> <file>: mangu's answer on <path> saved for nginx as <file>
	mkdir -p "$(dirname "$tmp/www/$2")"
	curl -sS -o "$tmp/www/$2" "$murl$1"
	curl -sS -o /dev/null "$murl$1" # a second read is the cached one
}

# ---- measuring -----------------------------------------------------------------------------------
# A wrk script that reports p95 and picks each request's path from "paths" when set.
# With "miss", each path gets a random page size (10-49), part of the cache key, so nearly every
# request misses the cache.
write_lua() { # write_lua <file> <lua table of paths or "nil"> [miss]
	cat >"$1" <<LUA
local paths = $2
local miss = "${3:-}" == "miss"
math.randomseed(os.time() + math.floor(os.clock() * 1e6))
request = function()
  if paths == nil then return wrk.format(nil) end
  local p = paths[math.random(#paths)]
  if miss then p = p .. "&limit=" .. math.random(10, 49) end
  return wrk.format("GET", p)
end
done = function(summary, latency, requests)
  io.write(string.format("BENCH rps=%.1f p95=%.3f p99=%.3f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
}

declare -A series=()
measure() { # measure <label> <connections> <url> <lua>
	local out line
	out=$(wrk -t2 -c"$2" -d"$DURATION" -s "$4" "$3" 2>&1)
	line=$(grep '^BENCH' <<<"$out" || echo "BENCH rps=0 p95=0 p99=0 non2xx=0 errors=1")
	series[$1]+="$line"$'\n'
	say "$(printf '  %-34s %s' "$1" "${line#BENCH }")"
	: >"$tmp/mangu.log"
	[[ -f $tmp/base.log ]] && : >"$tmp/base.log"
	[[ -f $tmp/nginx/access.log ]] && : >"$tmp/nginx/access.log"
	return 0
}

# median and range of field <f> (rps, p95, p99) of a series
stat() {
	grep -o "$2=[0-9.]*" <<<"${series[$1]}" | cut -d= -f2 | sort -g |
		awk '{a[NR]=$1} END {if (!NR) {print "n/a"; exit}
			m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2
			printf "%.1f (%.1f-%.1f)", m, a[1], a[NR]}'
}

words_lua() { # Lua tables of search and suggest paths built from the catalog's own titles
	local pages=() o
	for o in 0 100 200 300 400; do
		pages+=("$murl/api/books?limit=100&sort=title&offset=$o" "$murl/api/books?limit=100&offset=$o")
	done
	curl -sS "${pages[@]}" |
		python3 -c '
import sys, json, random, re, urllib.parse
words = set()
for line in sys.stdin.read().replace("}{", "}\n{").splitlines():
    for b in json.loads(line)["items"]:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", b["title"]))
words = sorted(words)
random.seed(7)
q = lambda s: urllib.parse.quote(s)
filters = ["", "", "", "&price=under-5", "&language=en", "&price=free"]
search = ["/api/books/search?q=%s%s" % (q(random.choice(words) + " " + random.choice(words) if random.random() < 0.5 else random.choice(words)), random.choice(filters)) for _ in range(3000)]
suggest = ["/api/books/suggest?q=%s" % q(w[:random.randint(2, min(5, len(w)))]) for w in words for _ in range(3)]
lua = lambda xs: "{" + ",".join("\"%s\"" % x for x in xs) + "}"
open(sys.argv[1], "w").write(lua(search))
open(sys.argv[3], "w").write(lua(search[:300]))
open(sys.argv[2], "w").write(lua(suggest))
' "$tmp/search.tbl" "$tmp/suggest.tbl" "$tmp/search-hit.tbl"
	write_lua "$tmp/search.lua" "$(cat "$tmp/search.tbl")" miss
	write_lua "$tmp/search-hit.lua" "$(cat "$tmp/search-hit.tbl")"
	write_lua "$tmp/suggest.lua" "$(cat "$tmp/suggest.tbl")"
}

lists_lua() { # a wrk script of list pages that miss the cache (see "lists" above)
	local filters
	filters=$(curl -sS "$murl/api/categories" | python3 -c '
import sys, json
cats = ["\"&category=%s\"" % c["slug"] for c in json.load(sys.stdin)["items"]]
print(",".join(cats + ["\"\"", "\"\"", "\"&language=en\"", "\"&free=true\"",
                       "\"&price_min=500&price_max=999\"", "\"&format=epub\""]))')
	cat >"$tmp/lists.lua" <<LUA
local sorts = {"newest", "popular", "rating", "price_asc", "price_desc", "title"}
local filters = {$filters}
math.randomseed(os.time() + math.floor(os.clock() * 1e6))
request = function()
  return wrk.format("GET", "/api/books?sort=" .. sorts[math.random(#sorts)] ..
    filters[math.random(#filters)] .. "&limit=" .. math.random(10, 49) ..
    "&offset=" .. math.random(0, 2000))
end
LUA
	sed -n '/^done = function/,$p' "$tmp/plain.lua" >>"$tmp/lists.lua"
}

reads_in_turn() { # reads_in_turn <round> <label> <path> <nginx file>: mangu, nginx (and base), rotating
	local who=(mangu nginx) i
	[[ -z $BASE_BIN ]] || who+=(base)
	for ((i = 0; i < ${#who[@]}; i++)); do
		case ${who[($1 + i) % ${#who[@]}]} in
		mangu) measure "$2 mangu" 64 "$murl$3" "$tmp/plain.lua" ;;
		nginx) measure "$2 nginx" 64 "$nurl/$4" "$tmp/plain.lua" ;;
		base) measure "$2 base" 64 "$burl$3" "$tmp/plain.lua" ;;
		esac
	done
}

bench_size() { # bench_size <books>
	local n=$1 dir slug
	dir=${SEED_DIR:+$SEED_DIR/$n}
	dir=${dir:-$tmp/data-$n}
	mkdir -p "$dir"
	seed "$n" "$dir"
	serve "$n" "$dir"
	slug=$(curl -sS "$murl/api/books?limit=1&sort=popular" | python3 -c 'import sys,json;print(json.load(sys.stdin)["items"][0]["slug"])')
	rm -rf "$tmp/www"
	declare -A paths=([featured]=/api/books/featured [trending]=/api/books/trending
		[new]=/api/books/new [top]=/api/books/top-rated
		[book]=/api/books/$slug [list]="/api/books?limit=24&sort=newest")
	for k in "${!paths[@]}"; do snapshot "${paths[$k]}" "$k.json"; done
	nginx_start
	write_lua "$tmp/plain.lua" nil
	words_lua
	[[ $LISTS == 0 ]] || lists_lua
	say ""
	say "## $n books, $BACKEND backend ($(curl -sS "$murl/api/health" | python3 -c 'import sys,json;c=json.load(sys.stdin)["checks"];print(c["database"]["driver"], "+", c["cache"]["driver"])'))"
	say "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
	for k in $READS; do
		say "# $k: GET ${paths[$k]} ($(wc -c <"$tmp/www/$k.json") bytes)"
	done
	if [[ $WARMUP != 0 && $WARMUP != 0s ]]; then
		wrk -t2 -c64 -d"$WARMUP" -s "$tmp/search.lua" "$murl" >/dev/null
		wrk -t2 -c64 -d"$WARMUP" -s "$tmp/search-hit.lua" "$murl" >/dev/null
		wrk -t2 -c64 -d"$WARMUP" "$murl/api/books/featured" >/dev/null
		[[ -z $BASE_BIN ]] || wrk -t2 -c64 -d"$WARMUP" -s "$tmp/search.lua" "$burl" >/dev/null
		[[ -z $BASE_BIN ]] || wrk -t2 -c64 -d"$WARMUP" -s "$tmp/search-hit.lua" "$burl" >/dev/null
	fi
	for round in $(seq 1 "$ROUNDS"); do
		say "round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
		for k in $READS; do
			reads_in_turn "$round" "$n $k" "${paths[$k]}" "$k.json"
		done
		if [[ $SEARCH == all ]]; then
			measure "$n search c8" 8 "$murl" "$tmp/search.lua"
			measure "$n search c64" 64 "$murl" "$tmp/search.lua"
		fi
		[[ $SEARCH == none ]] || measure "$n search c64 cached" 64 "$murl" "$tmp/search-hit.lua"
		[[ $SEARCH != all ]] || measure "$n suggest c8" 8 "$murl" "$tmp/suggest.lua"
		if [[ -n $BASE_BIN && $SEARCH == all ]]; then
			measure "$n search c8 base" 8 "$burl" "$tmp/search.lua"
			measure "$n search c64 base" 64 "$burl" "$tmp/search.lua"
		fi
		[[ -z $BASE_BIN || $SEARCH == none ]] ||
			measure "$n search c64 cached base" 64 "$burl" "$tmp/search-hit.lua"
		[[ -z $BASE_BIN || $SEARCH != all ]] || measure "$n suggest c8 base" 8 "$burl" "$tmp/suggest.lua"
		[[ $LISTS == 0 ]] || measure "$n lists c4" 4 "$murl" "$tmp/lists.lua"
		[[ -z $BASE_BIN || $LISTS == 0 ]] || measure "$n lists c4 base" 4 "$burl" "$tmp/lists.lua"
	done
	say "medians (range) over $ROUNDS rounds:"
	for k in $READS; do
		say "$(printf '  %-9s mangu %-24s req/s  nginx %-24s req/s  mangu p99 %s ms' "$k" \
			"$(stat "$n $k mangu" rps)" "$(stat "$n $k nginx" rps)" "$(stat "$n $k mangu" p99)")"
		[[ -z $BASE_BIN ]] || say "$(printf '  %-9s base  %-24s req/s  base p99 %s ms' "$k" \
			"$(stat "$n $k base" rps)" "$(stat "$n $k base" p99)")"
	done
	if [[ $SEARCH == all ]]; then
		say "  search    p95 $(stat "$n search c8" p95) ms with 8 connections; $(stat "$n search c64" rps) req/s with 64 (cache misses)"
	fi
	[[ $SEARCH == none ]] || say "  search    $(stat "$n search c64 cached" rps) req/s with 64, p99 $(stat "$n search c64 cached" p99) ms (300 queries repeated: cache hits)"
	[[ $SEARCH != all ]] || say "  suggest   p95 $(stat "$n suggest c8" p95) ms with 8 connections"
	[[ $LISTS == 0 ]] || say "  lists     $(stat "$n lists c4" rps) req/s with 4 connections, p95 $(stat "$n lists c4" p95) ms (cache misses)"
	say "  mangu RSS $(rss "$mangu_pid")"
	if [[ -n $BASE_BIN ]]; then
		if [[ $SEARCH == all ]]; then
			say "  base search p95 $(stat "$n search c8 base" p95) ms with 8 connections; $(stat "$n search c64 base" rps) req/s with 64"
			say "  base suggest p95 $(stat "$n suggest c8 base" p95) ms with 8 connections"
		fi
		[[ $SEARCH == none ]] || say "  base search $(stat "$n search c64 cached base" rps) req/s with 64 (cache hits)"
		[[ $LISTS == 0 ]] || say "  base lists $(stat "$n lists c4 base" rps) req/s with 4 connections, p95 $(stat "$n lists c4 base" p95) ms"
		say "  base RSS $(rss "$base_pid")"
	fi
	say "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
	stop_servers
}

say "# mangu catalog benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "# host: $(uname -srm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -z $BASE_BIN ]] || say "# base: $("$BASE_BIN" version 2>/dev/null) ($BASE_BIN), measured beside mangu in every round"
say "# mangu: $("$MANGU_BIN" version 2>/dev/null) (git $(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet 2>/dev/null || echo '+dirty')), production, access log on; nginx $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $NGINX_WORKERS workers, access log on"
say "# wrk -t2, $DURATION per measurement, $ROUNDS rounds (the order of mangu, nginx and any base rotates)"
for n in $BOOKS; do bench_size "$n"; done
say ""
say "# written to $results"
