package org.coevgan.conf;

/**
 * The Adam optimizer every network starts with (keys {@code optimizer.learning-rate},
 * {@code optimizer.beta1}, {@code optimizer.beta2} and {@code optimizer.epsilon}). Learning rates
 * then evolve per cell; see {@link MutationConfig}.
 *
 * @param learningRate initial learning rate, finite and above 0
 * @param beta1 decay rate of the gradient mean, in [0, 1)
 * @param beta2 decay rate of the squared gradient mean, in [0, 1)
 * @param epsilon small term that keeps Adam's division finite, finite and above 0
 */
public record OptimizerConfig(double learningRate, double beta1, double beta2, double epsilon) {
  private static final String SUBJECT = "optimizer";

  /**
   * Creates an optimizer configuration.
   *
   * @param learningRate initial learning rate, finite and above 0
   * @param beta1 decay rate of the gradient mean, in [0, 1)
   * @param beta2 decay rate of the squared gradient mean, in [0, 1)
   * @param epsilon small term that keeps Adam's division finite, finite and above 0
   * @throws ConfigException if a value lies outside its range
   */
  public OptimizerConfig {
    Checks.checkPositive(SUBJECT, ConfigKey.OPTIMIZER_LEARNING_RATE, learningRate);
    Checks.checkBelowOne(SUBJECT, ConfigKey.OPTIMIZER_BETA1, beta1);
    Checks.checkBelowOne(SUBJECT, ConfigKey.OPTIMIZER_BETA2, beta2);
    Checks.checkPositive(SUBJECT, ConfigKey.OPTIMIZER_EPSILON, epsilon);
  }
}
