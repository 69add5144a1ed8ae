package org.coevgan.conf;

import java.util.Objects;

/**
 * How individuals are scored against the opposing side (keys {@code fitness.sample-size} and
 * {@code fitness.mode}).
 *
 * @param sampleSize real images in the random batch on which every generator and discriminator
 *     pair of a neighbourhood is evaluated, 1 or more
 * @param mode how an individual's losses against all opponents become one fitness
 */
public record FitnessConfig(int sampleSize, FitnessMode mode) {
  private static final String SUBJECT = "fitness settings";

  /**
   * Creates a fitness configuration.
   *
   * @param sampleSize real images in the random batch on which every generator and discriminator
   *     pair of a neighbourhood is evaluated, 1 or more
   * @param mode how an individual's losses against all opponents become one fitness
   * @throws ConfigException if the sample size is below 1
   */
  public FitnessConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.FITNESS_SAMPLE_SIZE, sampleSize, 1);
    Objects.requireNonNull(mode, "mode");
  }
}
