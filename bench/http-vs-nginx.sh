#!/usr/bin/env bash
# bench/http-vs-nginx.sh: mangu against nginx on this machine, side by side in one run.
#
# Starts build/mangu (production build, access log on, stdout to a file) and an nginx with a
# private configuration serving a file that holds the exact bytes mangu answers on BENCH_PATH,
# then runs wrk against each, interleaved (the order alternates every round), and prints each
# round, the medians of requests/s and p99 latency, and the ratio mangu/nginx. Results are also
# written to bench/results/<UTC date and time>.txt. Builds nothing: run `make` first.
#
# Settings (environment):
#   MANGU_BIN=build/mangu  BENCH_PATH=/api/health  ROUNDS=3  DURATION=10s  WARMUP=2s
#   THREADS=2  CONNECTIONS=64  NGINX_ACCESS_LOG=on|off (default on: both sides log each request)
#   NGINX_WORKERS=2  and any MANGU_* variable, passed to mangu as is.
# Note: /api/health is dynamic (it pings the database and the cache, and uptime changes), so the
# nginx file is a snapshot of one answer; swap BENCH_PATH for a cached JSON route when there is one.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

MANGU_BIN=${MANGU_BIN:-build/mangu}
BENCH_PATH=${BENCH_PATH:-/api/health}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-2s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-on}
NGINX_WORKERS=${NGINX_WORKERS:-2}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

die() {
	echo "bench: $*" >&2
	exit 1
}
[[ -x $MANGU_BIN ]] || die "$MANGU_BIN not found; build it first (make)"
command -v wrk >/dev/null || die "wrk not found (apt-get install wrk, or scripts/bootstrap.sh test)"
command -v curl >/dev/null || die "curl not found"
[[ -x $NGINX ]] || die "nginx not found (apt-get install nginx-light)"
[[ $NGINX_ACCESS_LOG == on || $NGINX_ACCESS_LOG == off ]] || die "NGINX_ACCESS_LOG is on or off"

free_port() {
	node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})' 2>/dev/null ||
		python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

tmp=$(mktemp -d /tmp/mangu-bench.XXXXXX)
chmod 0755 "$tmp" # nginx workers run as an unprivileged user and must reach the www folder
mangu_pid='' nginx_pid=''
cleanup() {
	local rc=$?
	set +e
	if [[ -n $mangu_pid ]] && kill -0 "$mangu_pid" 2>/dev/null; then
		kill -TERM "$mangu_pid"
		wait "$mangu_pid" 2>/dev/null
	fi
	if [[ -n $nginx_pid ]] && kill -0 "$nginx_pid" 2>/dev/null; then
		kill -QUIT "$nginx_pid"
		wait "$nginx_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p bench/results
results=bench/results/$(date -u +%Y%m%dT%H%M%SZ).txt
say() { printf '%s\n' "$*" | tee -a "$results"; }

# ---- mangu ---------------------------------------------------------------------------------
mport=$(free_port)
mkdir -p "$tmp/data" "$tmp/web/assets"
printf '<!doctype html><title>bench</title>\n' >"$tmp/web/index.html"
# Opened with >> (O_APPEND) so the log can be truncated between rounds while mangu writes it.
: >"$tmp/mangu.log"
MANGU_RATE_LIMIT=${MANGU_RATE_LIMIT:-off} MANGU_ENV=${MANGU_ENV:-production} \
	MANGU_LISTEN=127.0.0.1:$mport \
	MANGU_DATA_DIR=$tmp/data \
	MANGU_WEB_DIR=${MANGU_WEB_DIR:-$tmp/web} \
	MANGU_LOG_LEVEL=${MANGU_LOG_LEVEL:-info} \
	MANGU_PUBLIC_URL=${MANGU_PUBLIC_URL:-http://127.0.0.1:$mport} \
	MANGU_JWT_SECRET=${MANGU_JWT_SECRET:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')} \
	"$MANGU_BIN" serve >>"$tmp/mangu.log" 2>"$tmp/mangu.err" &
mangu_pid=$!
for _ in $(seq 1 150); do
	grep -q '"msg":"listening"' "$tmp/mangu.log" && break
	kill -0 "$mangu_pid" 2>/dev/null || {
		cat "$tmp/mangu.err" "$tmp/mangu.log" >&2
		die "mangu exited before listening"
	}
	sleep 0.1
done
grep -q '"msg":"listening"' "$tmp/mangu.log" || die "mangu did not log \"listening\" within 15 s"
murl=http://127.0.0.1:$mport$BENCH_PATH

# ---- the same bytes, from nginx ------------------------------------------------------------
mkdir -p "$tmp/www$(dirname "$BENCH_PATH")" "$tmp/nginx/tmp"
status=$(curl -sS -o "$tmp/www$BENCH_PATH" -w '%{http_code}' "$murl")
[[ $status == 200 ]] || die "GET $murl answered $status: $(cat "$tmp/www$BENCH_PATH")"
chmod -R a+rX "$tmp/www"
nport=$(free_port)
if [[ $NGINX_ACCESS_LOG == on ]]; then
	nlog="access_log $tmp/nginx/access.log;"
else
	nlog="access_log off;"
fi
cat >"$tmp/nginx/nginx.conf" <<CONF
worker_processes $NGINX_WORKERS;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
    $nlog
    client_body_temp_path $tmp/nginx/tmp/client;
    proxy_temp_path $tmp/nginx/tmp/proxy;
    fastcgi_temp_path $tmp/nginx/tmp/fastcgi;
    uwsgi_temp_path $tmp/nginx/tmp/uwsgi;
    scgi_temp_path $tmp/nginx/tmp/scgi;
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    open_file_cache max=64 inactive=60s;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    server_tokens off;
    server {
        listen 127.0.0.1:$nport;
        root $tmp/www;
        location / { }
    }
}
CONF
"$NGINX" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" &
nginx_pid=$!
nurl=http://127.0.0.1:$nport$BENCH_PATH
for _ in $(seq 1 100); do
	curl -sf -o /dev/null "$nurl" && break
	kill -0 "$nginx_pid" 2>/dev/null || {
		cat "$tmp/nginx/error.log" >&2
		die "nginx exited"
	}
	sleep 0.1
done
cmp -s <(curl -sS "$nurl") "$tmp/www$BENCH_PATH" || die "nginx does not serve the snapshot"

# ---- the run -------------------------------------------------------------------------------
hdr_bytes() { curl -sS -o /dev/null -D - "$1" | wc -c; }
say "# mangu vs nginx, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
say "# host: $(uname -srm), $(nproc) cores, $(awk -F: '/model name/{print $2; exit}' /proc/cpuinfo | sed 's/^ *//')"
say "# mangu: $("$MANGU_BIN" version 2>/dev/null || echo '?') ($MANGU_BIN, git $(git rev-parse --short HEAD 2>/dev/null || echo none)$(git diff --quiet 2>/dev/null || echo '+dirty')), MANGU_ENV=${MANGU_ENV:-production}, access log on (stdout to a file)"
say "# nginx: $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $NGINX_WORKERS workers, access_log $NGINX_ACCESS_LOG, sendfile + open_file_cache, keepalive_requests 1000000"
say "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS rounds (order alternates), warm-up $WARMUP each; all on this one machine"
say "# GET $BENCH_PATH: body $(wc -c <"$tmp/www$BENCH_PATH") bytes; headers mangu $(hdr_bytes "$murl") bytes, nginx $(hdr_bytes "$nurl") bytes"
say "# body: $(head -c 300 "$tmp/www$BENCH_PATH")"

# to_ms 1.23ms | 456.78us | 1.02s -> milliseconds
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
		printf "%.3f", n }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A rps=() p99=()
bad=0
run() { # run <name> <url> <round>
	local name=$1 url=$2 round=$3 out reqs lat non2xx sockerr lines
	out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
	reqs=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
	lat=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
	sockerr=$(grep -m1 'Socket errors' <<<"$out" || true)
	if [[ $name == mangu ]]; then
		lines=$(wc -l <"$tmp/mangu.log")
		: >"$tmp/mangu.log"
	else
		lines=$([[ -f $tmp/nginx/access.log ]] && wc -l <"$tmp/nginx/access.log" || echo 0)
		[[ -f $tmp/nginx/access.log ]] && : >"$tmp/nginx/access.log"
	fi
	rps[$name]+="$reqs "
	p99[$name]+="$lat "
	say "$(printf 'round %d  %-6s %10.0f req/s   p99 %8.3f ms   %s log lines%s%s' "$round" "$name" "$reqs" "$lat" \
		"$lines" "${non2xx:+   NON-2xx: $non2xx}" "${sockerr:+   $sockerr}")"
	if [[ -n $non2xx ]]; then
		bad=1
		say "  (non-2xx answers: a rate limit or an error; this round does not measure the happy path)"
	fi
	[[ ${BENCH_VERBOSE:-0} == 1 ]] && say "$out"
	return 0
}

if [[ $WARMUP != 0 && $WARMUP != 0s ]]; then
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$murl" >/dev/null
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$nurl" >/dev/null
	: >"$tmp/mangu.log"
	[[ -f $tmp/nginx/access.log ]] && : >"$tmp/nginx/access.log"
fi

for ((r = 1; r <= ROUNDS; r++)); do
	if ((r % 2)); then
		run mangu "$murl" "$r"
		run nginx "$nurl" "$r"
	else
		run nginx "$nurl" "$r"
		run mangu "$murl" "$r"
	fi
done

m_rps=$(tr ' ' '\n' <<<"${rps[mangu]}" | grep . | median)
n_rps=$(tr ' ' '\n' <<<"${rps[nginx]}" | grep . | median)
m_p99=$(tr ' ' '\n' <<<"${p99[mangu]}" | grep . | median)
n_p99=$(tr ' ' '\n' <<<"${p99[nginx]}" | grep . | median)
ratio=$(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
say ""
say "$(printf 'median  mangu  %10.0f req/s   p99 %8.3f ms' "$m_rps" "$m_p99")"
say "$(printf 'median  nginx  %10.0f req/s   p99 %8.3f ms' "$n_rps" "$n_p99")"
say "ratio mangu/nginx (req/s): $ratio"
if grep -q . "$tmp/mangu.err"; then
	say "# mangu stderr:"
	say "$(head -n 20 "$tmp/mangu.err")"
fi
((bad)) && say "# WARNING: some rounds had non-2xx answers"
echo "bench: results written to $results" >&2
