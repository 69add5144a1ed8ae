package org.coevgan.udf;

import org.apache.spark.sql.api.java.UDF1;

/**
 * {@code parameter_count(blob)}: the number of float32 values in a parameter or optimiser-state
 * blob of the state table, for example {@code parameter_count(generators[0].parameters)}.
 *
 * <p>Input: a binary value written by CoevGAN (4 little-endian bytes per value). Output: a
 * bigint. Null in, null out. Deterministic. A blob whose length is not a multiple of 4 fails
 * naming the function and the length.
 */
public final class ParameterCount implements UDF1<byte[], Long> {
  private static final long serialVersionUID = 1L;

  /** The name under which {@link CoevGanFunctions#register} registers this function. */
  public static final String NAME = "parameter_count";

  @Override
  public Long call(byte[] blob) {
    if (blob == null) {
      return null;
    }
    Blobs.checkLength(NAME, blob);
    return (long) blob.length / Float.BYTES;
  }
}
