package org.coevgan.job.mixture;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mixture weights over a neighbourhood's generators: always finite, non-negative and summing
 * to 1. Operations return new arrays and never break those rules.
 */
public final class MixtureWeights {
  private MixtureWeights() {}

  /** Returns n equal weights. */
  public static double[] uniform(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Cannot weight a mixture of " + n + " generators");
    }
    double[] weights = new double[n];
    Arrays.fill(weights, 1.0 / n);
    return weights;
  }

  /**
   * Returns a Gaussian step from parent: each weight plus N(0, sigma^2), negatives clipped to
   * 0, renormalised to sum 1. When every weight is clipped (nothing left to renormalise) the
   * step is infeasible and the parent comes back unchanged. Example: parent (0.5, 0.5) and
   * steps (+0.1, -0.7) give (0.6, -0.2), clipped (0.6, 0), renormalised (1, 0).
   */
  public static double[] mutate(double[] parent, double sigma, SplittableRandom random) {
    double[] child = new double[parent.length];
    double sum = 0;
    for (int i = 0; i < parent.length; i++) {
      child[i] = Math.max(0.0, parent[i] + sigma * gaussian(random));
      sum += child[i];
    }

    if (!(sum > 0) || !Double.isFinite(sum)) {
      return parent.clone();
    }
    for (int i = 0; i < child.length; i++) {
      child[i] /= sum;
    }
    return child;
  }

  /**
   * Returns how many of total samples each generator draws: floor(w * total) each, and the
   * leftover samples to the largest remainders (ties to the lower index), so the counts sum to
   * total exactly. Example: weights (0.5, 0.3, 0.2) and 7 samples give 3.5, 2.1, 1.4, floors
   * (3, 2, 1) and the leftover sample to the first: (4, 2, 1).
   */
  public static int[] counts(double[] weights, int total) {
    int[] counts = new int[weights.length];
    double[] remainders = new double[weights.length];
    int assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = weights[i] * total;
      counts[i] = (int) Math.floor(exact);
      remainders[i] = exact - counts[i];
      assigned += counts[i];
    }

    for (int left = total - assigned; left > 0; left--) {
      int largest = 0;
      for (int i = 1; i < remainders.length; i++) {
        largest = remainders[i] > remainders[largest] ? i : largest;
      }
      counts[largest]++;
      remainders[largest] = -1;
    }
    return counts;
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
