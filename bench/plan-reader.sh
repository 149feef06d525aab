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
# In memory when the machine has /dev/shm, so that the disk does not decide.
tmp=$(mktemp -d -p "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )")
trap 'rm -rf "$tmp"' EXIT
python3 bench/gen_plan.py "${1:-1000000}" > "$tmp/plan.txt"
echo "plan: $(wc -c < "$tmp/plan.txt") bytes, $(wc -l < "$tmp/plan.txt") lines"
hyperfine --warmup 3 --runs 30 --export-json "$tmp/times.json" \
  "target/release/loa import $tmp/plan.txt --output $tmp/plan.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"median {r['median']*1000:.1f} ms\")" "$tmp/times.json"
/usr/bin/time -v target/release/loa import "$tmp/plan.txt" --output "$tmp/plan.json" 2>&1 \
  | grep -E "Maximum resident set size|Elapsed \(wall"
