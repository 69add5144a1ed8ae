package org.coevgan.dataprep;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the Spark session of a CoevGAN main class. Under spark-submit the master and all
 * settings come from the submit command; run directly (tests, an IDE) it falls back to
 * {@code local[*]}. Local masters bind to 127.0.0.1 and run without the web UI unless told
 * otherwise.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Returns a session for the named application. */
  public static SparkSession forJob(String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1")
          .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
          .setIfMissing("spark.ui.enabled", "false");
    }
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    return SparkSession.builder().config(conf).getOrCreate();
  }
}
