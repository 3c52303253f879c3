#!/usr/bin/env bash
# bench/upload-rss.sh: how much a large upload through the disk driver grows the server's RSS.
#
# Runs build/mangu twice under /usr/bin/time -v on a fresh data folder: once answering only the
# set-up calls (baseline), once also taking a SIZE_MB upload through PUT /api/uploads/{token}
# and completing it. Prints both maximum resident sizes and the difference; the goal (issue 5)
# is at most 20 MB for a 200 MB upload. Builds nothing: run `make` first.
# Settings: SIZE_MB=200  MANGU_BIN=build/mangu
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZE_MB=${SIZE_MB:-200}
MANGU_BIN=${MANGU_BIN:-build/mangu}
tmp=$(mktemp -d /tmp/mangu-bench-upload.XXXXXX)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$tmp"' EXIT
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
# a file of random bytes, so nothing compresses or deduplicates it
head -c $((SIZE_MB * 1000 * 1000)) /dev/urandom >"$tmp/body.bin"
size=$(stat -c %s "$tmp/body.bin")

# run_once UPLOAD(0|1): prints the maximum RSS in kB
run_once() {
	local p data=$tmp/data-$1
	p=$(port)
	printf 'bench-upload-password-93\n' >"$tmp/pw"
	MANGU_DATA_DIR=$data MANGU_LISTEN=127.0.0.1:$p MANGU_RATE_LIMIT=off MANGU_LOG_LEVEL=warn \
		MANGU_MAX_MANUSCRIPT_BYTES=$((size + 1)) "$MANGU_BIN" user create --email a@bench.test \
		--role admin --password-file "$tmp/pw" >/dev/null
	MANGU_DATA_DIR=$data MANGU_LISTEN=127.0.0.1:$p MANGU_RATE_LIMIT=off MANGU_LOG_LEVEL=warn \
		MANGU_MAX_MANUSCRIPT_BYTES=$((size + 1)) \
		/usr/bin/time -v -o "$tmp/time-$1" "$MANGU_BIN" serve >"$tmp/log-$1" 2>&1 &
	local pid=$! url=http://127.0.0.1:$p
	for _ in $(seq 100); do curl -sf "$url/api/health" >/dev/null && break; sleep 0.1; done
	local tok book ask
	tok=$(curl -sf -H 'content-type: application/json' -d '{"email":"a@bench.test","password":"bench-upload-password-93"}' \
		"$url/api/auth/login" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
	curl -sf -H "authorization: Bearer $tok" -H 'content-type: application/json' -d '{}' "$url/api/users/me/author" >/dev/null
	book=$(curl -sf -H "authorization: Bearer $tok" -H 'content-type: application/json' \
		-d '{"title":"Big","language":"en","price_cents":100,"currency":"USD","format":"pdf"}' \
		"$url/api/books" | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
	if [[ $1 == 1 ]]; then
		ask=$(curl -sf -H "authorization: Bearer $tok" -H 'content-type: application/json' \
			-d "{\"kind\":\"manuscript\",\"file_name\":\"big.pdf\",\"content_type\":\"application/pdf\",\"size\":$size}" \
			"$url/api/books/$book/files")
		local put
		put=$(echo "$ask" | python3 -c 'import sys,json;print(json.load(sys.stdin)["upload"]["url"])')
		curl -sf -X PUT -H 'content-type: application/pdf' --data-binary @"$tmp/body.bin" "$url$put" >/dev/null # a path on disk storage
	fi
	kill -TERM "$(pgrep -P "$pid")" # mangu itself; time(1) then writes its report
	wait "$pid" || true
	awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time-$1"
}

base=$(run_once 0)
with=$(run_once 1)
echo "upload of $SIZE_MB MB (${size} bytes) through the disk driver"
echo "max RSS without the upload: $((base / 1024)) MB"
echo "max RSS with the upload:    $((with / 1024)) MB"
echo "growth: $(((with - base) / 1024)) MB (goal: at most 20 MB)"
