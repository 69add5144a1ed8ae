package org.coevgan.job.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.AdversarialTraining;
import org.coevgan.job.network.GeneratorObjective;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.LatentNoise;
import org.coevgan.job.network.NetworkSpec;
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
  }

  /** Runs one step: generator update, then discriminator update. */
  public void step() {
    INDArray noise = LatentNoise.sample(batchSize, spec.latentSize(), random);
    INDArray fakeNoise = LatentNoise.sample(batchSize, spec.latentSize(), random);
    INDArray real = images.batch(batchIndices());
    if (path == TrainingPath.PRODUCT) {
      AdversarialTraining.trainGenerator(generator, discriminator, noise);
      AdversarialTraining.trainDiscriminator(discriminator, real, generator, fakeNoise);
    } else {
      AdversarialTraining.trainGeneratorByDl4j(generator, discriminator, noise);
      INDArray fake = AdversarialTraining.fakeImages(generator, fakeNoise);
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
   * Returns the floating-point operations of one step for perceptron presets, counting 2 per
   * weight per image for a forward pass and twice that for a backward pass: the discriminator
   * trains on 2B images (forward and backward), the generator trains on B (forward, backward),
   * its discriminator runs forward and backward once for both the soft labels and the input
   * gradient, and the fake batch of the discriminator update costs one generator forward pass.
   * Only this necessary work counts: DL4J's recomputation of each layer's pre-activation during
   * backprop, and the weight gradients it also computes for the generator's opponent, do not.
   * Returns NaN for convolutional presets.
   */
  public double flopsPerStep() {
    if (spec.preset() == NetworkPreset.CNN28 || spec.preset() == NetworkPreset.CNN64) {
      return Double.NaN;
    }
    double g = generator.parameterCount();
    double d = discriminator.parameterCount();
    double b = batchSize;
    double discriminatorUpdate = 6 * d * 2 * b + 2 * g * b;
    double generatorUpdate = 6 * g * b + 6 * d * b;
    return discriminatorUpdate + generatorUpdate;
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
