#!/usr/bin/env bash
# e2e.sh [--scaled] [node --test args...]: starts mangu on a free loopback port with a fresh data
# folder and runs web/e2e.
#   (default)  the embedded backend: SQLite, the in-process cache, the disk store.
#   --scaled   PostgreSQL + Redis + S3 (s3rver), started on loopback by tests/run-http.sh
#              (--services-only --hold) and stopped at exit; the browser uploads to and reads
#              from the bucket directly, as in production (its CORS comes from run-http.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scaled=0
if [[ ${1:-} == --scaled ]]; then
    scaled=1
    shift
fi
tmp=$(mktemp -d)
pid= services=
cleanup() {
    local rc=$? # the tests' result, whatever the stopped processes answer
    set +e
    [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    # The server's log outlives the run, for reading after a failure.
    mkdir -p "$root/build/test-logs" &&
        cp "$tmp/server.log" "$root/build/test-logs/e2e-server-$( ((scaled)) && echo scaled || echo embedded).log" 2>/dev/null
    # run-http.sh stops PostgreSQL, Redis and s3rver on SIGTERM, then deletes its folder
    [[ -n $services ]] && kill -TERM "$services" 2>/dev/null && wait "$services" 2>/dev/null
    rm -rf "$tmp"
    exit "$rc"
}
trap cleanup EXIT
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])' 2>/dev/null ||
    node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# The server's configuration: every MANGU_* variable of the caller is dropped, as the HTTP tests do.
while IFS='=' read -r name _; do
    [[ $name == MANGU_E2E_* || $name == MANGU_TESTDATA ]] || unset "$name"
done < <(env | grep '^MANGU_')
export MANGU_DATA_DIR="$tmp/data" MANGU_ENV=test
if ((scaled)); then
    tests/run-http.sh scaled --services-only --hold >"$tmp/services.env" 2>"$tmp/services.log" &
    services=$!
    for _ in $(seq 1 600); do
        grep -qx ready "$tmp/services.env" && break
        kill -0 "$services" 2>/dev/null || { cat "$tmp/services.log" >&2; exit 1; }
        sleep 0.1
    done
    grep -qx ready "$tmp/services.env" || { echo "e2e: services did not start" >&2; exit 1; }
    while IFS='=' read -r name value; do
        [[ $name == MANGU_TEST_* ]] && export "$name=$value"
    done <"$tmp/services.env"
    db=e2e_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
    "$MANGU_TEST_PSQL" "$MANGU_TEST_PG_ADMIN_URL" -qc "CREATE DATABASE $db" >/dev/null
    bucket=e2e-$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
    curl -sf -X PUT "$MANGU_TEST_S3_ENDPOINT/$bucket" >/dev/null
    curl -sf -X PUT --data-binary @"$MANGU_TEST_S3_CORS_XML" "$MANGU_TEST_S3_ENDPOINT/$bucket?cors" >/dev/null
    export MANGU_DATABASE_URL="${MANGU_TEST_DATABASE_URL%/}/$db" MANGU_AUTO_MIGRATE=1
    export MANGU_REDIS_URL=$MANGU_TEST_REDIS_URL
    export MANGU_S3_BUCKET=$bucket MANGU_S3_ENDPOINT=$MANGU_TEST_S3_ENDPOINT
    export MANGU_S3_ACCESS_KEY_ID=$MANGU_TEST_S3_ACCESS_KEY_ID
    export MANGU_S3_SECRET_ACCESS_KEY=$MANGU_TEST_S3_SECRET_ACCESS_KEY
    build/mangu-test migrate >"$tmp/migrate.log" 2>&1 || { cat "$tmp/migrate.log" >&2; exit 1; }
fi
export MANGU_PUBLIC_URL="http://127.0.0.1:$port"

# The storefront tests browse the demo catalog. A browser session makes more API calls than
# the default per-IP limit allows, so the server runs without it (rate limits have HTTP tests).
build/mangu-test seed --demo >"$tmp/seed.log" 2>&1 || { cat "$tmp/seed.log" >&2; exit 1; }
# The accounts test reads mailed links (verification, reset) through the admin outbox API,
# signed in as this admin.
export MANGU_E2E_ADMIN_EMAIL=admin@e2e.test
MANGU_E2E_ADMIN_PASSWORD="e2e-admin-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export MANGU_E2E_ADMIN_PASSWORD
printf '%s\n' "$MANGU_E2E_ADMIN_PASSWORD" >"$tmp/admin-password"
build/mangu-test user create --email "$MANGU_E2E_ADMIN_EMAIL" \
    --role admin --name "Ada Admin" --password-file "$tmp/admin-password" >"$tmp/admin.log" 2>&1 ||
    { cat "$tmp/admin.log" >&2; exit 1; }
MANGU_LISTEN="127.0.0.1:$port" MANGU_WEB_DIR=web/dist MANGU_RATE_LIMIT=off \
    build/mangu-test serve >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    grep -q '"msg":"listening"' "$tmp/server.log" 2>/dev/null && break
    sleep 0.1
done
export MANGU_URL="http://127.0.0.1:$port"
export MANGU_E2E_BACKEND=$( ((scaled)) && echo scaled || echo embedded)
export MANGU_E2E_OUT="${MANGU_E2E_OUT:-$PWD/build/e2e}"
mkdir -p "$MANGU_E2E_OUT"
# Test files given (web/e2e/<name>.test.mjs or e2e/<name>.test.mjs) run alone; options pass on.
args=() files=()
for a in "$@"; do
    case $a in
    *.test.mjs) files+=("e2e/${a##*/}") ;;
    *) args+=("$a") ;;
    esac
done
((${#files[@]})) || files=(e2e/)
cd web && node --test "${args[@]}" "${files[@]}"
