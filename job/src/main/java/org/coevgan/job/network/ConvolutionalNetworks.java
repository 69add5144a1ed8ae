package org.coevgan.job.network;

import java.util.List;
import org.coevgan.conf.NetworkPreset;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Lays out the DCGAN-style generators and discriminators of the {@code cnn28} and {@code cnn64}
 * presets for one grey channel.
 *
 * <p>A generator reshapes its latent vector to latentSize x 1 x 1 and up-samples it with
 * transposed convolutions, each but the last followed by batch normalisation and ReLU; the last
 * is followed by tanh. A discriminator down-samples with strided convolutions and leaky ReLU
 * 0.2, with batch normalisation after every convolution but the first, and ends in one sigmoid
 * unit trained with binary cross-entropy. Both networks take and return flat [batch, height *
 * width] rows, like the perceptrons: DL4J's preprocessors reshape the discriminator's input to
 * 1 x height x width and flatten the generator's output, and back-propagate through those
 * reshapes exactly.
 *
 * <p>{@code cnn64} is the standard DCGAN at width 64, with a bias on every convolution (channels
 * 512, 256, 128, 64 in the generator and 64, 128, 256, 512 in the discriminator). At latent
 * size 100 it has exactly the paper's 3,575,617 and 2,764,481 trainable parameters (Table 1).
 * Worked count for the generator: the first 4x4 transposed convolution has 100 * 512 * 16 +
 * 512 = 819,712 parameters and its batch normalisation 2 * 512; the next three add 2,097,408,
 * 524,416 and 131,136 plus 2 * (256 + 128 + 64); the last adds 64 * 16 + 1 = 1,025.
 *
 * <p>{@code cnn28} keeps the same shape with widths chosen to land near the paper's counts for
 * its 28x28 network, whose exact layers the paper does not give: 440, 220 and 110 channels
 * (sizes 4, 7, 14, 28; the 4-to-7 step uses a 3x3 kernel) give 1,966,471 generator parameters,
 * 0.08 % above 1,964,896, and 105, 210 and 420 channels (sizes 14, 7, 4) give 1,156,996
 * discriminator parameters, 0.04 % above 1,156,544.
 *
 * <p>The discriminator's last step, a 4x4 convolution over a 4x4 map, is a dense layer over the
 * flattened map with the same weights and one bias; it is built as DL4J's output layer so that
 * {@code calculateGradients} can return the gradient for the discriminator's input.
 *
 * <p>DL4J also stores each batch normalisation's running mean and (log) standard deviation in
 * the parameter vector, two values per channel; see {@link RunningStatistics}.
 */
final class ConvolutionalNetworks {
  private static final double LEAKY_SLOPE = 0.2;
  private static final double INITIAL_WEIGHT_DEVIATION = 0.02;

  /** One (transposed) convolution: kernel, stride and padding in pixels, output channels. */
  private record Step(int kernel, int stride, int padding, int channels) {}

  private static final List<Step> CNN64_GENERATOR =
      List.of(new Step(4, 1, 0, 512), new Step(4, 2, 1, 256), new Step(4, 2, 1, 128),
          new Step(4, 2, 1, 64), new Step(4, 2, 1, 1));

  private static final List<Step> CNN64_DISCRIMINATOR =
      List.of(new Step(4, 2, 1, 64), new Step(4, 2, 1, 128), new Step(4, 2, 1, 256),
          new Step(4, 2, 1, 512));

  private static final List<Step> CNN28_GENERATOR =
      List.of(new Step(4, 1, 0, 440), new Step(3, 2, 1, 220), new Step(4, 2, 1, 110),
          new Step(4, 2, 1, 1));

  private static final List<Step> CNN28_DISCRIMINATOR =
      List.of(new Step(4, 2, 1, 105), new Step(4, 2, 1, 210), new Step(3, 2, 1, 420));

  private ConvolutionalNetworks() {}

  /** Adds the generator's layers for a convolutional preset to an empty list of layers. */
  static NeuralNetConfiguration.ListBuilder generator(
      NeuralNetConfiguration.ListBuilder layers, NetworkSpec spec) {
    List<Step> steps = generatorSteps(spec.preset());
    for (int i = 0; i < steps.size() - 1; i++) {
      layers.layer(transposed(steps.get(i)));
      layers.layer(new BatchNormalization.Builder().build());
      layers.layer(activation(Activation.RELU.getActivationFunction()));
    }

    layers.layer(transposed(steps.get(steps.size() - 1)));
    int flatten = layers.getLayerwise().size();
    layers.layer(activation(Activation.TANH.getActivationFunction()));

    int side = spec.preset().imageSide();
    layers.inputPreProcessor(flatten, new CnnToFeedForwardPreProcessor(side, side, 1));
    return layers.setInputType(InputType.convolutionalFlat(1, 1, spec.latentSize()));
  }

  /** Adds the discriminator's layers for a convolutional preset to an empty list of layers. */
  static NeuralNetConfiguration.ListBuilder discriminator(
      NeuralNetConfiguration.ListBuilder layers, NetworkSpec spec) {
    List<Step> steps = discriminatorSteps(spec.preset());
    layers.layer(convolution(steps.get(0), new ActivationLReLU(LEAKY_SLOPE)));
    for (Step step : steps.subList(1, steps.size())) {
      layers.layer(convolution(step, Activation.IDENTITY.getActivationFunction()));
      layers.layer(new BatchNormalization.Builder().build());
      layers.layer(activation(new ActivationLReLU(LEAKY_SLOPE)));
    }

    layers.layer(
        new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
            .nOut(1)
            .activation(Activation.SIGMOID)
            .build());
    int side = spec.preset().imageSide();
    return layers.setInputType(InputType.convolutionalFlat(side, side, 1));
  }

  private static List<Step> generatorSteps(NetworkPreset preset) {
    return switch (preset) {
      case CNN28 -> CNN28_GENERATOR;
      case CNN64 -> CNN64_GENERATOR;
      default -> throw notConvolutional(preset);
    };
  }

  private static List<Step> discriminatorSteps(NetworkPreset preset) {
    return switch (preset) {
      case CNN28 -> CNN28_DISCRIMINATOR;
      case CNN64 -> CNN64_DISCRIMINATOR;
      default -> throw notConvolutional(preset);
    };
  }

  private static UnsupportedOperationException notConvolutional(NetworkPreset preset) {
    return new UnsupportedOperationException(
        "Cannot lay out convolutions for network.preset " + preset.configName()
            + ": it is a perceptron; NetworkFactory builds it");
  }

  private static Deconvolution2D transposed(Step step) {
    return new Deconvolution2D.Builder()
        .kernelSize(step.kernel(), step.kernel())
        .stride(step.stride(), step.stride())
        .padding(step.padding(), step.padding())
        .convolutionMode(ConvolutionMode.Truncate)
        .nOut(step.channels())
        .weightInit(new NormalDistribution(0, INITIAL_WEIGHT_DEVIATION))
        .activation(Activation.IDENTITY)
        .build();
  }

  private static ConvolutionLayer convolution(Step step, IActivation activation) {
    return new ConvolutionLayer.Builder()
        .kernelSize(step.kernel(), step.kernel())
        .stride(step.stride(), step.stride())
        .padding(step.padding(), step.padding())
        .convolutionMode(ConvolutionMode.Truncate)
        .nOut(step.channels())
        .weightInit(new NormalDistribution(0, INITIAL_WEIGHT_DEVIATION))
        .activation(activation)
        .build();
  }

  private static ActivationLayer activation(IActivation activation) {
    return new ActivationLayer.Builder().activation(activation).build();
  }
}
