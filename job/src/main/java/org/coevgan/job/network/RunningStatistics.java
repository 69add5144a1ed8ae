package org.coevgan.job.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Finds the batch-normalisation running statistics in a network's flat parameter vector.
 *
 * <p>DL4J keeps each batch normalisation's running mean and running (log) standard deviation
 * next to its trainable scale and shift, so {@code numParams()} counts two values per channel
 * more than the paper's "trainable parameters". Back-propagation returns, in their place, the
 * step that moves them towards the batch's statistics (not a gradient), which the updater
 * applies without Adam and without dividing by the batch size. They are still part of an
 * individual's stored parameters, so a restored network normalises exactly as the saved one.
 */
public final class RunningStatistics {
  private static final Set<String> NAMES =
      Set.of(
          BatchNormalizationParamInitializer.GLOBAL_MEAN,
          BatchNormalizationParamInitializer.GLOBAL_VAR,
          BatchNormalizationParamInitializer.GLOBAL_LOG_STD);

  private RunningStatistics() {}

  /** Returns whether a key of {@code paramTable()}, such as {@code 3_mean}, is a statistic. */
  public static boolean isStatistic(String parameterKey) {
    int separator = parameterKey.indexOf('_');
    return NAMES.contains(parameterKey.substring(separator + 1));
  }

  /** Returns the number of parameters the optimiser trains, running statistics left out. */
  public static long trainableCount(MultiLayerNetwork network) {
    long count = 0;
    for (Map.Entry<String, INDArray> entry : network.paramTable().entrySet()) {
      if (!isStatistic(entry.getKey())) {
        count += entry.getValue().length();
      }
    }

    return count;
  }

  /**
   * Returns views of a flat vector laid out like the network's parameters (parameters, their
   * gradient or their update) that cover the running statistics, in order.
   */
  static List<INDArray> views(MultiLayerNetwork network, INDArray flat) {
    INDArray vector = flat.reshape(flat.length());
    List<INDArray> views = new ArrayList<>();
    long offset = 0;
    for (Map.Entry<String, INDArray> entry : network.paramTable().entrySet()) {
      long length = entry.getValue().length();
      if (isStatistic(entry.getKey())) {
        views.add(vector.get(NDArrayIndex.interval(offset, offset + length)));
      }
      offset += length;
    }

    return views;
  }
}
