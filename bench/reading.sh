#!/usr/bin/env bash
# bench/reading.sh: progress writes per second, and the library listing of a reader who owns
# 1,000 books (p95), on the embedded backend (SQLite) or on PostgreSQL (BACKEND=scaled with
# MANGU_DATABASE_URL pointing at an empty database). Builds nothing: run `make` first.
# Settings: BOOKS=1000 DURATION=10s MANGU_BIN=build/mangu BACKEND=embedded|scaled
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BOOKS=${BOOKS:-1000}
DURATION=${DURATION:-10s}
MANGU_BIN=${MANGU_BIN:-build/mangu}
BACKEND=${BACKEND:-embedded}
tmp=$(mktemp -d /tmp/mangu-bench-reading.XXXXXX)
pid=''
cleanup() { [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
export MANGU_DATA_DIR=$tmp/data MANGU_LISTEN=127.0.0.1:$port MANGU_RATE_LIMIT=off \
	MANGU_RATE_LIMIT_LOGIN=off MANGU_LOG_LEVEL=warn MANGU_AUTO_MIGRATE=1
[[ $BACKEND == scaled ]] || unset MANGU_DATABASE_URL
"$MANGU_BIN" seed --books "$BOOKS" >/dev/null
printf 'bench-reading-password-71\n' >"$tmp/pw"
"$MANGU_BIN" user create --email r@bench.test --role admin --password-file "$tmp/pw" >/dev/null
"$MANGU_BIN" serve >"$tmp/log" 2>&1 &
pid=$!
url=http://127.0.0.1:$port
for _ in $(seq 100); do curl -sf "$url/api/health" >/dev/null && break; sleep 0.1; done
tok=$(curl -sf -H 'content-type: application/json' \
	-d '{"email":"r@bench.test","password":"bench-reading-password-71"}' "$url/api/auth/login" |
	python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
# ownership straight into the database: the bench measures reading, not buying
own="INSERT INTO library_entries (user_id, book_id, source) SELECT u.id, b.id, 'admin' FROM users u, books b WHERE u.email = 'r@bench.test';"
if [[ $BACKEND == scaled ]]; then psql -q "$MANGU_DATABASE_URL" -c "$own"; else sqlite3 "$MANGU_DATA_DIR/mangu.db" "$own"; fi
book=$(curl -sf -H "authorization: Bearer $tok" "$url/api/library?limit=1" |
	python3 -c 'import sys,json;print(json.load(sys.stdin)["items"][0]["book"]["id"])')
cat >"$tmp/put.lua" <<LUA
wrk.method = "PUT"
wrk.headers["Authorization"] = "Bearer $tok"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"position":"epubcfi(/6/14!/4/2/10/1:120)","progress":0.42,"device_id":"bench"}'
LUA
cat >"$tmp/get.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $tok"
done = function(s, latency, r) io.write(string.format("p95 %.2f ms\n", latency:percentile(95) / 1000)) end
LUA
echo "# reading bench, $BACKEND, $BOOKS owned books, $(date -u +%FT%TZ)"
echo "## progress writes (PUT /api/library/$book/progress), 8 connections"
wrk -t2 -c8 -d"$DURATION" -s "$tmp/put.lua" "$url/api/library/$book/progress" | grep -E "Requests/sec|Latency|Non-2xx"
echo "## library listing (GET /api/library?limit=100), 8 connections"
wrk -t2 -c8 -d"$DURATION" -s "$tmp/get.lua" "$url/api/library?limit=100" | grep -E "Requests/sec|Latency|p95|Non-2xx"
