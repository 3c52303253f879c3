#!/usr/bin/env bash
# run.sh: starts mangu on the embedded defaults (SQLite, in-process cache, disk storage).
set -euo pipefail
cd "$(dirname "$0")/.."
export MANGU_DATA_DIR="${MANGU_DATA_DIR:-./data}"
export MANGU_LISTEN="${MANGU_LISTEN:-127.0.0.1:8080}"
# The seed's 100 requests per 15 minutes suits a site behind a CDN; one person browsing the
# demo makes several API calls a page, so the local demo allows more.
export MANGU_RATE_LIMIT="${MANGU_RATE_LIMIT:-1000/15m}"
mkdir -p "$MANGU_DATA_DIR"
if build/mangu help 2>/dev/null | grep -q '^  seed '; then
    build/mangu seed --demo --if-empty
fi
echo
echo "  MANGU is starting at http://${MANGU_LISTEN}/  (Ctrl-C stops it)"
echo
exec build/mangu serve
