#!/usr/bin/env bash
# Prints the wasm's weight by crate and by the project's own modules, so the
# next change that adds bytes is seen. Builds the release first (unless
# --no-build), installs twiggy 0.8.0 once if missing.
#   scripts/size.sh            build, then print the breakdown
#   scripts/size.sh --no-build print it for the current build
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if ! twiggy --version 2>/dev/null | grep -q " 0.8.0"; then
  printf '\n==> Installing twiggy 0.8.0 (once)\n'
  cargo install twiggy --version 0.8.0 --locked
fi
[[ ${1:-} == --no-build ]] || trunk build --offline --release
# The wasm before wasm-opt keeps its function names.
twiggy top -n 1000000 --format csv target/wasm32-unknown-unknown/release/earnings-explorer.wasm \
  | node bench/size.mjs
