package org.coevgan.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests the grid shape rules and the count of distinct cells in a neighbourhood on a torus. */
class TestGridConfig {
  @ParameterizedTest(name = "{0}x{1} {2} holds {3} distinct cells")
  @CsvSource({
      "1, 1, VON_NEUMANN, 1",
      "1, 1, MOORE, 1",
      "1, 2, VON_NEUMANN, 2",
      "1, 2, MOORE, 2",
      "2, 2, VON_NEUMANN, 3",
      "2, 2, MOORE, 4",
      "3, 3, VON_NEUMANN, 5",
      "3, 3, MOORE, 9",
      "3, 4, VON_NEUMANN, 5",
      "3, 4, MOORE, 9",
      "5, 5, VON_NEUMANN, 5",
      "5, 5, MOORE, 9",
      "1, 3, MOORE, 3",
      "2, 3, MOORE, 6"})
  void countsEachCellOfANeighbourhoodOnce(int rows, int columns, Neighbourhood neighbourhood,
      int expected) {
    GridConfig grid = new GridConfig(rows, columns, neighbourhood);

    int count = grid.distinctNeighbourCount();

    assertEquals(expected, count);
  }

  @Test
  void countsCellsOfARectangle() {
    GridConfig grid = new GridConfig(3, 4, Neighbourhood.VON_NEUMANN);

    int cells = grid.cellCount();

    assertEquals(12, cells);
  }

  @Test
  void rejectsAGridWithoutRows() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> new GridConfig(0, 3, Neighbourhood.VON_NEUMANN));

    assertEquals("Cannot build the grid: grid.rows is 0 but must be at least 1; "
        + "set grid.rows to 1 or more.", error.getMessage());
    assertEquals("grid.rows", error.key().orElseThrow());
  }

  @Test
  void rejectsAGridWithNegativeColumns() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> new GridConfig(2, -1, Neighbourhood.MOORE));

    assertTrue(error.getMessage().contains("grid.columns is -1 but must be at least 1"),
        error.getMessage());
  }

  @Test
  void rejectsMoreCellsThanAnIntHolds() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> new GridConfig(100_000, 100_000, Neighbourhood.VON_NEUMANN));

    assertTrue(error.getMessage().contains("100000x100000 = 10000000000 cells"),
        error.getMessage());
    assertTrue(error.getMessage().contains("lower grid.rows or grid.columns"), error.getMessage());
  }
}
