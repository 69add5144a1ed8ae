package org.coevgan.job.driver;

import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
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
 * <p>The write uses Hadoop's second file-commit algorithm, which moves each task's file into the
 * folder when the task commits instead of all of them one by one on the driver at the end of the
 * job. The folder is a hidden temporary one that {@link OutputFolder} renames only after the job
 * succeeded, so no reader can see the files of an unfinished write either way.
 */
public final class StateStore {
  /** Parquet codec of the state files; tests check the written footers against it. */
  public static final String CODEC = "uncompressed";

  private static final String DICTIONARY = "parquet.enable.dictionary";
  private static final String COMMIT_ALGORITHM = "mapreduce.fileoutputcommitter.algorithm.version";

  private final SparkSession spark;
  private final OutputFolder output;

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

  /** Runs the plan that produces the rows and commits them as the generation's state. */
  public void write(JavaRDD<Row> rows, int generation) {
    output.writeAtomically(pathOf(generation), folder -> spark
        .createDataFrame(rows, CellStateRows.SCHEMA)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", CODEC)
        .option(DICTIONARY, "false")
        .option(COMMIT_ALGORITHM, "2")
        .parquet(folder));
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
