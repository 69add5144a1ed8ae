package org.coevgan.job.network;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts parameter and optimiser-state vectors to the little-endian byte blobs stored in
 * Parquet and back, bit for bit.
 */
public final class FloatBlobs {
  private FloatBlobs() {}

  /** Returns the values as 4 little-endian bytes each. */
  public static byte[] toBytes(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES);
    buffer.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    return buffer.array();
  }

  /** Returns the floats held in a blob written by {@link #toBytes}. */
  public static float[] fromBytes(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "Cannot read a float blob of " + bytes.length + " bytes: length must be a multiple of 4");
    }
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
