package org.coevgan.job.network;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The activations of the perceptron presets as loops over a row-major [rows, width] block of
 * floats.
 *
 * <p>ND4J's own tanh and its derivative take about 13 and 17 ns per value on this machine (a
 * scalar {@code tanhf} per element), and {@link Math#tanh} and {@link Math#exp} 20 to 40: for a
 * 4lp step that was over a third of the time. Here tanh is a rational function in float that the
 * JIT compiles to vector instructions, below 1 ns per value:
 *
 * <pre>
 *   tanh(x) = x P(x^2) / Q(x^2) for |x| &lt;= 9,   P of degree 6 and Q of degree 3 in x^2,
 * </pre>
 *
 * <p>and +-1 beyond 9, where float tanh rounds to 1 anyway. The coefficients were fitted for
 * this class by iteratively reweighted least squares on the relative error over [0, 9] (6.7e-9
 * in exact arithmetic); evaluated in float, the result is within 6 units in the last place of
 * the exactly rounded tanh and 0.9 on average (ND4J's {@code tanhf}: about 1), which
 * {@code TestDenseActivation} checks. Leaky ReLU is max(x, 0.2 x), which needs no branch either.
 * Every derivative is taken from the activation's output
 * (tanh' = 1 - a^2; leaky ReLU's slope from the sign of a, which is the sign of its input), so
 * backprop needs neither the pre-activation nor a second tanh.
 */
enum DenseActivation {
  TANH {
    @Override
    void forward(float[] values, float[] biasRows, int count) {
      for (int i = 0; i < count; i++) {
        values[i] = tanh(values[i] + biasRows[i]);
      }
    }

    @Override
    void backward(float[] outputs, float[] gradients, int count) {
      for (int i = 0; i < count; i++) {
        float a = outputs[i];
        gradients[i] = gradients[i] * (1f - a * a);
      }
    }
  },

  LEAKY_RELU {
    @Override
    void forward(float[] values, float[] biasRows, int count) {
      for (int i = 0; i < count; i++) {
        float x = values[i] + biasRows[i];
        values[i] = Math.max(x, x * LEAKY_SLOPE);
      }
    }

    @Override
    void backward(float[] outputs, float[] gradients, int count) {
      for (int i = 0; i < count; i++) {
        gradients[i] = gradients[i] * leakySlopeOf(outputs[i]);
      }
    }
  },

  SIGMOID {
    @Override
    void forward(float[] values, float[] biasRows, int count) {
      for (int i = 0; i < count; i++) {
        float x = values[i] + biasRows[i];
        values[i] = (float) (1.0 / (1.0 + Math.exp(-x)));
      }
    }

    @Override
    void backward(float[] outputs, float[] gradients, int count) {
      for (int i = 0; i < count; i++) {
        float a = outputs[i];
        gradients[i] = gradients[i] * (a * (1f - a));
      }
    }
  };

  /** The slope of the reference perceptrons' leaky ReLU; {@link #of} checks the network's. */
  static final float LEAKY_SLOPE = 0.2f;

  private static final float TANH_RANGE = 9f;
  private static final float P1 = 0.1308405101299286f;
  private static final float P2 = 0.00310400128364563f;
  private static final float P3 = 1.1154775165778119e-05f;
  private static final float P4 = -2.0227098218583706e-08f;
  private static final float P5 = 5.2788388243962814e-11f;
  private static final float P6 = -8.49097200428077e-14f;
  private static final float Q1 = 0.4641737639904022f;
  private static final float Q2 = 0.024495357647538185f;
  private static final float Q3 = 0.0002546210598666221f;

  /**
   * Returns leaky ReLU's derivative at an output a: 1 where a &gt; 0, the slope elsewhere (also at
   * 0 and -0, as a comparison would give). It is computed without a comparison: a branch on the
   * sign of half-random activations is mispredicted about every second value, which made leaky
   * ReLU, at about 10 ns per value, a third of a reference-4lp step. Scaling by 2^254 lifts every
   * positive float, the smallest subnormal included, to at least 1 (or infinity), so clamping to
   * [0, 1] gives exactly 1 for a positive output and 0 otherwise; max and min compile to vector
   * instructions. The only difference from a comparison is a NaN output, whose derivative is NaN
   * here instead of the slope.
   */
  static float leakySlopeOf(float a) {
    float positive = Math.min(Math.max(a * 0x1p127f * 0x1p127f, 0f), 1f);
    return LEAKY_SLOPE + (1f - LEAKY_SLOPE) * positive;
  }

  /** Returns tanh(x) to within a few units in the last place; see the class comment. */
  static float tanh(float x) {
    float clamped = Math.max(-TANH_RANGE, Math.min(TANH_RANGE, x));
    float s = clamped * clamped;
    float p = (((((P6 * s + P5) * s + P4) * s + P3) * s + P2) * s + P1) * s + 1f;
    float q = ((Q3 * s + Q2) * s + Q1) * s + 1f;
    return Math.max(-1f, Math.min(1f, clamped * p / q));
  }

  /**
   * Adds the bias, repeated in every row of a block as {@link #repeatBias} writes it, to the
   * first count products and replaces each sum by the activation's output, in one pass: the
   * same floats as adding first and activating after. Both arrays are read at the same index:
   * with a row offset on one of them (values[row + j] + bias[j]) the JIT cannot rule out that
   * they are one array and leaves the loop scalar, about 6 ns per tanh instead of under 1.
   */
  abstract void forward(float[] values, float[] biasRows, int count);

  /** Writes a [width] bias into each of the first rows rows of a row-major block. */
  static void repeatBias(float[] bias, int width, float[] biasRows, int rows) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(bias, 0, biasRows, r * width, width);
    }
  }

  /**
   * Turns gradients with respect to the first count outputs into gradients with respect to the
   * pre-activations, in place.
   */
  abstract void backward(float[] outputs, float[] gradients, int count);

  /** Writes the column sums of a row-major [rows, width] block, the bias gradient. */
  static void sumRows(float[] gradients, int rows, int width, float[] sums) {
    for (int j = 0; j < width; j++) {
      sums[j] = 0f;
    }
    for (int r = 0; r < rows; r++) {
      int row = r * width;
      for (int j = 0; j < width; j++) {
        sums[j] += gradients[row + j];
      }
    }
  }

  /** Returns the kernel of a DL4J activation, or null if there is none. */
  static DenseActivation of(IActivation activation) {
    if (activation instanceof ActivationTanH) {
      return TANH;
    }
    if (activation instanceof ActivationLReLU leaky && (float) leaky.getAlpha() == LEAKY_SLOPE) {
      return LEAKY_RELU;
    }
    if (activation instanceof ActivationSigmoid) {
      return SIGMOID;
    }
    return null;
  }
}
