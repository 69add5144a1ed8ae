package org.coevgan.job.network;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The arrays one forward and backward pass of a {@link DenseLayers} network needs for batches
 * of a fixed number of rows, allocated once and reused by every step.
 *
 * <p>For layer l of L, {@code input(l)} is its [rows, width(l)] input (the network's input for
 * l = 0, the network's output for l = L), {@code preActivation(l)} its [rows, width(l + 1)]
 * value before the activation, and the two gradients have the same shapes. All are 'c'-order
 * and float32, the precision the job trains in.
 */
final class DensePass {
  private final int rows;
  private final INDArray[] inputs;
  private final INDArray[] preActivations;
  private final INDArray[] inputGradients;
  private final INDArray[] preActivationGradients;
  private final INDArray ones;
  private final INDArray inputBuffer;
  private final FloatBuffer outputValues;
  private final FloatBuffer outputPreActivationGradient;

  DensePass(int rows, long[] widths) {
    int layers = widths.length - 1;
    this.rows = rows;
    this.inputs = new INDArray[layers + 1];
    this.inputGradients = new INDArray[layers];
    this.preActivations = new INDArray[layers];
    this.preActivationGradients = new INDArray[layers];
    for (int l = 0; l <= layers; l++) {
      inputs[l] = matrix(widths[l]);
    }
    this.inputBuffer = inputs[0];
    for (int l = 0; l < layers; l++) {
      inputGradients[l] = matrix(widths[l]);
      preActivations[l] = matrix(widths[l + 1]);
      preActivationGradients[l] = matrix(widths[l + 1]);
    }
    this.ones = Nd4j.ones(DataType.FLOAT, 1, rows);
    this.outputValues = inputs[layers].data().asNioFloat();
    this.outputPreActivationGradient = preActivationGradients[layers - 1].data().asNioFloat();
  }

  private INDArray matrix(long width) {
    return Nd4j.create(DataType.FLOAT, new long[] {rows, width}, 'c');
  }

  int rows() {
    return rows;
  }

  INDArray input(int layer) {
    return inputs[layer];
  }

  /**
   * Makes the given [rows, width(0)] array the network's input for the next pass; the pass
   * reads it again in {@code backward}, so it must stay unchanged until then.
   */
  void useInput(INDArray input) {
    inputs[0] = input;
  }

  /** Returns rows [from, to) of the pass's own input buffer, for filling it in parts. */
  INDArray inputBufferRows(int from, int to) {
    return inputBuffer.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
  }

  /** Returns the pass's own [rows, width(0)] input buffer. */
  INDArray inputBuffer() {
    return inputBuffer;
  }

  INDArray output() {
    return inputs[inputs.length - 1];
  }

  INDArray preActivation(int layer) {
    return preActivations[layer];
  }

  INDArray inputGradient(int layer) {
    return inputGradients[layer];
  }

  INDArray preActivationGradient(int layer) {
    return preActivationGradients[layer];
  }

  /** Returns the gradient with respect to the last pre-activation, as a float buffer. */
  FloatBuffer outputPreActivationGradient() {
    return outputPreActivationGradient;
  }

  /** Returns the network's output as a float buffer of rows * width values, row by row. */
  FloatBuffer outputValues() {
    return outputValues;
  }

  /** Returns a [1, rows] row of ones, which sums a gradient over the batch in a product. */
  INDArray ones() {
    return ones;
  }
}
