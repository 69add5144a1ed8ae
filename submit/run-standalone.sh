#!/usr/bin/env bash
# Submits a CoevGAN main class to a Spark standalone cluster.
#
#   SPARK_HOME=/opt/spark SPARK_MASTER_URL=spark://host:7077 \
#     submit/run-standalone.sh <MainClass> [arguments...]
#
# Every path in the arguments (--config, --output, data.path) must be readable by the driver and
# the executors: a shared file system or hdfs://. One cell runs per task slot; give each cell
# more cores with COEVGAN_TASK_CPUS (ND4J then uses that many threads per cell).
# Environment: COEVGAN_EXECUTOR_CORES (default 1), COEVGAN_EXECUTOR_MEMORY (6g),
# COEVGAN_DRIVER_MEMORY (8g), COEVGAN_TASK_CPUS (1), COEVGAN_SPARK_CONF (extra --conf pairs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster-common.sh"

[ $# -ge 1 ] && [ "$1" != "--help" ] || print_usage_and_exit
require_spark_home
require_variable SPARK_MASTER_URL "set it to the master, e.g. spark://127.0.0.1:7077"
main_class="$1"
shift
cluster_submit "$SPARK_MASTER_URL" --deploy-mode client --class "$main_class" "$(job_jar)" "$@"
