package org.coevgan.dataprep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coevgan.dataprep.PrepareIdx.Options;

/**
 * Parses the command line of {@link PrepareIdx} into {@link Options}, failing with a
 * {@link UsageException} that names the offending argument.
 */
final class PrepareIdxArguments {
  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: spark-submit --class PrepareIdx coevgan-data-prep.jar \\",
      "           --images FILE [--labels FILE] --output DIR [--limit N]",
      "",
      "Ingests an MNIST-format IDX image file (and its labels) into a new Parquet image table.",
      "",
      "  --images FILE  IDX image file, magic 0x00000803, plain or gzipped (required)",
      "  --labels FILE  IDX label file, magic 0x00000801, one label per image (optional)",
      "  --output DIR   folder for the new table; must not exist yet (required)",
      "  --limit N      keep only the first N images and labels; files are still checked whole",
      "  --help         print this text and exit",
      "",
      "Exit codes: 0 done, 2 bad arguments or existing output, 3 bad input data,",
      "            4 file system or cluster failure, 5 internal error (a bug).");

  static final String IMAGES = "--images";
  static final String LABELS = "--labels";
  static final String OUTPUT = "--output";
  static final String LIMIT = "--limit";
  static final String HELP = "--help";

  private static final Set<String> OPTIONS_WITH_VALUES = Set.of(IMAGES, LABELS, OUTPUT, LIMIT);

  private PrepareIdxArguments() {}

  /** Returns whether the arguments ask for the usage text. */
  static boolean asksForHelp(String[] args) {
    return Arrays.asList(args).contains(HELP);
  }

  /** Returns the options given on the command line. */
  static Options parse(String[] args) {
    Map<String, String> values = optionValues(args);

    Path images = Path.of(required(values, IMAGES));
    Optional<Path> labels = Optional.ofNullable(values.get(LABELS)).map(Path::of);
    String output = required(values, OUTPUT);
    long limit = values.containsKey(LIMIT) ? limit(values.get(LIMIT)) : IdxReader.NO_LIMIT;

    return new Options(images, labels, output, limit);
  }

  private static Map<String, String> optionValues(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!OPTIONS_WITH_VALUES.contains(name)) {
        throw new UsageException(
            "Cannot run PrepareIdx because '" + name + "' is not one of its options "
                + OPTIONS_WITH_VALUES.stream().sorted().toList() + "; see the usage below");
      }

      if (i + 1 == args.length || args[i + 1].startsWith("--")) {
        throw new UsageException(
            "Cannot run PrepareIdx because " + name + " has no value; write " + name
                + " followed by its value");
      }

      if (values.put(name, args[i + 1]) != null) {
        throw new UsageException(
            "Cannot run PrepareIdx because " + name + " is given twice; give it once");
      }
    }

    return values;
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException(
          "Cannot run PrepareIdx because the required option " + name + " is missing; add "
              + name + " and its value");
    }

    return value;
  }

  private static long limit(String value) {
    long limit;
    try {
      limit = Long.parseLong(value);
    } catch (NumberFormatException e) {
      limit = 0;
    }

    if (limit < 1) {
      throw new UsageException(
          "Cannot run PrepareIdx because " + LIMIT + " is '" + value + "' but must be a whole"
              + " number of images, at least 1; fix " + LIMIT + " or leave it out to keep all");
    }

    return limit;
  }
}
