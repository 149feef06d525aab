#!/usr/bin/env bash
# Times `loa build` of the example site with POINTS enrollment points and
# VISITS mobile-team visits (defaults 10,000 and 50,000), into a folder on
# disk and into memory (/dev/shm), and reports peak memory.
# Usage: bench/points.sh [POINTS] [VISITS]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
cargo build --release --locked --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" /dev/shm/loa-bench-out' EXIT
python3 bench/gen_site.py "$tmp/site" "${1:-10000}" "${2:-50000}"
loa=target/release/loa
hyperfine --warmup 1 --runs 3 \
  "$loa build --root $tmp/site --output $tmp/out --now 2026-11-22" \
  "$loa build --root $tmp/site --output /dev/shm/loa-bench-out --now 2026-11-22" \
  "$loa check --root $tmp/site --now 2026-11-22"
/usr/bin/time -v "$loa" build --root "$tmp/site" --output "$tmp/out" --now 2026-11-22 2>&1 \
  | grep -E "Built|Maximum resident set size|Elapsed \(wall"
echo "files: $(find "$tmp/out" -type f | wc -l), size: $(du -sh "$tmp/out" | cut -f1)"
# The floor on this disk: copying the same files, and deleting them.
hyperfine --runs 3 --prepare "rm -rf $tmp/copy" "cp -r $tmp/out $tmp/copy"
