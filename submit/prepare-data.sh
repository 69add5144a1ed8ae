#!/usr/bin/env bash
# Prepares the real image tables the presets in conf/ read, under target/data/:
#
#   submit/prepare-data.sh fashion-mnist   60,000 Fashion-MNIST training images
#                                          (installs the Debian package dataset-fashion-mnist
#                                          when it is missing; needs root for that)
#   submit/prepare-data.sh mnist-test      the 10,000 MNIST test images from ../shared/data
#
# A table that already exists is kept (delete its folder to prepare it again).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

FASHION_DIR=/usr/share/datasets/fashion-mnist
SHARED_MNIST="${COEVGAN_SHARED_DATA:-$PROJECT_ROOT/../shared/data}/mnist"

usage() {
  print_usage_and_exit
}

install_fashion_mnist() {
  [ -f "$FASHION_DIR/train-images-idx3-ubyte.gz" ] && return
  echo "installing the Debian package dataset-fashion-mnist..." >&2
  [ "$(id -u)" = 0 ] || fail "$EXIT_ENVIRONMENT" \
    "dataset-fashion-mnist is not installed; run: sudo apt-get install -y dataset-fashion-mnist"
  (apt-get install -y -qq dataset-fashion-mnist >&2 \
    || (apt-get update -qq >&2 && apt-get install -y -qq dataset-fashion-mnist >&2)) \
    || fail "$EXIT_ENVIRONMENT" "cannot install dataset-fashion-mnist with apt-get"
}

prepare() {
  local images="$1" labels="$2" output="$3"
  if [ -d "$output" ]; then
    echo "keeping the existing table $output" >&2
    return
  fi
  [ -f "$images" ] || fail "$EXIT_BAD_INPUT" "cannot find $images"
  mkdir -p "$(dirname "$output")"
  "$PROJECT_ROOT/submit/run-local.sh" PrepareIdx --images "$images" --labels "$labels" \
    --output "$output"
}

[ $# -eq 1 ] || usage
case "$1" in
  fashion-mnist)
    install_fashion_mnist
    prepare "$FASHION_DIR/train-images-idx3-ubyte.gz" "$FASHION_DIR/train-labels-idx1-ubyte.gz" \
      "$PROJECT_ROOT/target/data/fashion-mnist-train"
    ;;
  mnist-test)
    prepare "$SHARED_MNIST/t10k-images-idx3-ubyte.gz" "$SHARED_MNIST/t10k-labels-idx1-ubyte.gz" \
      "$PROJECT_ROOT/target/data/mnist-test"
    ;;
  -h|--help) usage ;;
  *) echo "unknown data set '$1'" >&2; usage ;;
esac
