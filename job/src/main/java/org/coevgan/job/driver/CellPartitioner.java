package org.coevgan.job.driver;

import org.apache.spark.Partitioner;

/**
 * Sends each cell, keyed by its row-major index, to a partition of its own, so a generation runs
 * exactly one task per cell. Spark's hash partitioner would pack several cells into one task
 * (a trial put five of nine into one), serialising their training.
 */
public final class CellPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;

  private final int cellCount;

  /** Creates a partitioner for a grid of cellCount cells. */
  public CellPartitioner(int cellCount) {
    this.cellCount = cellCount;
  }

  @Override
  public int numPartitions() {
    return cellCount;
  }

  @Override
  public int getPartition(Object key) {
    int index = (Integer) key;
    if (index < 0 || index >= cellCount) {
      throw new IllegalStateException(
          "Cannot place cell index " + index + " on a grid of " + cellCount + " cells");
    }
    return index;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CellPartitioner partitioner && partitioner.cellCount == cellCount;
  }

  @Override
  public int hashCode() {
    return cellCount;
  }
}
