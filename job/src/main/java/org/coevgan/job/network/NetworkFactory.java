package org.coevgan.job.network;

import org.coevgan.conf.NetworkPreset;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the generator and discriminator of each network preset.
 *
 * <p>Generators end in a plain tanh layer, not an output layer, so that the gradient a
 * discriminator returns for its input can be back-propagated through them. Discriminators end in
 * one sigmoid unit trained with binary cross-entropy. Every network takes and returns flat
 * [batch, height * width] rows.
 *
 * <ul>
 *   <li>{@code 4lp}: four dense tanh layers, hidden widths 540 (generator) and 465
 *       (discriminator), which puts the parameter counts within 0.3 % of the paper's Table 1
 *       (1,043,524 vs 1,041,432 and 798,871 vs 798,673 at latent size 64).
 *   <li>{@code reference-4lp}: the published reference's perceptrons, two hidden layers of 256
 *       with leaky ReLU 0.2 (283,920 and 267,009 parameters at latent size 64).
 *   <li>{@code tiny-4lp}: the same layout with hidden layers of 16, for smoke tests and
 *       orchestration measurements (14,640 and 12,849 parameters at latent size 64).
 *   <li>{@code cnn28} and {@code cnn64}: DCGAN-style convolutional networks with batch
 *       normalisation, laid out by {@link ConvolutionalNetworks}.
 * </ul>
 */
public final class NetworkFactory {
  private static final int FOUR_LAYER_GENERATOR_WIDTH = 540;
  private static final int FOUR_LAYER_DISCRIMINATOR_WIDTH = 465;
  private static final int REFERENCE_WIDTH = 256;
  private static final int TINY_WIDTH = 16;
  private static final double LEAKY_SLOPE = 0.2;

  private NetworkFactory() {}

  /** Returns an initialised generator, its weights drawn from the given seed. */
  public static MultiLayerNetwork newGenerator(NetworkSpec spec, double learningRate, long seed) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(generatorConfiguration(spec, learningRate, seed));
    network.init();
    return network;
  }

  /** Returns an initialised discriminator, its weights drawn from the given seed. */
  public static MultiLayerNetwork newDiscriminator(
      NetworkSpec spec, double learningRate, long seed) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(discriminatorConfiguration(spec, learningRate, seed));
    network.init();
    return network;
  }

  /** Returns the generator's layer configuration with the given Adam learning rate. */
  public static MultiLayerConfiguration generatorConfiguration(
      NetworkSpec spec, double learningRate, long seed) {
    NeuralNetConfiguration.ListBuilder layers = base(spec, learningRate, seed).list();
    if (isConvolutional(spec)) {
      return ConvolutionalNetworks.generator(layers, spec).build();
    }

    int width = hiddenWidth(spec, true);
    int in = spec.latentSize();
    for (int i = 0; i < hiddenLayerCount(spec); i++) {
      layers.layer(dense(in, width, hiddenActivation(spec)));
      in = width;
    }

    return layers.layer(dense(in, spec.pixelCount(), new ActivationTanH())).build();
  }

  /** Returns the discriminator's layer configuration with the given Adam learning rate. */
  public static MultiLayerConfiguration discriminatorConfiguration(
      NetworkSpec spec, double learningRate, long seed) {
    NeuralNetConfiguration.ListBuilder layers = base(spec, learningRate, seed).list();
    if (isConvolutional(spec)) {
      return ConvolutionalNetworks.discriminator(layers, spec).build();
    }

    int width = hiddenWidth(spec, false);
    int in = spec.pixelCount();
    for (int i = 0; i < hiddenLayerCount(spec); i++) {
      layers.layer(dense(in, width, hiddenActivation(spec)));
      in = width;
    }

    OutputLayer probability =
        new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
            .nIn(in)
            .nOut(1)
            .activation(Activation.SIGMOID)
            .build();
    return layers.layer(probability).build();
  }

  private static NeuralNetConfiguration.Builder base(
      NetworkSpec spec, double learningRate, long seed) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(learningRate, spec.adamBeta1(), spec.adamBeta2(), spec.adamEpsilon()))
        // Workspaces let DL4J reuse the memory of each pass instead of allocating native buffers
        // per operation, which took about a tenth of a 4lp step. They change where arrays live,
        // not what is computed: the end-to-end test compares a run's state byte for byte.
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
  }

  private static DenseLayer dense(int in, int out, IActivation activation) {
    return new DenseLayer.Builder().nIn(in).nOut(out).activation(activation).build();
  }

  private static boolean isConvolutional(NetworkSpec spec) {
    return spec.preset() == NetworkPreset.CNN28 || spec.preset() == NetworkPreset.CNN64;
  }

  private static int hiddenLayerCount(NetworkSpec spec) {
    return switch (spec.preset()) {
      case FOUR_LAYER_PERCEPTRON -> 3;
      case REFERENCE_PERCEPTRON, TINY_PERCEPTRON -> 2;
      case CNN28, CNN64 -> throw notPerceptron(spec);
    };
  }

  private static int hiddenWidth(NetworkSpec spec, boolean generator) {
    return switch (spec.preset()) {
      case FOUR_LAYER_PERCEPTRON ->
          generator ? FOUR_LAYER_GENERATOR_WIDTH : FOUR_LAYER_DISCRIMINATOR_WIDTH;
      case REFERENCE_PERCEPTRON -> REFERENCE_WIDTH;
      case TINY_PERCEPTRON -> TINY_WIDTH;
      case CNN28, CNN64 -> throw notPerceptron(spec);
    };
  }

  private static IActivation hiddenActivation(NetworkSpec spec) {
    return switch (spec.preset()) {
      case FOUR_LAYER_PERCEPTRON -> new ActivationTanH();
      case REFERENCE_PERCEPTRON, TINY_PERCEPTRON -> new ActivationLReLU(LEAKY_SLOPE);
      case CNN28, CNN64 -> throw notPerceptron(spec);
    };
  }

  private static UnsupportedOperationException notPerceptron(NetworkSpec spec) {
    return new UnsupportedOperationException(
        "Cannot size dense layers for network.preset " + spec.preset().configName()
            + ": it is convolutional; ConvolutionalNetworks lays it out");
  }
}
