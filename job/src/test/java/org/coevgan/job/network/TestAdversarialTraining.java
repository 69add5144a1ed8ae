package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.grid.Cell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TestAdversarialTraining {
  private static final NetworkSpec TINY =
      new NetworkSpec(NetworkPreset.REFERENCE_PERCEPTRON, 4, 3, 3, 0.5, 0.999, 1e-8);
  private static final int BATCH = 8;
  private static final Cell CELL = new Cell(0, 0);

  @ParameterizedTest
  @EnumSource(GeneratorObjective.class)
  void generatorGradientMatchesFiniteDifferencesOfTheObjective(GeneratorObjective objective) {
    Individual generator = Individual.newGenerator(TINY, 0.001, objective, CELL, 11);
    Individual opponent = Individual.newDiscriminator(TINY, 0.001, CELL, 12);
    INDArray noise = LatentNoise.sample(BATCH, TINY.latentSize(), new SplittableRandom(3));

    float[] analytic =
        AdversarialTraining.generatorGradient(generator, opponent, noise)
            .gradient().gradient().toFloatVector();

    int checked = 0;
    for (int index : largestEntries(analytic, 6)) {
      double numeric = finiteDifference(generator, opponent, noise, index) * BATCH;
      assertEquals(numeric, analytic[index], 0.03 * Math.abs(numeric) + 1e-3,
          "parameter " + index + " of " + objective);
      checked++;
    }
    assertEquals(6, checked);
  }

  @Test
  void trainingTheGeneratorLeavesTheOpponentUntouchedAndLowersItsLoss() {
    Individual generator =
        Individual.newGenerator(TINY, 0.01, GeneratorObjective.NON_SATURATING, CELL, 21);
    Individual opponent = Individual.newDiscriminator(TINY, 0.01, CELL, 22);
    INDArray noise = LatentNoise.sample(BATCH, TINY.latentSize(), new SplittableRandom(5));
    float[] opponentBefore = opponent.network().params().toFloatVector();

    double first = AdversarialTraining.trainGenerator(generator, opponent, noise);
    double last = first;
    for (int step = 0; step < 30; step++) {
      last = AdversarialTraining.trainGenerator(generator, opponent, noise);
    }

    assertArrayEquals(opponentBefore, opponent.network().params().toFloatVector());
    assertTrue(last < first, "loss went from " + first + " to " + last);
    assertEquals(31, generator.network().getIterationCount());
  }

  @Test
  void restoringAStateReproducesParametersAndAdamMomentsBitForBit() {
    Individual generator =
        Individual.newGenerator(TINY, 0.01, GeneratorObjective.LEAST_SQUARES, CELL, 31);
    Individual opponent = Individual.newDiscriminator(TINY, 0.01, CELL, 32);
    INDArray noise = LatentNoise.sample(BATCH, TINY.latentSize(), new SplittableRandom(6));
    AdversarialTraining.trainGenerator(generator, opponent, noise);
    IndividualState saved = generator.toState();

    Individual restored = Individual.restoreGenerator(TINY, saved, saved.learningRate());
    AdversarialTraining.trainGenerator(generator, opponent, noise);
    AdversarialTraining.trainGenerator(restored, opponent, noise);

    assertTrue(saved.hasOptimiserState());
    assertArrayEquals(generator.toState().parameters(), restored.toState().parameters());
    assertArrayEquals(generator.toState().updaterState(), restored.toState().updaterState());
    assertFalse(Arrays.equals(saved.parameters(), restored.toState().parameters()));
  }

  private static double finiteDifference(
      Individual generator, Individual opponent, INDArray noise, int index) {
    INDArray parameters = generator.network().params();
    double original = parameters.getDouble(index);
    double step = 1e-3;
    parameters.putScalar(index, original + step);
    double plus = meanObjective(generator, opponent, noise);
    parameters.putScalar(index, original - step);
    double minus = meanObjective(generator, opponent, noise);
    parameters.putScalar(index, original);
    return (plus - minus) / (2 * step);
  }

  private static double meanObjective(Individual generator, Individual opponent, INDArray noise) {
    INDArray fake = generator.network().output(noise, false);
    INDArray probabilities = opponent.network().output(fake, false);
    return AdversarialTraining.meanLoss(generator.objective(), probabilities);
  }

  private static int[] largestEntries(float[] values, int count) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(Math.abs(values[b]), Math.abs(values[a])));
    int[] top = new int[count];
    for (int i = 0; i < count; i++) {
      top[i] = order[i];
    }
    return top;
  }
}
