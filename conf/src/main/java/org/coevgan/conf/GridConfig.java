package org.coevgan.conf;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The toroidal grid of cells: its shape and the neighbourhood from which each cell gathers
 * centers (keys {@code grid.rows}, {@code grid.columns} and {@code grid.neighbourhood}).
 *
 * <p>Any rectangle from 1x1 up is allowed. Rows and columns wrap around, so on a small grid
 * several offsets of a neighbourhood can reach the same cell.
 *
 * @param rows rows of cells, 1 or more
 * @param columns columns of cells, 1 or more
 * @param neighbourhood the cells a cell gathers centers from
 */
public record GridConfig(int rows, int columns, Neighbourhood neighbourhood) {
  private static final String SUBJECT = "grid";

  /**
   * Creates a grid configuration.
   *
   * @param rows rows of cells, 1 or more
   * @param columns columns of cells, 1 or more
   * @param neighbourhood the cells a cell gathers centers from
   * @throws ConfigException if rows or columns is below 1, or the grid has more cells than an
   *     {@code int} holds
   */
  public GridConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.GRID_ROWS, rows, 1);
    Checks.checkAtLeast(SUBJECT, ConfigKey.GRID_COLUMNS, columns, 1);
    Objects.requireNonNull(neighbourhood, "neighbourhood");

    checkCellCount(rows, columns);
  }

  /**
   * Returns the number of cells, rows times columns.
   *
   * @return 1 or more
   */
  public int cellCount() {
    return rows * columns;
  }

  /**
   * Returns how many different cells a neighbourhood covers on this torus, the cell itself
   * included. On a 2x2 grid the von Neumann north and south neighbours of a cell are the same
   * cell, as are its west and east neighbours, so the count is 3 rather than 5; on a 1x1 grid it
   * is 1. On 3x3 and larger grids it is 5 for von Neumann and 9 for Moore.
   *
   * @return between 1 and the number of offsets of the neighbourhood
   */
  public int distinctNeighbourCount() {
    // The torus looks the same from every cell, so counting around (0, 0) holds for all cells.
    Set<Integer> cells = new HashSet<>();
    for (int[] offset : neighbourhood.offsets()) {
      int row = Math.floorMod(offset[0], rows);
      int column = Math.floorMod(offset[1], columns);
      cells.add(row * columns + column);
    }

    return cells.size();
  }

  private static void checkCellCount(int rows, int columns) {
    long cells = (long) rows * columns;
    if (cells > Integer.MAX_VALUE) {
      throw ConfigException.building(SUBJECT, ConfigKey.GRID_ROWS.configName(),
          "grid.rows x grid.columns is " + rows + "x" + columns + " = " + cells
              + " cells but must be at most " + Integer.MAX_VALUE
              + "; lower grid.rows or grid.columns.");
    }
  }
}
