package org.coevgan.job.scoring;

/**
 * The Fréchet distance between two Gaussians fitted to feature vectors, the FID:
 *
 * <pre>
 *   |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr((S1 S2)^(1/2))
 * </pre>
 *
 * <p>S1 S2 is not symmetric, and a general matrix square root of it can come out complex when
 * rounding makes the product slightly indefinite (the published code then drops imaginary
 * parts). Instead we use that (S1 S2)^(1/2) has the same trace as the symmetric
 * (S1^(1/2) S2 S1^(1/2))^(1/2), and take both roots through symmetric eigen-decompositions with
 * tiny negative eigenvalues clipped to 0. Example: S1 = diag(4, 1), S2 = diag(1, 9) gives
 * S1^(1/2) S2 S1^(1/2) = diag(4, 9), trace of its root 2 + 3 = 5, and with equal means
 * FID = 5 + 10 - 2 * 5 = 5.
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /** Returns the FID between two feature summaries of the same dimension, never below 0. */
  public static double between(FeatureStatistics first, FeatureStatistics second) {
    checkComparable(first, second);
    double meanTerm = squaredDistance(first.mean(), second.mean());
    double[][] rootFirst = SymmetricMatrices.squareRoot(first.covariance());
    double[][] sandwich = SymmetricMatrices.multiply(
        SymmetricMatrices.multiply(rootFirst, second.covariance()), rootFirst);

    double traces = SymmetricMatrices.trace(first.covariance())
        + SymmetricMatrices.trace(second.covariance())
        - 2.0 * SymmetricMatrices.traceOfSquareRoot(sandwich);
    return Math.max(0.0, meanTerm + traces);
  }

  /**
   * Checks that both summaries rest on more samples than features; with fewer, a covariance is
   * singular and FID depends on the sample size more than on the images.
   */
  static void checkComparable(FeatureStatistics first, FeatureStatistics second) {
    if (first.dimension() != second.dimension()) {
      throw new IllegalArgumentException("Cannot compute FID between features of size "
          + first.dimension() + " and " + second.dimension());
    }
    int fewest = Math.min(first.sampleCount(), second.sampleCount());
    if (fewest <= first.dimension()) {
      throw new IllegalArgumentException("Cannot compute FID on " + fewest
          + " samples because the feature network gives " + first.dimension()
          + " features and FID needs more samples than features; raise scoring.sample-size "
          + "above " + first.dimension() + " or use a real table that holds more images");
    }
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double difference = a[i] - b[i];
      sum += difference * difference;
    }
    return sum;
  }
}
