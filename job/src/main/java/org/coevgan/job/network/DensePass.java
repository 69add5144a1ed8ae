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
 * l = 0, the network's output for l = L) and {@code inputGradient(l)} the loss's gradient with
 * respect to it; {@code delta(l)} is the [rows, width(l + 1)] gradient with respect to the
 * layer's pre-activation. The native arrays are 'c'-order float32, the precision the job trains
 * in; three float arrays as large as the widest of them hold values, gradients and a layer's
 * bias repeated in every row while the activations' loops run over them, and {@link #output()}
 * keeps the network's last output.
 */
final class DensePass {
  private final int rows;
  private final INDArray inputBuffer;
  private final INDArray[] inputs;
  private final FloatBuffer[] inputValues;
  private final INDArray[] inputGradients;
  private final FloatBuffer[] inputGradientValues;
  private final INDArray[] deltas;
  private final FloatBuffer[] deltaValues;
  private final float[] values;
  private final float[] gradients;
  private final float[] biasRows;
  private final float[] output;

  DensePass(int rows, long[] widths) {
    int layers = widths.length - 1;
    this.rows = rows;
    this.inputs = new INDArray[layers + 1];
    this.inputValues = new FloatBuffer[layers + 1];
    this.inputGradients = new INDArray[layers];
    this.inputGradientValues = new FloatBuffer[layers];
    this.deltas = new INDArray[layers];
    this.deltaValues = new FloatBuffer[layers];
    long widest = 0;
    for (int l = 0; l <= layers; l++) {
      inputs[l] = matrix(widths[l]);
      inputValues[l] = inputs[l].data().asNioFloat();
      widest = Math.max(widest, widths[l]);
    }
    for (int l = 0; l < layers; l++) {
      inputGradients[l] = matrix(widths[l]);
      inputGradientValues[l] = inputGradients[l].data().asNioFloat();
      deltas[l] = matrix(widths[l + 1]);
      deltaValues[l] = deltas[l].data().asNioFloat();
    }
    this.inputBuffer = inputs[0];
    this.values = new float[Math.toIntExact(rows * widest)];
    this.gradients = new float[values.length];
    this.biasRows = new float[values.length];
    this.output = new float[Math.toIntExact(rows * widths[layers])];
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

  FloatBuffer inputValues(int layer) {
    return inputValues[layer];
  }

  /**
   * Makes the given [rows, width(0)] array the network's input for the next pass; the pass
   * reads it again in {@code backward}, so it must stay unchanged until then.
   */
  void useInput(INDArray input) {
    inputs[0] = input;
  }

  /** Returns the pass's own [rows, width(0)] input buffer. */
  INDArray inputBuffer() {
    return inputBuffer;
  }

  /** Returns rows [from, to) of the pass's own input buffer, for filling it in parts. */
  INDArray inputBufferRows(int from, int to) {
    return inputBuffer.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
  }

  INDArray inputGradient(int layer) {
    return inputGradients[layer];
  }

  FloatBuffer inputGradientValues(int layer) {
    return inputGradientValues[layer];
  }

  INDArray delta(int layer) {
    return deltas[layer];
  }

  FloatBuffer deltaValues(int layer) {
    return deltaValues[layer];
  }

  /** Returns scratch space for the values a loop works on. */
  float[] values() {
    return values;
  }

  /** Returns scratch space for the gradients a loop works on. */
  float[] gradients() {
    return gradients;
  }

  /** Returns scratch space for a layer's bias repeated in every row. */
  float[] biasRows() {
    return biasRows;
  }

  /** Returns the network's output of the last forward pass, row by row. */
  float[] output() {
    return output;
  }
}
