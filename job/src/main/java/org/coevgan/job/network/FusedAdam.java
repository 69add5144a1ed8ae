package org.coevgan.job.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One Adam update of a network from a gradient it did not compute itself, on the network's own
 * parameters and Adam moments.
 *
 * <p>DL4J groups consecutive parameters that share an updater configuration into updater
 * blocks (one for the whole network when, as here, every layer uses the same Adam), and keeps
 * each block's state as [m..., v...] in the updater's state view, which is what an individual
 * stores. This class takes each block's m and v views from DL4J's own updater and runs the same
 * native {@code adam_updater} operation on them that DL4J's {@code AdamUpdater} runs, with the
 * same iteration number, so bias correction and epsilon are DL4J's. Unlike DL4J it expects the
 * gradient already divided by the batch size.
 */
final class FusedAdam {
  private static final String ADAM_M = org.nd4j.linalg.learning.AdamUpdater.M_STATE;
  private static final String ADAM_V = org.nd4j.linalg.learning.AdamUpdater.V_STATE;

  private final MultiLayerNetwork network;
  private final INDArray gradient;
  private final List<Block> blocks = new ArrayList<>();

  private record Block(INDArray gradient, INDArray m, INDArray v, Adam config) {}

  /** Prepares updates of the network from a flat gradient laid out like its parameters. */
  FusedAdam(MultiLayerNetwork network, INDArray gradient) {
    this.network = network;
    this.gradient = gradient;
    INDArray flat = gradient.reshape(gradient.length());
    BaseMultiLayerUpdater<?> updater = (BaseMultiLayerUpdater<?>) network.getUpdater();
    for (UpdaterBlock block : updater.getUpdaterBlocks()) {
      if (!(block.getGradientUpdater().getConfig() instanceof Adam adam)) {
        throw new UnsupportedOperationException("Cannot apply a fused Adam update: a layer"
            + " uses " + block.getGradientUpdater().getConfig() + "; NetworkFactory sets Adam");
      }
      Map<String, INDArray> state = block.getGradientUpdater().getState();
      INDArray slice = flat.get(
          NDArrayIndex.interval(block.getParamOffsetStart(), block.getParamOffsetEnd()));
      blocks.add(new Block(slice, state.get(ADAM_M), state.get(ADAM_V), adam));
    }
  }

  /**
   * Applies one Adam step for the gradient (a batch mean) and advances the iteration count;
   * the gradient vector is left holding the step.
   */
  void step() {
    int iteration = network.getIterationCount();
    int epoch = network.getEpochCount();
    for (Block block : blocks) {
      Adam adam = block.config();
      Nd4j.exec(new AdamUpdater(block.gradient(), block.v(), block.m(),
          adam.getLearningRate(iteration, epoch), adam.getBeta1(), adam.getBeta2(),
          adam.getEpsilon(), iteration));
    }
    network.params().subi(gradient);
    network.setIterationCount(iteration + 1);
  }
}
