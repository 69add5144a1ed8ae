package org.coevgan.job.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** Tests the perceptron activations' loops against exact values and ND4J's operations. */
class TestDenseActivation {
  @Test
  void tanhIsWithinSixUnitsInTheLastPlaceEverywhere() {
    double worst = 0;
    double sum = 0;
    int count = 0;
    for (float x = -12f; x <= 12f; x += 1e-5f) {
      float exact = (float) Math.tanh(x);
      double units = Math.abs(DenseActivation.tanh(x) - exact) / Math.ulp(exact);
      worst = Math.max(worst, units);
      sum += units;
      count++;
    }
    for (float x = 1e-30f; x < 1f; x *= 1.001f) {
      float exact = (float) Math.tanh(x);
      worst = Math.max(worst, Math.abs(DenseActivation.tanh(x) - exact) / Math.ulp(exact));
      assertEquals(-DenseActivation.tanh(x), DenseActivation.tanh(-x));
    }

    assertTrue(worst <= 6, "worst error " + worst + " units in the last place");
    assertTrue(sum / count <= 1, "mean error " + sum / count + " units in the last place");
    assertEquals(1f, DenseActivation.tanh(Float.POSITIVE_INFINITY));
    assertEquals(-1f, DenseActivation.tanh(-100f));
  }

  @Test
  void tanhGradientMatchesNd4jsDerivative() {
    float[] inputs = {-3f, -0.5f, -1e-3f, 0f, 2e-4f, 0.7f, 4f};
    float[] gradients = {0.3f, -1f, 2f, 0.5f, -0.25f, 1.5f, -2f};
    INDArray expected = Nd4j.createUninitialized(Nd4j.dataType(), inputs.length);
    Nd4j.exec(new TanhDerivative(Nd4j.createFromArray(inputs), Nd4j.createFromArray(gradients),
        expected));

    float[] outputs = inputs.clone();
    float[] actual = gradients.clone();
    DenseActivation.TANH.forward(outputs, new float[outputs.length], outputs.length);
    DenseActivation.TANH.backward(outputs, actual, actual.length);

    assertArrayEquals(expected.toFloatVector(), actual, 1e-6f);
  }

  @Test
  void leakyReluAndItsGradientMatchNd4j() {
    float[] inputs = {-3f, -0.5f, -1e-3f, 2e-4f, 0.7f, 4f};
    float[] gradients = {0.3f, -1f, 2f, -0.25f, 1.5f, -2f};
    INDArray in = Nd4j.createFromArray(inputs);
    INDArray expectedOutputs = in.dup();
    Nd4j.exec(new LeakyReLU(in, expectedOutputs, 0.2));
    INDArray expectedGradients = in.dup();
    Nd4j.exec(new LeakyReLUBp(in, Nd4j.createFromArray(gradients), expectedGradients, 0.2));

    float[] outputs = inputs.clone();
    float[] actual = gradients.clone();
    DenseActivation.LEAKY_RELU.forward(outputs, new float[outputs.length], outputs.length);
    DenseActivation.LEAKY_RELU.backward(outputs, actual, actual.length);

    assertArrayEquals(expectedOutputs.toFloatVector(), outputs);
    assertArrayEquals(expectedGradients.toFloatVector(), actual);
  }

  @Test
  void leakyReluSlopeWithoutBranchesEqualsAComparisonBitForBit() {
    float[] edges = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 1e-30f, -1e-30f, 1f, -1f};
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    float[] values = new float[edges.length + 100_000];
    System.arraycopy(edges, 0, values, 0, edges.length);
    for (int i = edges.length; i < values.length; i++) {
      values[i] = Float.intBitsToFloat(random.nextInt());
    }

    for (float a : values) {
      if (Float.isNaN(a)) {
        continue;
      }
      float expected = a > 0f ? 1f : DenseActivation.LEAKY_SLOPE;
      float actual = DenseActivation.leakySlopeOf(a);
      assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual),
          "derivative at " + a);
      float forward = Math.max(a, a * DenseActivation.LEAKY_SLOPE);
      float branched = a > 0f ? a : a * DenseActivation.LEAKY_SLOPE;
      assertEquals(Float.floatToRawIntBits(branched), Float.floatToRawIntBits(forward),
          "output at " + a);
    }
  }

  @Test
  void forwardAddsTheBiasBeforeActivatingBitForBit() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(21);
    int rows = 3;
    int width = 37;
    float[] products = new float[rows * width];
    float[] bias = new float[width];
    for (int i = 0; i < products.length; i++) {
      products[i] = (float) (random.nextDouble() * 8 - 4);
    }
    for (int j = 0; j < width; j++) {
      bias[j] = (float) (random.nextDouble() * 2 - 1);
    }

    for (DenseActivation activation : DenseActivation.values()) {
      float[] actual = products.clone();
      float[] biasRows = new float[products.length];
      DenseActivation.repeatBias(bias, width, biasRows, rows);
      activation.forward(actual, biasRows, actual.length);
      for (int i = 0; i < products.length; i++) {
        float x = products[i] + bias[i % width];
        float expected = switch (activation) {
          case TANH -> DenseActivation.tanh(x);
          case LEAKY_RELU -> Math.max(x, x * DenseActivation.LEAKY_SLOPE);
          case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-x)));
        };
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual[i]),
            activation + " at row " + i / width + ", column " + i % width);
      }
    }
  }
}
