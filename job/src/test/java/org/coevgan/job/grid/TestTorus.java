package org.coevgan.job.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.coevgan.conf.Neighbourhood;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestTorus {
  @Test
  void oneByOneGridIsItsOwnOnlyNeighbour() {
    Torus torus = new Torus(1, 1, Neighbourhood.VON_NEUMANN);

    assertEquals(List.of(cell(0, 0)), torus.neighbourhoodOf(cell(0, 0)));
  }

  @Test
  void oneByTwoGridCountsCoincidingNeighboursOnce() {
    Torus torus = new Torus(1, 2, Neighbourhood.VON_NEUMANN);

    assertEquals(List.of(cell(0, 0), cell(0, 1)), torus.neighbourhoodOf(cell(0, 0)));
    assertEquals(List.of(cell(0, 1), cell(0, 0)), torus.neighbourhoodOf(cell(0, 1)));
  }

  @Test
  void twoByTwoGridHasThreeDistinctCellsPerNeighbourhood() {
    Torus torus = new Torus(2, 2, Neighbourhood.VON_NEUMANN);

    assertEquals(List.of(cell(0, 0), cell(1, 0), cell(0, 1)), torus.neighbourhoodOf(cell(0, 0)));
    assertEquals(List.of(cell(1, 1), cell(0, 1), cell(1, 0)), torus.neighbourhoodOf(cell(1, 1)));
  }

  @Test
  void threeByThreeGridWrapsAtEveryEdge() {
    Torus torus = new Torus(3, 3, Neighbourhood.VON_NEUMANN);

    assertEquals(List.of(cell(1, 1), cell(0, 1), cell(2, 1), cell(1, 0), cell(1, 2)),
        torus.neighbourhoodOf(cell(1, 1)));
    assertEquals(List.of(cell(0, 0), cell(2, 0), cell(1, 0), cell(0, 2), cell(0, 1)),
        torus.neighbourhoodOf(cell(0, 0)));
  }

  @Test
  void threeByFourGridUsesRowsAndColumnsNotTheTransposedCell() {
    Torus torus = new Torus(3, 4, Neighbourhood.VON_NEUMANN);

    assertEquals(List.of(cell(0, 3), cell(2, 3), cell(1, 3), cell(0, 2), cell(0, 0)),
        torus.neighbourhoodOf(cell(0, 3)));
    assertEquals(List.of(cell(2, 1), cell(1, 1), cell(0, 1), cell(2, 0), cell(2, 2)),
        torus.neighbourhoodOf(cell(2, 1)));
  }

  @Test
  void fiveByFiveGridHasFiveDistinctNeighbours() {
    Torus torus = new Torus(5, 5, Neighbourhood.VON_NEUMANN);

    assertEquals(List.of(cell(2, 3), cell(1, 3), cell(3, 3), cell(2, 2), cell(2, 4)),
        torus.neighbourhoodOf(cell(2, 3)));
    assertEquals(List.of(cell(4, 0), cell(3, 0), cell(0, 0), cell(4, 4), cell(4, 1)),
        torus.neighbourhoodOf(cell(4, 0)));
  }

  @Test
  void mooreNeighbourhoodOnThreeByThreeCoversTheWholeGrid() {
    Torus torus = new Torus(3, 3, Neighbourhood.MOORE);

    assertEquals(9, new HashSet<>(torus.neighbourhoodOf(cell(0, 0))).size());
  }

  @ParameterizedTest
  @CsvSource({"1,1", "1,2", "2,2", "3,3", "3,4", "5,5", "2,5"})
  void neighbourhoodsAreSymmetricAndMigrationReachesExactlyTheReceivers(int rows, int columns) {
    for (Neighbourhood shape : Neighbourhood.values()) {
      Torus torus = new Torus(rows, columns, shape);

      for (Cell a : torus.cells()) {
        Set<Cell> receivers = new HashSet<>();
        for (Cell b : torus.cells()) {
          boolean bSeesA = torus.neighbourhoodOf(b).contains(a);
          assertEquals(bSeesA, torus.neighbourhoodOf(a).contains(b), a + " and " + b);
          if (bSeesA) {
            receivers.add(b);
          }
        }
        assertEquals(receivers, new HashSet<>(torus.cellsReceivingCenterOf(a)));
        assertEquals(torus.cellsReceivingCenterOf(a).size(), receivers.size(), "no duplicates");
      }
    }
  }

  @Test
  void emptyGridIsRejectedNamingBothDimensions() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class,
            () -> new Torus(0, 3, Neighbourhood.VON_NEUMANN));

    assertTrue(error.getMessage().contains("0x3"), error.getMessage());
  }

  private static Cell cell(int row, int column) {
    return new Cell(row, column);
  }
}
