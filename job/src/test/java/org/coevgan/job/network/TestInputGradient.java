package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.grid.Cell;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Tests that the one-pass input gradient equals DL4J's two-pass route bit for bit. */
class TestInputGradient {
  private static final NetworkSpec TINY =
      new NetworkSpec(NetworkPreset.REFERENCE_PERCEPTRON, 4, 3, 3, 0.5, 0.999, 1e-8);
  private static final NetworkSpec CNN28 =
      new NetworkSpec(NetworkPreset.CNN28, 100, 28, 28, 0.5, 0.999, 1e-8);
  private static final Cell CELL = new Cell(0, 0);

  @ParameterizedTest
  @EnumSource(GeneratorObjective.class)
  void perceptronPassEqualsOutputThenCalculateGradients(GeneratorObjective objective) {
    assertSameAsTwoPasses(TINY, 8, objective);
  }

  @ParameterizedTest
  @EnumSource(GeneratorObjective.class)
  void convolutionalPassEqualsOutputThenCalculateGradients(GeneratorObjective objective) {
    assertSameAsTwoPasses(CNN28, 2, objective);
  }

  private static void assertSameAsTwoPasses(
      NetworkSpec spec, int batch, GeneratorObjective objective) {
    MultiLayerNetwork discriminator =
        Individual.newDiscriminator(spec, 0.001, CELL, 31).network();
    INDArray images = LatentNoise.sample(batch, spec.pixelCount(), new SplittableRandom(9));

    InputGradient onePass = InputGradient.of(discriminator, images, objective);
    INDArray probabilities = discriminator.output(images, true);
    INDArray twoPasses =
        discriminator
            .calculateGradients(images, softLabels(objective, probabilities), null, null)
            .getSecond();

    assertArrayEquals(probabilities.toFloatVector(), onePass.probabilities().toFloatVector());
    assertArrayEquals(
        twoPasses.ravel().toFloatVector(), onePass.gradient().ravel().toFloatVector());
  }

  private static INDArray softLabels(GeneratorObjective objective, INDArray probabilities) {
    float[] p = probabilities.toFloatVector();
    float[] labels = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      labels[i] = (float) objective.softLabel(p[i]);
    }
    return Nd4j.createFromArray(labels).reshape(p.length, 1);
  }
}
