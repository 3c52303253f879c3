# bench/lib.sh: what the benchmark scripts share; sourced after they set MANGU_BIN and BASE_BIN.

die() {
	echo "bench: $*" >&2
	exit 1
}

# The builds to measure and wrk must be there; nothing is built or installed here.
require_builds_and_wrk() {
	[[ -x $MANGU_BIN ]] || die "$MANGU_BIN not found; build it first (make)"
	[[ -z $BASE_BIN || -x $BASE_BIN ]] || die "$BASE_BIN not found"
	command -v wrk >/dev/null || die "wrk not found (apt-get install wrk)"
}

free_port() {
	python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}
