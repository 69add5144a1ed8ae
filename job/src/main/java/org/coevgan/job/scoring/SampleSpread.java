package org.coevgan.job.scoring;

/**
 * How much a generator's images differ from one another: the standard deviation of each pixel
 * across the images, averaged over the pixels, in image units ([-1, 1], so 0 to 1). Images that
 * are all the same picture (a collapsed generator, or one that has not learnt anything yet and
 * draws flat grey) give about 0, whatever their score; real image sets give tenths.
 */
public final class SampleSpread {
  /** Below this spread the images are nearly identical and a score about them says little. */
  public static final double NEARLY_IDENTICAL = 0.02;

  private SampleSpread() {}

  /**
   * Returns the spread of {@code count} images stored one after another in {@code pixels}.
   *
   * @throws IllegalArgumentException when the pixels do not divide into {@code count} images
   */
  public static double of(float[] pixels, int count) {
    if (count < 1 || pixels.length % count != 0) {
      throw new IllegalArgumentException("Cannot measure the spread of " + count + " images in "
          + pixels.length + " pixel values: they do not divide into equal images");
    }
    int size = pixels.length / count;
    double deviations = 0;
    for (int pixel = 0; pixel < size; pixel++) {
      deviations += deviationAt(pixels, pixel, size, count);
    }
    return size == 0 ? 0 : deviations / size;
  }

  private static double deviationAt(float[] pixels, int pixel, int size, int count) {
    double sum = 0;
    double squares = 0;
    for (int image = 0; image < count; image++) {
      double value = pixels[image * size + pixel];
      sum += value;
      squares += value * value;
    }
    double mean = sum / count;
    return Math.sqrt(Math.max(0, squares / count - mean * mean));
  }
}
