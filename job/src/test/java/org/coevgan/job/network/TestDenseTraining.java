package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.grid.Cell;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ties the fused perceptron updates of {@link DenseTraining} to DL4J's own: the gradients to
 * {@code calculateGradients} (the generator's through {@link InputGradient}), and one Adam update
 * to DL4J's updater, for both perceptron presets at their real sizes and every objective.
 */
class TestDenseTraining {
  private static final int BATCH = 8;
  private static final double RATE = 0.001;
  private static final Cell CELL = new Cell(0, 0);

  static Stream<Arguments> presetsAndObjectives() {
    return Stream.of(NetworkPreset.REFERENCE_PERCEPTRON, NetworkPreset.FOUR_LAYER_PERCEPTRON)
        .flatMap(preset -> Stream.of(GeneratorObjective.values())
            .map(objective -> Arguments.of(preset, objective)));
  }

  @ParameterizedTest
  @MethodSource("presetsAndObjectives")
  void generatorGradientAndUpdateMatchDl4j(NetworkPreset preset, GeneratorObjective objective) {
    NetworkSpec spec = spec(preset);
    Individual fused = Individual.newGenerator(spec, RATE, objective, CELL, 1);
    Individual reference = Individual.newGenerator(spec, RATE, objective, CELL, 1);
    Individual opponent = Individual.newDiscriminator(spec, RATE, CELL, 2);
    INDArray noise = LatentNoise.sample(BATCH, spec.latentSize(), new SplittableRandom(3));
    float[] opponentBefore = opponent.network().params().toFloatVector();

    double fusedLoss = DenseTraining.generatorGradient(fused, opponent, noise);
    AdversarialTraining.GeneratorGradient dl4j =
        AdversarialTraining.generatorGradient(reference, opponent, noise);

    assertEquals(dl4j.meanLoss(), fusedLoss, 1e-6);
    assertClose(batchMean(dl4j.gradient(), BATCH), fused.denseLayers().gradient(), 1e-3,
        "generator gradient");
    assertAdamMatchesDl4j(fused, reference, dl4j.gradient(), BATCH);
    assertWithin(opponentBefore, opponent.network().params().toFloatVector(), 0,
        "opponent parameters");
  }

  @ParameterizedTest
  @EnumSource(
      value = NetworkPreset.class,
      names = {"REFERENCE_PERCEPTRON", "FOUR_LAYER_PERCEPTRON"})
  void discriminatorGradientAndUpdateMatchDl4j(NetworkPreset preset) {
    NetworkSpec spec = spec(preset);
    Individual fused = Individual.newDiscriminator(spec, RATE, CELL, 4);
    Individual reference = Individual.newDiscriminator(spec, RATE, CELL, 4);
    INDArray real = LatentNoise.sample(BATCH, spec.pixelCount(), new SplittableRandom(5));
    INDArray fake = LatentNoise.sample(BATCH, spec.pixelCount(), new SplittableRandom(6));

    DenseTraining.discriminatorGradient(fused, real, fake);
    INDArray realGradient = labelledGradient(reference, real, 1).gradient().dup();
    Gradient dl4j = labelledGradient(reference, fake, 0);
    dl4j.gradient().addi(realGradient);

    assertClose(batchMean(dl4j, 2 * BATCH), fused.denseLayers().gradient(), 1e-3,
        "discriminator gradient");
    assertAdamMatchesDl4j(fused, reference, dl4j, 2 * BATCH);
  }

  @Test
  void laterStepsKeepMatchingDl4jAsBiasCorrectionChanges() {
    NetworkSpec spec = spec(NetworkPreset.REFERENCE_PERCEPTRON);
    Twins twins = twins(spec, 7, 8);
    Individual fusedGenerator = twins.generator();
    Individual referenceGenerator = twins.generatorTwin();
    Individual fusedDiscriminator = twins.discriminator();
    Individual referenceDiscriminator = twins.discriminatorTwin();
    SplittableRandom random = new SplittableRandom(9);

    for (int step = 0; step < 5; step++) {
      INDArray noise = LatentNoise.sample(BATCH, spec.latentSize(), random);
      INDArray real = LatentNoise.sample(BATCH, spec.pixelCount(), random);
      AdversarialTraining.trainGenerator(fusedGenerator, fusedDiscriminator, noise);
      AdversarialTraining.trainGeneratorByDl4j(referenceGenerator, referenceDiscriminator, noise);
      AdversarialTraining.trainDiscriminator(fusedDiscriminator, real, fusedGenerator, noise);
      AdversarialTraining.trainDiscriminatorByDl4j(referenceDiscriminator, real,
          AdversarialTraining.fakeImages(referenceGenerator, noise));
    }

    assertEquals(5, fusedGenerator.network().getIterationCount());
    assertTrainedAlike(referenceGenerator, fusedGenerator, "generator after 5 steps");
    assertTrainedAlike(referenceDiscriminator, fusedDiscriminator,
        "discriminator after 5 steps");
  }

  @ParameterizedTest
  @EnumSource(
      value = NetworkPreset.class,
      names = {"REFERENCE_PERCEPTRON", "FOUR_LAYER_PERCEPTRON"})
  void updatingEachLayerDuringBackpropEqualsUpdatingAfterwardsBitForBit(NetworkPreset preset) {
    NetworkSpec spec = spec(preset);
    Twins twins = twins(spec, 12, 13);
    Individual layerByLayer = twins.generator();
    Individual afterwards = twins.generatorTwin();
    Individual discriminator = twins.discriminator();
    Individual discriminatorAfterwards = twins.discriminatorTwin();
    SplittableRandom random = new SplittableRandom(14);

    for (int step = 0; step < 3; step++) {
      INDArray noise = LatentNoise.sample(BATCH, spec.latentSize(), random);
      INDArray real = LatentNoise.sample(BATCH, spec.pixelCount(), random);
      DenseTraining.trainGenerator(layerByLayer, discriminator, noise);
      DenseTraining.generatorGradient(afterwards, discriminatorAfterwards, noise);
      afterwards.adam().step();
      DenseTraining.trainDiscriminator(discriminator, real, layerByLayer, noise);
      DenseLayers generatorLayers = afterwards.denseLayers();
      INDArray fake = generatorLayers.forward(generatorLayers.pass(BATCH), noise);
      DenseTraining.discriminatorGradient(discriminatorAfterwards, real, fake);
      discriminatorAfterwards.adam().step();
    }

    assertWithin(afterwards.network().params().toFloatVector(),
        layerByLayer.network().params().toFloatVector(), 0, "generator parameters");
    assertWithin(afterwards.network().updaterState().toFloatVector(),
        layerByLayer.network().updaterState().toFloatVector(), 0, "generator Adam moments");
    assertWithin(discriminatorAfterwards.network().params().toFloatVector(),
        discriminator.network().params().toFloatVector(), 0, "discriminator parameters");
    assertEquals(3, layerByLayer.network().getIterationCount());
  }

  /**
   * Checks that two networks trained from the same start along the two paths agree. Adam moves
   * every parameter by about the learning rate per step whatever the gradient's size, so a
   * gradient that rounding moves across zero changes its parameter by up to twice the rate; all
   * parameters must stay within that, and all but one in a thousand within a hundredth of it.
   */
  private static void assertTrainedAlike(Individual reference, Individual fused, String what) {
    float[] expected = reference.network().params().toFloatVector();
    float[] actual = fused.network().params().toFloatVector();
    int far = 0;
    for (int i = 0; i < expected.length; i++) {
      double difference = Math.abs(expected[i] - actual[i]);
      assertTrue(difference <= 2 * RATE * 5, what + " at " + i + ": " + difference);
      far += difference > RATE / 100 ? 1 : 0;
    }
    assertTrue(far <= expected.length / 1000, what + ": " + far + " of " + expected.length
        + " parameters differ by more than a hundredth of the learning rate");
  }

  @Test
  void convolutionalAndDoublePrecisionNetworksStayWithDl4j() {
    NetworkSpec cnn = new NetworkSpec(NetworkPreset.CNN28, 100, 28, 28, 0.5, 0.999, 1e-8);
    Individual convolutional = Individual.newDiscriminator(cnn, RATE, CELL, 10);
    Individual perceptron = Individual.newDiscriminator(spec(NetworkPreset.FOUR_LAYER_PERCEPTRON),
        RATE, CELL, 11);
    Individual inDouble =
        perceptron.withNetwork(perceptron.network().convertDataType(DataType.DOUBLE));

    assertFalse(convolutional.isDense());
    assertFalse(inDouble.isDense());
    assertTrue(perceptron.isDense());
    assertNotNull(perceptron.denseLayers().gradient());
  }

  /**
   * Applies one Adam update from the fused gradient both ways: the fused one, and DL4J's updater
   * given the same gradient times the batch size (exact, as the batch is a power of two), which
   * it divides again. Adam amplifies the rounding differences of gradients near zero, so the
   * updaters are compared on equal gradients and must agree to float rounding.
   */
  private static void assertAdamMatchesDl4j(Individual fused, Individual reference,
      Gradient dl4jGradient, int batch) {
    MultiLayerNetwork network = reference.network();
    dl4jGradient.gradient().assign(fused.denseLayers().gradient()).muli(batch);
    int iteration = network.getIterationCount();

    fused.adam().step();
    network.getUpdater().update(network, dl4jGradient, iteration, network.getEpochCount(),
        batch, LayerWorkspaceMgr.noWorkspaces());
    network.params().subi(dl4jGradient.gradient());
    network.setIterationCount(iteration + 1);

    assertEquals(iteration + 1, fused.network().getIterationCount());
    assertClose(network.updaterState().toFloatVector(),
        fused.network().updaterState().toFloatVector(), 1e-5, "Adam moments");
    assertWithin(network.params().toFloatVector(), fused.network().params().toFloatVector(),
        RATE * 1e-4, "parameters after the update");
  }

  private static Gradient labelledGradient(Individual discriminator, INDArray images, int label) {
    INDArray labels = Nd4j.valueArrayOf(new long[] {images.rows(), 1}, label, DataType.FLOAT);
    return discriminator.network().calculateGradients(images, labels, null, null).getFirst();
  }

  private static float[] batchMean(Gradient gradient, int batch) {
    return gradient.gradient().dup().divi(batch).toFloatVector();
  }

  private static void assertClose(float[] expected, INDArray actual, double relative,
      String what) {
    assertClose(expected, actual.toFloatVector(), relative, what);
  }

  /**
   * Compares element by element, allowing the relative error of float sums formed in another
   * order plus the same share of the vector's largest magnitude, for entries near zero.
   */
  private static void assertClose(float[] expected, float[] actual, double relative,
      String what) {
    assertEquals(expected.length, actual.length, what + " length");
    double largest = 0;
    for (float value : expected) {
      largest = Math.max(largest, Math.abs(value));
    }
    for (int i = 0; i < expected.length; i++) {
      double tolerance = relative * (Math.abs(expected[i]) + largest * 0.01);
      assertEquals(expected[i], actual[i], tolerance, what + " at " + i);
    }
  }

  private static void assertWithin(float[] expected, float[] actual, double tolerance,
      String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance, what + " at " + i);
    }
  }

  /** A generator and a discriminator, each with an identical twin to train another way. */
  private record Twins(Individual generator, Individual generatorTwin, Individual discriminator,
      Individual discriminatorTwin) {}

  private static Twins twins(NetworkSpec spec, long generatorSeed, long discriminatorSeed) {
    GeneratorObjective objective = GeneratorObjective.LEAST_SQUARES;
    return new Twins(
        Individual.newGenerator(spec, RATE, objective, CELL, generatorSeed),
        Individual.newGenerator(spec, RATE, objective, CELL, generatorSeed),
        Individual.newDiscriminator(spec, RATE, CELL, discriminatorSeed),
        Individual.newDiscriminator(spec, RATE, CELL, discriminatorSeed));
  }

  private static NetworkSpec spec(NetworkPreset preset) {
    return new NetworkSpec(preset, 64, 28, 28, 0.5, 0.999, 1e-8);
  }
}
