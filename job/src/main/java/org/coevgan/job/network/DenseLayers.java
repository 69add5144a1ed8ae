package org.coevgan.job.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Forward and backward passes of a perceptron (a stack of DL4J dense layers) computed directly
 * on the network's own parameter views, with every intermediate array allocated once.
 *
 * <p>DL4J keeps a dense layer's weights as an 'f'-order [in, out] view of the network's flat
 * parameter vector, followed by its [1, out] bias. This class reads and writes those views, so
 * the network stays an ordinary {@link MultiLayerNetwork}: saving, restoring and inference do
 * not know it exists. Gradients go into a flat vector laid out like the parameters, as DL4J's
 * own gradient view is.
 *
 * <p>Compared with DL4J's {@code calculateGradients}, a pass keeps each layer's pre-activation
 * from the forward pass instead of recomputing it in backprop, multiplies with transpose flags
 * into preallocated outputs instead of allocating, and skips weight gradients a caller does not
 * want (the opponent's, in a generator update). Each matrix product and activation is the same
 * ND4J operation DL4J uses, so results differ from DL4J's path by float rounding only (the order
 * in which sums are formed).
 *
 * <p>Not thread-safe: one task trains an individual at a time.
 */
final class DenseLayers {
  private final List<Layer> layers = new ArrayList<>();
  private final List<IActivation> activations = new ArrayList<>();
  private final INDArray gradient;
  private final List<INDArray> weightGradients = new ArrayList<>();
  private final List<INDArray> biasGradients = new ArrayList<>();
  private final Map<Integer, DensePass> passes = new HashMap<>();

  private DenseLayers(MultiLayerNetwork network) {
    INDArray parameters = network.params();
    this.gradient = outsideWorkspaces(() ->
        Nd4j.create(parameters.dataType(), parameters.shape()));
    INDArray flat = gradient.reshape(gradient.length());
    long offset = 0;
    for (Layer layer : network.getLayers()) {
      layers.add(layer);
      activations.add(((BaseLayer) layer.conf().getLayer()).getActivationFn());
      INDArray view = flat.get(NDArrayIndex.interval(offset, offset + layer.numParams()));
      Map<String, INDArray> views =
          DefaultParamInitializer.getInstance().getGradientsFromFlattened(layer.conf(), view);
      weightGradients.add(views.get(DefaultParamInitializer.WEIGHT_KEY));
      // The bias gradient is a vector; as a [1, out] row it can be the output of a product.
      INDArray bias = views.get(DefaultParamInitializer.BIAS_KEY);
      biasGradients.add(bias.reshape(1, bias.length()));
      offset += layer.numParams();
    }
  }

  /**
   * Returns the passes of a network made only of dense layers with tanh, leaky ReLU or sigmoid
   * activations, float32 parameters and no preprocessors, or null for any other network (the convolutional
   * presets and double-precision copies for gradient checks), which DL4J keeps training.
   */
  static DenseLayers of(MultiLayerNetwork network) {
    if (network.params().dataType() != DataType.FLOAT) {
      return null;
    }
    for (int i = 0; i < network.getnLayers(); i++) {
      Object layer = network.getLayerWiseConfigurations().getConf(i).getLayer();
      boolean dense = layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class;
      if (!dense || network.getLayerWiseConfigurations().getInputPreProcess(i) != null
          || !supported(((BaseLayer) layer).getActivationFn())) {
        return null;
      }
    }

    return new DenseLayers(network);
  }

  private static boolean supported(IActivation activation) {
    return activation instanceof ActivationTanH || activation instanceof ActivationLReLU
        || activation instanceof ActivationSigmoid;
  }

  /** Returns the flat gradient vector, laid out like the network's parameters. */
  INDArray gradient() {
    return gradient;
  }

  /** Returns the buffers for batches of the given number of rows, made on first use. */
  DensePass pass(int rows) {
    DensePass pass = passes.get(rows);
    if (pass == null) {
      pass = outsideWorkspaces(() -> new DensePass(rows, layerWidths()));
      passes.put(rows, pass);
    }
    return pass;
  }

  private long[] layerWidths() {
    long[] widths = new long[layers.size() + 1];
    widths[0] = layers.get(0).getParam(DefaultParamInitializer.WEIGHT_KEY).rows();
    for (int l = 0; l < layers.size(); l++) {
      widths[l + 1] = layers.get(l).getParam(DefaultParamInitializer.WEIGHT_KEY).columns();
    }
    return widths;
  }

  /**
   * Runs the network forward on a [rows, width(0)] input and returns the pass's output buffer;
   * the input and every layer's pre-activation and output stay in the pass for
   * {@link #backward}.
   */
  INDArray forward(DensePass pass, INDArray input) {
    pass.useInput(input);
    for (int l = 0; l < layers.size(); l++) {
      INDArray weights = layers.get(l).getParam(DefaultParamInitializer.WEIGHT_KEY);
      INDArray bias = layers.get(l).getParam(DefaultParamInitializer.BIAS_KEY);
      INDArray preActivation = pass.preActivation(l);
      Nd4j.gemm(pass.input(l), weights, preActivation, false, false, 1.0, 0.0);
      preActivation.addiRowVector(bias);
      activate(activations.get(l), preActivation, pass.input(l + 1));
    }

    return pass.input(layers.size());
  }

  private static void activate(IActivation activation, INDArray in, INDArray out) {
    if (activation instanceof ActivationTanH) {
      Nd4j.exec(new Tanh(in, out));
    } else if (activation instanceof ActivationLReLU leaky) {
      Nd4j.exec(new LeakyReLU(in, out, leaky.getAlpha()));
    } else {
      Nd4j.exec(new Sigmoid(in, out));
    }
  }

  /**
   * Turns the gradient of the loss with respect to the network's output into the gradient with
   * respect to the last pre-activation, which {@link #backward} starts from.
   */
  void backwardThroughOutputActivation(DensePass pass, INDArray outputGradient) {
    int last = layers.size() - 1;
    derivative(activations.get(last), pass.preActivation(last), outputGradient,
        pass.preActivationGradient(last));
  }

  private static void derivative(IActivation activation, INDArray in, INDArray outGradient,
      INDArray inGradient) {
    if (activation instanceof ActivationTanH) {
      Nd4j.exec(new TanhDerivative(in, outGradient, inGradient));
    } else if (activation instanceof ActivationLReLU leaky) {
      Nd4j.exec(new LeakyReLUBp(in, outGradient, inGradient, leaky.getAlpha()));
    } else {
      Nd4j.exec(new SigmoidDerivative(in, outGradient, inGradient));
    }
  }

  /**
   * Back-propagates the gradient held in the pass's last pre-activation gradient, writing the
   * weight and bias gradients into {@link #gradient()} (replacing what was there) and, if asked,
   * the gradient with respect to the network's input into the pass's first input gradient.
   */
  void backward(DensePass pass, boolean parameterGradients, boolean inputGradient) {
    for (int l = layers.size() - 1; l >= 0; l--) {
      INDArray delta = pass.preActivationGradient(l);
      if (parameterGradients) {
        Nd4j.gemm(pass.input(l), delta, weightGradients.get(l), true, false, 1.0, 0.0);
        Nd4j.gemm(pass.ones(), delta, biasGradients.get(l), false, false, 1.0, 0.0);
      }
      if (l > 0 || inputGradient) {
        INDArray weights = layers.get(l).getParam(DefaultParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(delta, weights, pass.inputGradient(l), false, true, 1.0, 0.0);
      }
      if (l > 0) {
        derivative(activations.get(l - 1), pass.preActivation(l - 1), pass.inputGradient(l),
            pass.preActivationGradient(l - 1));
      }
    }
  }

  private interface Allocation<T> {
    T make();
  }

  private static <T> T outsideWorkspaces(Allocation<T> allocation) {
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      return allocation.make();
    }
  }
}
