package org.coevgan.udf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Exposes the Parquet outputs of a run folder as temporary views: {@code metrics} (every
 * generation and cell), {@code state} (the grid after the last generation kept) and, when the
 * run has them, {@code scores}. Registers the CoevGAN functions too.
 */
public final class RunTables {
  private RunTables() {}

  /** Registers the run's views and returns their names. */
  public static List<String> register(SparkSession spark, String runFolder) {
    CoevGanFunctions.register(spark);
    List<String> views = new ArrayList<>();
    Path root = new Path(runFolder);
    if (exists(spark, new Path(root, "metrics"))) {
      spark.read().parquet(new Path(root, "metrics").toString()).createOrReplaceTempView("metrics");
      views.add("metrics");
    }
    String latest = latestState(spark, new Path(root, "state"));
    if (latest != null) {
      spark.read().parquet(latest).createOrReplaceTempView("state");
      views.add("state");
    }
    if (exists(spark, new Path(root, "scores"))) {
      spark.read().parquet(new Path(root, "scores").toString()).createOrReplaceTempView("scores");
      views.add("scores");
    }
    if (views.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot query " + runFolder + ": it holds no metrics/, state/ or scores/ folder yet; "
              + "pass the --output folder of a CoevGanJob run (a run writes them from its first "
              + "generation on; its run.json tells how far it got)");
    }
    return views;
  }

  private static String latestState(SparkSession spark, Path stateFolder) {
    try {
      FileSystem fileSystem = stateFolder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fileSystem.exists(stateFolder)) {
        return null;
      }
      String latest = null;
      for (FileStatus status : fileSystem.listStatus(stateFolder)) {
        String name = status.getPath().getName();
        if (name.startsWith("generation-") && (latest == null || name.compareTo(latest) > 0)) {
          latest = name;
        }
      }
      return latest == null ? null : new Path(stateFolder, latest).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + stateFolder, e);
    }
  }

  private static boolean exists(SparkSession spark, Path path) {
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + path, e);
    }
  }
}
