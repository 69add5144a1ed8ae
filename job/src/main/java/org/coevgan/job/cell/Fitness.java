package org.coevgan.job.cell;

import org.coevgan.conf.FitnessMode;

/**
 * Fitness arithmetic. A fitness is a loss, so lower is better, and a NaN or infinite loss ranks
 * below every finite one.
 */
public final class Fitness {
  private Fitness() {}

  /** Compares two losses, ordering non-finite values after all finite ones. */
  public static int compare(double a, double b) {
    boolean aFinite = Double.isFinite(a);
    boolean bFinite = Double.isFinite(b);
    if (aFinite != bFinite) {
      return aFinite ? -1 : 1;
    }
    return aFinite ? Double.compare(a, b) : 0;
  }

  /**
   * Aggregates one individual's losses against each opponent by the configured mode. Example:
   * losses 0.4, 0.9 and 1.1 give 0.8 for average, 0.4 for best and 1.1 for worst.
   *
   * <p>Non-finite losses are left out: they come from a diverged opponent (or from this
   * individual having diverged, in which case every loss is non-finite and the result is NaN).
   * Without this one diverged discriminator would make every generator's fitness NaN.
   */
  public static double aggregate(double[] lossesAgainstOpponents, FitnessMode mode) {
    double sum = 0;
    int counted = 0;
    double best = Double.POSITIVE_INFINITY;
    double worst = Double.NEGATIVE_INFINITY;
    for (double loss : lossesAgainstOpponents) {
      if (Double.isFinite(loss)) {
        sum += loss;
        counted++;
        best = Math.min(best, loss);
        worst = Math.max(worst, loss);
      }
    }
    if (counted == 0) {
      return Double.NaN;
    }
    return switch (mode) {
      case AVERAGE -> sum / counted;
      case BEST -> best;
      case WORST -> worst;
    };
  }
}
