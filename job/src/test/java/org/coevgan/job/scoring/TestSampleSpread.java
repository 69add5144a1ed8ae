package org.coevgan.job.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestSampleSpread {
  @Test
  void identicalImagesHaveNoSpreadWhateverTheirContent() {
    float[] image = {-1f, -0.5f, 0f, 0.5f, 1f, 0.25f};
    float[] pixels = new float[image.length * 8];
    for (int copy = 0; copy < 8; copy++) {
      System.arraycopy(image, 0, pixels, copy * image.length, image.length);
    }

    assertEquals(0, SampleSpread.of(pixels, 8), 1e-7);
  }

  @Test
  void uniformNoiseSpreadsByItsStandardDeviation() {
    SplittableRandom random = new SplittableRandom(3);
    float[] pixels = new float[64 * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) random.nextDouble(-1, 1);
    }

    double spread = SampleSpread.of(pixels, 64);

    assertEquals(1 / Math.sqrt(3), spread, 0.02, "the deviation of uniform [-1, 1]");
    assertTrue(spread > SampleSpread.NEARLY_IDENTICAL);
  }

  @Test
  void flatGreyTilesWithFaintNoiseCountAsNearlyIdentical() {
    SplittableRandom random = new SplittableRandom(5);
    float[] pixels = new float[64 * 4096];
    Arrays.fill(pixels, 0.01f);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] += (float) random.nextDouble(-0.01, 0.01);
    }

    assertTrue(SampleSpread.of(pixels, 64) < SampleSpread.NEARLY_IDENTICAL);
  }

  @Test
  void refusesPixelsThatDoNotDivideIntoTheImages() {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> SampleSpread.of(new float[10], 3));

    assertTrue(failure.getMessage().contains("10 pixel values"), failure::getMessage);
  }
}
