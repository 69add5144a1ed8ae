package org.coevgan.conf;

/**
 * When cells evolve their mixture weights (key {@code mixture.schedule}). The paper's Algorithm
 * 1 evolves them once at the end of the run; the reference code also takes one mixture step
 * after every generation.
 */
public enum MixtureSchedule implements ConfigChoice {
  /** All {@code mixture.steps} steps after the last generation. */
  END_OF_RUN("end-of-run"),

  /** One step after each generation, then {@code mixture.steps} steps at the end. */
  EVERY_GENERATION("every-generation");

  private final String configName;

  MixtureSchedule(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns the schedule spelled {@code value}, or fails naming the key, the value and the
   * choices.
   *
   * @param key the configuration key, for the message
   * @param value the configured spelling
   * @param source where the value came from, for the message
   * @return the schedule
   */
  public static MixtureSchedule parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
