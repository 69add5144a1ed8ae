package org.coevgan.job.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.coevgan.conf.FitnessMode;
import org.coevgan.job.cell.CellRandom.Purpose;
import org.coevgan.job.grid.Cell;
import org.junit.jupiter.api.Test;

class TestSelectionAndMutation {
  private static final List<Double> LOSSES = List.of(0.9, 0.2, 0.5, Double.NaN, 0.7);

  @Test
  void tournamentOfTheWholePopulationAlwaysPicksTheLowestLoss() {
    SplittableRandom random = new SplittableRandom(1);

    for (int draw = 0; draw < 50; draw++) {
      assertEquals(0.2, Tournament.select(LOSSES, LOSSES.size(), loss -> loss, random));
    }
  }

  @Test
  void tournamentOfOneIsUniformAndOfTwoFavoursTheFit() {
    Map<Double, Integer> single = counts(1);
    Map<Double, Integer> pairs = counts(2);

    for (double loss : LOSSES) {
      assertEquals(2000, single.getOrDefault(loss, 0), 200, "size 1, loss " + loss);
    }
    // Size 2: the best of 5 wins whenever drawn (2 of 5 pairs contain it: 40 %);
    // the NaN loser never wins against a finite contestant.
    assertEquals(4000, pairs.get(0.2), 250);
    assertEquals(null, pairs.get(Double.NaN));
  }

  @Test
  void tournamentLargerThanThePopulationIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Tournament.select(LOSSES, 6, loss -> loss, new SplittableRandom(1)));

    assertTrue(error.getMessage().contains("population.tournament-size"), error.getMessage());
  }

  @Test
  void fitnessAggregatesByMode() {
    double[] losses = {0.4, 0.9, 1.1};

    assertEquals(0.8, Fitness.aggregate(losses, FitnessMode.AVERAGE), 1e-12);
    assertEquals(0.4, Fitness.aggregate(losses, FitnessMode.BEST), 1e-12);
    assertEquals(1.1, Fitness.aggregate(losses, FitnessMode.WORST), 1e-12);
    assertEquals(0.3, Fitness.aggregate(new double[] {0.1, Double.NaN, 0.5}, FitnessMode.AVERAGE),
        1e-12, "a diverged opponent is left out");
    assertTrue(Double.isNaN(
        Fitness.aggregate(new double[] {Double.NaN, Double.NaN}, FitnessMode.BEST)));
  }

  @Test
  void mutationWithProbabilityZeroNeverChangesTheRate() {
    LearningRateMutation never = new LearningRateMutation(0.0001, 0.0);
    SplittableRandom random = new SplittableRandom(2);

    for (int i = 0; i < 100; i++) {
      assertEquals(0.0002, never.mutate(0.0002, random));
    }
  }

  @Test
  void mutationStepsHaveTheConfiguredSpreadAndNeverReachZero() {
    LearningRateMutation always = new LearningRateMutation(0.0001, 1.0);
    SplittableRandom random = new SplittableRandom(3);
    int samples = 20_000;
    double sum = 0;
    double sumOfSquares = 0;
    for (int i = 0; i < samples; i++) {
      double step = always.mutate(1.0, random) - 1.0;
      sum += step;
      sumOfSquares += step * step;
    }
    double tiny = always.mutate(1e-12, new SplittableRandom(4));

    assertEquals(0.0, sum / samples, 5e-6);
    assertEquals(0.0001, Math.sqrt(sumOfSquares / samples), 5e-6);
    assertTrue(tiny >= LearningRateMutation.MINIMUM_LEARNING_RATE);
  }

  @Test
  void mutationWithProbabilityOneHalfChangesAboutHalfTheRates() {
    LearningRateMutation half = new LearningRateMutation(0.0001, 0.5);
    SplittableRandom random = new SplittableRandom(5);
    int changed = 0;
    for (int i = 0; i < 10_000; i++) {
      changed += half.mutate(0.0002, random) != 0.0002 ? 1 : 0;
    }

    assertEquals(5000, changed, 250);
  }

  @Test
  void randomStreamsAreDistinctPerCellAndGenerationAndRepeatable() {
    long a = CellRandom.seed(42, new Cell(0, 1), 3, Purpose.GENERATION);
    long sameAgain = CellRandom.seed(42, new Cell(0, 1), 3, Purpose.GENERATION);
    long transposed = CellRandom.seed(42, new Cell(1, 0), 3, Purpose.GENERATION);
    long nextGeneration = CellRandom.seed(42, new Cell(0, 1), 4, Purpose.GENERATION);
    long otherPurpose = CellRandom.seed(42, new Cell(0, 1), 3, Purpose.SAMPLES);
    long otherRun = CellRandom.seed(43, new Cell(0, 1), 3, Purpose.GENERATION);

    assertEquals(a, sameAgain);
    assertNotEquals(a, transposed);
    assertNotEquals(a, nextGeneration);
    assertNotEquals(a, otherPurpose);
    assertNotEquals(a, otherRun);
  }

  private static Map<Double, Integer> counts(int size) {
    SplittableRandom random = new SplittableRandom(size);
    Map<Double, Integer> wins = new HashMap<>();
    for (int draw = 0; draw < 10_000; draw++) {
      wins.merge(Tournament.select(LOSSES, size, loss -> loss, random), 1, Integer::sum);
    }
    return wins;
  }
}
