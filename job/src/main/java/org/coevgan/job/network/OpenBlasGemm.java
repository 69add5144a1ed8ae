package org.coevgan.job.network;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Float matrix products c = op(a) op(b) handed straight to OpenBLAS's {@code cblas_sgemm}, the
 * library ND4J's CPU backend multiplies with.
 *
 * <p>{@link Nd4j#gemm} builds a custom-op call per product (argument lists, a native graph
 * context, shape checks): about 20 us each, which at the 25 products of a reference-4lp step is
 * half a millisecond of a step of eight. Here a product is one native call on the arrays' own
 * memory. Arrays are described to BLAS by their strides, so row-major pass buffers and DL4J's
 * column-major weight views are both used in place, and the result is exactly what ND4J's path
 * gives: it calls the same routine.
 *
 * <p>Anything this class cannot describe to BLAS (another data type, a non-unit inner stride,
 * or the CUDA backend, whose arrays live on the device) goes through {@link Nd4j#gemm}.
 */
public final class OpenBlasGemm {
  private static final Logger LOG = LoggerFactory.getLogger(OpenBlasGemm.class);
  private static final boolean AVAILABLE = openBlasIsNd4jsLibrary();

  private OpenBlasGemm() {}

  /** Writes op(a) op(b) into c, where op transposes when its flag is set. */
  public static void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB,
      INDArray c) {
    Operand left = AVAILABLE ? Operand.of(a, transposeA) : null;
    Operand right = AVAILABLE ? Operand.of(b, transposeB) : null;
    Operand result = AVAILABLE ? Operand.of(c, false) : null;
    if (left == null || right == null || result == null) {
      Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
      return;
    }

    if (result.transposed) {
      // c is stored column-major: compute its row-major transpose, op(b)^T op(a)^T.
      sgemm(right.flipped(), left.flipped(), c.columns(), c.rows(), result);
    } else {
      sgemm(left, right, c.rows(), c.columns(), result);
    }
  }

  private static void sgemm(Operand left, Operand right, long rows, long columns, Operand out) {
    long inner = left.transposed ? left.storedRows : left.storedColumns;
    openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, left.blasFlag(),
        right.blasFlag(), Math.toIntExact(rows), Math.toIntExact(columns),
        Math.toIntExact(inner), 1f, left.pointer, left.leadingDimension, right.pointer,
        right.leadingDimension, 0f, out.pointer, out.leadingDimension);
  }

  /**
   * A matrix as BLAS sees it in row-major terms: the memory holds a row-major
   * [storedRows, storedColumns] matrix with the given leading dimension, and {@code transposed}
   * says whether the operand is that matrix or its transpose.
   */
  private record Operand(FloatPointer pointer, int leadingDimension, long storedRows,
      long storedColumns, boolean transposed) {

    /** Describes an operand used as op(array), or returns null if BLAS cannot read it. */
    static Operand of(INDArray array, boolean transpose) {
      if (array.dataType() != DataType.FLOAT || array.rank() != 2
          || array.offset() != array.data().offset()) {
        return null;
      }
      long rows = array.rows();
      long columns = array.columns();
      long[] strides = array.stride();
      FloatPointer pointer = pointerTo(array);
      if ((columns == 1 || strides[1] == 1) && strides[0] >= Math.max(1, columns)) {
        return new Operand(pointer, Math.toIntExact(strides[0]), rows, columns, transpose);
      }
      if ((rows == 1 || strides[0] == 1) && strides[1] >= Math.max(1, rows)) {
        // Column-major [rows, columns] is row-major [columns, rows], transposed.
        return new Operand(pointer, Math.toIntExact(strides[1]), columns, rows, !transpose);
      }
      return null;
    }

    Operand flipped() {
      return new Operand(pointer, leadingDimension, storedRows, storedColumns, !transposed);
    }

    int blasFlag() {
      return transposed ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
    }
  }

  /**
   * Returns a pointer to the array's first element. A view's data buffer is itself a view whose
   * address already includes the view's offset, so the offset is not added again.
   */
  private static FloatPointer pointerTo(INDArray array) {
    return new FloatPointer(array.data().addressPointer());
  }

  /**
   * True when ND4J runs on its CPU backend, whose arrays are host memory and whose BLAS is this
   * OpenBLAS; false (with the reason logged) on CUDA or if the library does not load.
   */
  private static boolean openBlasIsNd4jsLibrary() {
    String backend = Nd4j.getBackend().getClass().getSimpleName();
    if (!backend.equals("CpuBackend")) {
      LOG.info("ND4J backend {}: perceptron products go through ND4J", backend);
      return false;
    }
    try {
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
          openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans, 1, 1, 1, 1f,
          new float[] {2f}, 1, new float[] {3f}, 1, 0f, new float[1], 1);
      return true;
    } catch (LinkageError error) {
      LOG.warn("OpenBLAS did not load ({}): perceptron products go through ND4J", error.toString());
      return false;
    }
  }
}
