package org.coevgan.udf;

import java.nio.FloatBuffer;
import org.apache.spark.sql.api.java.UDF1;

/**
 * {@code non_finite_count(blob)}: how many values of a parameter or optimiser-state blob are NaN
 * or infinite; anything above 0 marks a diverged individual.
 *
 * <p>Input: a binary value written by CoevGAN (float32, little-endian). Output: a bigint. Null
 * in, null out. Deterministic. A blob whose length is not a multiple of 4 fails naming the
 * function and the length.
 */
public final class NonFiniteCount implements UDF1<byte[], Long> {
  private static final long serialVersionUID = 1L;

  /** The name under which {@link CoevGanFunctions#register} registers this function. */
  public static final String NAME = "non_finite_count";

  @Override
  public Long call(byte[] blob) {
    if (blob == null) {
      return null;
    }
    FloatBuffer values = Blobs.floats(NAME, blob);
    long count = 0;
    while (values.hasRemaining()) {
      count += Float.isFinite(values.get()) ? 0 : 1;
    }
    return count;
  }
}
