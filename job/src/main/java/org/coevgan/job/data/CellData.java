package org.coevgan.job.data;

import java.util.SplittableRandom;

/**
 * The images one cell trains on ("data dieting"): a random subset of the configured fraction of
 * the training images, fixed for the cell across generations, and the batches drawn from it.
 */
public final class CellData {
  private final int[] imageIndices;

  private CellData(int[] imageIndices) {
    this.imageIndices = imageIndices;
  }

  /**
   * Draws floor(ratio * count) distinct image indices (at least one) with a partial
   * Fisher-Yates shuffle. A ratio of 1 keeps every image in its original order.
   */
  public static CellData sample(int imageCount, double ratio, SplittableRandom random) {
    int size = Math.max(1, (int) Math.floor(imageCount * ratio));
    int[] all = new int[imageCount];
    for (int i = 0; i < imageCount; i++) {
      all[i] = i;
    }
    if (size == imageCount) {
      return new CellData(all);
    }
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(imageCount - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    return new CellData(java.util.Arrays.copyOf(all, size));
  }

  /** Returns the number of images in the subset. */
  public int size() {
    return imageIndices.length;
  }

  /** Returns count indices drawn from the subset without replacement. */
  public int[] randomBatch(int count, SplittableRandom random) {
    return head(shuffled(random), count, 0);
  }

  /**
   * Returns the batches of one generation: the subset shuffled, cut into batches of batchSize,
   * wrapping around when more batches are asked for than one pass holds. A request of 0 means
   * one full pass (the incomplete last batch dropped).
   */
  public int[][] epochBatches(int batchSize, int requested, SplittableRandom random) {
    int[] order = shuffled(random);
    int count = requested > 0 ? requested : Math.max(1, order.length / batchSize);
    int[][] batches = new int[count][];
    for (int b = 0; b < count; b++) {
      batches[b] = head(order, batchSize, (long) b * batchSize);
    }
    return batches;
  }

  private int[] shuffled(SplittableRandom random) {
    int[] order = imageIndices.clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  private static int[] head(int[] order, int count, long start) {
    int[] batch = new int[count];
    for (int i = 0; i < count; i++) {
      batch[i] = order[(int) ((start + i) % order.length)];
    }
    return batch;
  }
}
