package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Oversamples labelled images to a target count with {@link Smote} run within each label, so
 * that a synthetic image only ever interpolates between two images of the same label.
 *
 * <p>The synthetic images are shared out in proportion to the labels' real counts, by largest
 * remainder: each label gets {@code floor(needed * count / eligible)}, and the images still
 * missing go one each to the labels with the largest fractions (ties to the label first in sort
 * order). Example: 85 "COVID-19" and 11 "SARS" images with a target of 200 need 104 more; the
 * exact shares are 92.08 and 11.92, so COVID-19 gets 92 and SARS 12, and the table keeps the
 * real ratio of about 8 to 1.
 *
 * <p>A label with a single image has no neighbour of its own label to move towards, so it gets
 * no synthetic image: it is kept as it is, left out of the shares, and named in a warning. If no
 * label has two images, SMOTE is refused. Labels are visited in sorted order and each draws
 * from its own {@link Random} whose seed is the next value of a {@code Random} seeded with the
 * caller's seed, so the same images, labels, target, k and seed give the same result.
 */
final class SmoteByLabel {
  private static final Logger LOG = LoggerFactory.getLogger(SmoteByLabel.class);

  private SmoteByLabel() {}

  /**
   * Returns {@code max(0, target - images.size())} synthetic images, grouped by label in sorted
   * order, whose base and neighbour are indices into {@code images} of the same label.
   *
   * @param images the real images
   * @param labels the label of each image, such as "COVID-19"; not null
   * @throws IllegalArgumentException if the lists differ in length, if no label has two images
   *     while images are needed, or as {@link Smote#oversample} does
   */
  static List<Smote.Synthetic> oversample(List<float[]> images, List<String> labels, int target,
      int neighbourCount, long seed) {
    Map<String, List<Integer>> members = membersByLabel(images, labels);
    int needed = Math.max(0, target - images.size());
    if (needed == 0) {
      return List.of();
    }

    Map<String, Integer> shares = shares(counts(members), needed);
    Random seeds = new Random(seed);
    List<Smote.Synthetic> synthetic = new ArrayList<>(needed);
    for (Map.Entry<String, List<Integer>> label : members.entrySet()) {
      long labelSeed = seeds.nextLong();
      int share = shares.getOrDefault(label.getKey(), 0);
      if (share > 0) {
        synthetic.addAll(
            oversampleOne(images, label.getValue(), share, neighbourCount, labelSeed));
      }
    }

    return synthetic;
  }

  /**
   * Returns how many of {@code needed} synthetic images each label gets, as the class comment
   * describes; labels with fewer than two images get none and are left out of the map.
   *
   * @throws IllegalArgumentException if no label has two images
   */
  static Map<String, Integer> shares(Map<String, Integer> counts, int needed) {
    Map<String, Integer> eligible = eligible(counts);
    int eligibleImages = eligible.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Integer> shares = new TreeMap<>();
    Map<String, Long> remainders = new TreeMap<>();
    for (Map.Entry<String, Integer> label : eligible.entrySet()) {
      long exact = (long) needed * label.getValue();
      shares.put(label.getKey(), (int) (exact / eligibleImages));
      remainders.put(label.getKey(), exact % eligibleImages);
    }

    int missing = needed - shares.values().stream().mapToInt(Integer::intValue).sum();
    remainders.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(missing)
        .forEach(label -> shares.merge(label.getKey(), 1, Integer::sum));

    return shares;
  }

  private static Map<String, Integer> eligible(Map<String, Integer> counts) {
    Map<String, Integer> eligible = new TreeMap<>();
    counts.forEach((label, count) -> {
      if (count >= 2) {
        eligible.put(label, count);
      } else {
        LOG.warn("Left label '{}' out of SMOTE because it has only {} image and SMOTE"
                + " interpolates between two images of one label; it is kept without synthetic"
                + " images and its share goes to the other labels", label, count);
      }
    });

    if (eligible.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot balance with SMOTE within each label because no label has two images (counts"
              + " " + counts + ") and SMOTE interpolates between two images of one label; keep"
              + " more images (relax --filter), or leave out --label-column or --smote-target");
    }

    return eligible;
  }

  private static List<Smote.Synthetic> oversampleOne(List<float[]> images, List<Integer> members,
      int share, int neighbourCount, long seed) {
    List<float[]> pixels = members.stream().map(images::get).toList();
    List<Smote.Synthetic> local =
        Smote.oversample(pixels, members.size() + share, neighbourCount, seed);

    // Smote numbers images within the label; the table needs their indices among all images.
    return local.stream()
        .map(image -> new Smote.Synthetic(members.get(image.base()),
            members.get(image.neighbour()), image.pixels()))
        .toList();
  }

  private static Map<String, List<Integer>> membersByLabel(List<float[]> images,
      List<String> labels) {
    requireNonNull(images, "images");
    requireNonNull(labels, "labels");
    if (images.size() != labels.size()) {
      throw new IllegalArgumentException(
          "Cannot balance with SMOTE within each label because " + images.size() + " images"
              + " come with " + labels.size() + " labels; give one label per image");
    }

    Map<String, List<Integer>> members = new TreeMap<>();
    for (int index = 0; index < labels.size(); index++) {
      String label = requireNonNull(labels.get(index), "label of image " + index);
      members.computeIfAbsent(label, key -> new ArrayList<>()).add(index);
    }

    return members;
  }

  private static Map<String, Integer> counts(Map<String, List<Integer>> members) {
    Map<String, Integer> counts = new TreeMap<>();
    members.forEach((label, indices) -> counts.put(label, indices.size()));

    return counts;
  }
}
