package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The block copies training loops refill their reused noise and batch matrices with. */
class TestNativeMatrices {

  @Test
  void copyIntoOverwritesTheWholeMatrixInRowMajorOrder() {
    INDArray target = NativeMatrices.matrix(2, 3);

    NativeMatrices.copyInto(new float[] {1, 2, 3, 4, 5, 6}, target);

    assertArrayEquals(new float[] {1, 2, 3}, target.getRow(0).toFloatVector());
    assertArrayEquals(new float[] {4, 5, 6}, target.getRow(1).toFloatVector());
  }

  @Test
  void copyRowsFillsOnlyTheRowsFromTheGivenOneOn() {
    INDArray target = NativeMatrices.of(new float[] {9, 9, 9, 9, 9, 9, 9, 9}, 4, 2);
    INDArray source = NativeMatrices.of(new float[] {1, 2, 3, 4}, 2, 2);

    NativeMatrices.copyRows(source, target, 1);

    assertArrayEquals(new float[] {9, 9, 1, 2, 3, 4, 9, 9},
        target.reshape(8).toFloatVector());
  }

  @Test
  void mismatchedShapesAreRefusedWithTheShapesNamed() {
    INDArray target = NativeMatrices.matrix(2, 3);

    IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
        () -> NativeMatrices.copyInto(new float[5], target));
    IllegalArgumentException tooManyRows = assertThrows(IllegalArgumentException.class,
        () -> NativeMatrices.copyRows(NativeMatrices.matrix(2, 3), target, 1));
    IllegalArgumentException wrongOrder = assertThrows(IllegalArgumentException.class,
        () -> NativeMatrices.copyInto(new float[6],
            Nd4j.create(DataType.FLOAT, new long[] {2, 3}, 'f')));

    assertTrue(tooFew.getMessage().contains("[2, 3] holds 6 values, not 5"), tooFew.getMessage());
    assertTrue(tooManyRows.getMessage().contains("into rows 1 on of a 2x3"),
        tooManyRows.getMessage());
    assertTrue(wrongOrder.getMessage().contains("f-order"), wrongOrder.getMessage());
  }
}
