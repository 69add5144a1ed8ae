package org.coevgan.job.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
    return measure(n, repetitions, false);
  }

  /**
   * Returns the same median in the calling thread's CPU time, which with one ND4J thread is
   * all the product's work and leaves out time other processes take on a shared machine.
   */
  public static double cpuTimeGflops(int n, int repetitions) {
    return measure(n, repetitions, true);
  }

  private static double measure(int n, int repetitions, boolean cpuTime) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, n, n);
    a.mmuli(b, c);
    double[] rates = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
      a.mmuli(b, c);
      long end = cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime();
      double seconds = (end - start) / 1e9;
      rates[i] = 2.0 * n * n * n / seconds / 1e9;
    }
    Arrays.sort(rates);
    return rates[repetitions / 2];
  }
}
