package org.coevgan.job.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pins the mathematics of FID and the Inception Score to known values. */
class TestScoreMathematics {
  @Test
  void fidOfASampleAgainstItselfIsZero() {
    FeatureStatistics sample = FeatureStatistics.of(gaussianRows(500, 8, 1.0, 3));

    double fid = FrechetDistance.between(sample, sample);

    assertEquals(0.0, fid, 1e-9);
  }

  @Test
  void fidOfTwoDiagonalGaussiansMatchesTheClosedForm() {
    FeatureStatistics first = FeatureStatistics.given(
        new double[] {0, 0}, new double[][] {{4, 0}, {0, 1}}, 100);
    FeatureStatistics second = FeatureStatistics.given(
        new double[] {1, 2}, new double[][] {{1, 0}, {0, 9}}, 100);

    double fid = FrechetDistance.between(first, second);

    // |mu1 - mu2|^2 = 5; traces 5 + 10; 2 tr sqrt(diag(4, 9)) = 2 * (2 + 3) = 10.
    assertEquals(5 + 5 + 10 - 10, fid, 1e-9);
  }

  @Test
  void fidOfTwoCorrelatedGaussiansMatchesTheClosedForm() {
    // S1 = A^2 with A = [[2, 1], [1, 2]], so S1^(1/2) = A; S2 = I gives
    // tr((A I A)^(1/2)) = tr(A) = 4, and FID = |mu|^2 + tr(S1) + tr(I) - 2 * 4.
    double[][] first = {{5, 4}, {4, 5}};
    FeatureStatistics a = FeatureStatistics.given(new double[] {3, 0}, first, 100);
    FeatureStatistics b = FeatureStatistics.given(
        new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}}, 100);

    double fid = FrechetDistance.between(a, b);

    assertEquals(9 + 10 + 2 - 8, fid, 1e-9);
  }

  @Test
  void fidOfSingularCovariancesStaysRealAndFinite() {
    double[][] singular = {{1, 1, 0}, {1, 1, 0}, {0, 0, 0}};
    FeatureStatistics a = FeatureStatistics.given(new double[3], singular, 100);
    FeatureStatistics b = FeatureStatistics.given(new double[3], singular, 100);

    double fid = FrechetDistance.between(a, b);

    assertTrue(Double.isFinite(fid));
    assertEquals(0.0, fid, 1e-6);
  }

  @Test
  void fidRefusesFewerSamplesThanFeatures() {
    FeatureStatistics few = FeatureStatistics.of(gaussianRows(8, 8, 1.0, 5));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> FrechetDistance.between(few, few));

    assertEquals("Cannot compute FID on 8 samples because the feature network gives 8 features "
        + "and FID needs more samples than features; raise scoring.sample-size above 8 or use a "
        + "real table that holds more images", error.getMessage());
  }

  @Test
  void inceptionScoreOfIdenticalPredictionsIsOne() {
    double[][] predictions = new double[100][];
    for (int i = 0; i < predictions.length; i++) {
      predictions[i] = new double[] {0.2, 0.5, 0.3};
    }

    double score = InceptionScore.of(predictions);

    assertEquals(1.0, score, 1e-9);
  }

  @Test
  void inceptionScoreOfEquallyLikelyConfidentClassesIsTheirCount() {
    int classes = 5;
    double[][] predictions = new double[100][classes];
    for (int i = 0; i < predictions.length; i++) {
      predictions[i][i % classes] = 1.0;
    }

    double score = InceptionScore.of(predictions);

    assertEquals(classes, score, 1e-6);
  }

  @Test
  void inceptionScoreRefusesFewerPredictionsThanSplits() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> InceptionScore.of(new double[5][3]));

    assertEquals("Cannot compute the Inception Score of 5 predictions in 10 splits: each split "
        + "needs at least one; raise scoring.sample-size", error.getMessage());
  }

  private static double[][] gaussianRows(int rows, int columns, double scale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] values = new double[rows][columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        values[i][j] = scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      }
    }
    return values;
  }
}
