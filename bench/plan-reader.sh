#!/usr/bin/env bash
# Times the plan reader: `loa import` on a generated plan document of
# SIZE bytes (default 1 MB) in the layout of the seed plans.
# Usage: bench/plan-reader.sh [SIZE]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi
cargo build --release --locked --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 bench/gen_plan.py "${1:-1000000}" > "$tmp/plan.txt"
echo "plan: $(wc -c < "$tmp/plan.txt") bytes, $(wc -l < "$tmp/plan.txt") lines"
hyperfine --warmup 2 --runs 10 "target/release/loa import $tmp/plan.txt --output $tmp/plan.json"
/usr/bin/time -v target/release/loa import "$tmp/plan.txt" --output "$tmp/plan.json" 2>&1 \
  | grep -E "Maximum resident set size|Elapsed \(wall"
