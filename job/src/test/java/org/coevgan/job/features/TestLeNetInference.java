package org.coevgan.job.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The feature classifier's inference without DL4J's layers must give DL4J's features and class
 * probabilities up to float rounding, for the image sizes the job scores, on images that span
 * the chunks it works in; other networks and feature layers stay with DL4J.
 */
class TestLeNetInference {

  @ParameterizedTest
  @ValueSource(ints = {28, 32, 64})
  void featuresAndProbabilitiesEqualDl4jsUpToRounding(int side) {
    FeatureNetwork network = trainedLooking(side, 10);
    int count = side == 64 ? 19 : 90;
    Nd4j.getRandom().setSeed(side);
    INDArray images = Nd4j.rand(DataType.FLOAT, count, side * side).subi(0.5).muli(2);

    FeatureNetwork.Activations fast = network.activations(images);
    FeatureNetwork.Activations dl4j = network.activationsByDl4j(images);

    assertClose(dl4j.features(), fast.features(), "features");
    assertClose(dl4j.probabilities(), fast.probabilities(), "probabilities");
  }

  @Test
  void otherFeatureLayersAndImageSidesNotDivisibleByFourStayWithDl4j() {
    MultiLayerNetwork classifier = new MultiLayerNetwork(
        FeatureClassifier.configuration(28, 28, 10, 3));
    classifier.init();
    MultiLayerNetwork oddSides = new MultiLayerNetwork(
        FeatureClassifier.configuration(30, 30, 10, 3));
    oddSides.init();

    assertNotNull(LeNetInference.of(classifier, FeatureClassifier.FEATURE_LAYER));
    assertNull(LeNetInference.of(classifier, 3));
    assertNull(LeNetInference.of(oddSides, FeatureClassifier.FEATURE_LAYER));
  }

  /**
   * Returns a classifier with its weights spread like a trained one's: freshly initialised
   * ReLU networks leave many units dead, which would hide mistakes in the layers behind them.
   */
  private static FeatureNetwork trainedLooking(int side, int classes) {
    MultiLayerNetwork network = new MultiLayerNetwork(
        FeatureClassifier.configuration(side, side, classes, 5));
    network.init();
    Nd4j.getRandom().setSeed(6);
    INDArray parameters = network.params();
    parameters.addi(Nd4j.rand(DataType.FLOAT, parameters.shape()).subi(0.5).muli(0.02));
    return new FeatureNetwork(network, FeatureClassifier.FEATURE_LAYER, "test");
  }

  private static void assertClose(double[][] expected, double[][] actual, String what) {
    assertEquals(expected.length, actual.length, what + " rows");
    double largest = 0;
    int positive = 0;
    for (double[] row : expected) {
      for (double value : row) {
        largest = Math.max(largest, Math.abs(value));
        positive += value > 0 ? 1 : 0;
      }
    }
    assertTrue(positive > expected.length, what + ": too few active units to compare");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i].length, actual[i].length, what + " width");
      for (int k = 0; k < expected[i].length; k++) {
        assertEquals(expected[i][k], actual[i][k], 1e-5 * largest + 1e-7,
            what + " of image " + i + " at " + k);
      }
    }
  }
}
