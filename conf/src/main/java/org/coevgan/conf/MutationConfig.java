package org.coevgan.conf;

/**
 * How learning rates evolve between generations (keys {@code mutation.rate} and
 * {@code mutation.probability}).
 *
 * <p>With probability {@code probability}, a learning rate gets a Gaussian step of standard
 * deviation {@code rate} added: with the paper's rate 0.0001, a mutated learning rate of 0.0002
 * lands between 0.0001 and 0.0003 about two times in three.
 *
 * @param rate standard deviation of the Gaussian step, finite and 0 or more
 * @param probability chance that a learning rate is mutated in a generation, in [0, 1]
 */
public record MutationConfig(double rate, double probability) {
  private static final String SUBJECT = "mutation settings";

  /**
   * Creates a mutation configuration.
   *
   * @param rate standard deviation of the Gaussian step, finite and 0 or more
   * @param probability chance that a learning rate is mutated in a generation, in [0, 1]
   * @throws ConfigException if the rate is negative or not finite, or the probability lies
   *     outside [0, 1]
   */
  public MutationConfig {
    Checks.checkNotNegative(SUBJECT, ConfigKey.MUTATION_RATE, rate);
    Checks.checkProbability(SUBJECT, ConfigKey.MUTATION_PROBABILITY, probability);
  }
}
