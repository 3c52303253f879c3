#!/usr/bin/env bash
# e2e.sh: starts mangu on a free loopback port with a fresh data folder and runs web/e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tmp=$(mktemp -d)
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null ||
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# The storefront tests browse the demo catalog. A browser session makes more API calls than
# the default per-IP limit allows, so the server runs without it (rate limits have HTTP tests).
MANGU_DATA_DIR="$tmp/data" MANGU_ENV=test build/mangu-test seed --demo >"$tmp/seed.log" 2>&1 ||
    { cat "$tmp/seed.log" >&2; exit 1; }
# The accounts test reads mailed links (verification, reset) through the admin outbox API,
# signed in as this admin.
export MANGU_E2E_ADMIN_EMAIL=admin@e2e.test
MANGU_E2E_ADMIN_PASSWORD="e2e-admin-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export MANGU_E2E_ADMIN_PASSWORD
printf '%s\n' "$MANGU_E2E_ADMIN_PASSWORD" >"$tmp/admin-password"
MANGU_DATA_DIR="$tmp/data" MANGU_ENV=test build/mangu-test user create --email "$MANGU_E2E_ADMIN_EMAIL" \
    --role admin --name "Ada Admin" --password-file "$tmp/admin-password" >"$tmp/admin.log" 2>&1 ||
    { cat "$tmp/admin.log" >&2; exit 1; }
MANGU_DATA_DIR="$tmp/data" MANGU_LISTEN="127.0.0.1:$port" MANGU_ENV=test MANGU_WEB_DIR=web/dist \
    MANGU_RATE_LIMIT=off build/mangu-test serve >"$tmp/server.log" 2>&1 &
pid=$!
cleanup() {
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    # The server's log outlives the run, for reading after a failure.
    mkdir -p "$root/build/test-logs" && cp "$tmp/server.log" "$root/build/test-logs/e2e-server.log" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
    grep -q '"msg":"listening"' "$tmp/server.log" 2>/dev/null && break
    sleep 0.1
done
export MANGU_URL="http://127.0.0.1:$port"
export MANGU_E2E_OUT="${MANGU_E2E_OUT:-$PWD/build/e2e}"
mkdir -p "$MANGU_E2E_OUT"
cd web && node --test "$@" e2e/
