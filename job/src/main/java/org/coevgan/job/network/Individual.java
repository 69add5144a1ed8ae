package org.coevgan.job.network;

import org.bytedeco.javacpp.FloatPointer;
import org.coevgan.job.cell.IndividualState;
import org.coevgan.job.grid.Cell;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A live generator or discriminator inside one cell's task: a DL4J network rebuilt from an
 * {@link IndividualState}, with its evolved learning rate, objective and latest fitness.
 */
public final class Individual {
  private final MultiLayerNetwork network;
  private final double learningRate;
  private final GeneratorObjective objective;
  private final Cell origin;
  private double fitness;
  private INDArray gradientBuffer;
  private boolean denseChecked;
  private DenseLayers denseLayers;
  private FusedAdam adam;

  private Individual(
      MultiLayerNetwork network,
      double learningRate,
      GeneratorObjective objective,
      Cell origin,
      double fitness) {
    this.network = network;
    this.learningRate = learningRate;
    this.objective = objective;
    this.origin = origin;
    this.fitness = fitness;
  }

  /** Returns a freshly initialised generator for a cell, its weights drawn from seed. */
  public static Individual newGenerator(
      NetworkSpec spec, double learningRate, GeneratorObjective objective, Cell origin, long seed) {
    MultiLayerNetwork network = NetworkFactory.newGenerator(spec, learningRate, seed);
    return new Individual(network, learningRate, objective, origin, Double.NaN);
  }

  /** Returns a freshly initialised discriminator for a cell, its weights drawn from seed. */
  public static Individual newDiscriminator(
      NetworkSpec spec, double learningRate, Cell origin, long seed) {
    MultiLayerNetwork network = NetworkFactory.newDiscriminator(spec, learningRate, seed);
    return new Individual(network, learningRate, null, origin, Double.NaN);
  }

  /** Rebuilds a generator from its stored state, using the given (possibly mutated) rate. */
  public static Individual restoreGenerator(
      NetworkSpec spec, IndividualState state, double learningRate) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(NetworkFactory.generatorConfiguration(spec, learningRate, 0L));
    restore(network, state);
    return new Individual(
        network, learningRate, state.objective(), state.origin(), state.fitness());
  }

  /** Rebuilds a discriminator from its stored state, using the given (possibly mutated) rate. */
  public static Individual restoreDiscriminator(
      NetworkSpec spec, IndividualState state, double learningRate) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(NetworkFactory.discriminatorConfiguration(spec, learningRate, 0L));
    restore(network, state);
    return new Individual(network, learningRate, null, state.origin(), state.fitness());
  }

  /**
   * Returns this individual around another network of the same architecture, such as a
   * double-precision copy for a gradient check; the two share nothing but their settings.
   */
  Individual withNetwork(MultiLayerNetwork other) {
    return new Individual(other, learningRate, objective, origin, fitness);
  }

  private static void restore(MultiLayerNetwork network, IndividualState state) {
    INDArray parameters = NativeMatrices.of(state.parameters(), 1, state.parameters().length);
    network.init(parameters, false);
    network.setIterationCount(state.iterations());
    if (state.hasOptimiserState()) {
      INDArray moments = NativeMatrices.of(state.updaterState(), 1, state.updaterState().length);
      ((BaseMultiLayerUpdater<?>) network.getUpdater()).setStateViewArray(moments);
    }
  }

  /** Returns the stored form of this individual, with its Adam state. */
  public IndividualState toState() {
    INDArray moments = network.updaterState();
    float[] updater = moments == null ? new float[0] : toFloats(moments);
    return new IndividualState(
        toFloats(network.params()),
        updater,
        network.getIterationCount(),
        learningRate,
        objective,
        origin,
        fitness);
  }

  /**
   * Returns the array's values as floats in row-major order. A contiguous float array is copied
   * out of native memory in one block; ND4J's {@code asFloat} reads element by element through
   * an indexer, which took a seventh of the executors' time in an 18x18 grid of reference-4lp
   * cells.
   */
  private static float[] toFloats(INDArray array) {
    INDArray source = array.dataType() == DataType.FLOAT && array.ordering() == 'c'
        && !array.isView() ? array : array.castTo(DataType.FLOAT).dup('c');
    float[] values = new float[Math.toIntExact(source.length())];
    new FloatPointer(source.data().addressPointer()).get(values, 0, values.length);
    return values;
  }

  /**
   * Returns a buffer shaped like the network's gradient, with undefined contents, for holding one
   * gradient while the network computes the next. A discriminator update needs one per step;
   * reusing it saves allocating (and page-faulting) megabytes of native memory every step.
   */
  INDArray gradientBuffer() {
    if (gradientBuffer == null) {
      INDArray parameters = network.params();
      gradientBuffer = Nd4j.createUninitialized(parameters.dataType(), parameters.shape());
    }
    return gradientBuffer;
  }

  /**
   * Returns whether {@link DenseTraining} can train this individual: a float32 perceptron. The
   * convolutional presets train with DL4J.
   */
  boolean isDense() {
    if (!denseChecked) {
      denseLayers = DenseLayers.of(network);
      denseChecked = true;
    }
    return denseLayers != null;
  }

  /** Returns the fused passes of a perceptron, made on first use; see {@link #isDense}. */
  DenseLayers denseLayers() {
    if (!isDense()) {
      throw new IllegalStateException("Cannot train " + network.getnLayers()
          + "-layer network with dense passes: it is not a float32 perceptron");
    }
    return denseLayers;
  }

  /** Returns the fused Adam update of a perceptron, made on first use. */
  FusedAdam adam() {
    if (adam == null) {
      adam = new FusedAdam(network, denseLayers().gradient());
    }
    return adam;
  }

  public MultiLayerNetwork network() {
    return network;
  }

  public double learningRate() {
    return learningRate;
  }

  /** Returns the generator's training objective; null for a discriminator. */
  public GeneratorObjective objective() {
    return objective;
  }

  public Cell origin() {
    return origin;
  }

  public double fitness() {
    return fitness;
  }

  public void setFitness(double fitness) {
    this.fitness = fitness;
  }

  /**
   * Returns the length of the parameter vector DL4J stores, batch-norm running statistics
   * included; {@link RunningStatistics#trainableCount} leaves them out.
   */
  public long parameterCount() {
    return network.numParams();
  }
}
