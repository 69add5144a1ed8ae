package org.coevgan.job.scoring;

/**
 * The Inception Score of class predictions: exp(E_x KL(p(y|x) || p(y))), computed on each of a
 * number of equal splits and averaged, as in the published code (10 splits). Identical
 * predictions give 1; confident predictions spread evenly over k classes give k.
 */
public final class InceptionScore {
  /** Splits of the published Inception Score. */
  public static final int SPLITS = 10;

  private static final double EPSILON = 1e-12;

  private InceptionScore() {}

  /** Returns the mean score over SPLITS splits of the rows, one probability vector per row. */
  public static double of(double[][] probabilities) {
    return of(probabilities, SPLITS);
  }

  /** Returns the mean score over the given number of contiguous, equal splits. */
  public static double of(double[][] probabilities, int splits) {
    if (splits < 1 || probabilities.length < splits) {
      throw new IllegalArgumentException("Cannot compute the Inception Score of "
          + probabilities.length + " predictions in " + splits
          + " splits: each split needs at least one; raise scoring.sample-size");
    }
    double sum = 0;
    for (int split = 0; split < splits; split++) {
      int from = (int) ((long) probabilities.length * split / splits);
      int to = (int) ((long) probabilities.length * (split + 1) / splits);
      sum += splitScore(probabilities, from, to);
    }
    return sum / splits;
  }

  private static double splitScore(double[][] probabilities, int from, int to) {
    double[] marginal = new double[probabilities[from].length];
    for (int i = from; i < to; i++) {
      for (int k = 0; k < marginal.length; k++) {
        marginal[k] += probabilities[i][k] / (to - from);
      }
    }

    double divergence = 0;
    for (int i = from; i < to; i++) {
      for (int k = 0; k < marginal.length; k++) {
        double p = probabilities[i][k];
        if (p > 0) {
          divergence += p * (Math.log(p + EPSILON) - Math.log(marginal[k] + EPSILON));
        }
      }
    }
    return Math.exp(divergence / (to - from));
  }
}
