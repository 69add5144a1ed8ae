package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestSmote {
  private static final int PIXELS = 16;

  @Test
  void makesTheMissingImagesUpToTheTarget() {
    List<float[]> images = randomImages(5, 1);

    List<Smote.Synthetic> synthetic = Smote.oversample(images, 12, 2, 7);

    assertEquals(7, synthetic.size());
    assertEquals(List.of(0, 1, 2, 3, 4, 0, 1),
        synthetic.stream().map(Smote.Synthetic::base).toList());
  }

  @Test
  void givesTheSameImagesForTheSameSeedAndOthersForAnother() {
    List<float[]> images = randomImages(6, 2);

    List<Smote.Synthetic> first = Smote.oversample(images, 20, 3, 42);
    List<Smote.Synthetic> second = Smote.oversample(images, 20, 3, 42);
    List<Smote.Synthetic> other = Smote.oversample(images, 20, 3, 43);

    for (int index = 0; index < first.size(); index++) {
      assertEquals(first.get(index).neighbour(), second.get(index).neighbour());
      assertArrayEquals(first.get(index).pixels(), second.get(index).pixels());
    }
    assertNotEquals(pixelsOf(first), pixelsOf(other));
  }

  @Test
  void placesEveryImageOnTheSegmentToOneOfItsNearestNeighbours() {
    List<float[]> images = randomImages(8, 3);

    List<Smote.Synthetic> synthetic = Smote.oversample(images, 40, 3, 5);

    for (Smote.Synthetic image : synthetic) {
      float[] x = images.get(image.base());
      float[] y = images.get(image.neighbour());
      int[] nearest = Smote.nearest(images, image.base(), 3);
      assertTrue(contains(nearest, image.neighbour()), () -> "neighbour " + image.neighbour());
      assertOnSegment(x, y, image.pixels());
    }
  }

  @Test
  void findsNeighboursByEuclideanDistance() {
    List<float[]> images = List.of(constant(0.0f), constant(0.9f), constant(0.1f),
        constant(-0.5f));

    int[] nearest = Smote.nearest(images, 0, 2);

    assertArrayEquals(new int[] {2, 3}, nearest);
  }

  @Test
  void interpolatesEachPixelAtTheSameFraction() {
    float[] x = {-1.0f, 0.0f, 1.0f};
    float[] y = {0.5f, 0.0f, -1.0f};

    float[] pixels = Smote.interpolate(x, y, 0.2);

    assertArrayEquals(new float[] {-0.7f, 0.0f, 0.6f}, pixels, 1e-6f);
  }

  @Test
  void clipsNeighbourCountToTheImagesAvailable() {
    List<float[]> images = randomImages(3, 4);

    List<Smote.Synthetic> synthetic = Smote.oversample(images, 30, 10, 1);

    assertEquals(27, synthetic.size());
    for (Smote.Synthetic image : synthetic) {
      assertNotEquals(image.base(), image.neighbour());
    }
    assertEquals(3, synthetic.stream().map(Smote.Synthetic::neighbour).distinct().count());
  }

  @Test
  void makesNothingWhenTheTargetIsReached() {
    List<float[]> images = randomImages(4, 5);

    List<Smote.Synthetic> synthetic = Smote.oversample(images, 4, 2, 1);

    assertEquals(List.of(), synthetic);
  }

  @Test
  void refusesASingleImage() {
    List<float[]> images = randomImages(1, 6);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> Smote.oversample(images, 10, 5, 1));

    assertTrue(failure.getMessage().contains("only 1 real image is available"),
        failure::getMessage);
    assertTrue(failure.getMessage().contains("--smote-target"), failure::getMessage);
  }

  @Test
  void refusesImagesOfDifferentSizes() {
    List<float[]> images = List.of(new float[4], new float[5]);

    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> Smote.oversample(images, 10, 1, 1));

    assertTrue(failure.getMessage().contains("differ in pixel count"), failure::getMessage);
  }

  /** Returns {@code count} images of 16 pixels drawn uniformly from [-1, 1). */
  static List<float[]> randomImages(int count, long seed) {
    Random random = new Random(seed);
    List<float[]> images = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      float[] pixels = new float[PIXELS];
      for (int pixel = 0; pixel < PIXELS; pixel++) {
        pixels[pixel] = random.nextFloat() * 2 - 1;
      }
      images.add(pixels);
    }

    return images;
  }

  private static float[] constant(float value) {
    float[] pixels = new float[PIXELS];
    Arrays.fill(pixels, value);

    return pixels;
  }

  private static void assertOnSegment(float[] x, float[] y, float[] pixels) {
    // The same fraction u must explain every pixel whose endpoints differ.
    double u = Double.NaN;
    for (int index = 0; index < pixels.length; index++) {
      assertTrue(pixels[index] >= Math.min(x[index], y[index])
          && pixels[index] <= Math.max(x[index], y[index]), "pixel " + index);
      if (Math.abs(y[index] - x[index]) > 0.1) {
        double fraction = (pixels[index] - x[index]) / ((double) y[index] - x[index]);
        u = Double.isNaN(u) ? fraction : u;
        assertEquals(u, fraction, 1e-4, "pixel " + index);
      }
    }
  }

  private static boolean contains(int[] values, int value) {
    for (int candidate : values) {
      if (candidate == value) {
        return true;
      }
    }

    return false;
  }

  private static List<List<Float>> pixelsOf(List<Smote.Synthetic> synthetic) {
    List<List<Float>> all = new ArrayList<>();
    for (Smote.Synthetic image : synthetic) {
      List<Float> pixels = new ArrayList<>();
      for (float pixel : image.pixels()) {
        pixels.add(pixel);
      }
      all.add(pixels);
    }

    return all;
  }
}
