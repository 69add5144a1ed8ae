package org.coevgan.udf;

import java.nio.FloatBuffer;
import org.apache.spark.sql.api.java.UDF1;

/**
 * {@code parameter_norm(blob)}: the Euclidean (L2) norm of a parameter blob of the state table,
 * a quick way to watch weights grow or collapse across generations and cells.
 *
 * <p>Input: a binary value written by CoevGAN (float32, little-endian). Output: a double; NaN
 * when any value is NaN, infinity when one is infinite. Null in, null out. Deterministic. A blob
 * whose length is not a multiple of 4 fails naming the function and the length.
 */
public final class ParameterNorm implements UDF1<byte[], Double> {
  private static final long serialVersionUID = 1L;

  /** The name under which {@link CoevGanFunctions#register} registers this function. */
  public static final String NAME = "parameter_norm";

  @Override
  public Double call(byte[] blob) {
    if (blob == null) {
      return null;
    }
    FloatBuffer values = Blobs.floats(NAME, blob);
    double sumOfSquares = 0;
    while (values.hasRemaining()) {
      double value = values.get();
      sumOfSquares += value * value;
    }
    return Math.sqrt(sumOfSquares);
  }
}
