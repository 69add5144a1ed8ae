package org.coevgan.conf;

/**
 * Checks the arguments of configuration records, failing with a {@link ConfigException} that
 * names the key, the value, the rule and the fix.
 *
 * <p>Messages name no file, because records do not know one; the loader rewords them to name
 * the file and any {@code --set} the value came from.
 */
final class Checks {
  private Checks() {}

  /** Checks that a whole number is {@code min} or more. */
  static void checkAtLeast(String subject, ConfigKey key, long value, long min) {
    if (value < min) {
      throw invalid(subject, key, Long.toString(value), "at least " + min,
          "set " + key.configName() + " to " + min + " or more");
    }
  }

  /** Checks that a whole number lies between {@code min} and {@code max}, both included. */
  static void checkBetween(String subject, ConfigKey key, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(subject, key, Long.toString(value), "between " + min + " and " + max,
          "set " + key.configName() + " to a value in that range");
    }
  }

  /** Checks that a number is finite and above 0. */
  static void checkPositive(String subject, ConfigKey key, double value) {
    checkRule(value > 0 && Double.isFinite(value), subject, key, value, "a finite number above 0");
  }

  /** Checks that a number is finite and 0 or more. */
  static void checkNotNegative(String subject, ConfigKey key, double value) {
    checkRule(value >= 0 && Double.isFinite(value), subject, key, value,
        "a finite number, 0 or more");
  }

  /** Checks that a number lies in [0, 1). */
  static void checkBelowOne(String subject, ConfigKey key, double value) {
    checkRule(value >= 0 && value < 1, subject, key, value, "at least 0 and below 1");
  }

  /** Checks that a number lies in [0, 1]. */
  static void checkProbability(String subject, ConfigKey key, double value) {
    checkRule(value >= 0 && value <= 1, subject, key, value, "between 0 and 1");
  }

  /** Checks that a number lies in (0, 1]. */
  static void checkFraction(String subject, ConfigKey key, double value) {
    checkRule(value > 0 && value <= 1, subject, key, value, "above 0 and at most 1");
  }

  /** Checks that a text is neither empty nor only spaces. */
  static void checkNotBlank(String subject, ConfigKey key, String value, String meaning) {
    if (value.isBlank()) {
      throw invalid(subject, key, "'" + value + "'", meaning,
          "set " + key.configName() + " to " + meaning);
    }
  }

  /** Returns a failure of {@code key}, whose {@code value} breaks {@code rule}. */
  static ConfigException invalid(String subject, ConfigKey key, String value, String rule,
      String fix) {
    String name = key.configName();
    return ConfigException.building(subject, name,
        name + " is " + value + " but must be " + rule + "; " + fix + ".");
  }

  private static void checkRule(boolean holds, String subject, ConfigKey key, double value,
      String rule) {
    if (!holds) {
      String example = key.defaultValue().orElseThrow();
      throw invalid(subject, key, Decimals.text(value), rule,
          "set " + key.configName() + " to a value such as " + example);
    }
  }
}
