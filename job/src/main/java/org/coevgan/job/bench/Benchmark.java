package org.coevgan.job.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.coevgan.conf.NetworkPreset;
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

  /** Creates a benchmark that writes into the output folder. */
  public Benchmark(Path output) {
    this.output = output;
  }

  /** Runs the named figures (step, threads, orchestration, state) and writes the table. */
  public BenchmarkTable run(Set<String> figures, String data, List<Integer> grids)
      throws Exception {
    if (figures.contains("step")) {
      stepFigures();
    }
    if (figures.contains("threads")) {
      threadFigures();
    }
    if (figures.contains("state")) {
      stateFigures();
    }
    if (figures.contains("orchestration")) {
      orchestrationFigures(data, grids);
    }
    Path csv = table.writeCsv(output);
    LOG.info("benchmark written: path={} figures={}", csv, table.figures().size());
    return table;
  }

  private void stepFigures() {
    NativeThreads.limit(1);
    double peak = MatrixProductPeak.gflops(1024, 7);
    table.add("matmul_peak_gflops_1_thread", peak, "GFLOP/s");
    stepFigure(NetworkPreset.REFERENCE_PERCEPTRON, 64, 28, PYTORCH_REFERENCE_STEP_MS, peak);
    stepFigure(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, 28, PYTORCH_FOUR_LAYER_STEP_MS, peak);
    stepFigure(NetworkPreset.CNN28, 100, 28, Double.NaN, peak);
    stepFigure(NetworkPreset.CNN64, 100, 64, Double.NaN, peak);
  }

  private void stepFigure(NetworkPreset preset, int latent, int side, double targetMs,
      double peak) {
    StepBenchmark step = new StepBenchmark(preset, latent, side, 100);
    double millis = step.medianMillis(5, preset == NetworkPreset.CNN64 ? 5 : 21);
    String name = "step_ms_batch100_1_thread_" + preset.configName();
    if (Double.isNaN(targetMs)) {
      table.add(name, millis, "ms");
    } else {
      table.addAtMost(name, millis, "ms", targetMs);
    }
    double flops = step.flopsPerStep();
    if (!Double.isNaN(flops)) {
      double gflops = flops / (millis / 1000) / 1e9;
      table.add("step_gflops_" + preset.configName(), gflops, "GFLOP/s");
      if (preset == NetworkPreset.FOUR_LAYER_PERCEPTRON) {
        table.addAtLeast("step_share_of_matmul_peak_4lp", gflops / peak, "ratio", 0.5);
      }
    }
    LOG.info("step measured: preset={} median_ms={}", preset.configName(), millis);
  }

  private void threadFigures() throws Exception {
    NetworkPreset preset = NetworkPreset.FOUR_LAYER_PERCEPTRON;
    int cores = Runtime.getRuntime().availableProcessors();
    double best = 0;
    String bestName = "";
    double productDefault = 0;
    for (int cells : new int[] {1, 2}) {
      for (int threads : new int[] {1, cores}) {
        double rate = ThreadBenchmark.stepsPerSecond(preset, cells, threads, 15);
        String name = "steps_per_s_4lp_" + cells + "_cells_" + threads + "_threads_each";
        table.add(name, rate, "steps/s");
        if (rate > best) {
          best = rate;
          bestName = name;
        }
        if (cells == Math.min(2, cores) && threads == 1) {
          productDefault = rate;
        }
      }
    }
    NativeThreads.limit(1);
    table.addAtLeast("default_one_thread_per_cell_vs_fastest", productDefault / best, "ratio",
        0.9);
    LOG.info("threads measured: fastest={}", bestName);
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
    if (!Files.isDirectory(Path.of(data))) {
      throw new IllegalArgumentException("Cannot measure orchestration: no image table at "
          + data + "; run submit/prepare-data.sh mnist-test or pass --data");
    }
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
