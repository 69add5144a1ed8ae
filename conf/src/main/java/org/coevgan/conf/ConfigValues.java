package org.coevgan.conf;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The text of every key after the file and the overrides, read into typed values.
 *
 * <p>Each read checks the value's type and records its final text; {@link #resolved()} then
 * returns those texts for run.json. Failures name the file, and the {@code --set} when the value
 * came from one.
 */
final class ConfigValues {
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  /** Parses the configured spelling of an enum; the enums' static parse methods fit. */
  @FunctionalInterface
  interface ChoiceParser<E> {
    E parse(String key, String value, String source);
  }

  private final String file;
  private final Map<ConfigKey, String> texts;
  private final Map<ConfigKey, String> overrides;
  private final Map<ConfigKey, String> resolved = new EnumMap<>(ConfigKey.class);

  /**
   * Creates the values of {@code file}: {@code texts} holds every key set in the file or by an
   * override, {@code overrides} the {@code --set} argument behind each overridden key.
   */
  ConfigValues(String file, Map<ConfigKey, String> texts, Map<ConfigKey, String> overrides) {
    this.file = file;
    this.texts = new EnumMap<>(texts);
    this.overrides = new EnumMap<>(overrides);
  }

  String file() {
    return file;
  }

  /** Returns where {@code key}'s value came from: the file, or the file with one override. */
  String source(ConfigKey key) {
    String override = overrides.get(key);
    return override == null ? file : file + " with --set " + override;
  }

  int wholeNumber(ConfigKey key) {
    long value = parseWholeNumber(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    return (int) value;
  }

  long largeWholeNumber(ConfigKey key) {
    return parseWholeNumber(key, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  double number(ConfigKey key) {
    String text = text(key);
    if (!NUMBER.matcher(text).matches()) {
      throw wrongType(key, text, "a number", "a number such as " + example(key));
    }

    double value = Double.parseDouble(text);
    resolved.put(key, Decimals.text(value));
    return value;
  }

  String text(ConfigKey key) {
    String text = texts.get(key);
    if (text == null) {
      text = key.defaultValue().orElseThrow(() -> missing(key));
    }

    resolved.putIfAbsent(key, text);
    return text;
  }

  <E extends ConfigChoice> E choice(ConfigKey key, ChoiceParser<E> parser) {
    E choice = parser.parse(key.configName(), text(key), source(key));
    resolved.put(key, choice.configName());
    return choice;
  }

  /**
   * Returns what {@code constructor} builds, rewording a record's failure to name the file and
   * the {@code --set} the offending value came from.
   */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (ConfigException e) {
      ConfigKey key = e.key().flatMap(ConfigKey::find).orElseThrow(() -> e);
      throw e.relocated(source(key));
    }
  }

  /** Returns the final text of every key, sorted by key; every key must have been read. */
  Map<String, String> resolved() {
    Map<String, String> byName = new TreeMap<>();
    for (ConfigKey key : ConfigKey.values()) {
      String text = resolved.get(key);
      if (text == null) {
        throw new IllegalStateException("Cannot list the resolved values: " + key.configName()
            + " was never read; read it where the run configuration is assembled.");
      }

      byName.put(key.configName(), text);
    }

    return byName;
  }

  private long parseWholeNumber(ConfigKey key, long min, long max) {
    String text = text(key);
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      throw wrongType(key, text, "a whole number", "a whole number such as " + example(key));
    }

    BigInteger value = new BigInteger(text);
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      String range = "a whole number from " + min + " to " + max;
      throw wrongType(key, text, range, range);
    }

    resolved.put(key, value.toString());
    return value.longValue();
  }

  private ConfigException wrongType(ConfigKey key, String text, String rule, String fix) {
    String name = key.configName();
    return ConfigException.loading(source(key), name, name + " must be " + rule + " but is '"
        + text + "'; set " + name + " to " + fix + ".");
  }

  private ConfigException missing(ConfigKey key) {
    String name = key.configName();
    return ConfigException.loading(source(key), name, name + " is missing and has no default; "
        + "add " + name + ": <value> to the file or pass --set " + name + "=<value>.");
  }

  private static String example(ConfigKey key) {
    return key.defaultValue().orElse("1");
  }
}
