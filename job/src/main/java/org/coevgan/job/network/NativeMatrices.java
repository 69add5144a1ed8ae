package org.coevgan.job.network;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float arrays copied into ND4J's native memory in one block.
 *
 * <p>ND4J's {@code Nd4j.create(float[], shape, order)} writes the values one call per element:
 * for a batch of 100 MNIST images (78,400 values) that took about 0.25 ms, 3 % of a
 * reference-4lp step, and {@code createFromArray} twice as long as one block copy for a
 * 2-million-value parameter vector, of which a cell restores about ten per generation.
 *
 * <p>A training loop reuses its noise and batch matrices: {@link #copyInto} refills one in a
 * single block, and {@link #copyRows} moves one matrix's rows into another's with a plain memory
 * copy where ND4J's {@code assign} would run a native operation with its own set-up.
 */
public final class NativeMatrices {
  private NativeMatrices() {}

  /** Returns a 'c'-order float array of the given shape holding the values in row-major order. */
  public static INDArray of(float[] values, long... shape) {
    long length = 1;
    for (long size : shape) {
      length *= size;
    }
    if (length != values.length) {
      throw new IllegalArgumentException("A shape of " + java.util.Arrays.toString(shape)
          + " holds " + length + " values, not " + values.length);
    }

    DataBuffer buffer = Nd4j.createBuffer(DataType.FLOAT, values.length, false);
    new FloatPointer(buffer.pointer()).put(values, 0, values.length);
    return Nd4j.create(buffer, shape);
  }

  /**
   * Returns a zero-filled [rows, columns] 'c'-order float matrix outside any ND4J workspace, for
   * a loop to refill with {@link #copyInto} or {@link #copyRows}.
   */
  public static INDArray matrix(long rows, long columns) {
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      return Nd4j.create(DataType.FLOAT, new long[] {rows, columns}, 'c');
    }
  }

  /** Returns a contiguous 'c'-order float array's values in row-major order, in one block. */
  public static float[] values(INDArray array) {
    requireContiguousFloat(array, "source");
    float[] values = new float[Math.toIntExact(array.length())];
    new FloatPointer(array.data().addressPointer()).get(values, 0, values.length);
    return values;
  }

  /** Overwrites a contiguous 'c'-order float array with values in row-major order. */
  public static void copyInto(float[] values, INDArray target) {
    requireContiguousFloat(target, "target");
    if (target.length() != values.length) {
      throw new IllegalArgumentException("An array of shape " + java.util.Arrays.toString(
          target.shape()) + " holds " + target.length() + " values, not " + values.length);
    }
    new FloatPointer(target.data().addressPointer()).put(values, 0, values.length);
  }

  /**
   * Copies a contiguous 'c'-order float matrix into the target's rows from firstRow on; the
   * target must be contiguous 'c'-order float with the same number of columns.
   */
  public static void copyRows(INDArray source, INDArray target, long firstRow) {
    requireContiguousFloat(source, "source");
    requireContiguousFloat(target, "target");
    if (source.columns() != target.columns() || firstRow < 0
        || firstRow + source.rows() > target.rows()) {
      throw new IllegalArgumentException("Cannot copy a " + source.rows() + "x"
          + source.columns() + " matrix into rows " + firstRow + " on of a " + target.rows()
          + "x" + target.columns() + " matrix");
    }
    FloatPointer from = new FloatPointer(source.data().addressPointer()).limit(source.length());
    new FloatPointer(target.data().addressPointer()).position(firstRow * target.columns())
        .put(from);
  }

  private static void requireContiguousFloat(INDArray array, String role) {
    if (array.dataType() != DataType.FLOAT || array.ordering() != 'c'
        || array.elementWiseStride() != 1 || array.length() != array.data().length()) {
      throw new IllegalArgumentException("Expected the " + role + " to be a contiguous 'c'-order"
          + " float array with a buffer of its own, got " + array.dataType() + " "
          + array.ordering() + "-order of shape " + java.util.Arrays.toString(array.shape()));
    }
  }
}
