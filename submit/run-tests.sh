#!/usr/bin/env bash
# Runs CoevGAN's test suite, the command the README and CI use:
#
#   submit/run-tests.sh [extra Maven arguments, e.g. -Pheavy or -pl job]
#
# Installs the Debian package dataset-fashion-mnist when it is missing and this runs as root,
# then runs `mvn -B test` over every module. The tests read the real data in ../shared/data
# beside the checkout (override with COEVGAN_SHARED_DATA).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

case "${1:-}" in -h|--help) print_usage_and_exit ;; esac
require_command mvn "install Maven 3.8+ (apt-get install maven)"
require_command java "install Java 17 (apt-get install openjdk-17-jdk)"

if [ ! -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] && [ "$(id -u)" = 0 ]; then
  echo "installing dataset-fashion-mnist for the tests that read it..." >&2
  (apt-get install -y -qq dataset-fashion-mnist >&2 \
    || (apt-get update -qq >&2 && apt-get install -y -qq dataset-fashion-mnist >&2)) \
    || echo "warning: cannot install dataset-fashion-mnist; tests that need it will say so" >&2
fi

shared="${COEVGAN_SHARED_DATA:-$PROJECT_ROOT/../shared/data}"
[ -d "$shared/mnist" ] || fail "$EXIT_ENVIRONMENT" \
  "cannot find the shared test data in $shared; check out the project beside ../shared"

cd "$PROJECT_ROOT"
exec mvn -B -ntp test -Dcoevgan.shared.data="$(cd "$shared" && pwd)" "$@"
