package org.coevgan.job.data;

import java.io.Serializable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real images every cell trains on, held as one flat row-major float array so that Spark
 * broadcasts it once per executor and a batch is a cheap gather of rows.
 */
public final class TrainingImages implements Serializable {
  private static final long serialVersionUID = 1L;

  private final float[] pixels;
  private final int count;
  private final int height;
  private final int width;

  /** Wraps pixels of count images of height x width, normalised to [-1, 1]. */
  public TrainingImages(float[] pixels, int count, int height, int width) {
    if (count < 1 || (long) count * height * width != pixels.length) {
      throw new IllegalArgumentException(
          "Cannot hold " + count + " images of " + height + "x" + width + " in "
              + pixels.length + " pixel values: the counts do not match");
    }
    this.pixels = pixels;
    this.count = count;
    this.height = height;
    this.width = width;
  }

  public int count() {
    return count;
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
    int size = pixelCount();
    float[] gathered = new float[indices.length * size];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * size, gathered, i * size, size);
    }
    return Nd4j.create(gathered, new long[] {indices.length, size}, 'c');
  }
}
