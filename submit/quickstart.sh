#!/usr/bin/env bash
# The newcomer's one command: prepares Fashion-MNIST (installing its Debian package if needed)
# and trains the quickstart grid (conf/quickstart-fashion-mnist.yaml) in local[*] mode.
#
#   submit/quickstart.sh [OUTPUT_DIR] [--set key=value]...
#
# OUTPUT_DIR defaults to runs/quickstart-<date>-<time> in the project; a relative OUTPUT_DIR
# starts at the folder you call the script from. It must not exist yet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

case "${1:-}" in -h|--help) print_usage_and_exit ;; esac
output="${1:-$PROJECT_ROOT/runs/quickstart-$(date +%Y%m%d-%H%M%S)}"
[ $# -ge 1 ] && shift
# A relative OUTPUT_DIR means the caller's folder, not the project root this script moves to.
case "$output" in /*|*://*) ;; *) output="$PWD/$output" ;; esac

cd "$PROJECT_ROOT"
"$PROJECT_ROOT/submit/prepare-data.sh" fashion-mnist
"$PROJECT_ROOT/submit/run-local.sh" CoevGanJob --config conf/quickstart-fashion-mnist.yaml \
  --output "$output" "$@"
echo "done: samples in $output/samples, metrics in $output/metrics, summary in $output/run.json" >&2
