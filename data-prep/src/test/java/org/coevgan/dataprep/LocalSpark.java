package org.coevgan.dataprep;

import org.apache.spark.sql.SparkSession;

/** Starts the local Spark session tests share: two cores, loopback only, no web UI. */
final class LocalSpark {
  private LocalSpark() {}

  /** Returns a local[2] session bound to 127.0.0.1. */
  static SparkSession start() {
    return SparkSession.builder()
        .appName("data-prep-tests")
        .master("local[2]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", false)
        .config("spark.sql.shuffle.partitions", 2)
        .getOrCreate();
  }
}
