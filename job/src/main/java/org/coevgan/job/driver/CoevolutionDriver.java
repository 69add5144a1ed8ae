package org.coevgan.job.driver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.coevgan.conf.RunConfig;
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
  private static final int STATE_GENERATIONS_KEPT = 2;

  private final SparkSession spark;
  private final RunConfig config;
  private final OutputFolder output;
  private final StateStore states;
  private final MetricsTable metrics;

  /** Creates a driver that writes the run into a new output folder. */
  public CoevolutionDriver(SparkSession spark, RunConfig config, String outputLocation) {
    this.spark = spark;
    this.config = config;
    this.output = OutputFolder.create(outputLocation, spark.sparkContext().hadoopConfiguration());
    this.states = new StateStore(spark, output);
    this.metrics = new MetricsTable(spark, output);
  }

  /** Runs every generation and writes metrics, state, samples and run.json. */
  public void run() {
    RunRecord record = new RunRecord(output, config, Instant.now());
    record.write("RUNNING", null);
    try {
      runGenerations(record);
      record.write("SUCCEEDED", null);
      LOG.info("run succeeded: output={}", output.root());
    } catch (RuntimeException | Error e) {
      LOG.error("run failed: output={} reason={}", output.root(), e.getMessage());
      record.write("FAILED", String.valueOf(e.getMessage()));
      throw e;
    }
  }

  private void runGenerations(RunRecord record) {
    long start = System.nanoTime();
    TrainingImages images = loadImages(record);
    CellSettings settings = settings(images, record);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<TrainingImages> broadcast = context.broadcast(images);
    logStart(settings, images);

    initialise(context, settings);
    Progress progress = new Progress(config.generations(), start);
    for (int generation = 1; generation <= config.generations(); generation++) {
      runGeneration(generation, settings, broadcast, progress, record);
    }

    writeSamples(settings, images);
  }

  private TrainingImages loadImages(RunRecord record) {
    label("load training images");
    TrainingImages images = TrainingImagesLoader.load(spark, config.data().path());
    config.checkAgainstData(images.count());
    config.checkImageSize(images.height(), images.width());
    record.put("images", images.count());
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

  private void runGeneration(int generation, CellSettings settings,
      Broadcast<TrainingImages> images, Progress progress, RunRecord record) {
    long start = System.nanoTime();
    label("generation " + generation + " of " + config.generations() + ": migrate and train");
    CollectionAccumulator<GenerationReport> accumulator =
        spark.sparkContext().collectionAccumulator("reports of generation " + generation);

    JavaRDD<Row> next = GenerationStage.plan(states.read(generation - 1), settings, images,
        accumulator);
    states.write(next, generation);
    List<GenerationReport> reports = distinctByCell(accumulator.value());
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    label("generation " + generation + " of " + config.generations() + ": write metrics");
    metrics.write(generation, reports, wallMillis);
    pruneState(generation);

    record.generationDone(wallMillis / 1000.0);
    LOG.info(progress.line(generation, wallMillis / 1000.0, reports, System.nanoTime()));
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

  private void pruneState(int generation) {
    int obsolete = generation - STATE_GENERATIONS_KEPT;
    if (obsolete >= 0) {
      states.delete(obsolete);
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

  private void label(String phase) {
    spark.sparkContext().setJobDescription("CoevGAN " + phase);
  }

  /** Returns the run's output folder. */
  public OutputFolder output() {
    return output;
  }
}
