package org.coevgan.dataprep;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Oversamples a small set of images to a target count with SMOTE (Chawla et al., 2002): each
 * synthetic image lies on the segment between a real image and one of its nearest neighbours.
 *
 * <p>Synthetic image s (from 0) takes as its base the real image {@code x = s mod n}, so bases
 * are used in turn and evenly, picks its neighbour {@code y} uniformly among the k real images
 * nearest to x (Euclidean distance over the pixels, ties broken by the lower index), draws u
 * uniformly from [0, 1) and sets every pixel to {@code x + u (y - x)}, kept within the pixel
 * pair's range against rounding. Example: pixels x = -1.0 and y = 0.5 with u = 0.2 give -0.7.
 * The draws come from one {@link Random} seeded with the caller's seed, in order (neighbour,
 * then u, per synthetic image), so the same images, target, k and seed give the same result on
 * any JVM.
 *
 * <p>k is clipped to n - 1, with a warning, because an image is never its own neighbour; SMOTE
 * needs at least two images. A target at or below n asks for nothing: no image is made.
 * Finding neighbours costs O(n^2 pixels): about 30 million multiply-adds for 85 images of
 * 64 x 64.
 *
 * <p>Synthetic images must never enter the real set that scores are computed against: the
 * image table marks them {@code synthetic = true} and readers of real images filter on it.
 */
public final class Smote {
  private static final Logger LOG = LoggerFactory.getLogger(Smote.class);

  /**
   * Holds one synthetic image and the two real images it was made from.
   *
   * @param base the index of the real image it starts from
   * @param neighbour the index of the neighbour it moves towards
   * @param pixels the interpolated pixels
   */
  public record Synthetic(int base, int neighbour, float[] pixels) {}

  private Smote() {}

  /**
   * Returns {@code max(0, target - images.size())} synthetic images made as the class comment
   * describes.
   *
   * @throws IllegalArgumentException if there are fewer than two images, if they differ in
   *     length, or if {@code target} or {@code neighbourCount} is below 1
   */
  public static List<Synthetic> oversample(
      List<float[]> images, int target, int neighbourCount, long seed) {
    checkArguments(images, target, neighbourCount);
    int needed = Math.max(0, target - images.size());
    int clipped = clippedNeighbourCount(images.size(), neighbourCount);
    Random random = new Random(seed);
    List<int[]> neighbours = new ArrayList<>();
    List<Synthetic> synthetic = new ArrayList<>(needed);
    for (int index = 0; index < needed; index++) {
      int base = index % images.size();
      if (base == neighbours.size()) {
        neighbours.add(nearest(images, base, clipped));
      }

      int neighbour = neighbours.get(base)[random.nextInt(clipped)];
      double u = random.nextDouble();
      synthetic.add(new Synthetic(base, neighbour,
          interpolate(images.get(base), images.get(neighbour), u)));
    }

    return synthetic;
  }

  /** Returns the pixels of {@code x + u (y - x)}, each kept between its two endpoints. */
  static float[] interpolate(float[] x, float[] y, double u) {
    float[] pixels = new float[x.length];
    for (int index = 0; index < x.length; index++) {
      double value = x[index] + u * ((double) y[index] - x[index]);
      double low = Math.min(x[index], y[index]);
      double high = Math.max(x[index], y[index]);
      pixels[index] = (float) Math.max(low, Math.min(high, value));
    }

    return pixels;
  }

  /** Returns the indices of the {@code count} images nearest to image {@code base}. */
  static int[] nearest(List<float[]> images, int base, int count) {
    double[] distances = new double[images.size()];
    for (int other = 0; other < images.size(); other++) {
      distances[other] = squaredDistance(images.get(base), images.get(other));
    }

    return IntStream.range(0, images.size())
        .filter(other -> other != base)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(other -> distances[other])
            .thenComparingInt(other -> other))
        .limit(count)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double squaredDistance(float[] a, float[] b) {
    double sum = 0;
    for (int index = 0; index < a.length; index++) {
      double difference = (double) a[index] - b[index];
      sum += difference * difference;
    }

    return sum;
  }

  private static int clippedNeighbourCount(int imageCount, int neighbourCount) {
    if (neighbourCount <= imageCount - 1) {
      return neighbourCount;
    }

    LOG.warn("Clipped the SMOTE neighbour count neighbours={} to images-1={} because only {}"
            + " images are available; lower --smote-k to silence this", neighbourCount,
        imageCount - 1, imageCount);

    return imageCount - 1;
  }

  private static void checkArguments(List<float[]> images, int target, int neighbourCount) {
    requireNonNull(images, "images");
    if (images.size() < 2) {
      throw new IllegalArgumentException(
          "Cannot balance with SMOTE because only " + images.size() + " real image"
              + (images.size() == 1 ? " is" : "s are") + " available and SMOTE interpolates"
              + " between two; keep more images (relax --filter) or leave out --smote-target");
    }

    if (target < 1 || neighbourCount < 1) {
      throw new IllegalArgumentException(
          "Cannot balance with SMOTE to target " + target + " with " + neighbourCount
              + " neighbours because both must be at least 1; fix --smote-target or --smote-k");
    }

    int length = images.get(0).length;
    if (images.stream().anyMatch(image -> image.length != length)) {
      throw new IllegalArgumentException(
          "Cannot balance with SMOTE because the images differ in pixel count; give images of"
              + " one size");
    }
  }
}
