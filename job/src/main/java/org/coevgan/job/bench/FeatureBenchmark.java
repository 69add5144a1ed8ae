package org.coevgan.job.bench;

import java.util.Arrays;
import org.coevgan.job.features.FeatureClassifier;
import org.coevgan.job.features.FeatureNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Time per image of the feature classifier's inference, which every FID and Inception Score
 * runs on each scored image: the product's path and DL4J's layers, taking turns so both see the
 * same load.
 */
public final class FeatureBenchmark {
  private final FeatureNetwork network;
  private final INDArray images;

  /** Prepares a freshly initialised classifier of side x side images and random images. */
  public FeatureBenchmark(int side, int imageCount) {
    MultiLayerNetwork classifier =
        new MultiLayerNetwork(FeatureClassifier.configuration(side, side, 10, 1));
    classifier.init();
    this.network = new FeatureNetwork(classifier, FeatureClassifier.FEATURE_LAYER, "benchmark");
    Nd4j.getRandom().setSeed(side);
    this.images = Nd4j.rand(DataType.FLOAT, imageCount, (long) side * side).subi(0.5).muli(2);
  }

  /** Median milliseconds per image of the product's and DL4J's path, over turns. */
  public record Times(double millis, double dl4jMillis) {}

  /** Returns the medians over the given turns, after one warm-up turn of each path. */
  public Times medians(int turns) {
    millisPerImage(false);
    millisPerImage(true);
    double[] product = new double[turns];
    double[] dl4j = new double[turns];
    for (int i = 0; i < turns; i++) {
      product[i] = millisPerImage(false);
      dl4j[i] = millisPerImage(true);
    }
    return new Times(median(product), median(dl4j));
  }

  private double millisPerImage(boolean byDl4j) {
    long start = System.nanoTime();
    if (byDl4j) {
      network.activationsByDl4j(images);
    } else {
      network.activations(images);
    }
    return (System.nanoTime() - start) / 1e6 / images.size(0);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
