package org.coevgan.job.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.coevgan.conf.ScoreKind;
import org.junit.jupiter.api.Test;

/** Checks that mixture weights stay a distribution and the (1+1) strategy only improves. */
class TestMixtureWeights {
  @Test
  void mutatedWeightsStayFiniteNonNegativeAndSumToOne() {
    SplittableRandom random = new SplittableRandom(7);
    double[] weights = MixtureWeights.uniform(5);

    for (int step = 0; step < 10_000; step++) {
      weights = MixtureWeights.mutate(weights, 0.3, random);
      assertDistribution(weights);
    }
  }

  @Test
  void stepThatClipsEveryWeightKeepsTheParent() {
    double[] parent = {1.0, 0.0};
    SplittableRandom random = new SplittableRandom(1);

    double[] child = MixtureWeights.mutate(parent, 1e6, random);
    int clippedAll = 0;
    for (int i = 0; i < 1000; i++) {
      double[] next = MixtureWeights.mutate(new double[] {1e-9, 1e-9}, 1e6, random);
      assertDistributionOrParent(next);
      clippedAll += next[0] == 1e-9 ? 1 : 0;
    }

    assertDistribution(child);
    assertTrue(clippedAll > 100, "expected many all-clipped steps, got " + clippedAll);
  }

  @Test
  void countsFollowLargestRemaindersAndSumToTheTotal() {
    int[] counts = MixtureWeights.counts(new double[] {0.5, 0.3, 0.2}, 7);

    assertArrayEquals(new int[] {4, 2, 1}, counts);
    assertEquals(1000, java.util.Arrays.stream(
        MixtureWeights.counts(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, 1000)).sum());
  }

  @Test
  void strategyKeepsOnlyImprovementsAndFindsTheBestGenerator() {
    // Score: distance of the weights from (0, 1, 0); lower wins, as FID.
    MixtureEvolution evolution = new MixtureEvolution(ScoreKind.FID, 0.2,
        w -> w[0] * w[0] + (1 - w[1]) * (1 - w[1]) + w[2] * w[2]);

    MixtureEvolution.Outcome outcome =
        evolution.evolve(MixtureWeights.uniform(3), 300, new SplittableRandom(3));

    assertDistribution(outcome.weights());
    assertTrue(outcome.weights()[1] > 0.9, "weight of the best generator "
        + outcome.weights()[1]);
    assertTrue(outcome.acceptedSteps() > 0);
  }

  @Test
  void strategyWithNoStepsReturnsTheStartAndItsScore() {
    MixtureEvolution evolution = new MixtureEvolution(ScoreKind.INCEPTION_SCORE, 0.1, w -> 2.5);

    MixtureEvolution.Outcome outcome =
        evolution.evolve(new double[] {0.25, 0.75}, 0, new SplittableRandom(1));

    assertArrayEquals(new double[] {0.25, 0.75}, outcome.weights());
    assertEquals(2.5, outcome.score());
    assertEquals(0, outcome.acceptedSteps());
  }

  private static void assertDistribution(double[] weights) {
    double sum = 0;
    for (double weight : weights) {
      assertTrue(Double.isFinite(weight) && weight >= 0, "weight " + weight);
      sum += weight;
    }
    assertEquals(1.0, sum, 1e-9);
  }

  private static void assertDistributionOrParent(double[] weights) {
    for (double weight : weights) {
      assertTrue(Double.isFinite(weight) && weight >= 0, "weight " + weight);
    }
  }
}
