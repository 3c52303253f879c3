#!/usr/bin/env bash
# test.sh: everything `make test` runs, in order, with one summary at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
declare -a names=() results=()
step() {
    local name=$1
    shift
    echo
    echo "=== $name"
    if "$@"; then results+=(ok); else results+=(FAILED); fi
    names+=("$name")
}
step "C unit tests" make --no-print-directory test-unit
step "C unit tests under ASan+UBSan" make --no-print-directory test-asan
if [ -f web/package.json ]; then
    step "web client unit tests" bash -c 'cd web && npm test --silent'
fi
step "HTTP tests, embedded (SQLite + memory cache)" tests/run-http.sh embedded
step "HTTP tests, scaled (PostgreSQL + Redis + S3)" tests/run-http.sh scaled
if [ -f web/package.json ]; then
    step "browser tests (Playwright + Chromium)" scripts/e2e.sh
    # The core loop where the browser talks to S3 itself (uploads, the reader's download):
    # publishing, the test-checkout purchase, and reading.
    step "browser tests, scaled (PostgreSQL + Redis + S3)" scripts/e2e.sh --scaled \
        publishing.test.mjs commerce.test.mjs reading.test.mjs
fi
echo
echo "=== summary"
failed=0
passed=0
for i in "${!names[@]}"; do
    printf '  %-50s %s\n' "${names[$i]}" "${results[$i]}"
    if [ "${results[$i]}" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
