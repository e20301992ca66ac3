#!/usr/bin/env bash
# Installs what is missing, builds the release (with its pre-rendered pages),
# and measures it in headless Chromium beside a script-free floor; then a
# report of a site of many reports (EE_REPORTS) beside its one-report site.
# Prints a table and writes bench/results.json. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --offline --release
EE_REPORTS=tests/fixtures/season trunk build --offline --release --dist target/season-dist
node bench/bench.mjs
