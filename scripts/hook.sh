#!/usr/bin/env bash
# Trunk's build hooks (Trunk.toml), run with Trunk's TRUNK_STAGING_DIR and TRUNK_DIST_DIR:
#   scripts/hook.sh check      before Trunk builds anything: builds the pre-render (the crate's
#                              build script checks the dataset, EE_DATASET) and runs its --check,
#                              which reads the folder of reports (EE_REPORTS); each names every
#                              bad file and its problem;
#   scripts/hook.sh prerender  after the build: pre-renders every view (prerender/).
# When either fails, the build stops with nothing half-written: Trunk's staging folder goes, and
# the output folder too if that leaves it empty. An earlier build in it stays whole.
set -uo pipefail
cd "$(dirname "$0")/.."
case ${1:-} in
  check) cargo run --quiet --profile prerender -p prerender -- --check ;;
  prerender) cargo run --quiet --profile prerender -p prerender ;;
  *) echo "usage: scripts/hook.sh check|prerender" >&2; exit 2 ;;
esac
status=$?
if ((status != 0)); then
  # Trunk's staging folder is <dist>/.stage; never remove anything else.
  if [[ ${TRUNK_STAGING_DIR:-} == */.stage ]]; then
    rm -rf -- "$TRUNK_STAGING_DIR"
    rmdir -- "${TRUNK_DIST_DIR:-/nonexistent}" 2>/dev/null
  fi
  echo "The build stopped: nothing was written to ${TRUNK_DIST_DIR:-dist}." >&2
fi
exit "$status"
