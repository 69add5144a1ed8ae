package org.coevgan.conf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Parses the configured spelling of a {@link ConfigChoice} enum constant. */
final class Choices {
  private Choices() {}

  /** Returns the constant spelled {@code value}, or fails naming key, value, source and choices. */
  static <E extends ConfigChoice> E parse(E[] choices, String key, String value, String source) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(source, "source");

    for (E choice : choices) {
      if (choice.configName().equals(value)) {
        return choice;
      }
    }

    String allowed = String.join(", ", names(choices));
    throw ConfigException.loading(source, key, key + " must be one of " + allowed
        + " but is '" + value + "'; set " + key + " to one of those.");
  }

  /** Returns the configured spellings of {@code choices}, in declaration order. */
  static List<String> names(ConfigChoice[] choices) {
    return Arrays.stream(choices).map(ConfigChoice::configName).toList();
  }
}
