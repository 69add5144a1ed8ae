package org.coevgan.job.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.coevgan.conf.RunConfig;
import org.coevgan.job.ExitStatus;
import org.coevgan.job.JobFailure;
import org.coevgan.job.cell.CellEvolution;
import org.coevgan.job.cell.CellRandom;
import org.coevgan.job.cell.CellSettings;
import org.coevgan.job.cell.CellState;
import org.coevgan.job.cell.GenerationReport;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.LatentNoise;
import org.coevgan.job.network.NativeThreads;
import org.coevgan.job.scoring.RunScoring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Runs a coevolution on Spark: the driver side of CoevGAN.
 *
 * <p><b>Concepts.</b> The grid is a torus of cells; a cell's state is its own generators and
 * discriminators, best first (the first pair is its <i>center</i>). A <i>generation</i> is one
 * Spark job: read the previous state from Parquet, <i>migrate</i> (key every state by each cell
 * that has it as a neighbour and group with one partition per cell), evolve each cell in its own
 * task, and write the new state to Parquet. Generations are numbered from 1; generation 0 is the
 * untrained initial state, and {@code state/generation-0003} holds the grid after generation 3.
 * Training images reach executors once, as a broadcast.
 *
 * <p><b>Failures.</b> Each generation reads only committed Parquet, so its lineage is one
 * generation deep: a lost task or executor re-runs only its cells of that generation, and since
 * every random draw derives from (seed, cell, generation), the re-run gives the same bytes. A
 * failed run leaves {@code run.json} with status FAILED and the reason; temporary folders are
 * hidden and removed, so no reader sees a half-written table.
 *
 * <p><b>Checklist for changes.</b> Keep every random draw on a {@link CellRandom} stream; keep
 * timings out of the state (the state must stay byte-identical across runs); write only through
 * {@link OutputFolder} commits; keep one task per cell ({@link CellPartitioner}); log one line per
 * generation, never per batch.
 */
public final class CoevolutionDriver {
  private static final Logger LOG = LoggerFactory.getLogger(CoevolutionDriver.class);

  private final SparkSession spark;
  private final RunConfig config;
  private final OutputFolder output;
  private final StateStore states;
  private final MetricsTable metrics;
  private final Checkpoints checkpoints;
  private final Checkpoints.Manifest resumeFrom;
  private RunScoring scoring;
  private long previousCommit;
  /** The last committed state, read once and used both by scoring and by the next generation. */
  private JavaRDD<CellState> committedState;

  private CoevolutionDriver(SparkSession spark, RunConfig config, OutputFolder output,
      Checkpoints.Manifest resumeFrom) {
    this.spark = spark;
    this.config = config;
    this.output = output;
    this.states = new StateStore(spark, output);
    this.metrics = new MetricsTable(spark, output);
    this.checkpoints = new Checkpoints(output, states);
    this.resumeFrom = resumeFrom;
  }

  /** Creates a driver that writes a new run into a new (or empty) output folder. */
  public CoevolutionDriver(SparkSession spark, RunConfig config, String outputLocation) {
    this(spark, config,
        OutputFolder.create(outputLocation, spark.sparkContext().hadoopConfiguration()), null);
  }

  /**
   * Creates a driver that continues a stopped run in its folder from its newest complete
   * checkpoint, after checking that the configuration still fits the saved state.
   */
  public static CoevolutionDriver resume(SparkSession spark, RunConfig config, String folder) {
    OutputFolder output = OutputFolder.existing(folder, spark.sparkContext().hadoopConfiguration());
    Checkpoints.Manifest latest = new Checkpoints(output, new StateStore(spark, output)).latest()
        .orElseThrow(() -> new IllegalArgumentException("Cannot resume " + folder + ": it holds "
            + "no complete checkpoint (no state/generation-NNNN folder with a "
            + Checkpoints.MARKER + "); start a new run instead"));
    ResumeCheck.check(latest, config, folder);
    LOG.info("resuming: folder={} checkpoint_generation={} generations={}", output.root(),
        latest.generation(), config.generations());
    return new CoevolutionDriver(spark, config, output, latest);
  }

  /** Runs every generation and writes metrics, state, samples and run.json. */
  public void run() {
    RunRecord record = new RunRecord(output, config, Instant.now());
    if (resumeFrom != null) {
      record.continueFrom(resumeFrom.generation());
    }
    record.write("RUNNING", null);
    output.writeFile(ConfigFile.NAME, ConfigFile.render(config, this::absolutePath));
    Thread stopped = new Thread(() -> record.stoppedBySignal(
        "stopped by a signal before it finished; resume it with --resume " + output.root()));
    Runtime.getRuntime().addShutdownHook(stopped);
    try {
      runGenerations(record);
      record.write("SUCCEEDED", null);
      LOG.info("run succeeded: output={}", output.root());
    } catch (Exception | Error e) {
      // Exception, not RuntimeException: a failed Spark job (a cell failing beyond Spark's
      // retries) throws SparkException, a checked exception Spark's Java API passes undeclared.
      LOG.error("run failed: output={} reason={}", output.root(), e.getMessage());
      record.write("FAILED", String.valueOf(e.getMessage()));
      throw e;
    } finally {
      removeHook(stopped);
    }
  }

  /**
   * Returns a relative path as the absolute one it stands for on the default file system (for
   * local files, against the working directory); absolute paths and URIs are kept as given.
   */
  private String absolutePath(String path) {
    Path given = new Path(path);
    if (given.isAbsolute() || given.toUri().getScheme() != null) {
      return path;
    }
    try {
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      Path qualified = given.getFileSystem(hadoop).makeQualified(given);
      return "file".equals(qualified.toUri().getScheme())
          ? qualified.toUri().getPath() : qualified.toString();
    } catch (IOException e) {
      LOG.warn("config.yaml keeps the relative path {}: {}", path, e.getMessage());
      return path;
    }
  }

  private void runGenerations(RunRecord record) {
    long start = System.nanoTime();
    TrainingImages images = loadImages(record);
    CellSettings settings = settings(images, record);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<TrainingImages> broadcast = context.broadcast(images);
    logStart(settings, images);
    scoring = new RunScoring(spark, config, output, record);
    scoring.prepare(settings, images);

    int first = startingGeneration(context, settings);
    Progress progress = new Progress(config.generations(), start, first - 1);
    previousCommit = System.nanoTime();
    for (int generation = first; generation <= config.generations(); generation++) {
      runGeneration(generation, settings, broadcast, progress, record, images);
    }

    writeSamples(settings, images);
    scoring.finish(states.read(config.generations()), images.height(), images.width());
  }

  private TrainingImages loadImages(RunRecord record) {
    label("load training images");
    TrainingImages images =
        TrainingImagesLoader.load(spark, config.data().path(), config.data().syntheticImages());
    config.checkAgainstData(images.count());
    if (resumeFrom != null) {
      ResumeCheck.checkImageSize(resumeFrom, images.height(), images.width(),
          config.data().path());
    }
    config.checkImageSize(images.height(), images.width());
    record.put("images", images.count());
    record.put("real_images", images.realCount());
    record.put("image_height", images.height());
    record.put("image_width", images.width());
    return images;
  }

  private CellSettings settings(TrainingImages images, RunRecord record) {
    int threads = Math.max(1, spark.sparkContext().getConf().getInt("spark.task.cpus", 1));
    CellSettings settings = CellSettings.from(config, images.height(), images.width(), threads);
    record.put("grid", settings.torus().toString());
    record.put("threads_per_cell", threads);
    return settings;
  }

  private void logStart(CellSettings settings, TrainingImages images) {
    LOG.info(
        "run starting: grid={} cells={} generations={} seed={} preset={} loss={} images={} "
            + "({}x{}) batch={} threads_per_cell={} output={}",
        settings.torus(), settings.torus().cellCount(), config.generations(), config.seed(),
        config.network().preset().configName(), config.network().loss().configName(),
        images.count(), images.height(), images.width(), settings.batchSize(),
        settings.threadsPerCell(), output.root());
  }

  /** Initialises generation 0, or for a resumed run returns the generation after its checkpoint. */
  private int startingGeneration(JavaSparkContext context, CellSettings settings) {
    if (resumeFrom == null) {
      initialise(context, settings);
      return 1;
    }
    scoring.resumeAfter(resumeFrom.generation());
    return resumeFrom.generation() + 1;
  }

  private void initialise(JavaSparkContext context, CellSettings settings) {
    label("generation 0 of " + config.generations() + ": initialise cells");
    List<Cell> cells = settings.torus().cells();
    JavaRDD<Row> rows =
        context
            .parallelize(cells, cells.size())
            .map(cell -> {
              NativeThreads.limit(settings.threadsPerCell());
              return CellStateRows.toRow(CellEvolution.initialState(cell, settings));
            });
    states.write(rows, 0);
    LOG.info("state written: generation=0 path={}", states.pathOf(0));
  }

  /**
   * Runs one generation. Its wall time runs from the previous generation's state commit (or the
   * start of the first generation) to its own, so that it covers everything a generation costs
   * in a long run, the bookkeeping after the previous commit (metrics, checkpoint, pruning)
   * included.
   */
  private void runGeneration(int generation, CellSettings settings,
      Broadcast<TrainingImages> images, Progress progress, RunRecord record,
      TrainingImages shape) {
    long start = System.nanoTime();
    label("generation " + generation + " of " + config.generations() + ": migrate and train");
    CollectionAccumulator<GenerationReport> accumulator =
        spark.sparkContext().collectionAccumulator("reports of generation " + generation);

    JavaRDD<CellState> previous =
        committedState != null ? committedState : states.read(generation - 1);
    JavaRDD<Row> next = GenerationStage.plan(previous, settings, images, accumulator);
    long planned = System.nanoTime();
    states.write(next, generation);
    long committed = System.nanoTime();
    List<GenerationReport> reports = distinctByCell(accumulator.value());
    long wallMillis = (committed - previousCommit) / 1_000_000;
    previousCommit = committed;
    metrics.write(generation, reports, wallMillis);
    long metricsWritten = System.nanoTime();
    long bytes = states.bytesOf(generation);
    LOG.info("state committed: generation={} bytes={} bytes_per_cell={} path={}", generation,
        bytes, bytes / reports.size(), states.pathOf(generation));
    checkResets(generation, reports);
    committedState = states.read(generation);
    // Mixture weights are saved before the marker, so every checkpoint holds them.
    scoring.afterGeneration(generation, committedState);
    checkpoints.afterGeneration(generation, config, shape.height(), shape.width());
    logTimings(generation, reports, start, planned, committed, metricsWritten);

    record.generationDone(wallMillis / 1000.0);
    LOG.info(progress.line(generation, wallMillis / 1000.0, reports, System.nanoTime()));
  }

  /**
   * Logs where a generation's driver time went, with the cells' own time beside it: their total,
   * the time they keep the task slots busy ({@link TaskSlots}), and the generation's time outside
   * that, the orchestration (scheduling, migration shuffle, state written and read).
   */
  private void logTimings(int generation, List<GenerationReport> reports, long start,
      long planned, long committed, long metricsWritten) {
    long end = System.nanoTime();
    long[] cellMillis = reports.stream().mapToLong(GenerationReport::totalMillis).toArray();
    long busyMillis = TaskSlots.busyMillis(cellMillis, taskSlots());
    long wallMillis = (end - start) / 1_000_000;
    LOG.info("generation timings: generation={} read_and_plan_ms={} train_and_commit_ms={} "
            + "metrics_ms={} bookkeeping_ms={} cells_total_ms={} cells={} task_slots={} "
            + "cells_busy_ms={} outside_cells_ms={} outside_cells_share={}",
        generation, (planned - start) / 1_000_000, (committed - planned) / 1_000_000,
        (metricsWritten - committed) / 1_000_000, (end - metricsWritten) / 1_000_000,
        java.util.Arrays.stream(cellMillis).sum(), reports.size(), taskSlots(), busyMillis,
        wallMillis - busyMillis,
        String.format(Locale.ROOT, "%.3f", (wallMillis - busyMillis) / (double) wallMillis));
  }

  /** Returns the cells Spark can run at once: its default parallelism over spark.task.cpus. */
  private int taskSlots() {
    int taskCpus = Math.max(1, spark.sparkContext().getConf().getInt("spark.task.cpus", 1));
    return Math.max(1, spark.sparkContext().defaultParallelism() / taskCpus);
  }

  /** Keeps one report per cell: a speculative or retried task may have reported twice. */
  private static List<GenerationReport> distinctByCell(List<GenerationReport> reports) {
    Map<Cell, GenerationReport> byCell = new LinkedHashMap<>();
    for (GenerationReport report : reports) {
      byCell.put(report.cell(), report);
    }
    List<GenerationReport> distinct = new ArrayList<>(byCell.values());
    distinct.sort(Comparator.comparing(GenerationReport::cell));
    return distinct;
  }

  /**
   * Logs every cell reset in the generation and fails the run when there were more than
   * resilience.max-resets-per-generation. Runs after the state is committed: the reset cells
   * already hold their neighbours' healthy centers, so a resumed run starts from sound state.
   */
  private void checkResets(int generation, List<GenerationReport> reports) {
    int total = 0;
    List<Cell> reset = new ArrayList<>();
    for (GenerationReport report : reports) {
      if (report.resets() > 0) {
        total += report.resets();
        reset.add(report.cell());
      }
    }
    if (total == 0) {
      return;
    }
    LOG.warn("cells reset after diverging: generation={} resets={} cells={}", generation, total,
        reset);
    int allowed = config.resilience().maxResetsPerGeneration();
    if (total > allowed) {
      throw new JobFailure(ExitStatus.BAD_INPUT,
          "Cannot continue: " + total + " diverged individuals were reset in generation "
              + generation + " (cells " + reset + "), more than "
              + "resilience.max-resets-per-generation=" + allowed + "; lower "
              + "optimizer.learning-rate or mutation.rate, or raise the limit");
    }
  }

  private void writeSamples(CellSettings settings, TrainingImages images) {
    label("samples: draw images from every center generator");
    int generation = config.generations();
    List<Tuple2<Cell, float[]>> drawn =
        states.read(generation).map(state -> drawSamples(state, settings)).collect();
    Map<Cell, float[]> samples = new LinkedHashMap<>();
    drawn.forEach(pair -> samples.put(pair._1(), pair._2()));

    byte[] png = SampleGrid.render(samples, settings.torus().rows(), settings.torus().columns(),
        settings.samplesPerCell(), images.height(), images.width());
    output.writeFile("samples/centers-generation-" + generation + ".png", png);
    LOG.info("samples written: path={} cells={} images_per_cell={}",
        output.resolve("samples/centers-generation-" + generation + ".png"), samples.size(),
        settings.samplesPerCell());
    String note = "Each block is one cell's center generator, laid out like the grid.\n";
    output.writeFile("samples/README.txt", note.getBytes(StandardCharsets.UTF_8));
  }

  private static Tuple2<Cell, float[]> drawSamples(CellState state, CellSettings settings) {
    NativeThreads.limit(settings.threadsPerCell());
    Individual generator =
        Individual.restoreGenerator(settings.network(), state.centerGenerator(),
            state.centerGenerator().learningRate());
    var random = CellRandom.stream(settings.seed(), state.cell(), state.generation(),
        CellRandom.Purpose.SAMPLES);
    var noise = LatentNoise.sample(settings.samplesPerCell(), settings.network().latentSize(),
        random);
    float[] pixels = generator.network().output(noise, false).reshape(-1).toFloatVector();
    return new Tuple2<>(state.cell(), pixels);
  }

  /** Drops the signal hook once the run has recorded its own outcome. */
  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The JVM is exiting; the hook runs anyway and records the stop.
    }
  }

  private void label(String phase) {
    spark.sparkContext().setJobDescription("CoevGAN " + phase);
  }

  /** Returns the run's output folder. */
  public OutputFolder output() {
    return output;
  }
}
