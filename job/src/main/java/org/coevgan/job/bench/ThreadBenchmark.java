package org.coevgan.job.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.network.NativeThreads;

/**
 * Throughput of adversarial steps with one or two cells running at once in one JVM (as two
 * Spark tasks share an executor) under different ND4J thread limits, to check that the
 * product's default, one thread per task slot, is the fastest way to fill the cores.
 *
 * <p>Other work on a shared machine comes and goes over seconds, which once made one setting
 * look 16 % slower than another in a single pass. So the settings take turns: each repetition
 * measures every setting once, starting with a different one each time, and a setting's figure
 * is the median over the repetitions.
 */
public final class ThreadBenchmark {
  /** Cells training at once and the ND4J thread limit each of them runs with. */
  public record Setting(int cells, int threadsPerCell) {
    /** Returns the setting's name in the benchmark table. */
    public String figureName(NetworkPreset preset) {
      return "steps_per_s_" + preset.configName() + "_" + cells + "_cells_" + threadsPerCell
          + "_threads_each";
    }
  }

  private ThreadBenchmark() {}

  /**
   * Returns the median steps per second of all cells together for each setting, over
   * interleaved repetitions of the given steps per cell, in the order of the settings.
   */
  public static Map<Setting, Double> medianStepsPerSecond(NetworkPreset preset,
      List<Setting> settings, int repetitions, int steps) throws Exception {
    Map<Setting, List<StepBenchmark>> cells = new LinkedHashMap<>();
    for (Setting setting : settings) {
      List<StepBenchmark> benchmarks = new ArrayList<>();
      for (int i = 0; i < setting.cells(); i++) {
        benchmarks.add(new StepBenchmark(preset, 64, 28, 100));
      }
      cells.put(setting, benchmarks);
    }

    int largest = settings.stream().mapToInt(Setting::cells).max().orElse(1);
    ExecutorService pool = Executors.newFixedThreadPool(largest);
    try {
      double[][] rates = new double[settings.size()][repetitions];
      for (int s = 0; s < settings.size(); s++) {
        stepsPerSecond(pool, settings.get(s), cells.get(settings.get(s)), 3);
      }
      for (int r = 0; r < repetitions; r++) {
        for (int k = 0; k < settings.size(); k++) {
          int s = (r + k) % settings.size();
          Setting setting = settings.get(s);
          rates[s][r] = stepsPerSecond(pool, setting, cells.get(setting), steps);
        }
      }
      return medians(settings, rates);
    } finally {
      pool.shutdownNow();
    }
  }

  private static double stepsPerSecond(ExecutorService pool, Setting setting,
      List<StepBenchmark> benchmarks, int steps) throws Exception {
    NativeThreads.limit(setting.threadsPerCell());
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (StepBenchmark benchmark : benchmarks) {
      running.add(pool.submit(() -> {
        for (int i = 0; i < steps; i++) {
          benchmark.step();
        }
      }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    return benchmarks.size() * steps / ((System.nanoTime() - start) / 1e9);
  }

  private static Map<Setting, Double> medians(List<Setting> settings, double[][] rates) {
    Map<Setting, Double> medians = new LinkedHashMap<>();
    for (int s = 0; s < settings.size(); s++) {
      double[] sorted = rates[s].clone();
      Arrays.sort(sorted);
      medians.put(settings.get(s), sorted[sorted.length / 2]);
    }
    return medians;
  }
}
