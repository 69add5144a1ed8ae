package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.coevgan.conf.NetworkPreset;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Tests the parameter counts, shapes and seeding of every network preset. */
class TestNetworkFactory {
  private static final int PAPER_LATENT = 64;
  private static final int CONVOLUTIONAL_LATENT = 100;

  @Test
  void fourLayerPerceptronLandsWithinOnePercentOfTableOne() {
    NetworkSpec spec = spec(NetworkPreset.FOUR_LAYER_PERCEPTRON);

    long generator = NetworkFactory.newGenerator(spec, 0.0002, 1).numParams();
    long discriminator = NetworkFactory.newDiscriminator(spec, 0.0002, 1).numParams();

    assertEquals(1_043_524, generator);
    assertEquals(798_871, discriminator);
    assertTrue(Math.abs(generator - 1_041_432) / 1_041_432.0 < 0.01);
    assertTrue(Math.abs(discriminator - 798_673) / 798_673.0 < 0.01);
  }

  @Test
  void referencePerceptronMatchesThePublishedReferenceExactly() {
    NetworkSpec spec = spec(NetworkPreset.REFERENCE_PERCEPTRON);

    long generator = NetworkFactory.newGenerator(spec, 0.0002, 1).numParams();
    long discriminator = NetworkFactory.newDiscriminator(spec, 0.0002, 1).numParams();

    assertEquals(283_920, generator);
    assertEquals(267_009, discriminator);
  }

  @Test
  void tinyPerceptronHasTheReferenceLayoutWithSixteenUnitsAndTrainsOnTheFusedPath() {
    NetworkSpec spec = spec(NetworkPreset.TINY_PERCEPTRON);

    var generator = NetworkFactory.newGenerator(spec, 0.0002, 1);
    var discriminator = NetworkFactory.newDiscriminator(spec, 0.0002, 1);

    assertEquals(64 * 16 + 16 + 16 * 16 + 16 + 16 * 784 + 784, generator.numParams());
    assertEquals(784 * 16 + 16 + 16 * 16 + 16 + 16 + 1, discriminator.numParams());
    assertTrue(DenseLayers.of(generator) != null && DenseLayers.of(discriminator) != null,
        "tiny-4lp trains through the fused perceptron path");
  }

  @Test
  void sameSeedGivesSameWeightsAndOtherSeedsDiffer() {
    NetworkSpec spec = spec(NetworkPreset.REFERENCE_PERCEPTRON);

    float[] first = NetworkFactory.newGenerator(spec, 0.0002, 7).params().toFloatVector();
    float[] again = NetworkFactory.newGenerator(spec, 0.0002, 7).params().toFloatVector();
    float[] other = NetworkFactory.newGenerator(spec, 0.0002, 8).params().toFloatVector();

    assertTrue(java.util.Arrays.equals(first, again));
    assertTrue(!java.util.Arrays.equals(first, other));
  }

  @Test
  void cnn64HasExactlyTableOnesTrainableParameters() {
    NetworkSpec spec = convolutionalSpec(NetworkPreset.CNN64, 64);

    MultiLayerNetwork generator = NetworkFactory.newGenerator(spec, 0.0002, 1);
    MultiLayerNetwork discriminator = NetworkFactory.newDiscriminator(spec, 0.0002, 1);

    // DL4J also stores two running statistics per batch-normalised channel:
    // 2 * (512 + 256 + 128 + 64) = 1,920 and 2 * (128 + 256 + 512) = 1,792.
    assertEquals(3_575_617, RunningStatistics.trainableCount(generator));
    assertEquals(2_764_481, RunningStatistics.trainableCount(discriminator));
    assertEquals(3_575_617 + 1_920, generator.numParams());
    assertEquals(2_764_481 + 1_792, discriminator.numParams());
  }

  @Test
  void cnn28LandsWithinATenthOfAPercentOfTableOne() {
    NetworkSpec spec = convolutionalSpec(NetworkPreset.CNN28, 28);

    MultiLayerNetwork generator = NetworkFactory.newGenerator(spec, 0.0002, 1);
    MultiLayerNetwork discriminator = NetworkFactory.newDiscriminator(spec, 0.0002, 1);

    long generatorCount = RunningStatistics.trainableCount(generator);
    long discriminatorCount = RunningStatistics.trainableCount(discriminator);
    assertEquals(1_966_471, generatorCount);
    assertEquals(1_156_996, discriminatorCount);
    assertEquals(1_966_471 + 2 * (440 + 220 + 110), generator.numParams());
    assertEquals(1_156_996 + 2 * (210 + 420), discriminator.numParams());
    assertTrue(Math.abs(generatorCount - 1_964_896) / 1_964_896.0 < 0.001);
    assertTrue(Math.abs(discriminatorCount - 1_156_544) / 1_156_544.0 < 0.001);
  }

  @ParameterizedTest
  @EnumSource(value = NetworkPreset.class, names = {"CNN28", "CNN64"})
  void convolutionalNetworksTakeAndReturnFlatRows(NetworkPreset preset) {
    int side = preset.imageSide();
    NetworkSpec spec = convolutionalSpec(preset, side);
    MultiLayerNetwork generator = NetworkFactory.newGenerator(spec, 0.0002, 2);
    MultiLayerNetwork discriminator = NetworkFactory.newDiscriminator(spec, 0.0002, 3);
    INDArray noise = LatentNoise.sample(2, spec.latentSize(), new SplittableRandom(4));

    INDArray images = generator.output(noise, false);
    INDArray probabilities = discriminator.output(images, false);

    assertArrayEquals(new long[] {2, (long) side * side}, images.shape());
    assertArrayEquals(new long[] {2, 1}, probabilities.shape());
    assertTrue(images.amaxNumber().doubleValue() <= 1.0);
    assertTrue(probabilities.minNumber().doubleValue() > 0.0);
  }

  @Test
  void refusesToBuildAConvolutionalPresetForAnotherImageSize() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new NetworkSpec(NetworkPreset.CNN64, 100, 28, 28, 0.5, 0.999, 1e-8));

    assertEquals("Cannot build network.preset cnn64 for 28x28 images: it needs 64x64 images; "
        + "prepare the data with --size 64 or choose another network.preset", error.getMessage());
  }

  private static NetworkSpec spec(NetworkPreset preset) {
    return new NetworkSpec(preset, PAPER_LATENT, 28, 28, 0.5, 0.999, 1e-8);
  }

  private static NetworkSpec convolutionalSpec(NetworkPreset preset, int side) {
    return new NetworkSpec(preset, CONVOLUTIONAL_LATENT, side, side, 0.5, 0.999, 1e-8);
  }
}
