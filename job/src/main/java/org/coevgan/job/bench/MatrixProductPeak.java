package org.coevgan.job.bench;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's practical peak: GFLOP/s of a plain float32 ND4J matrix product, measured in the
 * same JVM and thread setting as the steps it is compared with.
 */
public final class MatrixProductPeak {
  private MatrixProductPeak() {}

  /** Returns the median GFLOP/s of an n x n by n x n product over a few repetitions. */
  public static double gflops(int n, int repetitions) {
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, n, n);
    a.mmuli(b, c);
    double[] rates = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      a.mmuli(b, c);
      double seconds = (System.nanoTime() - start) / 1e9;
      rates[i] = 2.0 * n * n * n / seconds / 1e9;
    }
    Arrays.sort(rates);
    return rates[repetitions / 2];
  }
}
