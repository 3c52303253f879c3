#!/usr/bin/env bash
# bench/media.sh: manuscript validation and cover thumbnail timings, with reference tools beside.
#
# Builds bench/media_bench.c against build/libmangu.a (run `make` first) and times, in one go:
#   1. validate + extract for every file of the shared test data, in-process and isolated (the
#      forked, rlimited child media_check_manuscript uses by default), N runs each;
#   2. a thumbnail set (WebP and JPEG at 160, 320, 640 px) for each EPUB's cover and for
#      generated 1600x2400 and 4000x6000 JPEG covers;
#   3. reference points with hyperfine when present: `unzip -tq` (reads every entry of the EPUB,
#      which our check does not need), `qpdf --check` and `vipsthumbnail` (one width, one format),
#      each including its process start.
# Wall-clock times are medians with the 10th-90th percentile; CPU times (all threads and reaped
# children) are medians too, and steadier on a busy machine. Prints Markdown tables; also writes them to bench/results/media-<UTC date and time>.md.
#
# Settings (environment): N=30 (runs per measurement), MANGU_TESTDATA=../shared/testdata
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

N=${N:-30}
DATA=${MANGU_TESTDATA:-../shared/testdata}
PKGS="jansson libsodium libmagic libzip libxml-2.0 vips libqpdf"

die() {
	echo "bench: $*" >&2
	exit 1
}
[[ -f build/libmangu.a ]] || die "build/libmangu.a not found; build first (make)"
[[ -d $DATA/epub && -d $DATA/pdf ]] || die "no test data in $DATA (set MANGU_TESTDATA)"

mkdir -p build/bench bench/results
# shellcheck disable=SC2046,SC2086
cc -O2 -g -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wno-unused-parameter -Isrc \
	$(pkg-config --cflags $PKGS) bench/media_bench.c build/libmangu.a \
	$(make -s --no-print-directory -f - <<<'include Makefile
print-ldlibs: ; @echo $(LDLIBS)' print-ldlibs) -o build/bench/media_bench

out=bench/results/media-$(date -u +%Y%m%dT%H%M%SZ).md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
	echo "### $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N"
	echo
	echo "#### Validate + extract (median, p10-p90)"
	echo
	build/bench/media_bench -n "$N" manuscripts "$DATA"/epub/*.epub "$DATA"/pdf/*.pdf
	echo
	echo "#### Cover thumbnail sets (median, p10-p90)"
	echo
	build/bench/media_bench -n "$N" covers "$DATA"/epub/*.epub
	if command -v hyperfine >/dev/null; then
		echo
		echo "#### Reference tools (hyperfine, process start included)"
		echo
		unzip -p "$DATA/epub/epub3-alice-cover.epub" OPS/images/cover_th.jpg >"$tmp/cover.jpg"
		cmds=("unzip -tq $DATA/epub/epub3-alice-cover.epub"
			"unzip -tq $DATA/epub/epub2-alice-gutenberg-cover.epub")
		command -v qpdf >/dev/null && cmds+=("qpdf --check $DATA/pdf/hello-world-2pages.pdf")
		command -v vipsthumbnail >/dev/null &&
			cmds+=("vipsthumbnail $tmp/cover.jpg -s 640x -o $tmp/t.webp[strip]")
		hyperfine -N -i --warmup 3 --runs "$N" --export-markdown "$tmp/ref.md" "${cmds[@]}" \
			>/dev/null 2>&1 || true
		cat "$tmp/ref.md" 2>/dev/null || echo "(hyperfine failed)"
	fi
} | tee "$out"
echo "bench: written to $out" >&2
