package org.coevgan.job.network;

import java.nio.FloatBuffer;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One Adam update of a perceptron from a gradient {@link DenseLayers} computed, on the
 * network's own parameters and Adam moments, in one pass over memory.
 *
 * <p>DL4J groups consecutive parameters that share an updater configuration into updater
 * blocks (one for the whole network when, as here, every layer uses the same Adam), and keeps
 * each block's state as [m..., v...] in the updater's state view, which an individual stores.
 * This class takes each block's m and v views from DL4J's own updater and applies the formula of
 * ND4J's native {@code adam_updater}, which DL4J's {@code AdamUpdater} runs, in float:
 *
 * <pre>
 *   m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g^2
 *   alpha = rate sqrt(1 - beta2^(t+1)) / (1 - beta1^(t+1)), t the iteration count
 *   parameter -= alpha m / (sqrt(v) + epsilon)
 * </pre>
 *
 * <p>so bias correction and epsilon (added outside the square root, uncorrected) are DL4J's.
 * That native operation takes about 6 ms for the million parameters of a 4lp generator on this
 * machine, and DL4J then subtracts the update in another pass; this loop copies blocks of a few
 * thousand values into arrays the JIT vectorises and is about three times faster. Unlike DL4J it
 * expects the gradient already divided by the batch size.
 */
final class FusedAdam {
  private static final int CHUNK = 4096;

  private final MultiLayerNetwork network;
  private final FloatBuffer gradient;
  private final FloatBuffer parameters;
  private final Block[] blocks;
  private final float[] stepSizes;
  private final float[] g = new float[CHUNK];
  private final float[] m = new float[CHUNK];
  private final float[] v = new float[CHUNK];
  private final float[] p = new float[CHUNK];

  /** One updater block: its parameter range, its moments and its Adam settings. */
  private record Block(int start, int end, FloatBuffer m, FloatBuffer v, Adam config) {}

  /** Prepares updates of the network from a flat gradient laid out like its parameters. */
  FusedAdam(MultiLayerNetwork network, INDArray gradient) {
    this.network = network;
    this.gradient = gradient.data().asNioFloat();
    this.parameters = network.params().data().asNioFloat();
    BaseMultiLayerUpdater<?> updater = (BaseMultiLayerUpdater<?>) network.getUpdater();
    this.blocks = new Block[updater.getUpdaterBlocks().size()];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = block(updater.getUpdaterBlocks().get(i));
    }
    this.stepSizes = new float[blocks.length];
  }

  private static Block block(UpdaterBlock block) {
    if (!(block.getGradientUpdater().getConfig() instanceof Adam adam)) {
      throw new UnsupportedOperationException("Cannot apply a fused Adam update: a layer uses "
          + block.getGradientUpdater().getConfig() + "; NetworkFactory configures Adam");
    }
    Map<String, INDArray> state = block.getGradientUpdater().getState();
    return new Block(block.getParamOffsetStart(), block.getParamOffsetEnd(),
        contiguous(state.get(AdamUpdater.M_STATE)), contiguous(state.get(AdamUpdater.V_STATE)),
        adam);
  }

  /** Returns a float buffer that starts at a contiguous view's first element. */
  private static FloatBuffer contiguous(INDArray view) {
    if (view.elementWiseStride() != 1) {
      throw new IllegalStateException("Cannot apply a fused Adam update: DL4J's Adam state view"
          + " has element stride " + view.elementWiseStride() + ", expected 1");
    }
    FloatBuffer all = view.data().asNioFloat();
    return all.slice(Math.toIntExact(view.offset()), Math.toIntExact(view.length()));
  }

  /**
   * Applies one Adam step for the gradient (a batch mean) and advances the iteration count.
   */
  void step() {
    begin();
    update(0, Integer.MAX_VALUE);
    finish();
  }

  /**
   * Starts a step that {@link #update} applies in parameter ranges, for example each layer's as
   * soon as backprop has finished with it, and {@link #finish} completes: fixes each block's
   * bias-corrected step size for the current iteration.
   */
  void begin() {
    int iteration = network.getIterationCount();
    int epoch = network.getEpochCount();
    for (int i = 0; i < blocks.length; i++) {
      Adam adam = blocks[i].config();
      stepSizes[i] = stepSize(adam.getLearningRate(iteration, epoch), adam.getBeta1(),
          adam.getBeta2(), adam.getEpsilon(), iteration);
    }
  }

  /** Updates the parameters in [from, to) from their gradient; each exactly once per step. */
  void update(int from, int to) {
    for (int i = 0; i < blocks.length; i++) {
      Block block = blocks[i];
      int end = Math.min(to, block.end());
      for (int start = Math.max(from, block.start()); start < end; start += CHUNK) {
        update(block, start, Math.min(CHUNK, end - start), stepSizes[i]);
      }
    }
  }

  /** Completes a step begun by {@link #begin}: advances the iteration count. */
  void finish() {
    network.setIterationCount(network.getIterationCount() + 1);
  }

  /** Returns Adam's bias-corrected step size as ND4J's adam_updater forms it. */
  private static float stepSize(double rate, double beta1, double beta2, double epsilon,
      int iteration) {
    float beta1t = (float) Math.pow((float) beta1, iteration + 1);
    float beta2t = (float) Math.pow((float) beta2, iteration + 1);
    float alpha = (float) ((float) rate * (float) Math.sqrt(1.0 - beta2t) / (1.0 - beta1t));
    return Float.isFinite(alpha) && alpha != 0f ? alpha : (float) epsilon;
  }

  private void update(Block block, int start, int length, float alpha) {
    int moment = start - block.start();
    gradient.get(start, g, 0, length);
    parameters.get(start, p, 0, length);
    block.m().get(moment, m, 0, length);
    block.v().get(moment, v, 0, length);
    Adam adam = block.config();
    float beta1 = (float) adam.getBeta1();
    float beta2 = (float) adam.getBeta2();
    float epsilon = (float) adam.getEpsilon();
    for (int i = 0; i < length; i++) {
      float gi = g[i];
      float mi = beta1 * m[i] + gi * (1f - beta1);
      float vi = beta2 * v[i] + gi * gi * (1f - beta2);
      m[i] = mi;
      v[i] = vi;
      p[i] = p[i] - (mi * alpha) / ((float) Math.sqrt(vi) + epsilon);
    }
    block.m().put(moment, m, 0, length);
    block.v().put(moment, v, 0, length);
    parameters.put(start, p, 0, length);
  }
}
