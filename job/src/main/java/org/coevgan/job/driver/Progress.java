package org.coevgan.job.driver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.coevgan.job.cell.GenerationReport;

/**
 * Turns a generation's reports into the one line the driver logs for it: generation k of n,
 * its duration, elapsed time since the run started, estimated time left (mean generation time so
 * far times the generations left), best and median center losses, and how many centers came from neighbours.
 */
public final class Progress {
  private final int generations;
  private final long startNanos;
  private double generationSecondsSoFar;

  private final int generationsBefore;

  /**
   * Starts the clock of a run of the given number of generations, of which the first
   * generationsBefore were completed by an earlier, resumed attempt.
   */
  public Progress(int generations, long startNanos, int generationsBefore) {
    this.generations = generations;
    this.startNanos = startNanos;
    this.generationsBefore = generationsBefore;
  }

  /** Returns the log line for a completed generation. */
  public String line(int generation, double generationSeconds, List<GenerationReport> reports,
      long nowNanos) {
    double elapsed = (nowNanos - startNanos) / 1e9;
    generationSecondsSoFar += generationSeconds;
    double left = generationSecondsSoFar / (generation - generationsBefore)
        * (generations - generation);
    double[] generatorLosses = reports.stream().mapToDouble(GenerationReport::generatorLoss).toArray();
    double[] discriminatorLosses =
        reports.stream().mapToDouble(GenerationReport::discriminatorLoss).toArray();
    long adopted = reports.stream().filter(r -> r.generatorSource().startsWith("(")).count();
    return String.format(Locale.ROOT,
        "generation %d of %d done in %.1f s (elapsed %.1f s, about %.0f s of training left, "
            + "then scoring): "
            + "generator loss best=%.4f median=%.4f, discriminator loss best=%.4f median=%.4f, "
            + "cells=%d, centers adopted from neighbours=%d",
        generation, generations, generationSeconds, elapsed, left,
        min(generatorLosses), median(generatorLosses), min(discriminatorLosses),
        median(discriminatorLosses), reports.size(), adopted);
  }

  /** Returns the median, NaN for no values. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }
}
