package org.coevgan.conf;

import java.util.Optional;

/**
 * Signals a run configuration that cannot be used: an unknown key, a value of the wrong type or
 * out of range, a missing required key, or a file that cannot be read as YAML.
 *
 * <p>This is the "bad configuration" failure kind: the person who wrote the configuration must
 * act. The message says what could not be done, names the file and the key, gives the offending
 * value and the rule it breaks, and says which key to change.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The key at fault, such as grid.rows, or null when the failure concerns no single key. */
  private final String key;

  /** The message without its "Cannot ..." opening, so that the loader can name the file. */
  private final String detail;

  /**
   * Creates an exception whose message is complete and concerns no single key.
   *
   * @param message what could not be done, why, and how to fix it
   */
  public ConfigException(String message) {
    this(null, message, message, null);
  }

  private ConfigException(String key, String message, String detail, Throwable cause) {
    super(message, cause);
    this.key = key;
    this.detail = detail;
  }

  /** Returns a failure whose message reads "Cannot {@code action}: {@code detail}". */
  static ConfigException cannot(String action, String key, String detail) {
    return new ConfigException(key, "Cannot " + action + ": " + detail, detail, null);
  }

  /** Returns a failure to build a record, for a caller that knows no file. */
  static ConfigException building(String subject, String key, String detail) {
    return cannot("build the " + subject, key, detail);
  }

  /** Returns a failure to load the configuration from {@code source}, a file and its overrides. */
  static ConfigException loading(String source, String key, String detail) {
    return cannot("load " + source, key, detail);
  }

  /** Returns a failure to read {@code source} as a whole, caused by {@code cause}. */
  static ConfigException unreadable(String source, String detail, Throwable cause) {
    return new ConfigException(null, "Cannot load " + source + ": " + detail, detail, cause);
  }

  /** Returns the same failure, reworded to name the file and overrides the value came from. */
  ConfigException relocated(String source) {
    return loading(source, key, detail);
  }

  /**
   * Returns the configuration key at fault, such as {@code grid.rows}, when the failure concerns
   * one key.
   *
   * @return the key, or empty for failures of the whole file, such as a YAML syntax error
   */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
