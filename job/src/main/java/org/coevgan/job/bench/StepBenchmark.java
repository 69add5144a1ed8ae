package org.coevgan.job.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.AdversarialTraining;
import org.coevgan.job.network.GeneratorObjective;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.LatentNoise;
import org.coevgan.job.network.NativeMatrices;
import org.coevgan.job.network.NetworkSpec;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Times one adversarial step of a cell the way {@code CellEvolution} trains: a generator update
 * against a discriminator, then a discriminator update on a real and a fake batch. Reports the
 * median over measured steps after warm-up, so one slow step on a shared machine does not skew
 * it.
 */
public final class StepBenchmark {
  /** How a step trains the perceptron presets; convolutional ones always use DL4J. */
  public enum TrainingPath {
    /** The product's path: fused passes and Adam for perceptrons ({@code DenseTraining}). */
    PRODUCT,
    /** DL4J's calculateGradients and updater, the path before the fused one, as a baseline. */
    DL4J
  }

  private final NetworkSpec spec;
  private final TrainingPath path;
  private final int batchSize;
  private final Individual generator;
  private final Individual discriminator;
  private final TrainingImages images;
  private final SplittableRandom random = new SplittableRandom(1);
  /** The step's latent noise and real batch, refilled every step as the job's training does. */
  private final INDArray noise;
  private final INDArray real;

  /** Prepares fresh networks of a preset and random real images of its size. */
  public StepBenchmark(NetworkPreset preset, int latentSize, int side, int batchSize) {
    this(preset, latentSize, side, batchSize, TrainingPath.PRODUCT);
  }

  /** Prepares fresh networks of a preset, trained along the given path. */
  public StepBenchmark(NetworkPreset preset, int latentSize, int side, int batchSize,
      TrainingPath path) {
    this.spec = new NetworkSpec(preset, latentSize, side, side, 0.5, 0.999, 1e-8);
    this.path = path;
    this.batchSize = batchSize;
    this.generator = Individual.newGenerator(spec, 0.0002, GeneratorObjective.MINIMAX,
        new Cell(0, 0), 1);
    this.discriminator = Individual.newDiscriminator(spec, 0.0002, new Cell(0, 0), 2);
    this.images = randomImages(batchSize * 4, side);
    this.noise = NativeMatrices.matrix(batchSize, spec.latentSize());
    this.real = NativeMatrices.matrix(batchSize, images.pixelCount());
  }

  /** Runs one step: generator update, then discriminator update. */
  public void step() {
    LatentNoise.sampleInto(noise, random);
    if (path == TrainingPath.PRODUCT) {
      AdversarialTraining.trainGenerator(generator, discriminator, noise);
    } else {
      AdversarialTraining.trainGeneratorByDl4j(generator, discriminator, noise);
    }

    images.batchInto(batchIndices(), real);
    LatentNoise.sampleInto(noise, random);
    if (path == TrainingPath.PRODUCT) {
      AdversarialTraining.trainDiscriminator(discriminator, real, generator, noise);
    } else {
      INDArray fake = AdversarialTraining.fakeImages(generator, noise);
      AdversarialTraining.trainDiscriminatorByDl4j(discriminator, real, fake);
    }
  }

  /** Returns the median milliseconds of a step over measured steps after warm-up steps. */
  public double medianMillis(int warmUp, int measured) {
    for (int i = 0; i < warmUp; i++) {
      step();
    }
    double[] millis = new double[measured];
    for (int i = 0; i < measured; i++) {
      long start = System.nanoTime();
      step();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[measured / 2];
  }

  /**
   * Median milliseconds of a step of two benchmarks that take turns, in wall-clock time and in
   * the stepping thread's CPU time. With one ND4J thread every operation runs on that thread, so
   * its CPU time leaves out the time other processes on a shared machine take.
   */
  public record PairedTimes(double millis, double baselineMillis, double cpuMillis,
      double baselineCpuMillis) {}

  /**
   * Consecutive steps per turn. Training runs steps back to back; alternating single steps with
   * the baseline's evicted each path's networks from the caches and made a reference-4lp step
   * 15 % slower than in training.
   */
  private static final int STEPS_PER_TURN = 8;

  /**
   * Times this benchmark's steps in turns with a baseline's, so both see the same load: each
   * turn runs {@link #STEPS_PER_TURN} steps of one, then of the other, and a turn's time per
   * step is one sample; the medians are over measured turns.
   */
  public PairedTimes pairedMedians(StepBenchmark baseline, int warmUp, int measured) {
    for (int i = 0; i < warmUp; i++) {
      step();
      baseline.step();
    }
    double[][] mine = new double[2][measured];
    double[][] theirs = new double[2][measured];
    for (int i = 0; i < measured; i++) {
      timedTurn(this, mine, i);
      timedTurn(baseline, theirs, i);
    }
    return new PairedTimes(median(mine[0]), median(theirs[0]), median(mine[1]),
        median(theirs[1]));
  }

  private static void timedTurn(StepBenchmark benchmark, double[][] millis, int index) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < STEPS_PER_TURN; i++) {
      benchmark.step();
    }
    millis[0][index] = (System.nanoTime() - start) / 1e6 / STEPS_PER_TURN;
    millis[1][index] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / STEPS_PER_TURN;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * Returns the floating-point operations a step needs for perceptron presets, counting 2 per
   * weight and image for a layer's forward pass, 2 for its weight gradient and 2 for the
   * gradient with respect to its input:
   *
   * <ul>
   *   <li>discriminator update on 2B images: forward, weight gradients, and input gradients of
   *       every layer but the first; plus one generator forward pass on B noise vectors for the
   *       fake images;
   *   <li>generator update on B images: the generator's forward pass, weight gradients and input
   *       gradients of every layer but the first, and the discriminator's forward pass and input
   *       gradients of every layer, without its weight gradients.
   * </ul>
   *
   * <p>Only this necessary work counts, as for the PyTorch reference's optimal step: DL4J's path
   * also recomputes every layer's product in backprop and computes the opponent's weight
   * gradients (before the fused path this figure counted those, 14 % more for 4lp). Returns NaN
   * for convolutional presets.
   */
  public double flopsPerStep() {
    if (spec.preset() == NetworkPreset.CNN28 || spec.preset() == NetworkPreset.CNN64) {
      return Double.NaN;
    }
    double g = generator.parameterCount();
    double d = discriminator.parameterCount();
    double firstG = firstLayerWeights(generator);
    double firstD = firstLayerWeights(discriminator);
    double b = batchSize;
    double discriminatorUpdate = 2 * b * (6 * d - 2 * firstD) + 2 * g * b;
    double generatorUpdate = b * (6 * g - 2 * firstG) + 4 * d * b;
    return discriminatorUpdate + generatorUpdate;
  }

  private static long firstLayerWeights(Individual individual) {
    return individual.network().getLayer(0).getParam(DefaultParamInitializer.WEIGHT_KEY).length();
  }

  private int[] batchIndices() {
    int[] indices = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      indices[i] = random.nextInt(images.count());
    }
    return indices;
  }

  private static TrainingImages randomImages(int count, int side) {
    SplittableRandom random = new SplittableRandom(7);
    float[] pixels = new float[count * side * side];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return new TrainingImages(pixels, count, side, side);
  }
}
