package org.coevgan.job.bench;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.job.CoevGanMain;
import org.coevgan.dataprep.SparkSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orchestration cost per generation: the real job with tiny networks ({@code tiny-4lp}, about
 * 340 KB of state per cell) and one small batch per cell, so that scheduling, the migration
 * shuffle and the state round trip through Parquet dominate. Overhead = generation wall time - (sum of the cells' own time / task slots).
 */
public final class OrchestrationBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(OrchestrationBenchmark.class);

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
    replacePreviousRun(output);
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
    if (Files.isDirectory(output)) {
      markAsBenchmarkRun(output);
    }
    if (exit != 0) {
      throw new IllegalStateException("Cannot measure orchestration: the " + rows + "x" + columns
          + " run exited with " + exit + "; see its log");
    }
    return measure(output, rows * columns);
  }

  /**
   * Marks a folder as a run this benchmark made, so that a later benchmark may replace it; runs
   * of the job itself never carry it.
   */
  private static final String MARKER = "_COEVGAN_BENCHMARK_RUN";

  /**
   * Deletes the run an earlier benchmark left in the folder (it carries {@link #MARKER}), so
   * that the same --output can be measured again; refuses any other existing folder or file.
   */
  static void replacePreviousRun(Path output) {
    if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isRegularFile(output.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException("Cannot measure orchestration in " + output
          + ": it exists and is not a run an earlier benchmark made (no " + MARKER
          + " in it); choose another --output or delete it");
    }
    LOG.info("replacing the earlier benchmark run in {}", output);
    try (Stream<Path> paths = Files.walk(output)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the earlier benchmark run in " + output, e);
    }
  }

  static void markAsBenchmarkRun(Path output) {
    try {
      Files.writeString(output.resolve(MARKER), "made by CoevGanBenchmark --figures orchestration;"
          + " the next benchmark with the same --output replaces this folder\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark " + output + " as a benchmark run", e);
    }
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
