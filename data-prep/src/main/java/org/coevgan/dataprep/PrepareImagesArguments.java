package org.coevgan.dataprep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.coevgan.dataprep.PrepareImages.Options;
import org.coevgan.dataprep.PrepareImages.SmoteOptions;

/**
 * Parses the command line of {@link PrepareImages} into {@link Options}, failing with a
 * {@link UsageException} that names the offending argument. {@code --filter} and
 * {@code --label-group} may be repeated; every other option is given at most once.
 */
final class PrepareImagesArguments {
  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: spark-submit --class PrepareImages coevgan-data-prep.jar \\",
      "           --images DIR [--metadata CSV [--filter column=value[,value...]]...] \\",
      "           [--label-column COL [--label-group NAME=value[,value...]]...] \\",
      "           --size N --output DIR [--max-skipped N|FRACTION] \\",
      "           [--smote-target N [--smote-k K] [--seed S]]",
      "",
      "Ingests PNG and JPEG images into a new Parquet image table, grey, square and [-1, 1].",
      "",
      "  --images DIR         folder holding the image files (required)",
      "  --metadata CSV       CSV with a header row and one row per image; without it every",
      "                       file of the folder is read",
      "  --filter COL=V[,V]   keep rows whose COL is one of the values (OR); repeat the option",
      "                       for other columns (AND); values are compared trimmed, exactly",
      "  --file-column COL    metadata column naming the image file (default: filename)",
      "  --label-column COL   number the column's sorted distinct values 0, 1, ... as labels",
      "                       (default: labels stay null)",
      "  --label-group N=V[,V] merge the label column's values V into one label named N",
      "                       before numbering; * stands for every value no group lists;",
      "                       repeat the option for more groups, e.g. --label-group",
      "                       COVID-19=COVID-19 --label-group other=*",
      "  --size N             side of the square output images: 28, 64 or 128 (required)",
      "  --output DIR         folder for the new table; must not exist yet (required); the",
      "                       rejected files are listed in DIR-rejected",
      "  --max-skipped N|F    bad files tolerated: a count (3) or a fraction of the selected",
      "                       files (0.1, the default); above it the run fails, writing nothing",
      "  --smote-target N     add SMOTE images until the table holds N images; with",
      "                       --label-column, within each label, shared in proportion",
      "  --smote-k K          nearest neighbours SMOTE chooses from (default: 5)",
      "  --seed S             seed of SMOTE's random draws (default: 0)",
      "  --help               print this text and exit",
      "",
      "Exit codes: 0 done, 2 bad arguments or existing output,",
      "            3 bad input data or too many bad files, 4 file system or cluster failure,",
      "            5 internal error (a bug: please report it with the log).");

  static final String IMAGES = "--images";
  static final String METADATA = "--metadata";
  static final String FILTER = "--filter";
  static final String FILE_COLUMN = "--file-column";
  static final String LABEL_COLUMN = "--label-column";
  static final String LABEL_GROUP = "--label-group";
  static final String SIZE = "--size";
  static final String OUTPUT = "--output";
  static final String MAX_SKIPPED = "--max-skipped";
  static final String SMOTE_TARGET = "--smote-target";
  static final String SMOTE_K = "--smote-k";
  static final String SEED = "--seed";
  static final String HELP = "--help";

  static final String DEFAULT_FILE_COLUMN = "filename";
  static final int DEFAULT_SMOTE_K = 5;
  static final long DEFAULT_SEED = 0;

  private static final Set<String> OPTIONS_WITH_VALUES = Set.of(IMAGES, METADATA, FILTER,
      FILE_COLUMN, LABEL_COLUMN, LABEL_GROUP, SIZE, OUTPUT, MAX_SKIPPED, SMOTE_TARGET, SMOTE_K,
      SEED);

  private PrepareImagesArguments() {}

  /** Returns whether the arguments ask for the usage text. */
  static boolean asksForHelp(String[] args) {
    return Arrays.asList(args).contains(HELP);
  }

  /** Returns the options given on the command line. */
  static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    List<String> filters = new ArrayList<>();
    List<String> labelGroups = new ArrayList<>();
    collect(args, values, filters, labelGroups);

    try {
      return new Options(Path.of(required(values, IMAGES)),
          Optional.ofNullable(values.get(METADATA)).map(Path::of),
          filters.stream().map(MetadataFilter::parse).toList(),
          values.getOrDefault(FILE_COLUMN, DEFAULT_FILE_COLUMN),
          Optional.ofNullable(values.get(LABEL_COLUMN)), wholeNumber(values, SIZE, null),
          required(values, OUTPUT), maxSkipped(values), smote(values), labelGroups);
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void collect(String[] args, Map<String, String> values, List<String> filters,
      List<String> labelGroups) {
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (!OPTIONS_WITH_VALUES.contains(name)) {
        throw new UsageException(
            "Cannot run PrepareImages because '" + name + "' is not one of its options "
                + OPTIONS_WITH_VALUES.stream().sorted().toList() + "; see the usage below");
      }

      if (i + 1 == args.length || args[i + 1].startsWith("--")) {
        throw new UsageException(
            "Cannot run PrepareImages because " + name + " has no value; write " + name
                + " followed by its value");
      }

      if (name.equals(FILTER)) {
        filters.add(args[i + 1]);
      } else if (name.equals(LABEL_GROUP)) {
        labelGroups.add(args[i + 1]);
      } else if (values.put(name, args[i + 1]) != null) {
        throw new UsageException(
            "Cannot run PrepareImages because " + name + " is given twice; give it once");
      }
    }
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException(
          "Cannot run PrepareImages because the required option " + name + " is missing; add "
              + name + " and its value");
    }

    return value;
  }

  private static MaxSkipped maxSkipped(Map<String, String> values) {
    String value = values.get(MAX_SKIPPED);

    return value == null ? MaxSkipped.DEFAULT : MaxSkipped.parse(value);
  }

  private static Optional<SmoteOptions> smote(Map<String, String> values) {
    if (!values.containsKey(SMOTE_TARGET)) {
      if (values.containsKey(SMOTE_K) || values.containsKey(SEED)) {
        throw new UsageException(
            "Cannot run PrepareImages because " + SMOTE_K + " and " + SEED + " only apply to"
                + " SMOTE; add " + SMOTE_TARGET + " or leave them out");
      }

      return Optional.empty();
    }

    long seed = values.containsKey(SEED) ? seed(values.get(SEED)) : DEFAULT_SEED;

    return Optional.of(new SmoteOptions(wholeNumber(values, SMOTE_TARGET, null),
        wholeNumber(values, SMOTE_K, DEFAULT_SMOTE_K), seed));
  }

  private static int wholeNumber(Map<String, String> values, String name, Integer fallback) {
    String value = fallback == null ? required(values, name) : values.get(name);
    if (value == null) {
      return fallback;
    }

    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "Cannot run PrepareImages because " + name + " is '" + value + "' but must be a whole"
              + " number; fix " + name);
    }
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "Cannot run PrepareImages because " + SEED + " is '" + value + "' but must be a whole"
              + " number; fix " + SEED);
    }
  }
}
