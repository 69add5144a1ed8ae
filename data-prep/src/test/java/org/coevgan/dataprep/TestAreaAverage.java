package org.coevgan.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestAreaAverage {
  @Test
  void weighsPartlyCoveredPixelsByTheirShare() {
    AreaAverage shrink = AreaAverage.shrinking(5, 2);
    double[] input = {10, 20, 30, 40, 50};

    double first = shrink.average(input, 0, 0);
    double second = shrink.average(input, 0, 1);

    assertArrayEquals(new double[] {0.4, 0.4, 0.2}, shrink.weights(0), 1e-12);
    assertEquals(2, shrink.firstInput(1));
    assertEquals((10 + 20 + 0.5 * 30) / 2.5, first, 1e-12);
    assertEquals((0.5 * 30 + 40 + 50) / 2.5, second, 1e-12);
  }

  @Test
  void passesPixelsThroughUnchangedAtEqualLength() {
    AreaAverage same = AreaAverage.shrinking(3, 3);
    double[] input = {0.1, 254.0, 65535.0};

    double[] output = {same.average(input, 0, 0), same.average(input, 0, 1),
        same.average(input, 0, 2)};

    assertArrayEquals(input, output, 0.0);
  }

  @Test
  void keepsTheMeanOfAConstantRow() {
    AreaAverage shrink = AreaAverage.shrinking(1000, 64);
    double[] input = new double[1000];
    Arrays.fill(input, 77.0);

    for (int output = 0; output < 64; output++) {
      assertEquals(77.0, shrink.average(input, 0, output), 1e-9);
    }
  }

  @Test
  void refusesToEnlarge() {
    IllegalArgumentException failure =
        assertThrows(IllegalArgumentException.class, () -> AreaAverage.shrinking(20, 28));

    assertTrue(failure.getMessage().contains("Cannot shrink 20 pixels to 28"),
        failure::getMessage);
  }
}
