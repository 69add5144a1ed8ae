package org.coevgan.job.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.network.NativeThreads;

/**
 * Throughput of adversarial steps with one or two cells running at once in one JVM (as two
 * Spark tasks share an executor) under different ND4J thread limits, to check that the
 * product's default, one thread per task slot, is the fastest way to fill the cores.
 */
public final class ThreadBenchmark {
  private ThreadBenchmark() {}

  /** Returns steps per second of all cells together over the given steps per cell. */
  public static double stepsPerSecond(NetworkPreset preset, int cells, int threads, int steps)
      throws Exception {
    NativeThreads.limit(threads);
    List<StepBenchmark> benchmarks = new ArrayList<>();
    for (int i = 0; i < cells; i++) {
      benchmarks.add(new StepBenchmark(preset, 64, 28, 100));
    }
    ExecutorService pool = Executors.newFixedThreadPool(cells);
    try {
      runAll(pool, benchmarks, 3);
      long start = System.nanoTime();
      runAll(pool, benchmarks, steps);
      return cells * steps / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runAll(ExecutorService pool, List<StepBenchmark> benchmarks, int steps)
      throws Exception {
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
  }
}
