package org.coevgan.job.scoring;

import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.features.FeatureNetwork;

/**
 * The feature statistics of the real images FID compares against: up to sampleSize training
 * images, evenly spaced through the table's fixed order, so every run on the same data and
 * feature network compares against the same images.
 */
public final class RealStatistics {
  private RealStatistics() {}

  /** Returns the statistics of min(sampleSize, image count) evenly spaced real images. */
  public static FeatureStatistics of(FeatureNetwork network, TrainingImages images,
      int sampleSize) {
    int count = Math.min(sampleSize, images.count());
    int[] indices = new int[count];
    for (int i = 0; i < count; i++) {
      indices[i] = (int) ((long) i * images.count() / count);
    }
    return FeatureStatistics.of(network.activations(images.batch(indices)).features());
  }
}
