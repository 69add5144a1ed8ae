# Shared part of the cluster submit scripts; sourced after common.sh.
# Builds the cluster jar if needed, checks SPARK_HOME, echoes and runs spark-submit with the
# Java 17 flags on driver and executors and one ND4J thread per task slot.

require_spark_home() {
  require_variable SPARK_HOME "point it at a Spark 3.5 (Scala 2.12) installation"
  [ -x "$SPARK_HOME/bin/spark-submit" ] \
    || fail "$EXIT_ENVIRONMENT" "cannot find $SPARK_HOME/bin/spark-submit; check SPARK_HOME"
}

cluster_submit() {
  local master="$1"
  shift
  local submit="$SPARK_HOME/bin/spark-submit"
  local opens="${JAVA17_OPENS[*]}"
  local command=("$submit" --master "$master"
    --conf "spark.driver.extraJavaOptions=$opens"
    --conf "spark.executor.extraJavaOptions=$opens"
    --conf spark.task.cpus="${COEVGAN_TASK_CPUS:-1}"
    --conf spark.executor.cores="${COEVGAN_EXECUTOR_CORES:-1}"
    --conf spark.executor.memory="${COEVGAN_EXECUTOR_MEMORY:-6g}"
    --driver-memory "${COEVGAN_DRIVER_MEMORY:-8g}"
    ${COEVGAN_SPARK_CONF:-}
    "$@")
  echo_command "${command[@]}"
  "${command[@]}"
}
