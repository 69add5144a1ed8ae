package org.coevgan.job.network;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Standard normal latent vectors drawn from a cell's own random stream, never from ND4J's shared
 * generator, so that each cell's draws depend only on its seed.
 */
public final class LatentNoise {
  private LatentNoise() {}

  /** Returns a [rows, latentSize] matrix of independent N(0, 1) values. */
  public static INDArray sample(int rows, int latentSize, SplittableRandom random) {
    float[] values = new float[rows * latentSize];
    fill(values, random);
    return NativeMatrices.of(values, rows, latentSize);
  }

  /**
   * Overwrites a 'c'-order float matrix, such as one a training loop reuses for every step, with
   * the values {@link #sample} would return for its shape and the same random state.
   */
  public static void sampleInto(INDArray target, SplittableRandom random) {
    float[] values = new float[Math.toIntExact(target.length())];
    fill(values, random);
    NativeMatrices.copyInto(values, target);
  }

  private static void fill(float[] values, SplittableRandom random) {
    for (int i = 0; i < values.length; i += 2) {
      double u = 1.0 - random.nextDouble();
      double v = random.nextDouble();
      double radius = Math.sqrt(-2.0 * Math.log(u));
      values[i] = (float) (radius * Math.cos(2.0 * Math.PI * v));
      if (i + 1 < values.length) {
        values[i + 1] = (float) (radius * Math.sin(2.0 * Math.PI * v));
      }
    }
  }
}
