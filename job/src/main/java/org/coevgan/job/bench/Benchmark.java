package org.coevgan.job.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.dataprep.ImageTable;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.network.NativeThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoevGAN's performance figures against their targets: the cell step per preset and its share of
 * the matrix-product peak, thread settings, orchestration overhead per generation as the grid
 * grows, and the state written per cell. Shared machines are noisy, so every time is a median.
 */
public final class Benchmark {
  private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);
  private static final double PYTORCH_REFERENCE_STEP_MS = 8.0;
  private static final double PYTORCH_FOUR_LAYER_STEP_MS = 28.0;

  private final BenchmarkTable table = new BenchmarkTable();
  private final Path output;
  private double cpuTimePeak;

  /** Creates a benchmark that writes into the output folder. */
  public Benchmark(Path output) {
    this.output = output;
  }

  /** The figures {@link #run} knows, in the order it runs them. */
  public static final List<String> FIGURES =
      List.of("step", "threads", "features", "state", "orchestration");

  /**
   * Runs the named figures (see {@link #FIGURES}), rewriting the table after each group so that
   * a later failure keeps the figures measured before it.
   *
   * @throws IllegalArgumentException before measuring anything, when the orchestration figures
   *     are asked for and {@code data} holds no image table
   */
  public BenchmarkTable run(Set<String> figures, String data, List<Integer> grids)
      throws Exception {
    checkOutputFolder();
    if (figures.contains("orchestration")) {
      checkImageTable(data);
    }

    if (figures.contains("step")) {
      stepFigures();
      written("step");
    }
    if (figures.contains("threads")) {
      threadFigures();
      written("threads");
    }
    if (figures.contains("features")) {
      featureFigures();
      written("features");
    }
    if (figures.contains("state")) {
      stateFigures();
      written("state");
    }
    if (figures.contains("orchestration")) {
      orchestrationFigures(data, grids);
      written("orchestration");
    }
    return table;
  }

  private void written(String group) {
    Path csv = table.writeCsv(output);
    LOG.info("benchmark figures written: group={} path={} figures={}", group, csv,
        table.figures().size());
  }

  /** Fails before measuring when bench-results.csv could not be written into the folder. */
  private void checkOutputFolder() {
    try {
      Files.createDirectories(output);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("Cannot write the benchmark into " + output + " ("
          + e + "); pass --output a folder that can be created and written", e);
    }
    if (!Files.isWritable(output)) {
      throw new IllegalArgumentException("Cannot write the benchmark into " + output
          + ": the folder is not writable; pass another --output");
    }
  }

  /** Refuses a --data that is no image table, with the same checks the job makes. */
  private static void checkImageTable(String data) {
    try {
      ImageTable.countRows(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot measure orchestration: no image table at "
          + data + " (" + e.getMessage() + "); run submit/prepare-data.sh mnist-test, pass "
          + "--data IMAGE_TABLE, or leave orchestration out of --figures", e);
    }
  }

  /**
   * Milliseconds per image of the feature classifier's inference at 28x28 and 64x64, one
   * thread, the product's path against DL4J's layers (no target: it decides how long scoring
   * every cell at the end of a run takes).
   */
  private void featureFigures() {
    NativeThreads.limit(1);
    for (int side : new int[] {28, 64}) {
      FeatureBenchmark.Times times = new FeatureBenchmark(side, side == 28 ? 500 : 100).medians(5);
      String name = "feature_ms_per_image_" + side + "x" + side;
      table.add(name, times.millis(), "ms");
      table.add(name + "_dl4j_path", times.dl4jMillis(), "ms");
      table.add("feature_speedup_vs_dl4j_path_" + side + "x" + side,
          times.dl4jMillis() / times.millis(), "ratio");
      LOG.info("feature network measured: side={} ms_per_image={} dl4j_ms_per_image={}", side,
          times.millis(), times.dl4jMillis());
    }
  }

  private void stepFigures() {
    NativeThreads.limit(1);
    double peak = MatrixProductPeak.gflops(1024, 7);
    table.add("matmul_peak_gflops_1_thread", peak, "GFLOP/s");
    cpuTimePeak = MatrixProductPeak.cpuTimeGflops(1024, 7);
    table.add("matmul_peak_gflops_1_thread_cpu_time", cpuTimePeak, "GFLOP/s");
    stepFigure(NetworkPreset.REFERENCE_PERCEPTRON, 64, 28, PYTORCH_REFERENCE_STEP_MS, peak);
    stepFigure(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, 28, PYTORCH_FOUR_LAYER_STEP_MS, peak);
    // A cnn64 step at batch 100 holds gigabytes of native memory; on a shared machine the
    // kernel's out-of-memory killer once ended the run there, so what is measured is kept.
    table.writeCsv(output);
    stepFigure(NetworkPreset.CNN28, 100, 28, Double.NaN, peak);
    table.writeCsv(output);
    stepFigure(NetworkPreset.CNN64, 100, 64, Double.NaN, peak);
  }

  private void stepFigure(NetworkPreset preset, int latent, int side, double targetMs,
      double peak) {
    StepBenchmark step = new StepBenchmark(preset, latent, side, 100);
    String name = "step_ms_batch100_1_thread_" + preset.configName();
    double flops = step.flopsPerStep();
    double millis;
    if (Double.isNaN(flops)) {
      millis = step.medianMillis(5, preset == NetworkPreset.CNN64 ? 5 : 21);
      table.add(name, millis, "ms");
    } else {
      millis = perceptronStepFigures(step, preset, name, targetMs);
      double gflops = flops / (millis / 1000) / 1e9;
      table.add("step_gflops_" + preset.configName(), gflops, "GFLOP/s");
      if (preset == NetworkPreset.FOUR_LAYER_PERCEPTRON) {
        table.addAtLeast("step_share_of_matmul_peak_4lp", gflops / peak, "ratio", 0.5);
      }
    }
    LOG.info("step measured: preset={} median_ms={}", preset.configName(), millis);
  }

  /**
   * Times the product's step of a perceptron preset and, in alternation with it, DL4J's path
   * as a baseline, in wall-clock and CPU time; returns the product's wall-clock median.
   */
  private double perceptronStepFigures(StepBenchmark step, NetworkPreset preset, String name,
      double targetMs) {
    StepBenchmark baseline =
        new StepBenchmark(preset, 64, 28, 100, StepBenchmark.TrainingPath.DL4J);
    StepBenchmark.PairedTimes times = step.pairedMedians(baseline, 30, 21);
    table.addAtMost(name, times.millis(), "ms", targetMs);
    table.add(name + "_dl4j_path", times.baselineMillis(), "ms");
    table.add("step_speedup_vs_dl4j_path_" + preset.configName(),
        times.baselineMillis() / times.millis(), "ratio");

    String cpuName = "step_cpu_ms_batch100_1_thread_" + preset.configName();
    table.addAtMost(cpuName, times.cpuMillis(), "ms", targetMs);
    table.add(cpuName + "_dl4j_path", times.baselineCpuMillis(), "ms");
    if (preset == NetworkPreset.FOUR_LAYER_PERCEPTRON) {
      double gflops = step.flopsPerStep() / (times.cpuMillis() / 1000) / 1e9;
      table.addAtLeast("step_share_of_matmul_peak_4lp_cpu_time", gflops / cpuTimePeak, "ratio",
          0.5);
    }
    return times.millis();
  }

  /**
   * Steps per second of 4lp cells under each thread setting, medians over interleaved
   * repetitions. The product's default on an executor with as many task slots as cores (Spark's
   * default, spark.task.cpus = 1) is one cell per core with one ND4J thread each.
   */
  private void threadFigures() throws Exception {
    NetworkPreset preset = NetworkPreset.FOUR_LAYER_PERCEPTRON;
    int cores = Runtime.getRuntime().availableProcessors();
    int cells = Math.min(2, cores);
    List<ThreadBenchmark.Setting> settings = new ArrayList<>();
    for (int c = 1; c <= cells; c++) {
      for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
        settings.add(new ThreadBenchmark.Setting(c, threads));
      }
    }
    Map<ThreadBenchmark.Setting, Double> rates =
        ThreadBenchmark.medianStepsPerSecond(preset, settings, 5, 10);
    NativeThreads.limit(1);

    ThreadBenchmark.Setting fastest = settings.get(0);
    for (Map.Entry<ThreadBenchmark.Setting, Double> entry : rates.entrySet()) {
      table.add(entry.getKey().figureName(preset), entry.getValue(), "steps/s");
      fastest = entry.getValue() > rates.get(fastest) ? entry.getKey() : fastest;
    }
    double productDefault = rates.get(new ThreadBenchmark.Setting(cells, 1));
    table.addAtLeast("default_one_thread_per_cell_vs_fastest",
        productDefault / rates.get(fastest), "ratio", 0.9);
    LOG.info("threads measured: fastest={} default={} steps/s",
        fastest.figureName(preset), productDefault);
  }

  private void stateFigures() {
    SparkSession spark = SparkSessions.forJob("state size benchmark");
    try {
      Object[][] presets = {
        {NetworkPreset.REFERENCE_PERCEPTRON, 64, 28}, {NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, 28},
        {NetworkPreset.CNN28, 100, 28}, {NetworkPreset.CNN64, 100, 64}
      };
      for (Object[] entry : presets) {
        NetworkPreset preset = (NetworkPreset) entry[0];
        StateSizeBenchmark.Result result = StateSizeBenchmark.measure(spark, preset,
            (Integer) entry[1], (Integer) entry[2], output.resolve("state-" + preset.configName()));
        table.add("state_mb_per_cell_" + preset.configName(), result.bytesPerCell() / 1e6, "MB");
        table.add("state_write_s_4_cells_" + preset.configName(), result.writeSeconds(), "s");
        table.add("state_read_s_4_cells_" + preset.configName(), result.readSeconds(), "s");
      }
    } finally {
      spark.stop();
    }
  }

  private void orchestrationFigures(String data, List<Integer> grids) {
    List<OrchestrationBenchmark.Result> results = new ArrayList<>();
    for (int side : grids) {
      OrchestrationBenchmark.Result result = OrchestrationBenchmark.run(data,
          output.resolve("orchestration-" + side + "x" + side), side, side, 4);
      results.add(result);
      String grid = side + "x" + side;
      table.add("generation_wall_s_" + grid, result.wallSeconds(), "s");
      table.add("generation_compute_s_" + grid, result.computeSeconds(), "s");
      table.add("orchestration_overhead_s_" + grid, result.overheadSeconds(), "s");
      table.add("orchestration_overhead_ms_per_cell_" + grid,
          1000 * result.overheadSeconds() / result.cells(), "ms");
    }
    growthFigures(results);
  }

  /**
   * Targets from the trial of a plain migration join and Parquet round trip, about 1 s plus
   * 0.1 s per cell: at most a third of that, and growth no worse than linear in the cells.
   */
  private void growthFigures(List<OrchestrationBenchmark.Result> results) {
    OrchestrationBenchmark.Result smallest = results.get(0);
    OrchestrationBenchmark.Result largest = results.get(results.size() - 1);
    table.addAtMost("orchestration_overhead_s_" + largest.cells() + "_cells",
        largest.overheadSeconds(), "s", (1.0 + 0.1 * largest.cells()) / 3);
    if (results.size() > 1) {
      double cellRatio = (double) largest.cells() / smallest.cells();
      table.addAtMost("orchestration_overhead_growth_vs_cell_growth",
          (largest.overheadSeconds() / Math.max(1e-3, smallest.overheadSeconds())) / cellRatio,
          "ratio", 1.0);
    }
  }
}
