package org.coevgan.job.driver;

import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.job.cell.CellState;

/**
 * The grid state in Parquet under {@code state/generation-NNNN/}, one file per cell, written
 * after every generation and read back at the start of the next, so that Spark's lineage never
 * grows beyond one generation and a lost task only re-runs its own generation.
 *
 * <p>Blobs are stored uncompressed: float32 weights barely compress, and Spark 3.5's Parquet
 * reader decompresses Snappy pages that hold multi-megabyte binary values in quadratic time (a
 * trial took minutes for a few dozen cells). They are stored without dictionary encoding too:
 * no two blobs are equal, yet Parquet's dictionary writer hashes every one of their bytes before
 * falling back to plain encoding, which took a seventh of a generation's task time in a profile.
 *
 * <p>Each task writes and commits its own cell's file ({@link CellStateFiles}) into a hidden
 * temporary folder that {@link OutputFolder} renames only after the job succeeded, so no reader
 * can see the files of an unfinished write.
 */
public final class StateStore {
  /** Parquet codec of the state files; tests check the written footers against it. */
  public static final String CODEC = "uncompressed";


  private final SparkSession spark;
  private final OutputFolder output;
  private Broadcast<CellStateFiles.HadoopConfiguration> hadoopConfiguration;

  /** Creates the store of a run's output folder. */
  public StateStore(SparkSession spark, OutputFolder output) {
    this.spark = spark;
    this.output = output;
  }

  /** Returns the folder name of a generation, e.g. generation-0003. */
  public static String folderName(int generation) {
    return String.format(Locale.ROOT, "generation-%04d", generation);
  }

  /** Returns the qualified path of a generation's state. */
  public Path pathOf(int generation) {
    return output.resolve("state/" + folderName(generation));
  }

  /**
   * Runs the plan that produces the rows and commits them as the generation's state: each task
   * writes its cell's file itself ({@link CellStateFiles}).
   */
  public void write(JavaRDD<Row> rows, int generation) {
    Broadcast<CellStateFiles.HadoopConfiguration> conf = hadoopConfiguration();
    output.writeAtomically(pathOf(generation), folder -> {
      createFolder(new Path(folder));
      rows.foreachPartition(cells -> CellStateFiles.write(cells, folder, conf.value().value()));
      CellStateFiles.removeAttemptLeftovers(folder, spark.sparkContext().hadoopConfiguration());
    });
  }

  /** Creates the folder the tasks write into; they create their files only inside it. */
  private void createFolder(Path folder) {
    try {
      folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).mkdirs(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot create " + folder, e);
    }
  }

  /** Returns the run's Hadoop configuration as a broadcast, made on first use. */
  private Broadcast<CellStateFiles.HadoopConfiguration> hadoopConfiguration() {
    if (hadoopConfiguration == null) {
      hadoopConfiguration = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(
          new CellStateFiles.HadoopConfiguration(spark.sparkContext().hadoopConfiguration()));
    }
    return hadoopConfiguration;
  }

  /** Returns the cells of a committed generation. */
  public JavaRDD<CellState> read(int generation) {
    return spark
        .read()
        .schema(CellStateRows.SCHEMA)
        .parquet(pathOf(generation).toString())
        .javaRDD()
        .map(CellStateRows::fromRow);
  }

  /** Returns the bytes a committed generation's state occupies. */
  public long bytesOf(int generation) {
    try {
      Path path = pathOf(generation);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .getContentSummary(path).getLength();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot measure " + pathOf(generation), e);
    }
  }

  /** Deletes the state of a generation that is no longer needed. */
  public void delete(int generation) {
    output.deleteQuietly(pathOf(generation));
  }
}
