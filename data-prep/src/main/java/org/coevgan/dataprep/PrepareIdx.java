package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests an MNIST-format IDX image file, and optionally its label file, into a new Parquet
 * image table (see {@link ImageTable}).
 *
 * <p>Run it with {@code spark-submit --class PrepareIdx coevgan-data-prep.jar --images FILE
 * [--labels FILE] --output DIR [--limit N]}; {@code --help} prints the usage. Outside
 * spark-submit it starts a local session bound to 127.0.0.1.
 *
 * <p>The IDX files are local to the driver. They are parsed and checked whole in the driver
 * before Spark starts, so bad data fails within a second; the rows are then written with
 * {@link ImageTable#writeAtomically}, so a failed run leaves no table behind.
 *
 * <p>Exit codes: 0 done; 5 internal error (a bug); 2 bad arguments, including an output folder
 * that already exists; 3 bad data in an input file, including a missing file; 4 environment
 * failure (file system or cluster).
 */
public final class PrepareIdx {
  private static final Logger LOG = LoggerFactory.getLogger(PrepareIdx.class);

  private static final String PROGRAM = "PrepareIdx";

  /**
   * Holds what to ingest and where to write it.
   *
   * @param images the IDX image file
   * @param labels the IDX label file, if any
   * @param output the folder of the new table, any Hadoop path; it must not exist
   * @param limit how many images to keep from the start of the file, at least 1;
   *     {@link IdxReader#NO_LIMIT} keeps all
   */
  public record Options(Path images, Optional<Path> labels, String output, long limit) {
    /** Checks that every option is present and the limit is at least 1. */
    public Options {
      requireNonNull(images, "images");
      requireNonNull(labels, "labels");
      requireNonNull(output, "output");
      if (limit < 1) {
        throw new IllegalArgumentException(
            "Cannot prepare IDX images with limit " + limit + " because the limit must be at"
                + " least 1; pass IdxReader.NO_LIMIT to keep all images");
      }
    }
  }

  private record Input(IdxImages images, Optional<IdxLabels> labels) {
    static Input read(Options options) {
      IdxImages images = IdxReader.readImages(options.images(), options.limit());
      Optional<IdxLabels> labels =
          options.labels().map(file -> IdxReader.readLabels(file, options.limit()));
      labels.ifPresent(kept -> IdxReader.checkSameCount(images, kept));

      return new Input(images, labels);
    }
  }

  private PrepareIdx() {}

  /** Runs PrepareIdx from the command line and exits with the code of its outcome. */
  public static void main(String[] args) {
    int exitCode = execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * Reads the IDX files of {@code options} and writes them as a new image table in
   * {@code spark}, returning the number of images written.
   *
   * @throws BadInputException if an input file holds bad data or is missing
   * @throws IllegalArgumentException if the output folder already exists
   * @throws java.io.UncheckedIOException if the file system fails
   */
  public static long run(SparkSession spark, Options options) {
    long started = System.nanoTime();

    return write(spark, Input.read(options), options.output(), started);
  }

  /** Returns the exit code for a command line, printing usage or logging failures. */
  static int execute(String[] args) {
    if (PrepareIdxArguments.asksForHelp(args)) {
      System.out.println(PrepareIdxArguments.USAGE);
      return 0;
    }

    try {
      runInNewSession(PrepareIdxArguments.parse(args));
      return 0;
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      System.err.println(PrepareIdxArguments.USAGE);
      return FailureKind.BAD_ARGUMENTS.exitCode();
    } catch (Exception e) {
      // Spark's Scala code throws checked exceptions such as SparkException undeclared.
      return FailureKind.of(e).report(LOG, PROGRAM, e);
    }
  }

  private static void runInNewSession(Options options) {
    long started = System.nanoTime();
    Input input = Input.read(options);

    SparkSession spark = SparkSessions.forJob(PROGRAM);
    try {
      write(spark, input, options.output(), started);
    } finally {
      spark.stop();
    }
  }

  private static long write(SparkSession spark, Input input, String output, long started) {
    IdxImages images = input.images();
    Dataset<Row> rows = ImageRows.of(spark, images, input.labels());
    ImageTable.writeAtomically(spark, rows, output);

    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    LOG.info("Prepared the image table from IDX files images={} labels={} height={} width={}"
            + " output={} elapsedMs={}",
        images.count(), input.labels().map(IdxLabels::count).orElse(0), images.height(),
        images.width(), output, elapsedMs);

    return images.count();
  }
}
