package org.coevgan.job.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.coevgan.job.ExitStatus;
import org.coevgan.job.JobFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestGridSizing {
  @ParameterizedTest
  @CsvSource({
    "9, 4, 20, 3, 3",
    "12, 4, 20, 3, 4",
    "14, 4, 20, 2, 7",
    "40, 4, 36, 6, 6",
    "400, 9, 324, 18, 18",
    "5, 1, 5, 1, 5"
  })
  void picksTheLargestRectangleClosestToSquare(int slots, int min, int max, int rows, int cols) {
    GridSizing.Shape shape = GridSizing.choose(slots, min, max);

    assertEquals(rows, shape.rows());
    assertEquals(cols, shape.columns());
  }

  @Test
  void tooFewSlotsFailAsAnEnvironmentProblemNamingTheKey() {
    JobFailure error = assertThrows(JobFailure.class, () -> GridSizing.choose(3, 4, 16));

    assertEquals(ExitStatus.ENVIRONMENT, error.status());
    assertTrue(error.getMessage().contains("offers 3 task slots but grid.min-cells is 4"),
        error.getMessage());
  }
}
