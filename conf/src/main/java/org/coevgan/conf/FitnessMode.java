package org.coevgan.conf;

/**
 * How an individual's losses against every opponent in its neighbourhood become one fitness
 * (key {@code fitness.mode}). Lower losses mean fitter individuals.
 */
public enum FitnessMode implements ConfigChoice {
  /** The mean of the losses against all opponents. */
  AVERAGE("average"),

  /** The lowest loss against any opponent: an individual is as good as its best match. */
  BEST("best"),

  /** The highest loss against any opponent: an individual is as good as its worst match. */
  WORST("worst");

  private final String configName;

  FitnessMode(String configName) {
    this.configName = configName;
  }

  /**
   * Returns the configured spelling: {@code average}, {@code best} or {@code worst}.
   *
   * @return the spelling used in configuration files
   */
  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns the fitness mode spelled {@code value}.
   *
   * @param key the configuration key the value was read from, for the message
   * @param value the configured spelling
   * @param source the file (and overrides) the value came from, for the message
   * @return the matching fitness mode
   * @throws ConfigException if {@code value} is not one of the configured spellings
   */
  public static FitnessMode parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
