package org.coevgan.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.ConfigLoader;
import org.coevgan.conf.RunConfig;
import org.coevgan.dataprep.ImageTable;
import org.coevgan.job.driver.CoevolutionDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coevolution job's command line: reads and validates the configuration, checks it against
 * the data's size, and only then starts Spark and the driver. Maps each kind of failure to its
 * {@link ExitStatus}.
 */
public final class CoevGanMain {
  private static final Logger LOG = LoggerFactory.getLogger(CoevGanMain.class);

  static final String USAGE =
      "usage: spark-submit --class CoevGanJob <coevgan-job-cluster.jar> --config FILE "
          + "--output DIR [--set key=value]...\n"
          + "  --config FILE        run configuration (YAML); presets are in conf/\n"
          + "  --output DIR         new or empty folder for run.json, metrics/, state/, samples/\n"
          + "  --set key=value      override one configuration key (repeatable)\n";

  private CoevGanMain() {}

  /** Runs the job and returns the process exit code. */
  public static int run(String[] args) {
    CommandLine command;
    try {
      command = CommandLine.parse(args, Set.of("--config", "--output", "--set"), Set.of("--help"));
      if (command.has("--help")) {
        System.err.print(USAGE);
        return ExitStatus.SUCCESS.code();
      }
      command.required("--config");
      command.required("--output");
    } catch (CommandLine.UsageException e) {
      System.err.println("CoevGanJob: " + e.getMessage());
      System.err.print(USAGE);
      return ExitStatus.USAGE.code();
    }
    return runChecked(command);
  }

  private static int runChecked(CommandLine command) {
    try {
      RunConfig config = loadConfig(command);
      train(config, command.required("--output"));
      return ExitStatus.SUCCESS.code();
    } catch (IllegalArgumentException e) {
      LOG.error("cannot run: {}", e.getMessage());
      return ExitStatus.BAD_INPUT.code();
    } catch (UncheckedIOException e) {
      LOG.error("file system failure: {}", e.getMessage(), e);
      return ExitStatus.ENVIRONMENT.code();
    } catch (RuntimeException e) {
      LOG.error("run failed: {}", e.getMessage(), e);
      return isSparkFailure(e) ? ExitStatus.ENVIRONMENT.code() : ExitStatus.INTERNAL.code();
    }
  }

  /** Loads the configuration and checks it against the data before Spark starts. */
  static RunConfig loadConfig(CommandLine command) {
    RunConfig config = ConfigLoader.load(Path.of(command.required("--config")), command.all("--set"));
    config.checkAgainstData(ImageTable.countRows(config.data().path()));
    return config;
  }

  private static void train(RunConfig config, String output) {
    SparkSession spark = SparkSessions.forJob("CoevGAN " + config.grid().rows() + "x"
        + config.grid().columns() + " " + config.network().preset().configName());
    try {
      new CoevolutionDriver(spark, config, output).run();
    } finally {
      spark.stop();
    }
  }

  private static boolean isSparkFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.apache.spark.SparkException || cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
