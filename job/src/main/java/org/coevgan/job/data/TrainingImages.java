package org.coevgan.job.data;

import java.io.Serializable;
import org.coevgan.job.network.NativeMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The real images every cell trains on, held as one flat row-major float array so that Spark
 * broadcasts it once per executor and a batch is a cheap gather of rows.
 */
public final class TrainingImages implements Serializable {
  private static final long serialVersionUID = 1L;

  private final float[] pixels;
  private final int count;
  private final int realCount;
  private final int height;
  private final int width;

  /** Wraps pixels of count real images of height x width, normalised to [-1, 1]. */
  public TrainingImages(float[] pixels, int count, int height, int width) {
    this(pixels, count, count, height, width);
  }

  /**
   * Wraps pixels of count images of height x width, normalised to [-1, 1], of which the first
   * realCount are real and the rest synthetic (for example SMOTE's).
   */
  public TrainingImages(float[] pixels, int count, int realCount, int height, int width) {
    if (count < 1 || (long) count * height * width != pixels.length) {
      throw new IllegalArgumentException(
          "Cannot hold " + count + " images of " + height + "x" + width + " in "
              + pixels.length + " pixel values: the counts do not match");
    }
    if (realCount < 1 || realCount > count) {
      throw new IllegalArgumentException("Cannot hold " + realCount + " real images among "
          + count + ": at least one real image is needed, and no more than all of them");
    }
    this.pixels = pixels;
    this.count = count;
    this.realCount = realCount;
    this.height = height;
    this.width = width;
  }

  public int count() {
    return count;
  }

  /** Returns the number of real images, which come first. */
  public int realCount() {
    return realCount;
  }

  /**
   * Returns the real images alone, what scores compare against: synthetic images never count as
   * real. Returns this object when there are no synthetic images.
   */
  public TrainingImages realImages() {
    if (realCount == count) {
      return this;
    }
    float[] real = java.util.Arrays.copyOf(pixels, realCount * pixelCount());
    return new TrainingImages(real, realCount, height, width);
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** Returns the pixel count of one image. */
  public int pixelCount() {
    return height * width;
  }

  /** Returns the images at the given indices as a [indices.length, pixels] matrix. */
  public INDArray batch(int[] indices) {
    return NativeMatrices.of(gather(indices), indices.length, pixelCount());
  }

  /**
   * Overwrites a [indices.length, pixels] 'c'-order float matrix, such as one a training loop
   * reuses for every batch, with the images at the given indices.
   */
  public void batchInto(int[] indices, INDArray target) {
    NativeMatrices.copyInto(gather(indices), target);
  }

  private float[] gather(int[] indices) {
    int size = pixelCount();
    float[] gathered = new float[indices.length * size];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * size, gathered, i * size, size);
    }
    return gathered;
  }
}
