package org.coevgan.job.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.coevgan.job.network.NativeMatrices;
import org.coevgan.job.network.OpenBlasGemm;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference through the feature classifier {@link FeatureClassifier} builds (5x5 convolution,
 * 2x2 max pooling, again, a dense ReLU layer whose activations are the FID features, and a
 * softmax output) computed as matrix products through OpenBLAS with Java loops around them.
 *
 * <p>DL4J's CPU layers took about 3.4 ms per 28x28 image and 17 ms per 64x64 image here, about
 * 3 GFLOP/s: libnd4j's element-wise work (the patch matrices of its convolution, a ReLU run as a
 * separate scalar operation at about 16 ns per value) dwarfed the products. Scoring every cell
 * of an 18x18 grid took nine minutes. This class lays the images out channel-last, gathers
 * each output pixel's 5x5 patches into one row of a matrix, and multiplies that matrix by the
 * layer's filters in one product; bias, ReLU and pooling are plain loops. Results equal DL4J's
 * up to float rounding ({@code TestLeNetInference}).
 *
 * <p>Only networks of exactly that shape, with the features taken from the dense layer and
 * image sides divisible by 4 (so that neither pooling pads), qualify; {@link #of} returns null
 * for anything else, such as a user's own model file, which DL4J then runs.
 */
final class LeNetInference {
  private static final int KERNEL = 5;
  private static final int PADDING = KERNEL / 2;
  private static final int FEATURE_LAYER = 4;
  /** Images per chunk are chosen so that a patch matrix stays near this many floats (16 MB). */
  private static final int PATCH_FLOATS = 4 << 20;

  private final Convolution first;
  private final Convolution second;
  private final INDArray denseWeights;
  private final float[] denseBias;
  private final INDArray outputWeights;
  private final float[] outputBias;
  private final int height;
  private final int width;

  /**
   * One convolution layer's filters as a [filters, 5 * 5 * channels] matrix, each row ordered
   * (row, column, channel) to match the patch rows {@link #patchMatrix} builds, and its bias.
   */
  private record Convolution(INDArray filters, float[] bias, int channels) {
    int filterCount() {
      return bias.length;
    }
  }

  private LeNetInference(MultiLayerNetwork network, int height, int width) {
    this.first = convolution(network, 0);
    this.second = convolution(network, 2);
    this.denseWeights = network.getLayer(4).getParam(DefaultParamInitializer.WEIGHT_KEY);
    this.denseBias = network.getLayer(4).getParam(DefaultParamInitializer.BIAS_KEY)
        .toFloatVector();
    this.outputWeights = network.getLayer(5).getParam(DefaultParamInitializer.WEIGHT_KEY);
    this.outputBias = network.getLayer(5).getParam(DefaultParamInitializer.BIAS_KEY)
        .toFloatVector();
    this.height = height;
    this.width = width;
  }

  private static Convolution convolution(MultiLayerNetwork network, int layer) {
    INDArray weights = network.getLayer(layer).getParam(DefaultParamInitializer.WEIGHT_KEY);
    long filters = weights.size(0);
    long channels = weights.size(1);
    INDArray matrix = weights.permute(0, 2, 3, 1).dup('c')
        .reshape('c', filters, KERNEL * KERNEL * channels);
    float[] bias = network.getLayer(layer).getParam(DefaultParamInitializer.BIAS_KEY)
        .toFloatVector();
    return new Convolution(matrix, bias, Math.toIntExact(channels));
  }

  /**
   * Returns inference for the network if it is the feature classifier's shape with features
   * from its dense layer, else null.
   */
  static LeNetInference of(MultiLayerNetwork network, int featureLayer) {
    if (featureLayer != FEATURE_LAYER || network.getnLayers() != 6
        || network.params().dataType() != DataType.FLOAT) {
      return null;
    }
    InputPreProcessor input = network.getLayerWiseConfigurations().getInputPreProcess(0);
    if (!(input instanceof FeedForwardToCnnPreProcessor images) || images.getNumChannels() != 1
        || images.getInputHeight() % 4 != 0 || images.getInputWidth() % 4 != 0) {
      return null;
    }
    boolean shaped = isConvolution(network, 0) && isPooling(network, 1)
        && isConvolution(network, 2) && isPooling(network, 3)
        && layer(network, 4) instanceof DenseLayer dense && dense.getClass() == DenseLayer.class
        && dense.hasBias() && !dense.isHasLayerNorm() && isPlainRelu(dense.getActivationFn())
        && layer(network, 5) instanceof OutputLayer output
        && output.getClass() == OutputLayer.class && output.hasBias()
        && output.getActivationFn() instanceof ActivationSoftmax
        && onlyTheFlatteningPreprocessor(network, images.getInputHeight() / 4,
            images.getInputWidth() / 4);
    return shaped
        ? new LeNetInference(network, (int) images.getInputHeight(), (int) images.getInputWidth())
        : null;
  }

  private static Object layer(MultiLayerNetwork network, int index) {
    return network.getLayerWiseConfigurations().getConf(index).getLayer();
  }

  private static boolean isConvolution(MultiLayerNetwork network, int index) {
    return layer(network, index) instanceof ConvolutionLayer convolution
        && convolution.getClass() == ConvolutionLayer.class
        && convolution.getConvolutionMode() == ConvolutionMode.Same
        && convolution.getCnn2dDataFormat() == CNN2DFormat.NCHW
        && convolution.hasBias()
        && isPlainRelu(convolution.getActivationFn())
        && sizes(convolution.getKernelSize(), KERNEL) && sizes(convolution.getStride(), 1)
        && sizes(convolution.getDilation(), 1);
  }

  private static boolean isPooling(MultiLayerNetwork network, int index) {
    return layer(network, index) instanceof SubsamplingLayer pooling
        && pooling.getClass() == SubsamplingLayer.class
        && pooling.getPoolingType() == PoolingType.MAX
        && pooling.getCnn2dDataFormat() == CNN2DFormat.NCHW
        && sizes(pooling.getKernelSize(), 2) && sizes(pooling.getStride(), 2)
        && sizes(pooling.getDilation(), 1) && sizes(pooling.getPadding(), 0);
  }

  /** True for max(0, x): ActivationReLU also covers capped, thresholded and leaky variants. */
  private static boolean isPlainRelu(Object activation) {
    return activation instanceof ActivationReLU relu
        && activation.getClass() == ActivationReLU.class && relu.getMax() == null
        && isZero(relu.getThreshold()) && isZero(relu.getNegativeSlope());
  }

  private static boolean isZero(Double value) {
    return value == null || value == 0.0;
  }

  /**
   * True when no layer but the dense one has an input preprocessor, and that one flattens the
   * second pooling's NCHW maps as this class does.
   */
  private static boolean onlyTheFlatteningPreprocessor(MultiLayerNetwork network, long height,
      long width) {
    for (int index = 1; index < 6; index++) {
      InputPreProcessor preprocessor =
          network.getLayerWiseConfigurations().getInputPreProcess(index);
      boolean expected = index == 4
          ? preprocessor != null && preprocessor.equals(new CnnToFeedForwardPreProcessor(height,
              width, network.getLayer(2).getParam(DefaultParamInitializer.BIAS_KEY).length()))
          : preprocessor == null;
      if (!expected) {
        return false;
      }
    }
    return true;
  }

  private static boolean sizes(int[] values, int expected) {
    return values.length == 2 && values[0] == expected && values[1] == expected;
  }

  /** Returns the features and class probabilities of [n, pixels] images, as DL4J would. */
  FeatureNetwork.Activations activations(INDArray images) {
    int count = Math.toIntExact(images.size(0));
    int pixels = height * width;
    if (images.rank() != 2 || images.size(1) != pixels) {
      throw new IllegalArgumentException("The feature network reads " + height + "x" + width
          + " images as [n, " + pixels + "] rows, got shape "
          + Arrays.toString(images.shape()));
    }
    // One copy of all images: ND4J's row intervals of some views (a row interval of a row
    // interval, ending at its last row) come back empty with no data buffer.
    float[] all = count == 0 ? new float[0]
        : NativeMatrices.values(images.castTo(DataType.FLOAT).dup('c'));
    double[][] features = new double[count][];
    double[][] probabilities = new double[count][];
    int chunk = Math.max(1, PATCH_FLOATS / (height * width * KERNEL * KERNEL * first
        .filterCount() / 4));
    NativeScratch scratch = new NativeScratch();
    for (int from = 0; from < count; from += chunk) {
      int to = Math.min(count, from + chunk);
      float[] dense = denseInput(Arrays.copyOfRange(all, from * pixels, to * pixels),
          to - from, scratch);
      float[] hidden = fullyConnected(dense, to - from, denseWeights, denseBias, scratch);
      relu(hidden);
      float[] logits = fullyConnected(hidden, to - from, outputWeights, outputBias, scratch);
      copyRows(hidden, denseBias.length, features, from);
      copyRows(softmax(logits, outputBias.length), outputBias.length, probabilities, from);
    }
    return new FeatureNetwork.Activations(features, probabilities);
  }

  /**
   * Runs both convolution and pooling stages on a chunk of images and returns the dense layer's
   * input: each image's final maps flattened channel by channel, as DL4J's preprocessor does.
   */
  private float[] denseInput(float[] pixels, int images, NativeScratch scratch) {
    float[] maps = convolveAndPool(pixels, images, height, width, first, scratch);
    int h = height / 2;
    int w = width / 2;
    maps = convolveAndPool(maps, images, h, w, second, scratch);
    return channelsFirst(maps, images, h / 2 * (w / 2), second.filterCount());
  }

  /**
   * Convolves channel-last [images, h, w, channels] maps with a layer's filters (zero padding
   * of 2, stride 1), adds the bias, applies ReLU and max-pools 2x2; returns [images, h/2, w/2,
   * filters] channel-last maps.
   */
  private static float[] convolveAndPool(float[] maps, int images, int h, int w,
      Convolution layer, NativeScratch scratch) {
    int pixels = images * h * w;
    INDArray patches = scratch.matrix(pixels, layer.channels() * KERNEL * KERNEL);
    NativeMatrices.copyInto(patchMatrix(maps, images, h, w, layer.channels()), patches);
    INDArray products = scratch.matrix(pixels, layer.filterCount());
    OpenBlasGemm.multiply(patches, false, layer.filters(), true, products);
    float[] activations = NativeMatrices.values(products);
    addBias(activations, layer.bias());
    relu(activations);
    return maxPool(activations, images, h, w, layer.filterCount());
  }

  /**
   * Returns the [images * h * w, 25 * channels] matrix whose row for an output pixel holds its
   * 5x5 neighbourhood, ordered (row, column, channel), with zeros outside the image. Channel-last
   * maps make each neighbour's channels one block copy.
   */
  private static float[] patchMatrix(float[] maps, int images, int h, int w, int channels) {
    int patch = channels * KERNEL * KERNEL;
    float[] patches = new float[images * h * w * patch];
    for (int image = 0; image < images; image++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int row = ((image * h + y) * w + x) * patch;
          gatherPatch(maps, image, h, w, channels, y, x, patches, row);
        }
      }
    }
    return patches;
  }

  private static void gatherPatch(float[] maps, int image, int h, int w, int channels, int y,
      int x, float[] patches, int row) {
    for (int dy = 0; dy < KERNEL; dy++) {
      int sourceY = y + dy - PADDING;
      if (sourceY < 0 || sourceY >= h) {
        continue;
      }
      int firstX = Math.max(0, x - PADDING);
      int lastX = Math.min(w - 1, x + PADDING);
      int source = ((image * h + sourceY) * w + firstX) * channels;
      int target = row + (dy * KERNEL + firstX - (x - PADDING)) * channels;
      System.arraycopy(maps, source, patches, target, (lastX - firstX + 1) * channels);
    }
  }

  private static float[] maxPool(float[] maps, int images, int h, int w, int channels) {
    int outH = h / 2;
    int outW = w / 2;
    float[] pooled = new float[images * outH * outW * channels];
    for (int image = 0; image < images; image++) {
      for (int y = 0; y < outH; y++) {
        for (int x = 0; x < outW; x++) {
          int target = ((image * outH + y) * outW + x) * channels;
          int topLeft = ((image * h + 2 * y) * w + 2 * x) * channels;
          int below = topLeft + w * channels;
          for (int c = 0; c < channels; c++) {
            pooled[target + c] = Math.max(Math.max(maps[topLeft + c], maps[topLeft + channels + c]),
                Math.max(maps[below + c], maps[below + channels + c]));
          }
        }
      }
    }
    return pooled;
  }

  /** Reorders channel-last [images, pixels, channels] maps to [images, channels * pixels]. */
  private static float[] channelsFirst(float[] maps, int images, int pixels, int channels) {
    float[] flat = new float[maps.length];
    for (int image = 0; image < images; image++) {
      int base = image * pixels * channels;
      for (int p = 0; p < pixels; p++) {
        for (int c = 0; c < channels; c++) {
          flat[base + c * pixels + p] = maps[base + p * channels + c];
        }
      }
    }
    return flat;
  }

  private static float[] fullyConnected(float[] input, int rows, INDArray weights, float[] bias,
      NativeScratch scratch) {
    INDArray inputs = scratch.matrix(rows, weights.rows());
    NativeMatrices.copyInto(input, inputs);
    INDArray output = scratch.matrix(rows, bias.length);
    OpenBlasGemm.multiply(inputs, false, weights, false, output);
    float[] values = NativeMatrices.values(output);
    addBias(values, bias);
    return values;
  }

  private static void addBias(float[] values, float[] bias) {
    for (int row = 0; row < values.length; row += bias.length) {
      for (int k = 0; k < bias.length; k++) {
        values[row + k] += bias[k];
      }
    }
  }

  private static void relu(float[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(0f, values[i]);
    }
  }

  /** Returns each row's softmax, shifted by the row's maximum as DL4J does. */
  private static float[] softmax(float[] logits, int classes) {
    float[] probabilities = new float[logits.length];
    for (int row = 0; row < logits.length; row += classes) {
      float max = Float.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, logits[row + k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        probabilities[row + k] = (float) Math.exp(logits[row + k] - max);
        sum += probabilities[row + k];
      }
      for (int k = 0; k < classes; k++) {
        probabilities[row + k] = (float) (probabilities[row + k] / sum);
      }
    }
    return probabilities;
  }

  /**
   * Native matrices one call reuses for every chunk of images: allocating (and zeroing) them per
   * chunk was a fifth of the time at 28x28. One per shape; a call's last chunk may add a second.
   */
  private static final class NativeScratch {
    private final Map<List<Long>, INDArray> matrices = new HashMap<>();

    INDArray matrix(long rows, long columns) {
      return matrices.computeIfAbsent(List.of(rows, columns),
          shape -> NativeMatrices.matrix(rows, columns));
    }
  }

  private static void copyRows(float[] values, int columns, double[][] into, int from) {
    for (int row = 0; row < values.length / columns; row++) {
      double[] copy = new double[columns];
      for (int k = 0; k < columns; k++) {
        copy[k] = values[row * columns + k];
      }
      into[from + row] = copy;
    }
  }
}
