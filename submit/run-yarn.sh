#!/usr/bin/env bash
# Submits a CoevGAN main class to YARN in cluster mode.
#
#   SPARK_HOME=/opt/spark HADOOP_CONF_DIR=/etc/hadoop/conf \
#     submit/run-yarn.sh <MainClass> [arguments...]
#
# The driver runs inside the cluster, so --config must name a file the driver can read: pass it
# with COEVGAN_FILES=conf/my-run.yaml (shipped with --files; then use --config my-run.yaml) or put
# it on HDFS. --output and data.path should be hdfs:// paths. For GPU nodes build with
# `mvn -Pcuda -DskipTests install` and set COEVGAN_SPARK_CONF to request one GPU per task.
# Environment: as run-standalone.sh, plus COEVGAN_QUEUE (default "default"), COEVGAN_FILES.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster-common.sh"

[ $# -ge 1 ] && [ "$1" != "--help" ] || print_usage_and_exit
require_spark_home
require_variable HADOOP_CONF_DIR "point it at the cluster's Hadoop configuration folder"
main_class="$1"
shift
files=()
[ -n "${COEVGAN_FILES:-}" ] && files=(--files "$COEVGAN_FILES")
cluster_submit yarn --deploy-mode cluster --queue "${COEVGAN_QUEUE:-default}" "${files[@]}" \
  --class "$main_class" "$(job_jar)" "$@"
