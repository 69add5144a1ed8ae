#!/usr/bin/env bash
# Runs a CoevGAN main class in local[*] mode on this machine, without a Spark installation:
# Spark's own submit entry point (org.apache.spark.deploy.SparkSubmit) from the Maven jars, with
# the Java 17 flags Spark needs, the driver bound to 127.0.0.1, and the job jar built if needed.
#
#   submit/run-local.sh <MainClass> [arguments...]
#   submit/run-local.sh CoevGanJob --config conf/test-tiny.yaml --output runs/tiny
#   submit/run-local.sh PrepareIdx --images FILE --labels FILE --output DIR
#
# Environment: COEVGAN_DRIVER_MEMORY (Java heap, default 8g), COEVGAN_PROCESS_MEMORY (cap on the
# whole process, heap plus ND4J's native arrays; default three quarters of this machine's memory),
# COEVGAN_MASTER (default local[*]), COEVGAN_SPARK_CONF (extra "--conf key=value" arguments).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  print_usage_and_exit
}

[ $# -ge 1 ] || usage
case "$1" in -h|--help) usage ;; esac
main_class="$1"
shift

require_command java "install Java 17 (apt-get install openjdk-17-jdk)"
jar=$(job_jar)
# The query and report tools live in thin jars next to the job jar; their dependencies are in it.
extra=$(ls "$PROJECT_ROOT"/udf/target/coevgan-udf-*.jar \
  "$PROJECT_ROOT"/notebooks-export/target/coevgan-notebooks-export-*.jar 2>/dev/null \
  | grep -v -e sources -e tests | tr '\n' ':')
classpath="$jar:$extra$(spark_classpath)"
memory="${COEVGAN_DRIVER_MEMORY:-8g}"
process_memory="${COEVGAN_PROCESS_MEMORY:-$(three_quarters_of_machine_memory)}"
master="${COEVGAN_MASTER:-local[*]}"

export SPARK_LOCAL_IP=127.0.0.1
# ND4J keeps network arrays off the Java heap. JavaCPP's cap on the process's resident memory
# makes it collect garbage and, failing that, throw a named OutOfMemoryError, where without it a
# convolutional run beside other programs grew to 14 GB and the kernel killed it without a word.
command=(java -Xmx"$memory" -Dorg.bytedeco.javacpp.maxphysicalbytes="$process_memory"
  "${JAVA17_OPENS[@]}"
  -Dlog4j2.configurationFile="$PROJECT_ROOT/submit/log4j2.properties"
  -cp "$classpath" org.apache.spark.deploy.SparkSubmit
  --master "$master"
  --conf spark.driver.host=127.0.0.1
  --conf spark.driver.bindAddress=127.0.0.1
  --conf spark.ui.enabled=false
  ${COEVGAN_SPARK_CONF:-}
  --class "$main_class" "$jar" "$@")
echo_command "${command[@]}"
exec "${command[@]}"
