#!/usr/bin/env bash
# shellcheck disable=SC2317 # functions reached through traps and `check`
# tests/run-http.sh embedded|scaled [--services-only [--hold]] [test files...]
#
# Runs the HTTP tests (tests/http/*.test.mjs, Node's test runner) against the real binary
# (build/mangu-test, or $MANGU_BIN), one file at a time.
#   embedded  SQLite + in-process cache: nothing to start.
#   scaled    starts a private PostgreSQL cluster, a redis-server and s3rver (S3) on free loopback
#             ports in a temporary folder, exports where they are (and fault-injection commands) to
#             the tests, and stops them and deletes the folder on exit. A whole run (no files
#             named) first runs the C unit tests that need these servers (the PostgreSQL driver,
#             the Redis cache, the catalog front on Redis), which skip without them.
# --services-only  (scaled) start the services, print the environment, exercise each
#                  stop/start helper once, stop everything. With --hold, skip the exercise,
#                  print "ready" once they answer, and keep them up until ^C or SIGTERM
#                  (scripts/e2e.sh --scaled runs the browser tests on them this way).
# Server output of every test server goes to build/test-logs/http-<backend>/ (MANGU_TEST_LOG_DIR).
# MANGU_TEST_PG_SHARED_BUFFERS (default 128MB, PostgreSQL's own) sizes PostgreSQL's buffer cache;
# benchmarks give it room for the whole database, as a production server would have.
# Exit code: the tests' result.
set -euo pipefail

usage() {
	echo "usage: tests/run-http.sh embedded|scaled [--services-only [--hold]] [test files...]" >&2
	exit 2
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
backend=${1:-}
[[ $backend == embedded || $backend == scaled ]] || usage
shift
services_only=0 hold=0 files=()
for a in "$@"; do
	case $a in
	--services-only) services_only=1 ;;
	--hold) hold=1 ;;
	-*) usage ;;
	*) files+=("$a") ;;
	esac
done
if ((services_only)) && [[ $backend != scaled ]]; then
	echo "run-http: --services-only needs the scaled backend" >&2
	exit 2
fi

log() { echo "run-http[$backend]: $*" >&2; }

# A loopback port nobody listens on right now (the kernel picks it).
free_port() {
	node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Drop every MANGU_* variable inherited from the caller: the tests decide the server's config.
while IFS='=' read -r name _; do
	case $name in
	MANGU_BIN | MANGU_TEST_LOG_DIR | MANGU_TEST_KEEP | MANGU_TEST_PG_SHARED_BUFFERS) ;;
	MANGU_*) unset "$name" ;;
	esac
done < <(env)

export MANGU_BIN=${MANGU_BIN:-$root/build/mangu-test}
export MANGU_TEST_BACKEND=$backend
export MANGU_TEST_LOG_DIR=${MANGU_TEST_LOG_DIR:-$root/build/test-logs/http-$backend}

if ((!services_only)) && [[ ! -x $MANGU_BIN ]]; then
	echo "run-http: $MANGU_BIN not found; build it first (make build/mangu-test)" >&2
	exit 1
fi

tmp=
cleanup() {
	local rc=$?
	set +e
	[[ -n ${hold_sleep:-} ]] && kill "$hold_sleep" 2>/dev/null
	if [[ -n $tmp && -d $tmp ]]; then
		[[ -x $tmp/bin/redis-stop ]] && "$tmp/bin/redis-stop" >/dev/null 2>&1
		[[ -x $tmp/bin/s3-stop ]] && "$tmp/bin/s3-stop" >/dev/null 2>&1
		[[ -x $tmp/bin/pg-stop ]] && "$tmp/bin/pg-stop" fast >/dev/null 2>&1
		rm -rf "$tmp"
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# s3-start / s3-stop for s3rver (npm, tests/node_modules), written like redis-start / -stop:
# its own session, output to a file, the pid recorded; start waits until it answers GET /.
write_s3_scripts() {
	local s3rver=$root/tests/node_modules/s3rver/bin/s3rver.js
	[[ -f $s3rver ]] || {
		echo "run-http: s3rver not found; run: (cd tests && npm ci)" >&2
		exit 1
	}
	sport=$(free_port)
	# The CORS rules a bucket needs for browsers to PUT uploads and GET presigned downloads from
	# the site (README, "Object storage"); s3rver takes one wildcard, so any loopback port of a
	# test server matches. Buckets are made per server, so each gets them when it is created.
	cat >"$tmp/s3/cors.xml" <<-XML
		<CORSConfiguration>
		  <CORSRule>
		    <AllowedOrigin>http://127.0.0.1:*</AllowedOrigin>
		    <AllowedMethod>GET</AllowedMethod>
		    <AllowedMethod>PUT</AllowedMethod>
		    <AllowedHeader>content-type</AllowedHeader>
		    <AllowedHeader>range</AllowedHeader>
		    <ExposeHeader>ETag</ExposeHeader>
		    <MaxAgeSeconds>600</MaxAgeSeconds>
		  </CORSRule>
		</CORSConfiguration>
	XML
	cat >"$tmp/bin/s3-start" <<-SH
		#!/usr/bin/env bash
		set -u
		pidf="$tmp/s3/pid"
		if [[ -s \$pidf ]] && kill -0 "\$(cat "\$pidf")" 2>/dev/null; then exit 0; fi
		setsid node "$s3rver" -d "$tmp/s3/data" -a 127.0.0.1 -p $sport --silent --no-vhost-buckets \\
		  >>"$tmp/s3/server.log" 2>&1 </dev/null &
		echo \$! >"\$pidf"
		for _ in \$(seq 1 300); do
		  if (exec 3<>/dev/tcp/127.0.0.1/$sport && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 \\
		      && read -r -t 1 line <&3 && [[ \$line == HTTP/1.1\ 200* ]]) 2>/dev/null; then exit 0; fi
		  kill -0 "\$(cat "\$pidf")" 2>/dev/null || { echo "s3rver exited:" >&2; tail -n 20 "$tmp/s3/server.log" >&2; exit 1; }
		  sleep 0.05
		done
		echo "s3rver did not answer within 15 s" >&2
		exit 1
	SH
	# s3-stop: SIGKILL (an outage, as the tests want); waits until the process is gone.
	cat >"$tmp/bin/s3-stop" <<-SH
		#!/usr/bin/env bash
		set -u
		pidf="$tmp/s3/pid"
		[[ -s \$pidf ]] || exit 0
		pid=\$(cat "\$pidf")
		kill -KILL "\$pid" 2>/dev/null
		for _ in \$(seq 1 200); do
		  state=\$(awk '{print \$3}' "/proc/\$pid/stat" 2>/dev/null) || break
		  [[ \$state == Z ]] && break
		  sleep 0.05
		done
		rm -f "\$pidf"
	SH
}

start_services() {
	local pgbin pgport rport sport as_pg=()
	pgbin=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
	if [[ ! -x $pgbin/pg_ctl ]]; then
		pgbin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
	fi
	[[ -x ${pgbin:-/nonexistent}/pg_ctl ]] || {
		echo "run-http: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
		exit 1
	}
	command -v redis-server >/dev/null || {
		echo "run-http: redis-server not found (apt-get install redis-server)" >&2
		exit 1
	}

	tmp=$(mktemp -d /tmp/mangu-http.XXXXXX)
	chmod 0755 "$tmp" # the postgres user must be able to reach its folder below
	mkdir -p "$tmp/bin" "$tmp/pg" "$tmp/redis" "$tmp/s3"

	# PostgreSQL refuses to run as root: run it as the postgres user the package creates.
	if [[ $(id -u) == 0 ]]; then
		id postgres >/dev/null 2>&1 || {
			echo "run-http: no 'postgres' user to run PostgreSQL as" >&2
			exit 1
		}
		chown postgres: "$tmp/pg"
		as_pg=(runuser -u postgres --)
	fi
	pgport=$(free_port)
	"${as_pg[@]}" "$pgbin/initdb" -D "$tmp/pg/data" -A trust -U postgres -E UTF8 \
		--locale=C.UTF-8 --no-sync >"$tmp/pg/initdb.log" 2>&1 || {
		cat "$tmp/pg/initdb.log" >&2
		exit 1
	}
	# Settings go into the cluster's own file, so a plain `pg_ctl start` restarts it identically.
	# fsync off is safe for a process crash (the kernel keeps the writes); synchronous_commit off
	# is not: an immediate stop loses the last ~200 ms of commits, which the fault tests then miss.
	cat >>"$tmp/pg/data/postgresql.conf" <<-CONF
		port = $pgport
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$tmp/pg'
		max_connections = 300
		fsync = off
		full_page_writes = off
		shared_buffers = ${MANGU_TEST_PG_SHARED_BUFFERS:-128MB}
	CONF

	# Fault-injection helpers (also used for start-up and clean-up, so there is one code path).
	# pg-stop [mode]: immediate by default (a crash, as the tests want); waits until it is gone.
	cat >"$tmp/bin/pg-stop" <<-SH
		#!/usr/bin/env bash
		set -u
		${as_pg[*]} "$pgbin/pg_ctl" -D "$tmp/pg/data" status >/dev/null 2>&1 || exit 0
		exec ${as_pg[*]} "$pgbin/pg_ctl" -D "$tmp/pg/data" -m "\${1:-immediate}" -w -t 30 stop >/dev/null
	SH
	# pg-start: no-op when running; waits until it accepts connections.
	cat >"$tmp/bin/pg-start" <<-SH
		#!/usr/bin/env bash
		set -u
		${as_pg[*]} "$pgbin/pg_ctl" -D "$tmp/pg/data" status >/dev/null 2>&1 && exit 0
		exec ${as_pg[*]} "$pgbin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/server.log" -w -t 30 start >/dev/null
	SH

	rport=$(free_port)
	# redis-start: in its own session, output to a file, so no caller's pipes stay open; the pid
	# is recorded for redis-stop. Waits until it answers PING.
	cat >"$tmp/bin/redis-start" <<-SH
		#!/usr/bin/env bash
		set -u
		pidf="$tmp/redis/pid"
		if [[ -s \$pidf ]] && kill -0 "\$(cat "\$pidf")" 2>/dev/null; then exit 0; fi
		setsid redis-server --port $rport --bind 127.0.0.1 --save '' --appendonly no \\
		  --daemonize no --dir "$tmp/redis" >>"$tmp/redis/server.log" 2>&1 </dev/null &
		echo \$! >"\$pidf"
		for _ in \$(seq 1 200); do
		  if (exec 3<>/dev/tcp/127.0.0.1/$rport && printf 'PING\\r\\n' >&3 && read -r -t 1 line <&3 \\
		      && [[ \$line == +PONG* ]]) 2>/dev/null; then exit 0; fi
		  kill -0 "\$(cat "\$pidf")" 2>/dev/null || { echo "redis-server exited:" >&2; tail -n 20 "$tmp/redis/server.log" >&2; exit 1; }
		  sleep 0.05
		done
		echo "redis-server did not answer PING within 10 s" >&2
		exit 1
	SH
	# redis-stop: SIGKILL (a crash, as the tests want); waits until the process is gone.
	cat >"$tmp/bin/redis-stop" <<-SH
		#!/usr/bin/env bash
		set -u
		pidf="$tmp/redis/pid"
		[[ -s \$pidf ]] || exit 0
		pid=\$(cat "\$pidf")
		kill -KILL "\$pid" 2>/dev/null
		for _ in \$(seq 1 200); do
		  # gone, or a zombie nobody has reaped yet
		  state=\$(awk '{print \$3}' "/proc/\$pid/stat" 2>/dev/null) || break
		  [[ \$state == Z ]] && break
		  sleep 0.05
		done
		rm -f "\$pidf"
	SH
	write_s3_scripts
	chmod +x "$tmp/bin/"*

	"$tmp/bin/pg-start" || {
		tail -n 30 "$tmp/pg/server.log" >&2
		exit 1
	}
	"$tmp/bin/redis-start"
	"$tmp/bin/s3-start"

	export MANGU_TEST_PSQL=$pgbin/psql
	export MANGU_TEST_PG_ADMIN_URL="postgres://postgres@127.0.0.1:$pgport/postgres"
	# A marker: tests/http/lib/mangu.mjs creates a fresh database on this server per mangu start.
	export MANGU_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/"
	export MANGU_TEST_REDIS_URL="redis://127.0.0.1:$rport/0"
	export MANGU_TEST_PG_STOP=$tmp/bin/pg-stop
	export MANGU_TEST_PG_START=$tmp/bin/pg-start
	export MANGU_TEST_REDIS_STOP=$tmp/bin/redis-stop
	export MANGU_TEST_REDIS_START=$tmp/bin/redis-start
	# s3rver keeps objects in $tmp/s3/data across a stop and start; it ignores signatures and takes
	# the access key S3RVER. tests/http/lib/mangu.mjs creates a fresh bucket per mangu start.
	export MANGU_TEST_S3_ENDPOINT="http://127.0.0.1:$sport"
	export MANGU_TEST_S3_ACCESS_KEY_ID=S3RVER
	export MANGU_TEST_S3_SECRET_ACCESS_KEY=S3RVER
	export MANGU_TEST_S3_CORS_XML=$tmp/s3/cors.xml
	export MANGU_TEST_S3_STOP=$tmp/bin/s3-stop
	export MANGU_TEST_S3_START=$tmp/bin/s3-start
	log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pgport," \
		"Redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$rport," \
		"s3rver on 127.0.0.1:$sport, in $tmp"
}

pg_up() { "$MANGU_TEST_PSQL" "$MANGU_TEST_PG_ADMIN_URL" -Atqc 'select 1' 2>/dev/null | grep -qx 1; }
redis_up() {
	local port=${MANGU_TEST_REDIS_URL##*:}
	port=${port%%/*}
	(exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'PING\r\n' >&3 && read -r -t 1 line <&3 &&
		[[ $line == +PONG* ]]) 2>/dev/null
}
s3_up() {
	local port=${MANGU_TEST_S3_ENDPOINT##*:}
	(exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET / HTTP/1.0\r\n\r\n' >&3 &&
		read -r -t 1 line <&3 && [[ $line == HTTP/1.1\ 200* ]]) 2>/dev/null
}
not() { ! "$@"; }
check() { # check <what> <command...>: fail loudly
	local what=$1
	shift
	if "$@"; then log "ok: $what"; else
		log "FAILED: $what"
		exit 1
	fi
}

[[ $backend == scaled ]] && start_services

if ((services_only)); then
	env | grep -E '^MANGU_(TEST_|BIN=)' | sort
	check "PostgreSQL answers" pg_up
	check "Redis answers" redis_up
	if ((hold)); then
		check "s3rver answers" s3_up
		echo ready
		log "holding; ^C to stop"
		while :; do
			sleep 3600 &
			hold_sleep=$!
			wait $! # interruptible, so the trap runs at once
		done
	fi
	"$MANGU_TEST_PG_STOP"
	check "pg-stop stops PostgreSQL" not pg_up
	"$MANGU_TEST_PG_STOP"
	check "pg-stop is idempotent" not pg_up
	"$MANGU_TEST_PG_START"
	check "pg-start restarts PostgreSQL" pg_up
	"$MANGU_TEST_PG_START"
	check "pg-start is idempotent" pg_up
	"$MANGU_TEST_REDIS_STOP"
	check "redis-stop stops Redis" not redis_up
	"$MANGU_TEST_REDIS_STOP"
	check "redis-stop is idempotent" not redis_up
	"$MANGU_TEST_REDIS_START"
	check "redis-start restarts Redis" redis_up
	"$MANGU_TEST_REDIS_START"
	check "redis-start is idempotent" redis_up
	check "s3rver answers" s3_up
	"$MANGU_TEST_S3_STOP"
	check "s3-stop stops s3rver" not s3_up
	"$MANGU_TEST_S3_STOP"
	check "s3-stop is idempotent" not s3_up
	"$MANGU_TEST_S3_START"
	check "s3-start restarts s3rver" s3_up
	"$MANGU_TEST_S3_START"
	check "s3-start is idempotent" s3_up
	log "stopping"
	exit 0
fi

# The drivers' unit tests that need live servers skip without them (as in `make test-unit`):
# a whole scaled run gives them this run's PostgreSQL and Redis.
backend_unit_tests() {
	local t tests=(db/test_pg store/test_search_pg cache/test_redis service/test_catalog_front)
	make -C "$root" --no-print-directory -s "${tests[@]/#/build/tests/unit/}" || return 1
	for t in "${tests[@]}"; do
		MANGU_TEST_PG_URL=$MANGU_TEST_PG_ADMIN_URL MANGU_TEST_REDIS_SERVER=redis-server \
			"$root/build/tests/unit/$t" || return 1
	done
}

mkdir -p "$MANGU_TEST_LOG_DIR"
rm -f "$MANGU_TEST_LOG_DIR"/*.log
if ((${#files[@]} == 0)); then
	files=("$root"/tests/http/*.test.mjs)
	if [[ $backend == scaled ]]; then
		check "the drivers' unit tests on these servers" backend_unit_tests
	fi
fi

# One file at a time: 0050-faults stops the shared PostgreSQL and Redis.
started=$(date +%s)
rc=0
if node --test-concurrency=1 -e '' 2>/dev/null; then
	node --test --test-concurrency=1 --test-reporter=spec "${files[@]}" || rc=$?
else # Node 18 (Debian 12's own nodejs) has no --test-concurrency: one node per file
	for f in "${files[@]}"; do
		node --test --test-reporter=spec "$f" || rc=$?
	done
fi
took=$(($(date +%s) - started))
if ((rc == 0)); then
	log "PASS (${#files[@]} files, ${took}s, binary $MANGU_BIN)"
else
	log "FAIL (exit $rc, ${#files[@]} files, ${took}s); server output in $MANGU_TEST_LOG_DIR"
fi
exit "$rc"
