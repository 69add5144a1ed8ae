package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Tests direct OpenBLAS products against ND4J's on every layout the perceptron passes use:
 * row-major buffers, column-major views inside a flat vector at an offset (DL4J's weights and
 * gradients), row intervals, single-column results, and all four transpose combinations.
 */
class TestOpenBlasGemm {
  private static final int M = 7;
  private static final int K = 5;
  private static final int N = 3;

  @Test
  void everyLayoutAndTransposeMatchesNd4j() {
    for (char leftOrder : new char[] {'c', 'f'}) {
      for (char rightOrder : new char[] {'c', 'f'}) {
        for (char resultOrder : new char[] {'c', 'f'}) {
          for (boolean transposeA : new boolean[] {false, true}) {
            for (boolean transposeB : new boolean[] {false, true}) {
              INDArray a = matrix(transposeA ? K : M, transposeA ? M : K, leftOrder, 1);
              INDArray b = matrix(transposeB ? N : K, transposeB ? K : N, rightOrder, 2);
              assertSameProduct(a, transposeA, b, transposeB, resultOrder);
            }
          }
        }
      }
    }
  }

  @Test
  void columnMajorViewsAtAnOffsetInAFlatVectorAreReadAndWrittenInPlace() {
    INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 11 + K * N + 4);
    INDArray weights = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(11, 11 + K * N))
        .reshape('f', K, N);
    INDArray input = matrix(M, K, 'c', 3);
    INDArray output = Nd4j.create(DataType.FLOAT, new long[] {M, N}, 'c');
    OpenBlasGemm.multiply(input, false, weights, false, output);
    assertClose(input.mmul(weights.dup()), output);

    INDArray delta = matrix(M, N, 'c', 4);
    INDArray before = flat.dup();
    OpenBlasGemm.multiply(input, true, delta, false, weights);
    assertClose(input.transpose().mmul(delta), weights);
    assertEquals(before.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 11)),
        flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, 11)), "values before the view");
    assertEquals(before.get(NDArrayIndex.point(0), NDArrayIndex.interval(11 + K * N, 15 + K * N)),
        flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(11 + K * N, 15 + K * N)),
        "values after the view");
  }

  @Test
  void rowIntervalsAndSingleColumnsMatchNd4j() {
    INDArray stacked = matrix(2 * M, K, 'c', 5);
    INDArray lowerHalf = stacked.get(NDArrayIndex.interval(M, 2 * M), NDArrayIndex.all());
    INDArray column = matrix(K, 1, 'f', 6);
    INDArray result = Nd4j.create(DataType.FLOAT, new long[] {M, 1}, 'c');
    OpenBlasGemm.multiply(lowerHalf, false, column, false, result);
    assertClose(lowerHalf.dup().mmul(column.dup()), result);
  }

  private static void assertSameProduct(INDArray a, boolean transposeA, INDArray b,
      boolean transposeB, char resultOrder) {
    INDArray expected = Nd4j.create(DataType.FLOAT, new long[] {M, N}, resultOrder);
    Nd4j.gemm(a, b, expected, transposeA, transposeB, 1.0, 0.0);
    INDArray actual = Nd4j.create(DataType.FLOAT, new long[] {M, N}, resultOrder);
    OpenBlasGemm.multiply(a, transposeA, b, transposeB, actual);
    assertClose(expected, actual);
  }

  private static void assertClose(INDArray expected, INDArray actual) {
    float[] want = expected.dup('c').data().asFloat();
    float[] got = actual.dup('c').data().asFloat();
    assertEquals(want.length, got.length);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-5f * Math.max(1f, Math.abs(want[i])), "element " + i);
    }
  }

  private static INDArray matrix(int rows, int columns, char order, long seed) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.FLOAT, new long[] {rows, columns}).dup(order);
  }
}
