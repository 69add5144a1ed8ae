package org.coevgan.conf;

/**
 * A mode or policy read from configuration, with the one spelling users write for it.
 *
 * <p>Every enum read from a configuration file implements this interface and offers a static
 * {@code parse(key, value, source)} that accepts exactly the {@link #configName()} of one of its
 * constants and otherwise fails with a {@link ConfigException} listing the allowed spellings.
 */
public interface ConfigChoice {
  /**
   * Returns the spelling used in configuration files and messages, such as {@code von-neumann}.
   *
   * @return lower-case words joined by hyphens
   */
  String configName();
}
