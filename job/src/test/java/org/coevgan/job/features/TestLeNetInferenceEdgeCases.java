package org.coevgan.job.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Networks near the feature classifier's shape: whatever {@link LeNetInference#of}
 * accepts must give DL4J's activations; a network it cannot compute must be left to DL4J (the
 * constructor of {@link FeatureNetwork} must not throw for a network DL4J runs).
 */
class TestLeNetInferenceEdgeCases {

  // ---- networks of the accepted layer types but different settings ----

  @Test
  void denseLayerWithLayerNormIsComputedAsDl4jDoes() {
    assertAgreesWithDl4j(network(28, 28, 10, b -> b, dense -> dense.hasLayerNorm(true),
        Activation.RELU.getActivationFunction()), 28, 28, 30);
  }

  @Test
  void reluWithACapIsComputedAsDl4jDoes() {
    // ReLU capped at 0.05 (a ReLU6-like activation written with ActivationReLU's parameters).
    assertAgreesWithDl4j(network(28, 28, 10, b -> b, dense -> dense,
        new ActivationReLU(0.05, null, null)), 28, 28, 30);
  }

  @Test
  void reluWithANegativeSlopeIsComputedAsDl4jDoes() {
    assertAgreesWithDl4j(network(28, 28, 10, b -> b, dense -> dense,
        new ActivationReLU(null, null, 0.3)), 28, 28, 30);
  }

  @Test
  void denseLayerWithoutBiasIsLeftToDl4jOrComputed() {
    assertAgreesWithDl4j(network(28, 28, 10, b -> b, dense -> dense.hasBias(false),
        Activation.RELU.getActivationFunction()), 28, 28, 30);
  }

  @Test
  void truncatedPoolingWithPaddingIsLeftToDl4jOrComputed() {
    assertAgreesWithDl4j(configuration(28, 28, 10, 32, Activation.RELU.getActivationFunction(),
        pool -> pool.convolutionMode(ConvolutionMode.Truncate).padding(1, 1), d -> d), 28, 28, 30);
  }

  @Test
  void dilatedPoolingIsLeftToDl4jOrComputed() {
    assertAgreesWithDl4j(configuration(28, 28, 10, 32, Activation.RELU.getActivationFunction(),
        pool -> pool.dilation(2, 2), d -> d), 28, 28, 30);
  }

  @Test
  void theBuiltInClassifierIsStillAcceptedAfterASerialisationRoundTrip() throws Exception {
    MultiLayerNetwork classifier =
        new MultiLayerNetwork(FeatureClassifier.configuration(28, 28, 10, 3));
    classifier.init();
    byte[] bytes =
        new FeatureNetwork(classifier, FeatureClassifier.FEATURE_LAYER, "t").modelBytes();
    MultiLayerNetwork restored = org.deeplearning4j.util.ModelSerializer
        .restoreMultiLayerNetwork(new java.io.ByteArrayInputStream(bytes), false);
    org.junit.jupiter.api.Assertions.assertNotNull(LeNetInference.of(restored, 4));
  }

  @Test
  void imagesOfAnotherSizeAreRefusedAsDl4jRefusesThem() {
    FeatureNetwork features = new FeatureNetwork(
        network(28, 28, 10, b -> b, d -> d, Activation.RELU.getActivationFunction()), 4, "t");
    INDArray wider = images(3, 30 * 30, 4);
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> features.activationsByDl4j(wider));
    org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> features.activations(wider));
  }

  // ---- shapes, counts and input layouts ----

  @ParameterizedTest
  @CsvSource({"4,4,7", "8,8,5", "12,12,5", "28,32,9", "32,28,9", "100,100,7", "28,28,1",
      "28,28,43", "28,28,85"})
  void sidesAndCountsAgreeWithDl4j(int height, int width, int count) {
    assertAgreesWithDl4j(network(height, width, 10, b -> b, d -> d,
        Activation.RELU.getActivationFunction()), height, width, count);
  }

  @ParameterizedTest
  @CsvSource({"2", "3", "26"})
  void classCountsAgreeWithDl4j(int classes) {
    assertAgreesWithDl4j(network(28, 28, classes, b -> b, d -> d,
        Activation.RELU.getActivationFunction()), 28, 28, 20);
  }

  @Test
  void moreFiltersAgreeWithDl4j() {
    MultiLayerNetwork network = new MultiLayerNetwork(configuration(16, 16, 10, 7,
        Activation.RELU.getActivationFunction(), p -> p, d -> d));
    network.init();
    perturb(network);
    FeatureNetwork features = new FeatureNetwork(network, 4, "t");
    INDArray images = images(20, 256, 3);
    compare(features.activationsByDl4j(images), features.activations(images));
  }

  @ParameterizedTest
  @CsvSource({"double", "rowInterval", "fOrder", "fOrderRowInterval", "doubleRowInterval"})
  void otherLayoutsOfTheImagesAgreeWithDl4j(String layout) {
    FeatureNetwork features = new FeatureNetwork(
        network(28, 28, 10, b -> b, d -> d, Activation.RELU.getActivationFunction()), 4, "t");
    INDArray all = images(60, 28 * 28, 5);
    INDArray input = switch (layout) {
      case "double" -> all.castTo(DataType.DOUBLE);
      case "rowInterval" -> all.get(NDArrayIndex.interval(7, 50), NDArrayIndex.all());
      case "fOrder" -> all.dup('f');
      case "fOrderRowInterval" -> all.dup('f').get(NDArrayIndex.interval(3, 41),
          NDArrayIndex.all());
      default -> all.castTo(DataType.DOUBLE).get(NDArrayIndex.interval(3, 41),
          NDArrayIndex.all());
    };
    compare(features.activationsByDl4j(input.dup()), features.activations(input));
  }

  @Test
  void nanPixelsGiveWhatDl4jGives() {
    FeatureNetwork features = new FeatureNetwork(
        network(28, 28, 10, b -> b, d -> d, Activation.RELU.getActivationFunction()), 4, "t");
    INDArray images = images(4, 28 * 28, 8);
    images.putScalar(1, 300, Double.NaN);
    FeatureNetwork.Activations dl4j = features.activationsByDl4j(images);
    FeatureNetwork.Activations fast = features.activations(images);
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < dl4j.features()[i].length; k++) {
        assertEquals(Double.isNaN(dl4j.features()[i][k]), Double.isNaN(fast.features()[i][k]),
            "NaN-ness of feature " + k + " of image " + i + ": dl4j " + dl4j.features()[i][k]
                + " fast " + fast.features()[i][k]);
      }
    }
  }

  @Test
  void concurrentCallersOnOneNetworkGetTheSequentialResults() throws Exception {
    FeatureNetwork features = new FeatureNetwork(
        network(28, 28, 10, b -> b, d -> d, Activation.RELU.getActivationFunction()), 4, "t");
    List<INDArray> batches = new ArrayList<>();
    List<FeatureNetwork.Activations> sequential = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      INDArray images = images(50 + t, 28 * 28, 20 + t);
      batches.add(images);
      sequential.add(features.activations(images));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<FeatureNetwork.Activations>> futures = new ArrayList<>();
        for (INDArray images : batches) {
          futures.add(pool.submit(() -> features.activations(images)));
        }
        for (int t = 0; t < futures.size(); t++) {
          FeatureNetwork.Activations parallel = futures.get(t).get();
          for (int i = 0; i < parallel.features().length; i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(
                sequential.get(t).features()[i], parallel.features()[i]);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- helpers ----

  private static void assertAgreesWithDl4j(MultiLayerNetwork network, int height, int width,
      int count) {
    FeatureNetwork features = new FeatureNetwork(network, 4, "test");
    INDArray images = images(count, height * width, height * 31 + width);
    compare(features.activationsByDl4j(images), features.activations(images));
  }

  private static MultiLayerNetwork assertAgreesWithDl4j(MultiLayerConfiguration configuration,
      int height, int width, int count) {
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init();
    perturb(network);
    assertAgreesWithDl4j(network, height, width, count);
    return network;
  }

  private static INDArray images(int count, int pixels, long seed) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.FLOAT, count, pixels).subi(0.5).muli(2);
  }

  private static MultiLayerNetwork network(int height, int width, int classes,
      UnaryOperator<SubsamplingLayer.Builder> pool, UnaryOperator<DenseLayer.Builder> dense,
      IActivation activation) {
    MultiLayerNetwork network = new MultiLayerNetwork(
        configuration(height, width, classes, 20, activation, pool, dense));
    network.init();
    perturb(network);
    return network;
  }

  private static MultiLayerConfiguration configuration(int height, int width, int classes,
      int filters, IActivation activation, UnaryOperator<SubsamplingLayer.Builder> pool,
      UnaryOperator<DenseLayer.Builder> dense) {
    return new NeuralNetConfiguration.Builder()
        .seed(5)
        .weightInit(WeightInit.RELU)
        .convolutionMode(ConvolutionMode.Same)
        .list()
        .layer(new ConvolutionLayer.Builder(5, 5).nOut(filters).activation(activation).build())
        .layer(pool.apply(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(2, 2).stride(2, 2)).build())
        .layer(new ConvolutionLayer.Builder(5, 5).nOut(2 * filters + 3).activation(activation)
            .build())
        .layer(pool.apply(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(2, 2).stride(2, 2)).build())
        .layer(dense.apply(new DenseLayer.Builder().nOut(64).activation(activation)).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(classes).activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutionalFlat(height, width, 1))
        .build();
  }

  private static void perturb(MultiLayerNetwork network) {
    Nd4j.getRandom().setSeed(6);
    INDArray parameters = network.params();
    parameters.addi(Nd4j.rand(DataType.FLOAT, parameters.shape()).subi(0.5).muli(0.02));
  }

  private static void compare(FeatureNetwork.Activations dl4j, FeatureNetwork.Activations fast) {
    assertClose(dl4j.features(), fast.features(), "features");
    assertClose(dl4j.probabilities(), fast.probabilities(), "probabilities");
  }

  private static void assertClose(double[][] expected, double[][] actual, String what) {
    assertEquals(expected.length, actual.length, what + " rows");
    double largest = 0;
    for (double[] row : expected) {
      for (double value : row) {
        largest = Math.max(largest, Math.abs(value));
      }
    }
    assertTrue(largest > 0, what + ": all zero");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i].length, actual[i].length, what + " width");
      for (int k = 0; k < expected[i].length; k++) {
        assertEquals(expected[i][k], actual[i][k], 1e-5 * largest + 1e-7,
            what + " of image " + i + " at " + k);
      }
    }
  }
}
