package org.coevgan.job.scoring;

import java.io.Serializable;

/**
 * The mean and covariance of feature vectors, the summary FID compares. The covariance is the
 * unbiased sample covariance (divided by n - 1), as in the published FID code.
 */
public final class FeatureStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] mean;
  private final double[][] covariance;
  private final int sampleCount;

  private FeatureStatistics(double[] mean, double[][] covariance, int sampleCount) {
    this.mean = mean;
    this.covariance = covariance;
    this.sampleCount = sampleCount;
  }

  /** Returns the statistics of the rows of features, one sample per row. */
  public static FeatureStatistics of(double[][] features) {
    if (features.length < 2) {
      throw new IllegalArgumentException(
          "Cannot estimate a covariance from " + features.length + " samples: at least 2 needed");
    }
    double[] mean = meanOf(features);
    return new FeatureStatistics(mean, covarianceOf(features, mean), features.length);
  }

  /** Returns statistics given directly, for tests and closed-form checks. */
  public static FeatureStatistics given(double[] mean, double[][] covariance, int sampleCount) {
    if (covariance.length != mean.length) {
      throw new IllegalArgumentException("Cannot pair a mean of size " + mean.length
          + " with a covariance of size " + covariance.length);
    }
    return new FeatureStatistics(mean.clone(), covariance, sampleCount);
  }

  private static double[] meanOf(double[][] features) {
    int size = features[0].length;
    double[] mean = new double[size];
    for (double[] row : features) {
      checkWidth(row, size);
      for (int j = 0; j < size; j++) {
        mean[j] += row[j];
      }
    }

    for (int j = 0; j < size; j++) {
      mean[j] /= features.length;
    }
    return mean;
  }

  private static double[][] covarianceOf(double[][] features, double[] mean) {
    int size = mean.length;
    double[][] covariance = new double[size][size];
    double[] centred = new double[size];
    for (double[] row : features) {
      for (int j = 0; j < size; j++) {
        centred[j] = row[j] - mean[j];
      }
      for (int i = 0; i < size; i++) {
        for (int j = i; j < size; j++) {
          covariance[i][j] += centred[i] * centred[j];
        }
      }
    }

    for (int i = 0; i < size; i++) {
      for (int j = i; j < size; j++) {
        covariance[i][j] /= features.length - 1;
        covariance[j][i] = covariance[i][j];
      }
    }
    return covariance;
  }

  private static void checkWidth(double[] row, int size) {
    if (row.length != size) {
      throw new IllegalArgumentException("Cannot summarise features of mixed sizes "
          + size + " and " + row.length);
    }
  }

  public double[] mean() {
    return mean.clone();
  }

  public double[][] covariance() {
    return covariance;
  }

  public int sampleCount() {
    return sampleCount;
  }

  /** Returns the feature dimension. */
  public int dimension() {
    return mean.length;
  }
}
