package org.coevgan.conf;

/**
 * How the built-in feature classifier is trained (key {@code feature-network.trainer}).
 */
public enum FeatureNetworkTrainer implements ConfigChoice {
  /** Plain DL4J minibatch training on the driver, on its cores only. */
  DRIVER("driver"),

  /**
   * Data-parallel training with deeplearning4j-spark's parameter averaging over the executors;
   * the default. It fits the same minibatches as the driver trainer and reaches about the same
   * accuracy in the same epochs.
   */
  PARAMETER_AVERAGING("parameter-averaging");

  private final String configName;

  FeatureNetworkTrainer(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns the trainer spelled {@code value}, or fails naming the key, the value and the
   * choices.
   *
   * @param key the configuration key, for the message
   * @param value the configured spelling
   * @param source where the value came from, for the message
   * @return the trainer
   */
  public static FeatureNetworkTrainer parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
