package org.coevgan.conf;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Explains an unknown key, suggesting the known key it was most likely meant to be. */
final class UnknownKeys {
  private UnknownKeys() {}

  /**
   * Returns why {@code key} is rejected and what to write instead: the keys of a group when
   * {@code key} names a group, else the closest known key, else the list of known keys.
   */
  static String explain(String key) {
    List<String> group = keysUnder(key);
    if (!group.isEmpty()) {
      return key + " is a group of keys, not a key; write one of " + String.join(", ", group)
          + " instead, such as " + group.get(0) + ".";
    }

    return closest(key)
        .map(known -> "unknown key " + key + "; did you mean " + known + "?")
        .orElseGet(() -> "unknown key " + key + "; use one of the known keys "
            + String.join(", ", allKeys()) + ".");
  }

  /**
   * Returns the known key nearest to {@code key} by edit distance, if it is near enough to be a
   * plausible misspelling: at most half as many edits as the longer of the two has characters.
   */
  static Optional<String> closest(String key) {
    return allKeys().stream()
        .min(Comparator.comparingInt(known -> editDistance(key, known)))
        .filter(known -> 2 * editDistance(key, known) <= Math.max(key.length(), known.length()));
  }

  /** Returns the fewest single-character insertions, deletions and substitutions from a to b. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }

    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }

      int[] swap = previous;
      previous = current;
      current = swap;
    }

    return previous[b.length()];
  }

  /** Returns whether {@code prefix} is a group such as {@code grid} that holds known keys. */
  static boolean isGroup(String prefix) {
    return !keysUnder(prefix).isEmpty();
  }

  private static List<String> keysUnder(String prefix) {
    return allKeys().stream().filter(known -> known.startsWith(prefix + ".")).toList();
  }

  private static List<String> allKeys() {
    return Arrays.stream(ConfigKey.values()).map(ConfigKey::configName).toList();
  }
}
