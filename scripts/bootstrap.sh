#!/usr/bin/env bash
# scripts/bootstrap.sh [run|test]
#
# Makes this machine able to build MANGU (run) or build and test it (test):
#   1. finds which Debian packages are missing (one dpkg-query call) and installs only those,
#      running `apt-get update` first and only when something is missing;
#   2. runs `npm ci` in web/ (and tests/, when it has a package-lock.json) only when
#      node_modules is missing or older than package-lock.json.
# Quick (well under a second) when everything is already there. Without root it prints the one
# command to run and exits 1. BOOTSTRAP_SKIP=1 skips everything (for machines set up by hand).
set -euo pipefail

mode=${1:-run}
case $mode in
run | test) ;;
-h | --help)
	sed -n '2,12s/^# \{0,1\}//p' "$0"
	exit 0
	;;
*)
	echo "usage: scripts/bootstrap.sh [run|test]" >&2
	exit 2
	;;
esac
[[ ${BOOTSTRAP_SKIP:-0} == 1 ]] && exit 0

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# What the build needs (C toolchain, the libraries of DESIGN.md, cmocka, the web client's node).
build_pkgs=(
	gcc make pkg-config
	libmicrohttpd-dev libjansson-dev libsqlite3-dev libpq-dev libhiredis-dev libsodium-dev
	libjwt-dev libcurl4-openssl-dev libssl-dev libzip-dev libxml2-dev libmagic-dev libvips-dev
	libzxcvbn-dev libcmocka-dev libqpdf-dev
)
# What the tests add: the scaled backends, the nginx baseline and wrk, the browser, CLI clients,
# an SMTP sink (aiosmtpd).
test_pkgs=(postgresql redis-server nginx-light wrk chromium sqlite3 curl python3-aiosmtpd)

want=("${build_pkgs[@]}")
[[ $mode == test ]] && want+=("${test_pkgs[@]}")

# node and npm may come from elsewhere (NodeSource, nvm): ask the PATH, not dpkg.
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

# One dpkg-query for the whole list. Unknown packages print nothing on stdout (an error on
# stderr), so anything not reported as "install ok installed" is missing.
declare -A ok=()
while read -r name status; do
	[[ $status == "install ok installed" ]] && ok[$name]=1
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${want[@]}" 2>/dev/null || true)
for p in "${want[@]}"; do
	[[ -n ${ok[$p]:-} ]] || missing+=("$p")
done

if ((${#missing[@]})); then
	install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
	if [[ $(id -u) != 0 ]]; then
		echo "bootstrap: missing Debian packages: ${missing[*]}" >&2
		echo "bootstrap: run this as root, then try again:" >&2
		echo "  sudo sh -c '$install_cmd'" >&2
		exit 1
	fi
	echo "bootstrap: installing ${missing[*]}" >&2
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# npm ci where a lock file exists and node_modules is missing or older than the lock file.
# The stamp lives inside node_modules so that deleting node_modules forces a reinstall.
npm_ci() {
	local dir=$1 stamp=$1/node_modules/.bootstrap-stamp
	[[ -f $dir/package-lock.json ]] || return 0
	if [[ ! -d $dir/node_modules || ! -f $stamp || $dir/package-lock.json -nt $stamp ]]; then
		echo "bootstrap: npm ci in ${dir#"$root"/}" >&2
		(cd "$dir" && npm ci --no-audit --no-fund)
		mkdir -p "$dir/node_modules" && touch "$stamp"
	fi
}
npm_ci "$root/web"
[[ $mode == test ]] && npm_ci "$root/tests"
exit 0
