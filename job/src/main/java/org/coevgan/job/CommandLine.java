package org.coevgan.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line of the form {@code --name value ... [--flag]}, with repeatable options
 * collected in order. Unknown options and missing values are usage errors.
 */
public final class CommandLine {
  private final Map<String, List<String>> values;

  private CommandLine(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Thrown for a command line that does not match the usage; the message says why. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses arguments; options take one value each except the flags, which take none.
   *
   * @param options the accepted options that take a value, e.g. "--config"
   * @param flags the accepted options without a value, e.g. "--help"
   */
  public static CommandLine parse(String[] args, Set<String> options, Set<String> flags) {
    Map<String, List<String>> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (flags.contains(name)) {
        values.computeIfAbsent(name, key -> new ArrayList<>()).add("true");
      } else if (options.contains(name)) {
        if (i + 1 >= args.length) {
          throw new UsageException("option " + name + " needs a value");
        }
        values.computeIfAbsent(name, key -> new ArrayList<>()).add(args[++i]);
      } else {
        throw new UsageException("unknown argument '" + name + "'");
      }
    }
    return new CommandLine(values);
  }

  /** Returns whether a flag or option was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** Returns the single value of a required option. */
  public String required(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      throw new UsageException("option " + name + " is required");
    }
    if (given.size() > 1) {
      throw new UsageException("option " + name + " was given " + given.size() + " times");
    }
    return given.get(0);
  }

  /** Returns every value of a repeatable option, in order, or an empty list. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
