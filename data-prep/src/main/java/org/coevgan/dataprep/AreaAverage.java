package org.coevgan.dataprep;

/**
 * Shrinks one axis of an image by area averaging: each output pixel is the mean of the input
 * pixels it covers, weighted by how much of each it covers. This is the exact box filter for
 * downscaling, so no input pixel is dropped and no aliasing comes from skipped pixels.
 *
 * <p>Worked example, 5 pixels to 2: the output pixels cover the input spans [0, 2.5) and
 * [2.5, 5). The first is {@code (p0 + p1 + 0.5 p2) / 2.5}, weights 0.4, 0.4 and 0.2; the second
 * {@code (0.5 p2 + p3 + p4) / 2.5}. With equal lengths every weight is exactly 1, so an image
 * already at the output size passes through unchanged. Applied to rows and then to columns it
 * gives the two-dimensional area average, since the box filter is separable.
 */
final class AreaAverage {
  private final int[] firstInput;
  private final double[][] weights;

  private AreaAverage(int[] firstInput, double[][] weights) {
    this.firstInput = firstInput;
    this.weights = weights;
  }

  /**
   * Returns the weights that shrink {@code inputLength} pixels to {@code outputLength}.
   *
   * @throws IllegalArgumentException if {@code outputLength} is below 1 or above
   *     {@code inputLength}
   */
  static AreaAverage shrinking(int inputLength, int outputLength) {
    if (outputLength < 1 || outputLength > inputLength) {
      throw new IllegalArgumentException(
          "Cannot shrink " + inputLength + " pixels to " + outputLength + " because area"
              + " averaging needs an output length from 1 to the input length");
    }

    int[] firstInput = new int[outputLength];
    double[][] weights = new double[outputLength][];
    for (int output = 0; output < outputLength; output++) {
      firstInput[output] = (int) ((long) output * inputLength / outputLength);
      weights[output] = weightsOf(output, inputLength, outputLength);
    }

    return new AreaAverage(firstInput, weights);
  }

  /** Returns the number of output pixels. */
  int outputLength() {
    return weights.length;
  }

  /** Returns output pixel {@code output} averaged from {@code input} starting at {@code from}. */
  double average(double[] input, int from, int output) {
    double sum = 0;
    double[] covered = weights[output];
    for (int index = 0; index < covered.length; index++) {
      sum += covered[index] * input[from + firstInput[output] + index];
    }

    return sum;
  }

  /** Returns the first input pixel that output pixel {@code output} covers. */
  int firstInput(int output) {
    return firstInput[output];
  }

  /** Returns the weights of the input pixels output pixel {@code output} covers, in order. */
  double[] weights(int output) {
    return weights[output].clone();
  }

  private static double[] weightsOf(int output, int inputLength, int outputLength) {
    // Work in units of 1 / outputLength input pixels, so every boundary is an exact integer.
    long start = (long) output * inputLength;
    long end = start + inputLength;
    int first = (int) (start / outputLength);
    int last = (int) ((end - 1) / outputLength);
    double[] weights = new double[last - first + 1];
    for (int input = first; input <= last; input++) {
      long covered = Math.min(end, (input + 1L) * outputLength)
          - Math.max(start, (long) input * outputLength);
      weights[input - first] = (double) covered / inputLength;
    }

    return weights;
  }
}
