package org.coevgan.dataprep;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the image files left out of a run, counts them by {@link SkipReason}, logs a few
 * examples of each at WARN and decides with {@link MaxSkipped} whether the run may go on.
 */
final class SkipTally {
  private static final Logger LOG = LoggerFactory.getLogger(SkipTally.class);

  /** Caps the example file names logged per reason. */
  static final int EXAMPLES = 3;

  private final List<Rejection> rejections = new ArrayList<>();

  /** Records one file left out. */
  void add(Rejection rejection) {
    rejections.add(rejection);
  }

  /** Returns every file left out, in the order they were met. */
  List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  /** Returns how many files were left out as bad input, duplicates not included. */
  long badInputCount() {
    return rejections.stream().filter(rejection -> rejection.reason().isBadInput()).count();
  }

  /** Returns the count of files per reason, in the order of {@link SkipReason}. */
  Map<SkipReason, Long> countsByReason() {
    return rejections.stream().collect(Collectors.groupingBy(
        Rejection::reason, () -> new EnumMap<>(SkipReason.class), Collectors.counting()));
  }

  private Map<SkipReason, Long> badInputCountsByReason() {
    Map<SkipReason, Long> counts = countsByReason();
    counts.keySet().removeIf(reason -> !reason.isBadInput());

    return counts;
  }

  /** Logs one WARN line per reason with its count and a few example files and details. */
  void warnByReason() {
    countsByReason().forEach((reason, count) -> LOG.warn(
        "Skipped image files reason={} count={} examples={}", reason, count, examples(reason)));
  }

  /**
   * Fails when the bad files among {@code selected} exceed {@code limit}.
   *
   * @throws BadInputException naming --max-skipped, the counts and the reasons
   */
  void checkWithin(MaxSkipped limit, long selected) {
    long skipped = badInputCount();
    if (!limit.allows(skipped, selected)) {
      throw new BadInputException(
          "Cannot prepare the image table because " + skipped + " of " + selected + " selected"
              + " image files are bad " + badInputCountsByReason() + " and --max-skipped is "
              + limit
              + "; fix or remove the files, or raise --max-skipped");
    }
  }

  private List<String> examples(SkipReason reason) {
    return rejections.stream()
        .filter(rejection -> rejection.reason() == reason)
        .limit(EXAMPLES)
        .map(rejection -> rejection.file() + " (" + rejection.detail() + ")")
        .toList();
  }
}
