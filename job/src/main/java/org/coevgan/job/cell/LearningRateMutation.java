package org.coevgan.job.cell;

import java.util.SplittableRandom;

/**
 * Gaussian mutation of a learning rate: with the configured probability the rate takes a step
 * drawn from N(0, rate^2); otherwise it is unchanged. A step that would make the rate zero or
 * negative is clipped to {@link #MINIMUM_LEARNING_RATE} so that training never stops silently.
 *
 * <p>Example: rate 0.0001, probability 0.5 and learning rate 0.0002: half the time the rate stays
 * 0.0002; otherwise a draw of +1.3 standard deviations gives 0.00033.
 */
public final class LearningRateMutation {
  /** The smallest learning rate a mutation can produce. */
  public static final double MINIMUM_LEARNING_RATE = 1e-8;

  private final double rate;
  private final double probability;

  /** Creates the operator; rate is the step's standard deviation. */
  public LearningRateMutation(double rate, double probability) {
    if (!(rate >= 0) || !(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "Cannot mutate learning rates with mutation.rate " + rate + " and mutation.probability "
              + probability + ": the rate must be >= 0 and the probability in [0, 1]");
    }
    this.rate = rate;
    this.probability = probability;
  }

  /** Returns the mutated learning rate. Always draws two numbers, keeping streams aligned. */
  public double mutate(double learningRate, SplittableRandom random) {
    boolean mutates = random.nextDouble() < probability;
    double step = gaussian(random) * rate;
    if (!mutates) {
      return learningRate;
    }
    return Math.max(learningRate + step, MINIMUM_LEARNING_RATE);
  }

  /** Returns a standard normal draw (Box-Muller), since SplittableRandom has none in Java 17. */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
