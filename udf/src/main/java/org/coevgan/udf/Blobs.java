package org.coevgan.udf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Reads the little-endian float32 blobs of the state table for the functions of this package. */
final class Blobs {
  private Blobs() {}

  static void checkLength(String function, byte[] blob) {
    if (blob.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          function + ": cannot read a blob of " + blob.length
              + " bytes as float32 values; its length must be a multiple of 4");
    }
  }

  static FloatBuffer floats(String function, byte[] blob) {
    checkLength(function, blob);
    return ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }
}
