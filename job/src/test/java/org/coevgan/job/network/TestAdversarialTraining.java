package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.grid.Cell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Tests the generator's gradient, the discriminator's update and exact restoring. */
class TestAdversarialTraining {
  private static final NetworkSpec TINY =
      new NetworkSpec(NetworkPreset.REFERENCE_PERCEPTRON, 4, 3, 3, 0.5, 0.999, 1e-8);
  private static final NetworkSpec CNN28 =
      new NetworkSpec(NetworkPreset.CNN28, 100, 28, 28, 0.5, 0.999, 1e-8);
  private static final int BATCH = 8;
  private static final int CONVOLUTIONAL_BATCH = 4;
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

  /**
   * Checks, for the largest gradient entry of every trainable parameter array (weights, biases,
   * batch-norm scales and shifts), the batch-summed analytic gradient against central
   * differences of the mean objective. The running statistics are skipped: back-propagation
   * returns their moving-average step there, not a gradient.
   *
   * <p>Batch normalisation stays in training mode on both sides, as in a training step, so the
   * objective depends smoothly on the weights through each batch's own statistics. What makes
   * a float32 check ill-posed is the ReLU and leaky-ReLU kinks: with 4 x 784 output pixels some
   * unit sits within 1e-3 of its kink, so central differences at that step missed the final
   * bias's gradient by 9 % in a trial, while steps small enough to cross no kink (1e-6) drown in
   * float32 rounding. The check therefore runs on double-precision copies of the same networks,
   * where a step of 1e-6 agreed to six digits in a trial, and then ties the float32 gradient to
   * the double one (float32 sums over up to 440 channels: 0.1 % plus 1e-5).
   */
  @ParameterizedTest
  @EnumSource(GeneratorObjective.class)
  void cnn28GeneratorGradientMatchesFiniteDifferencesInTrainingMode(
      GeneratorObjective objective) {
    Individual generator = Individual.newGenerator(CNN28, 0.001, objective, CELL, 41);
    Individual opponent = Individual.newDiscriminator(CNN28, 0.001, CELL, 42);
    Individual exactGenerator = inDoublePrecision(generator);
    Individual exactOpponent = inDoublePrecision(opponent);
    INDArray noise =
        LatentNoise.sample(CONVOLUTIONAL_BATCH, CNN28.latentSize(), new SplittableRandom(7));

    Map<String, INDArray> exact = gradient(exactGenerator, exactOpponent, noise);
    Map<String, INDArray> single = gradient(generator, opponent, noise);

    int checked = 0;
    for (Map.Entry<String, INDArray> entry : exact.entrySet()) {
      if (RunningStatistics.isStatistic(entry.getKey())) {
        continue;
      }
      long largest = largestEntry(entry.getValue());
      double analytic = entry.getValue().getDouble(largest);
      double numeric = CONVOLUTIONAL_BATCH * exactDifference(exactGenerator, exactOpponent,
          noise, exactGenerator.network().getParam(entry.getKey()), largest);
      String name = entry.getKey() + "[" + largest + "] of " + objective;
      assertEquals(numeric, analytic, 1e-4 * Math.abs(numeric) + 1e-8, name);
      assertEquals(analytic, single.get(entry.getKey()).getDouble(largest),
          1e-3 * Math.abs(analytic) + 1e-5, name + " in float32");
      checked++;
    }

    // Four transposed convolutions (weights and bias) and three batch normalisations.
    assertEquals(14, checked);
  }

  @Test
  void trainingACnn28GeneratorLeavesTheOpponentAndItsStatisticsUntouched() {
    Individual generator =
        Individual.newGenerator(CNN28, 0.001, GeneratorObjective.MINIMAX, CELL, 51);
    Individual opponent = Individual.newDiscriminator(CNN28, 0.001, CELL, 52);
    INDArray noise =
        LatentNoise.sample(CONVOLUTIONAL_BATCH, CNN28.latentSize(), new SplittableRandom(8));
    float[] opponentBefore = opponent.network().params().toFloatVector();
    float[] generatorBefore = generator.network().params().toFloatVector();

    AdversarialTraining.trainGenerator(generator, opponent, noise);

    assertArrayEquals(opponentBefore, opponent.network().params().toFloatVector());
    assertFalse(Arrays.equals(generatorBefore, generator.network().params().toFloatVector()));
    assertFalse(Arrays.equals(statistics(generatorBefore, generator),
        statistics(generator.network().params().toFloatVector(), generator)));
  }

  @Test
  void discriminatorStepMatchesFitOnTheStackedBatchWithoutBatchNormalisation() {
    Individual separate = Individual.newDiscriminator(TINY, 0.01, CELL, 61);
    Individual stacked = Individual.newDiscriminator(TINY, 0.01, CELL, 61);
    INDArray real = LatentNoise.sample(BATCH, TINY.pixelCount(), new SplittableRandom(9));
    INDArray fake = LatentNoise.sample(BATCH, TINY.pixelCount(), new SplittableRandom(10));
    INDArray labels = Nd4j.vstack(Nd4j.ones(DataType.FLOAT, BATCH, 1),
        Nd4j.zeros(DataType.FLOAT, BATCH, 1));

    // DL4J's path, which the convolutional presets take; TestDenseTraining ties the perceptrons'
    // fused path to DL4J's gradients and updater.
    AdversarialTraining.trainDiscriminatorByDl4j(separate, real, fake);
    stacked.network().fit(Nd4j.vstack(real, fake), labels);

    // Adam's first step is about the learning rate times the gradient's sign, so summing the
    // two batches' gradients in another order moves a parameter whose gradient is nearly zero
    // by a visible amount: one of the 267,009 moved by 1.5e-5 in a trial. 1e-5 is a thousandth
    // of the step; all but one parameter in ten thousand must stay within it, and all within
    // the step itself.
    float[] expected = stacked.network().params().toFloatVector();
    float[] actual = separate.network().params().toFloatVector();
    int far = 0;
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 0.01, "parameter " + i);
      far += Math.abs(expected[i] - actual[i]) > 1e-5 ? 1 : 0;
    }
    assertTrue(far <= expected.length / 10_000, far + " parameters moved by more than 1e-5");
    assertEquals(1, separate.network().getIterationCount());
  }

  @Test
  void discriminatorStepMovesRunningStatisticsOnceForBothBatches() {
    Individual separate = Individual.newDiscriminator(CNN28, 0.001, CELL, 71);
    Individual single = Individual.newDiscriminator(CNN28, 0.001, CELL, 71);
    INDArray images = LatentNoise.sample(CONVOLUTIONAL_BATCH, CNN28.pixelCount(),
        new SplittableRandom(11));
    INDArray ones = Nd4j.ones(DataType.FLOAT, CONVOLUTIONAL_BATCH, 1);

    // With the same images as the real and the fake batch, both batches have the same
    // statistics, so one step towards their average equals DL4J's own step on one batch.
    AdversarialTraining.trainDiscriminator(separate, images, images);
    single.network().fit(images, ones);

    float[] expected = statistics(single.network().params().toFloatVector(), single);
    float[] actual = statistics(separate.network().params().toFloatVector(), separate);
    float[] initial = statistics(
        Individual.newDiscriminator(CNN28, 0.001, CELL, 71).network().params().toFloatVector(),
        separate);
    assertArrayEquals(expected, actual);
    assertFalse(Arrays.equals(initial, actual));
  }

  @Test
  void restoringACnn28StateReproducesRunningStatisticsBitForBit() {
    Individual generator =
        Individual.newGenerator(CNN28, 0.001, GeneratorObjective.MINIMAX, CELL, 81);
    Individual discriminator = Individual.newDiscriminator(CNN28, 0.001, CELL, 82);
    INDArray noise =
        LatentNoise.sample(CONVOLUTIONAL_BATCH, CNN28.latentSize(), new SplittableRandom(12));
    INDArray real =
        LatentNoise.sample(CONVOLUTIONAL_BATCH, CNN28.pixelCount(), new SplittableRandom(13));
    AdversarialTraining.trainGenerator(generator, discriminator, noise);
    AdversarialTraining.trainDiscriminator(
        discriminator, real, AdversarialTraining.fakeImages(generator, noise));
    IndividualState savedGenerator = generator.toState();
    IndividualState savedDiscriminator = discriminator.toState();

    Individual restoredGenerator =
        Individual.restoreGenerator(CNN28, savedGenerator, savedGenerator.learningRate());
    Individual restoredDiscriminator = Individual.restoreDiscriminator(
        CNN28, savedDiscriminator, savedDiscriminator.learningRate());

    assertArrayEquals(savedGenerator.parameters(), restoredGenerator.toState().parameters());
    assertArrayEquals(savedDiscriminator.parameters(),
        restoredDiscriminator.toState().parameters());
    assertArrayEquals(savedGenerator.updaterState(), restoredGenerator.toState().updaterState());
    assertFalse(Arrays.equals(statistics(savedGenerator.parameters(), generator),
        statistics(Individual.newGenerator(CNN28, 0.001, GeneratorObjective.MINIMAX, CELL, 81)
            .network().params().toFloatVector(), generator)));
    INDArray fake = generator.network().output(noise, false);
    assertArrayEquals(fake.ravel().toFloatVector(),
        restoredGenerator.network().output(noise, false).ravel().toFloatVector());
    assertArrayEquals(discriminator.network().output(fake, false).ravel().toFloatVector(),
        restoredDiscriminator.network().output(fake, false).ravel().toFloatVector());
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

  private static Individual inDoublePrecision(Individual individual) {
    return individual.withNetwork(individual.network().convertDataType(DataType.DOUBLE));
  }

  private static Map<String, INDArray> gradient(
      Individual generator, Individual opponent, INDArray noise) {
    INDArray typed = noise.castTo(generator.network().params().dataType());
    return AdversarialTraining.generatorGradient(generator, opponent, typed)
        .gradient().gradientForVariable();
  }

  /**
   * Returns the central difference, with a step of 1e-6, of the mean objective computed in
   * double precision throughout (the job's meanLoss rounds probabilities to float).
   */
  private static double exactDifference(Individual generator, Individual opponent,
      INDArray noise, INDArray parameters, long index) {
    INDArray typed = noise.castTo(DataType.DOUBLE);
    double original = parameters.getDouble(index);
    double step = 1e-6;
    parameters.putScalar(index, original + step);
    double plus = exactObjective(generator, opponent, typed);
    parameters.putScalar(index, original - step);
    double minus = exactObjective(generator, opponent, typed);
    parameters.putScalar(index, original);
    return (plus - minus) / (2 * step);
  }

  private static double exactObjective(Individual generator, Individual opponent,
      INDArray noise) {
    INDArray fake = AdversarialTraining.fakeImages(generator, noise);
    double sum = 0;
    double[] probabilities = opponent.network().output(fake, true).toDoubleVector();
    for (double p : probabilities) {
      sum += generator.objective().loss(p);
    }
    return sum / probabilities.length;
  }

  /** Returns the objective as a training step computes it: both networks in training mode. */
  private static double meanObjective(Individual generator, Individual opponent, INDArray noise) {
    INDArray fake = AdversarialTraining.fakeImages(generator, noise);
    INDArray probabilities = opponent.network().output(fake, true);
    return AdversarialTraining.meanLoss(generator.objective(), probabilities);
  }

  private static long largestEntry(INDArray values) {
    long largest = 0;
    for (long i = 1; i < values.length(); i++) {
      if (Math.abs(values.getDouble(i)) > Math.abs(values.getDouble(largest))) {
        largest = i;
      }
    }
    return largest;
  }

  /** Returns the running statistics among parameters laid out like the individual's network. */
  private static float[] statistics(float[] parameters, Individual individual) {
    INDArray flat = Nd4j.createFromArray(parameters);
    return Nd4j.concat(0, RunningStatistics.views(individual.network(), flat)
        .toArray(new INDArray[0])).toFloatVector();
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
