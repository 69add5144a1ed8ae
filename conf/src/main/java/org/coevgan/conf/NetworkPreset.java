package org.coevgan.conf;

/**
 * The architecture of every generator and discriminator in the grid (key {@code network.preset}).
 * The job module builds the layers; this enum only names them.
 */
public enum NetworkPreset implements ConfigChoice {
  /** The paper's four-layer perceptron (its Table 1, "4LP") with tanh activations (Table 2). */
  FOUR_LAYER_PERCEPTRON("4lp"),

  /**
   * The four-layer perceptron as the reference Lipizzaner implementation builds it; the
   * quickstart and smoke-test presets use it.
   */
  REFERENCE_PERCEPTRON("reference-4lp");

  private final String configName;

  NetworkPreset(String configName) {
    this.configName = configName;
  }

  /**
   * Returns the configured spelling: {@code 4lp} or {@code reference-4lp}.
   *
   * @return the spelling used in configuration files
   */
  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns the network preset spelled {@code value}.
   *
   * @param key the configuration key the value was read from, for the message
   * @param value the configured spelling
   * @param source the file (and overrides) the value came from, for the message
   * @return the matching preset
   * @throws ConfigException if {@code value} is not one of the configured spellings
   */
  public static NetworkPreset parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
