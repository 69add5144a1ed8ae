package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coevgan.conf.NetworkPreset;
import org.junit.jupiter.api.Test;

class TestNetworkFactory {
  private static final int PAPER_LATENT = 64;

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
  void sameSeedGivesSameWeightsAndOtherSeedsDiffer() {
    NetworkSpec spec = spec(NetworkPreset.REFERENCE_PERCEPTRON);

    float[] first = NetworkFactory.newGenerator(spec, 0.0002, 7).params().toFloatVector();
    float[] again = NetworkFactory.newGenerator(spec, 0.0002, 7).params().toFloatVector();
    float[] other = NetworkFactory.newGenerator(spec, 0.0002, 8).params().toFloatVector();

    assertTrue(java.util.Arrays.equals(first, again));
    assertTrue(!java.util.Arrays.equals(first, other));
  }

  private static NetworkSpec spec(NetworkPreset preset) {
    return new NetworkSpec(preset, PAPER_LATENT, 28, 28, 0.5, 0.999, 1e-8);
  }
}
