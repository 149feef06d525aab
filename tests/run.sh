#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, unit tests and the
# integration tests that run the `loa` binary on the fixture sites.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked --all-targets
