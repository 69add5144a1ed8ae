# Shared helpers of the submit scripts; sourced, never run on its own.
# Exit codes, one per kind of failure (the job's own codes pass through unchanged):
#   2 usage, 3 bad input (configuration, data), 4 environment (missing tool, file system,
#   cluster), 5 a bug in CoevGAN.
EXIT_USAGE=2
EXIT_BAD_INPUT=3
EXIT_ENVIRONMENT=4

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOB_JAR_GLOB="$PROJECT_ROOT/job/target/coevgan-job-*-cluster.jar"

# The --add-opens flags Spark needs on Java 17 (spark-submit's launcher adds the same set).
JAVA17_OPENS=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
)

# Prints the comment block at the top of the calling script (its usage) and exits.
print_usage_and_exit() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit "$EXIT_USAGE"
}

fail() {
  local code="$1"
  shift
  echo "$(basename "$0"): $*" >&2
  exit "$code"
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || fail "$EXIT_ENVIRONMENT" "cannot find '$1' on PATH; $2"
}

require_variable() {
  [ -n "${!1:-}" ] || fail "$EXIT_USAGE" "environment variable $1 is not set; $2"
}

# Prints three quarters of this machine's memory in megabytes, as JavaCPP reads sizes ("12288m").
three_quarters_of_machine_memory() {
  awk '/^MemTotal:/ { printf "%dm\n", $2 * 3 / 4 / 1024 }' /proc/meminfo
}

# Prints the cluster jar, building it first when it is missing or older than any source file.
# Builds are serialised with a lock: two shells rebuilding the shaded jar at once corrupt it.
job_jar() {
  mkdir -p "$PROJECT_ROOT/target"
  exec 9>"$PROJECT_ROOT/target/.job-jar.lock"
  flock 9
  local jar
  jar=$(ls $JOB_JAR_GLOB 2>/dev/null | head -n 1)
  if [ -z "$jar" ] || [ -n "$(find "$PROJECT_ROOT" -path '*/src/main/*' -newer "$jar" \
      -print -quit 2>/dev/null)" ] || [ "$PROJECT_ROOT/pom.xml" -nt "$jar" ]; then
    require_command mvn "install Maven 3.8+ (apt-get install maven)"
    echo "building the job jar (sources changed; a first build also downloads dependencies)..." >&2
    (cd "$PROJECT_ROOT" && mvn -q -B -Dstyle.color=never -DskipTests install >&2) \
      || fail "$EXIT_ENVIRONMENT" "the Maven build failed; run 'mvn -DskipTests install' to see why"
    jar=$(ls $JOB_JAR_GLOB | head -n 1)
  fi
  flock -u 9
  echo "$jar"
}

# Prints the classpath of Spark itself (the jars the cluster would provide), cached per pom.
spark_classpath() {
  local cache="$PROJECT_ROOT/job/target/spark-classpath.txt"
  if [ ! -s "$cache" ] || [ "$PROJECT_ROOT/pom.xml" -nt "$cache" ]; then
    (cd "$PROJECT_ROOT" && mvn -q -B -Dstyle.color=never -pl job dependency:build-classpath \
        -Dmdep.includeScope=provided -Dmdep.outputFile="$cache" \
        -DexcludeGroupIds=org.coevgan,org.deeplearning4j,org.nd4j,org.bytedeco,org.junit.jupiter,org.junit.platform,org.opentest4j,org.apiguardian >&2) \
      || fail "$EXIT_ENVIRONMENT" "cannot resolve Spark's jars with Maven"
  fi
  cat "$cache"
}

# Prints the command before running it, the long Spark classpath shortened to its source.
echo_command() {
  local shown=()
  for argument in "$@"; do
    if [ ${#argument} -gt 300 ]; then
      shown+=("<job jar>:<Spark jars listed in job/target/spark-classpath.txt>")
    else
      shown+=("$argument")
    fi
  done
  printf 'running:' >&2
  printf ' %q' "${shown[@]}" >&2
  printf '\n' >&2
}
