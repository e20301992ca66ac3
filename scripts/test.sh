#!/usr/bin/env bash
# Installs what is missing, then runs every test layer:
#   1. native: the domain, dataset validation, URL state, native rendering,
#      and the pre-render step (page heads, preview images);
#   2. components: wasm-bindgen-test in headless Chromium;
#   3. end to end: Playwright on the release build (pre-rendered) served by
#      nginx on localhost, and the first view's size budget; then the site of
#      a second report built with EE_DATASET, and a site of three reports
#      built with EE_REPORTS (and the build refusing bad folders).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

printf '\n==> 1/3 Native tests\n'
cargo test --locked --workspace

printf '\n==> 2/3 Component tests in headless Chromium\n'
cargo test --locked --target wasm32-unknown-unknown --test web

printf '\n==> 3/3 End-to-end tests on the release build\n'
trunk build --offline --release
node --test --test-concurrency=1 end2end/

printf '\n==> 3/3 (second report) The site of another dataset, built with EE_DATASET\n'
EE_DATASET=tests/fixtures/acme-q3-2025.json trunk build --offline --release --dist target/acme-dist
node --test end2end/second-report.mjs

printf '\n==> 3/3 (many reports) A site of three reports, built with EE_REPORTS\n'
EE_REPORTS=tests/fixtures/season trunk build --offline --release --dist target/season-dist
node --test end2end/season.mjs
# Last: the refused EE_DATASET build changes the crate's build setting, which the builds above would redo.
node --test end2end/season-refused.mjs
