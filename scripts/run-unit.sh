#!/usr/bin/env bash
# run-unit.sh TEST...: runs each cmocka test binary and prints one closing tally.
set -u
passed=0
failed=0
failed_names=()
for t in "$@"; do
    if "$t"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failed_names+=("$t")
    fi
done
echo
echo "unit test binaries: $passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
    printf '  failed: %s\n' "${failed_names[@]}"
    exit 1
fi
