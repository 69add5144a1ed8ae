package org.coevgan.job.network;

import java.nio.FloatBuffer;
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
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Forward and backward passes of a perceptron (a stack of DL4J dense layers) computed directly
 * on the network's own parameters, with every intermediate array allocated once.
 *
 * <p>DL4J keeps a dense layer's weights as an 'f'-order [in, out] view of the network's flat
 * parameter vector, followed by its bias. This class multiplies with those views and writes
 * gradients into a flat vector laid out the same way, as DL4J's gradient view is, so the network
 * stays an ordinary {@link MultiLayerNetwork}: saving, restoring and inference do not know this
 * class exists.
 *
 * <p>Compared with DL4J's {@code calculateGradients}, a pass keeps each layer's output from the
 * forward pass instead of recomputing the layer in backprop, multiplies with transpose flags
 * into preallocated outputs through OpenBLAS directly ({@link OpenBlasGemm}), runs activations
 * as Java loops ({@link DenseActivation}), and skips the weight gradients a caller does not want (the
 * opponent's, in a generator update). Results differ from DL4J's path by float rounding only.
 *
 * <p>Not thread-safe: one task trains an individual at a time.
 */
final class DenseLayers {
  private final List<INDArray> weights = new ArrayList<>();
  private final List<DenseActivation> activations = new ArrayList<>();
  private final List<INDArray> weightGradients = new ArrayList<>();
  private final int[] biasOffsets;
  private final int[] layerOffsets;
  private final long[] widths;
  private final INDArray gradient;
  private final FloatBuffer gradientValues;
  private final FloatBuffer parameterValues;
  private final float[][] biases;
  private final float[] biasGradient;
  private final Map<Integer, DensePass> passes = new HashMap<>();

  private DenseLayers(MultiLayerNetwork network, List<DenseActivation> activations) {
    this.activations.addAll(activations);
    INDArray parameters = network.params();
    this.gradient = outsideWorkspaces(() ->
        Nd4j.create(parameters.dataType(), parameters.shape()));
    this.gradientValues = gradient.data().asNioFloat();
    this.parameterValues = parameters.data().asNioFloat();
    Layer[] layers = network.getLayers();
    this.biasOffsets = new int[layers.length];
    this.layerOffsets = new int[layers.length + 1];
    this.widths = new long[layers.length + 1];
    this.biases = new float[layers.length][];
    INDArray flat = gradient.reshape(gradient.length());
    long offset = 0;
    for (int l = 0; l < layers.length; l++) {
      INDArray layerWeights = layers[l].getParam(DefaultParamInitializer.WEIGHT_KEY);
      weights.add(layerWeights);
      widths[l] = layerWeights.rows();
      widths[l + 1] = layerWeights.columns();
      INDArray view = flat.get(NDArrayIndex.interval(offset, offset + layers[l].numParams()));
      weightGradients.add(DefaultParamInitializer.getInstance()
          .getGradientsFromFlattened(layers[l].conf(), view)
          .get(DefaultParamInitializer.WEIGHT_KEY));
      biasOffsets[l] = Math.toIntExact(offset + layerWeights.length());
      biases[l] = new float[Math.toIntExact(widths[l + 1])];
      offset += layers[l].numParams();
      layerOffsets[l + 1] = Math.toIntExact(offset);
    }
    this.biasGradient = new float[Math.toIntExact(max(widths))];
  }

  /**
   * Returns the passes of a network made only of dense layers with tanh, leaky ReLU (slope 0.2)
   * or sigmoid activations, float32 parameters in a vector of its own and no preprocessors, or
   * null for any other network (the convolutional presets and double-precision copies for
   * gradient checks), which DL4J keeps training.
   */
  static DenseLayers of(MultiLayerNetwork network) {
    INDArray parameters = network.params();
    if (parameters.dataType() != DataType.FLOAT || parameters.offset() != 0) {
      return null;
    }
    List<DenseActivation> activations = new ArrayList<>();
    for (int i = 0; i < network.getnLayers(); i++) {
      Object layer = network.getLayerWiseConfigurations().getConf(i).getLayer();
      boolean dense = layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class;
      if (!dense || network.getLayerWiseConfigurations().getInputPreProcess(i) != null) {
        return null;
      }
      DenseActivation activation = DenseActivation.of(((BaseLayer) layer).getActivationFn());
      if (activation == null) {
        return null;
      }
      activations.add(activation);
    }

    return new DenseLayers(network, activations);
  }

  /** Returns the flat gradient vector, laid out like the network's parameters. */
  INDArray gradient() {
    return gradient;
  }

  /** Returns the buffers for batches of the given number of rows, made on first use. */
  DensePass pass(int rows) {
    DensePass pass = passes.get(rows);
    if (pass == null) {
      pass = outsideWorkspaces(() -> new DensePass(rows, widths));
      passes.put(rows, pass);
    }
    return pass;
  }

  /**
   * Runs the network forward on a [rows, width(0)] input and returns the pass's output buffer;
   * the input and every layer's output stay in the pass for {@link #backward}, and the output
   * also in {@link DensePass#output()}.
   */
  INDArray forward(DensePass pass, INDArray input) {
    pass.useInput(input);
    int layers = weights.size();
    for (int l = 0; l < layers; l++) {
      OpenBlasGemm.multiply(pass.input(l), false, weights.get(l), false, pass.input(l + 1));
      int width = Math.toIntExact(widths[l + 1]);
      int count = pass.rows() * width;
      float[] values = pass.values();
      pass.inputValues(l + 1).get(0, values, 0, count);
      parameterValues.get(biasOffsets[l], biases[l], 0, width);
      DenseActivation.repeatBias(biases[l], width, pass.biasRows(), pass.rows());
      activations.get(l).forward(values, pass.biasRows(), count);
      pass.inputValues(l + 1).put(0, values, 0, count);
      if (l == layers - 1) {
        System.arraycopy(values, 0, pass.output(), 0, count);
      }
    }

    return pass.input(layers);
  }

  /**
   * Sets the gradient with respect to the last layer's pre-activation, which {@link #backward}
   * starts from, from row-major values; with parameter gradients, also the last bias's.
   */
  void setOutputDelta(DensePass pass, float[] delta, boolean parameterGradients) {
    writeDelta(pass, weights.size() - 1, delta, parameterGradients);
  }

  /**
   * Sets the gradient with respect to the last layer's pre-activation from the gradient with
   * respect to the network's output, [rows, width(L)] values in row-major order.
   */
  void setOutputGradient(DensePass pass, FloatBuffer outputGradient, boolean parameterGradients) {
    int last = weights.size() - 1;
    int count = pass.rows() * Math.toIntExact(widths[last + 1]);
    float[] gradients = pass.gradients();
    outputGradient.get(0, gradients, 0, count);
    activations.get(last).backward(pass.output(), gradients, count);
    writeDelta(pass, last, gradients, parameterGradients);
  }

  private void writeDelta(DensePass pass, int layer, float[] delta, boolean parameterGradients) {
    int width = Math.toIntExact(widths[layer + 1]);
    pass.deltaValues(layer).put(0, delta, 0, pass.rows() * width);
    if (parameterGradients) {
      DenseActivation.sumRows(delta, pass.rows(), width, biasGradient);
      gradientValues.put(biasOffsets[layer], biasGradient, 0, width);
    }
  }

  /**
   * Back-propagates the delta set by {@link #setOutputDelta} or {@link #setOutputGradient},
   * writing the weight and bias gradients into {@link #gradient()} (replacing what was there)
   * and, if asked, the gradient with respect to the network's input into the pass's
   * {@code inputGradient(0)}.
   */
  void backward(DensePass pass, boolean parameterGradients, boolean inputGradient) {
    backward(pass, parameterGradients, inputGradient, null);
  }

  /**
   * Back-propagates as {@link #backward(DensePass, boolean, boolean)} does and, if an update is
   * given, applies it to each layer's parameters as soon as backprop is done with that layer:
   * its gradient is complete and its weights are not read again. The layer's gradient, weights
   * and Adam moments are then still in the processor's caches, which saved about a tenth of a
   * millisecond per reference-4lp step against updating the whole network afterwards; the
   * result is the same, since Adam updates every parameter on its own.
   */
  void backward(DensePass pass, boolean parameterGradients, boolean inputGradient,
      FusedAdam update) {
    for (int l = weights.size() - 1; l >= 0; l--) {
      INDArray delta = pass.delta(l);
      if (parameterGradients) {
        OpenBlasGemm.multiply(pass.input(l), true, delta, false, weightGradients.get(l));
      }
      if (l > 0 || inputGradient) {
        OpenBlasGemm.multiply(delta, false, weights.get(l), true, pass.inputGradient(l));
      }
      if (update != null) {
        update.update(layerOffsets[l], layerOffsets[l + 1]);
      }
      if (l > 0) {
        backwardThroughActivation(pass, l - 1, parameterGradients);
      }
    }
  }

  private void backwardThroughActivation(DensePass pass, int layer, boolean parameterGradients) {
    int count = pass.rows() * Math.toIntExact(widths[layer + 1]);
    float[] outputs = pass.values();
    float[] gradients = pass.gradients();
    pass.inputValues(layer + 1).get(0, outputs, 0, count);
    pass.inputGradientValues(layer + 1).get(0, gradients, 0, count);
    activations.get(layer).backward(outputs, gradients, count);
    writeDelta(pass, layer, gradients, parameterGradients);
  }

  private static long max(long[] values) {
    long max = 0;
    for (long value : values) {
      max = Math.max(max, value);
    }
    return max;
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
