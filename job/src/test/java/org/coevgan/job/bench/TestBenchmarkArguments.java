package org.coevgan.job.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What CoevGanBenchmark accepts for --figures and --grids. */
class TestBenchmarkArguments {
  @Test
  void figureNamedTwiceIsMeasuredOnce() {
    assertEquals(List.of("state"), List.copyOf(BenchmarkArguments.figures("state,state")));
  }

  @Test
  void unknownFigureIsRefusedWithTheKnownOnes() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> BenchmarkArguments.figures("steps"));
    assertTrue(refused.getMessage().contains(String.join(",", Benchmark.FIGURES)));
  }

  @Test
  void gridsAreMeasuredSmallestFirstSoGrowthComparesSmallestWithLargest() {
    assertEquals(List.of(3, 6, 12), BenchmarkArguments.gridSides("12,3,6,3"));
  }

  @Test
  void emptyOrNonPositiveGridSideIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> BenchmarkArguments.gridSides("3,"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkArguments.gridSides("3,0"));
    assertThrows(IllegalArgumentException.class, () -> BenchmarkArguments.gridSides("x"));
  }
}
