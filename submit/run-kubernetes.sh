#!/usr/bin/env bash
# Submits a CoevGAN main class to Kubernetes in cluster mode.
#
#   SPARK_HOME=/opt/spark K8S_API=https://host:6443 COEVGAN_IMAGE=registry/coevgan:0.1.0 \
#     submit/run-kubernetes.sh <MainClass> [arguments...]
#
# COEVGAN_IMAGE is a Spark 3.5 (Scala 2.12, Java 17) image with the cluster jar copied to
# /opt/coevgan/coevgan-job-cluster.jar (build it from Spark's docker-image-tool with the jar
# added). --config, --output and data.path must be reachable from the pods (a volume or
# object store). Environment: as run-standalone.sh, plus COEVGAN_NAMESPACE (default "default"),
# COEVGAN_SERVICE_ACCOUNT (default "spark").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/cluster-common.sh"

[ $# -ge 1 ] && [ "$1" != "--help" ] || print_usage_and_exit
require_spark_home
require_variable K8S_API "set it to the Kubernetes API server URL"
require_variable COEVGAN_IMAGE "set it to a Spark image that holds the CoevGAN cluster jar"
main_class="$1"
shift
cluster_submit "k8s://$K8S_API" --deploy-mode cluster \
  --conf spark.kubernetes.container.image="$COEVGAN_IMAGE" \
  --conf spark.kubernetes.namespace="${COEVGAN_NAMESPACE:-default}" \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName="${COEVGAN_SERVICE_ACCOUNT:-spark}" \
  --class "$main_class" local:///opt/coevgan/coevgan-job-cluster.jar "$@"
