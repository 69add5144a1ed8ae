package org.coevgan.conf;

import java.util.Objects;

/**
 * How each cell evolves the weights of its neighbourhood's generators (keys {@code mixture.*}).
 *
 * @param steps (1+1) evolution strategy steps at the end of the run, 0 or more
 * @param sigma standard deviation of the Gaussian step added to every weight, above 0
 * @param schedule whether a step is also taken after every generation
 */
public record MixtureConfig(int steps, double sigma, MixtureSchedule schedule) {
  private static final String SUBJECT = "mixture";

  /**
   * Creates a mixture configuration.
   *
   * @param steps (1+1) evolution strategy steps at the end of the run, 0 or more
   * @param sigma standard deviation of the Gaussian step, a finite number above 0
   * @param schedule whether a step is also taken after every generation
   * @throws ConfigException if a number is out of range
   */
  public MixtureConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.MIXTURE_STEPS, steps, 0);
    Checks.checkPositive(SUBJECT, ConfigKey.MIXTURE_SIGMA, sigma);
    Objects.requireNonNull(schedule, "schedule");
  }
}
