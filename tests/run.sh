#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, unit tests, the
# integration tests that run the `loa` binary on the fixture sites, every
# page of the example site in a real browser (tests/browser/run.mjs), and the
# benchmarks against Hugo and of cold rebuilds at a small size, to show they
# work (not timed).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
# The spreadsheet tests make their workbooks with openpyxl (tests/fixtures/sheets/make.py).
python3 -c 'import openpyxl' 2>/dev/null || python3 -m pip install --quiet openpyxl
# and an Excel 97–2003 workbook (.xls) with xlwt.
python3 -c 'import xlwt' 2>/dev/null || python3 -m pip install --quiet xlwt
# Word and PDF plans of the tests are made with these (tests/word/).
python3 -m pip install --quiet --disable-pip-version-check python-docx fpdf2
cargo test --locked --workspace

# What the browser tests need and a fresh machine lacks.
need=()
command -v chromium >/dev/null || need+=(chromium fonts-khmeros)
command -v java >/dev/null || need+=(default-jre-headless)
if ((${#need[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent && LOA_BIN=../../target/debug/loa timeout 1500 node run.mjs)
LOA_BIN=target/debug/loa python3 bench/compare.py --runs 1 --only disk --rich 300 >/dev/null
test -s target/bench/compare.csv && test -s target/bench/growth.svg
# Cold rebuilds drop the system's caches, which needs root and a /proc/sys
# that can be written (not in every container).
if [ -w /proc/sys/vm/drop_caches ]; then
  LOA_BIN=target/debug/loa python3 bench/cold.py --runs 1 300 >/dev/null
  test "$(grep -c '^300,' target/bench/cold.csv)" = 3
fi
