#!/usr/bin/env bash
# Checks a dataset file as the build does and prints every problem at once,
# each as FILE:LINE:COLUMN: path: message. Exits non-zero when there is one.
#   scripts/validate.sh data/my-report.json
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: scripts/validate.sh FILE" >&2; exit 2; }
file=$(realpath -- "$1")
cd "$(dirname "$0")/.."
exec cargo run --quiet --profile prerender -p prerender --bin validate -- "$file"
