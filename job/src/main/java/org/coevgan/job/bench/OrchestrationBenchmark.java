package org.coevgan.job.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.job.CoevGanMain;
import org.coevgan.dataprep.SparkSessions;

/**
 * Orchestration cost per generation: the real job with tiny networks ({@code tiny-4lp}, about
 * 340 KB of state per cell) and one small batch per cell, so that scheduling, the migration
 * shuffle and the state round trip through Parquet dominate. Overhead = generation wall time - (sum of the cells' own time / task slots).
 */
public final class OrchestrationBenchmark {
  private OrchestrationBenchmark() {}

  /** Wall time, compute and overhead of one generation, in seconds, medians over generations. */
  public record Result(int cells, double wallSeconds, double computeSeconds) {
    /** Returns wall time minus compute. */
    public double overheadSeconds() {
      return Math.max(0, wallSeconds - computeSeconds);
    }
  }

  /**
   * Runs a rows x columns grid for the given generations and measures generations 2 onwards: the
   * first pays for warming up the JVM and native code.
   */
  public static Result run(String data, Path output, int rows, int columns, int generations) {
    String[] args = {
      "--config", "conf/test-tiny.yaml", "--output", output.toString(),
      "--set", "data.path=" + data, "--set", "grid.rows=" + rows,
      "--set", "grid.columns=" + columns,
      "--set", "generations=" + generations, "--set", "training.batch-size=10",
      "--set", "training.batches-per-generation=1", "--set", "fitness.sample-size=10",
      "--set", "mixture.steps=0", "--set", "samples.per-cell=1",
      "--set", "network.preset=tiny-4lp"
    };
    int exit = CoevGanMain.run(args);
    if (exit != 0) {
      throw new IllegalStateException("Cannot measure orchestration: the " + rows + "x" + columns
          + " run exited with " + exit + "; see its log");
    }
    return measure(output, rows * columns);
  }

  private static Result measure(Path output, int cells) {
    SparkSession spark = SparkSessions.forJob("orchestration figures");
    try {
      int slots = spark.sparkContext().defaultParallelism();
      List<Row> rows = spark.read().parquet(output.resolve("metrics").toString())
          .where(col("generation").geq(2))
          .groupBy("generation")
          .agg(org.apache.spark.sql.functions.max("generation_wall_ms"),
              org.apache.spark.sql.functions.sum("cell_total_ms"))
          .collectAsList();
      double[] wall = rows.stream().mapToDouble(r -> r.getLong(1) / 1000.0).sorted().toArray();
      double[] compute = rows.stream()
          .mapToDouble(r -> r.getLong(2) / 1000.0 / Math.min(slots, cells)).sorted().toArray();
      return new Result(cells, wall[wall.length / 2], compute[compute.length / 2]);
    } finally {
      spark.stop();
    }
  }
}
