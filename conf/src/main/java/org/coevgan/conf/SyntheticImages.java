package org.coevgan.conf;

/**
 * What cells do with the synthetic rows of the image table (key
 * {@code data.synthetic-images}), such as SMOTE's oversampled chest X-rays. Scores always
 * compare against real images only, whatever this says.
 */
public enum SyntheticImages implements ConfigChoice {
  /** Cells train on real and synthetic images (the paper trains on the SMOTE-enlarged set). */
  TRAIN("train"),

  /** Cells train on real images only. */
  IGNORE("ignore");

  private final String configName;

  SyntheticImages(String configName) {
    this.configName = configName;
  }

  /**
   * Returns the name used in configuration files.
   *
   * @return train or ignore
   */
  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns the choice named by a configuration value.
   *
   * @param key the key being read, for messages
   * @param value the value as written
   * @param source the file or --set it came from, for messages
   * @return the matching choice
   * @throws ConfigException naming the allowed values when none matches
   */
  public static SyntheticImages parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
