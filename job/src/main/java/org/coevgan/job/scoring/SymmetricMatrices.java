package org.coevgan.job.scoring;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Square roots and traces of symmetric positive semi-definite matrices in double precision,
 * through LAPACK's symmetric eigen-decomposition. Eigenvalues that rounding pushed slightly
 * below zero are clipped to zero, so results are always real and finite.
 */
final class SymmetricMatrices {
  private SymmetricMatrices() {}

  /** Returns V diag(sqrt(max(lambda, 0))) V^T for the symmetrised matrix. */
  static double[][] squareRoot(double[][] matrix) {
    INDArray vectors = symmetrised(matrix);
    INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true);
    INDArray roots = Nd4j.createUninitialized(DataType.DOUBLE, values.length());
    for (int i = 0; i < values.length(); i++) {
      roots.putScalar(i, Math.sqrt(Math.max(0.0, values.getDouble(i))));
    }

    INDArray scaled = vectors.mulRowVector(roots);
    return scaled.mmul(vectors.transpose()).toDoubleMatrix();
  }

  /** Returns the sum of sqrt(max(lambda, 0)) over the eigenvalues of the symmetrised matrix. */
  static double traceOfSquareRoot(double[][] matrix) {
    INDArray values = Eigen.symmetricGeneralizedEigenvalues(symmetrised(matrix), false);
    double trace = 0;
    for (int i = 0; i < values.length(); i++) {
      trace += Math.sqrt(Math.max(0.0, values.getDouble(i)));
    }
    return trace;
  }

  /** Returns a x b. */
  static double[][] multiply(double[][] a, double[][] b) {
    return toArray(a).mmul(toArray(b)).toDoubleMatrix();
  }

  /** Returns the trace of a square matrix. */
  static double trace(double[][] matrix) {
    double trace = 0;
    for (int i = 0; i < matrix.length; i++) {
      trace += matrix[i][i];
    }
    return trace;
  }

  private static INDArray symmetrised(double[][] matrix) {
    INDArray array = toArray(matrix);
    return array.add(array.transpose()).muli(0.5).dup('f');
  }

  private static INDArray toArray(double[][] matrix) {
    return Nd4j.createFromArray(matrix).castTo(DataType.DOUBLE);
  }
}
