package org.coevgan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestLinePlotTicks {
  @Test
  void generationTicksAreWholeNumbers() {
    assertEquals(List.of(1.0, 3.0, 5.0, 7.0), List.copyOf(LinePlot.wholeTicks(1, 8)));
    assertEquals(List.of(1.0, 2.0, 3.0), List.copyOf(LinePlot.wholeTicks(1, 3)));
    assertEquals(List.of(1.0), List.copyOf(LinePlot.wholeTicks(1, 1.5)));
    assertEquals(List.of(0.0, 75.0, 150.0, 225.0, 300.0),
        List.copyOf(LinePlot.wholeTicks(0, 300)));
  }
}
