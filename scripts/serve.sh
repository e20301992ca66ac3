#!/usr/bin/env bash
# Installs what is missing, then builds the app and serves it on
# http://127.0.0.1:8080 (rebuilding on change). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Absolute links in the pre-rendered heads point at this server unless told otherwise.
export EE_PUBLIC_URL=${EE_PUBLIC_URL:-http://127.0.0.1:${PORT:-8080}/}
printf '\n==> Serving Earnings Explorer on http://127.0.0.1:%s/ (example article: /examples/article.html)\n' "${PORT:-8080}"
exec trunk serve --offline --release --no-autoreload --port "${PORT:-8080}"
