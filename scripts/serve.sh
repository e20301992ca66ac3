#!/usr/bin/env bash
# Installs what is missing, then builds the app and serves it on
# http://127.0.0.1:8080 (rebuilding on change). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
printf '\n==> Serving Earnings Explorer on http://127.0.0.1:%s\n' "${PORT:-8080}"
exec trunk serve --offline --release --port "${PORT:-8080}"
