package org.coevgan.job.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained network that maps flat [-1, 1] images to features (the activations of one layer,
 * for FID) and to class probabilities (its output, for the Inception Score), with the
 * fingerprint that every score it makes records.
 */
public final class FeatureNetwork {
  private static final int BATCH = 500;

  private final MultiLayerNetwork network;
  private final int featureLayer;
  private final String fingerprint;
  /** The classifier's layers computed without DL4J, or null for another network. */
  private final LeNetInference inference;

  /** Wraps a network whose layer featureLayer gives the features. */
  public FeatureNetwork(MultiLayerNetwork network, int featureLayer, String fingerprint) {
    int layers = network.getnLayers();
    if (featureLayer < 0 || featureLayer >= layers) {
      throw new IllegalArgumentException("Cannot take features from layer " + featureLayer
          + " of a network with " + layers + " layers; set feature-network.layer to 0.."
          + (layers - 1) + " or -1 for the penultimate layer");
    }
    this.network = network;
    this.featureLayer = featureLayer;
    this.fingerprint = fingerprint;
    this.inference = LeNetInference.of(network, featureLayer);
  }

  /** Returns the network stored in bytes by {@link #modelBytes}. */
  public static FeatureNetwork fromBytes(byte[] model, int featureLayer, String fingerprint) {
    try {
      MultiLayerNetwork network =
          ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(model), false);
      return new FeatureNetwork(network, featureLayer, fingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the feature network " + fingerprint, e);
    }
  }

  /** Returns the model as DL4J zip bytes, without updater state. */
  public byte[] modelBytes() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ModelSerializer.writeModel(network, bytes, false);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialise the feature network", e);
    }
  }

  /** Returns the features and class probabilities of [n, pixels] images. */
  public Activations activations(INDArray images) {
    if (inference != null) {
      return inference.activations(images);
    }
    return activationsByDl4j(images);
  }

  /**
   * Returns {@link #activations} computed by DL4J's layers, the reference for tests and the
   * benchmark's baseline.
   */
  public Activations activationsByDl4j(INDArray images) {
    int count = (int) images.size(0);
    double[][] features = new double[count][];
    double[][] probabilities = new double[count][];
    for (int from = 0; from < count; from += BATCH) {
      int to = Math.min(count, from + BATCH);
      INDArray batch = images.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
      List<INDArray> layers = network.feedForward(batch, false);
      copyRows(flat(layers.get(featureLayer + 1)), features, from);
      copyRows(flat(layers.get(layers.size() - 1)), probabilities, from);
    }
    return new Activations(features, probabilities);
  }

  private static double[][] flat(INDArray activations) {
    return activations.reshape(activations.size(0), -1).castTo(DataType.DOUBLE).toDoubleMatrix();
  }

  private static void copyRows(double[][] rows, double[][] into, int from) {
    System.arraycopy(rows, 0, into, from, rows.length);
  }

  /** Returns the fraction of images whose most probable class is their label. */
  public double accuracy(LabelledImages images) {
    int correct = 0;
    for (int from = 0; from < images.count(); from += BATCH) {
      int to = Math.min(images.count(), from + BATCH);
      INDArray predicted = network.output(images.batch(from, to).getFeatures(), false);
      INDArray classes = predicted.argMax(1);
      for (int i = from; i < to; i++) {
        correct += classes.getInt(i - from) == images.label(i) ? 1 : 0;
      }
    }
    return correct / (double) images.count();
  }

  /** The per-image features and class probabilities of a batch of images. */
  public record Activations(double[][] features, double[][] probabilities) {}

  public String fingerprint() {
    return fingerprint;
  }

  /** Returns the number of layers of the network. */
  public int layerCount() {
    return network.getnLayers();
  }

  public int featureLayer() {
    return featureLayer;
  }

  /** Returns the width of the feature layer's flattened activations, the FID dimension. */
  public long featureSize(int height, int width) {
    INDArray probe = Nd4j.zeros(DataType.FLOAT, 1, (long) height * width);
    return network.feedForward(probe, false).get(featureLayer + 1).length();
  }
}
