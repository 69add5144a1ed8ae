package org.coevgan.dataprep;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the Spark session of a CoevGAN main class. Under spark-submit the master and all
 * settings come from the submit command; run directly (tests, an IDE) it falls back to
 * {@code local[*]}. Local masters bind to 127.0.0.1 and run without the web UI unless told
 * otherwise. Local files go through {@link ForklessLocalFileSystem} unless the submit command
 * names another {@code fs.file.impl}.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Returns a session for the named application. */
  public static SparkSession forJob(String appName) {
    SparkConf conf = withDefaults(new SparkConf().setAppName(appName));
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * Fills in what the submit command left unset: a local master with its loopback settings,
   * eight shuffle partitions, and the forkless local file system.
   */
  static SparkConf withDefaults(SparkConf conf) {
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1")
          .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
          .setIfMissing("spark.ui.enabled", "false");
    }
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    if (!conf.contains("spark.hadoop.fs.file.impl")) {
      // Uncached, so that no plain local file system cached before this session (spark-submit
      // lists jars through one) is handed out instead.
      conf.set("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName())
          .set("spark.hadoop.fs.file.impl.disable.cache", "true");
    }
    return conf;
  }
}
