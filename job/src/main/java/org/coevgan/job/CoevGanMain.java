package org.coevgan.job;

import org.coevgan.dataprep.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.ConfigLoader;
import org.coevgan.conf.RunConfig;
import org.coevgan.dataprep.ImageTable;
import org.coevgan.job.driver.CoevolutionDriver;
import org.coevgan.job.driver.ConfigFile;
import org.coevgan.job.driver.GridSizing;
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
          + "       spark-submit --class CoevGanJob <coevgan-job-cluster.jar> --resume DIR "
          + "[--config FILE] [--set key=value]...\n"
          + "  --config FILE        run configuration (YAML); presets are in conf/\n"
          + "  --output DIR         new or empty folder for run.json, metrics/, state/, samples/\n"
          + "  --resume DIR         continue a stopped run in DIR from its newest checkpoint,\n"
          + "                       with DIR/config.yaml unless --config is given\n"
          + "  --set key=value      override one configuration key (repeatable)\n";

  private CoevGanMain() {}

  /** Runs the job and returns the process exit code. */
  public static int run(String[] args) {
    CommandLine command;
    try {
      command = CommandLine.parse(args, Set.of("--config", "--output", "--resume", "--set"),
          Set.of("--help"));
      if (command.has("--help")) {
        System.err.print(USAGE);
        return ExitStatus.SUCCESS.code();
      }
      checkModes(command);
    } catch (CommandLine.UsageException e) {
      System.err.println("CoevGanJob: " + e.getMessage());
      System.err.print(USAGE);
      return ExitStatus.USAGE.code();
    }
    return runChecked(command);
  }

  private static void checkModes(CommandLine command) {
    if (command.has("--resume") == command.has("--output")) {
      throw new CommandLine.UsageException("give either --output (a new run) or --resume "
          + "(continue a stopped run), not both and not neither");
    }
    if (command.has("--output")) {
      command.required("--config");
    }
  }

  private static int runChecked(CommandLine command) {
    try {
      RunConfig config = loadConfig(command);
      train(config, command);
      return ExitStatus.SUCCESS.code();
    } catch (JobFailure e) {
      LOG.error("run stopped: {}", e.getMessage());
      return e.status().code();
    } catch (IllegalArgumentException e) {
      LOG.error("cannot run: {}", e.getMessage());
      return ExitStatus.BAD_INPUT.code();
    } catch (UncheckedIOException e) {
      LOG.error("file system failure: {}", e.getMessage(), e);
      return ExitStatus.ENVIRONMENT.code();
    } catch (Exception e) {
      // Also SparkException, which Spark's Java API throws undeclared when a job fails.
      LOG.error("run failed: {}", e.getMessage(), e);
      return isSparkFailure(e) ? ExitStatus.ENVIRONMENT.code() : ExitStatus.INTERNAL.code();
    }
  }

  /** Loads the configuration and checks it against the data before Spark starts. */
  static RunConfig loadConfig(CommandLine command) {
    Path file = command.has("--config")
        ? Path.of(command.required("--config"))
        : resumedConfig(command.required("--resume"));
    RunConfig config = ConfigLoader.load(file, command.all("--set"));
    config.checkAgainstData(ImageTable.countRows(config.data().path()));
    return config;
  }

  /**
   * Returns the config.yaml of the run folder to resume (a local path or a {@code file:} URI),
   * refusing a folder that is no run.
   */
  static Path resumedConfig(String folder) {
    Path run = folder.startsWith("file:")
        ? Path.of(new org.apache.hadoop.fs.Path(folder).toUri()) : Path.of(folder);
    if (!java.nio.file.Files.isDirectory(run)) {
      throw new IllegalArgumentException("Cannot resume " + folder + ": the folder does not exist"
          + " (a relative path starts at " + Path.of("").toAbsolutePath() + "); pass the "
          + "--output folder of an earlier CoevGanJob run");
    }
    Path file = run.resolve(ConfigFile.NAME);
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Cannot resume " + folder + ": it holds no "
          + ConfigFile.NAME + "; it is not a CoevGanJob run folder, or pass --config with the "
          + "configuration the run started with");
    }
    return file;
  }

  private static void train(RunConfig config, CommandLine command) {
    SparkSession spark = SparkSessions.forJob("CoevGAN " + config.network().preset().configName());
    try {
      if (command.has("--resume")) {
        CoevolutionDriver.resume(spark, config, command.required("--resume")).run();
      } else {
        RunConfig sized = sizeGrid(spark, config);
        new CoevolutionDriver(spark, sized, command.required("--output")).run();
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * Returns the configuration with the grid sized from Spark's task slots when grid.max-cells
   * asks for it; otherwise unchanged. A resumed run keeps its checkpoint's grid instead.
   */
  static RunConfig sizeGrid(SparkSession spark, RunConfig config) {
    if (!config.gridSizing().enabled()) {
      return config;
    }
    int taskCpus = Math.max(1, spark.sparkContext().getConf().getInt("spark.task.cpus", 1));
    int slots = spark.sparkContext().defaultParallelism() / taskCpus;
    GridSizing.Shape shape = GridSizing.choose(slots, config.gridSizing().minCells(),
        config.gridSizing().maxCells());
    LOG.info("grid sized from the cluster: task_slots={} min_cells={} max_cells={} grid={}x{}",
        slots, config.gridSizing().minCells(), config.gridSizing().maxCells(), shape.rows(),
        shape.columns());
    return config.withGrid(shape.rows(), shape.columns());
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
