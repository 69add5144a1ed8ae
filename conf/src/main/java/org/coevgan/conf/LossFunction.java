package org.coevgan.conf;

/** The loss generators and discriminators are trained and evaluated with (key network.loss). */
public enum LossFunction implements ConfigChoice {
  /** Binary cross-entropy, the paper's choice (its Table 2). */
  BCE("bce"),

  /** Mean squared error, as in least-squares GANs. */
  MSE("mse"),

  /**
   * Binary cross-entropy with the non-saturating ("heuristic") generator loss, which maximises
   * log D(G(z)) and trains visibly faster than {@link #BCE} on short runs.
   */
  HEURISTIC("heuristic"),

  /**
   * One of {@link #BCE}, {@link #MSE} and {@link #HEURISTIC}, drawn at random for each cell in
   * each generation, as in the Mustangs variant of Lipizzaner.
   */
  MUSTANGS("mustangs");

  private final String configName;

  LossFunction(String configName) {
    this.configName = configName;
  }

  /**
   * Returns the configured spelling: {@code bce}, {@code mse}, {@code heuristic} or
   * {@code mustangs}.
   *
   * @return the spelling used in configuration files
   */
  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns the loss function spelled {@code value}.
   *
   * @param key the configuration key the value was read from, for the message
   * @param value the configured spelling
   * @param source the file (and overrides) the value came from, for the message
   * @return the matching loss function
   * @throws ConfigException if {@code value} is not one of the configured spellings
   */
  public static LossFunction parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
