package org.coevgan.job.grid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.coevgan.conf.Neighbourhood;

/**
 * A rows x columns grid whose edges wrap around in both directions, with the neighbourhood each
 * cell gathers its sub-population from.
 *
 * <p>On small grids several offsets can land on the same cell (on a 1x2 grid north, south and
 * the cell itself coincide); such duplicates are counted once, so a neighbourhood never holds the
 * same center twice.
 */
public final class Torus implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private final int columns;
  private final Neighbourhood neighbourhood;

  /** Creates a torus; both dimensions must be at least 1. */
  public Torus(int rows, int columns, Neighbourhood neighbourhood) {
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException(
          "Cannot build a " + rows + "x" + columns + " grid: both dimensions must be at least 1");
    }
    this.rows = rows;
    this.columns = columns;
    this.neighbourhood = neighbourhood;
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  /** Returns the number of cells. */
  public int cellCount() {
    return rows * columns;
  }

  /** Returns every cell in row-major order. */
  public List<Cell> cells() {
    List<Cell> cells = new ArrayList<>(cellCount());
    for (int index = 0; index < cellCount(); index++) {
      cells.add(cellAt(index));
    }
    return cells;
  }

  /** Returns the cell at a row-major index. */
  public Cell cellAt(int index) {
    return new Cell(index / columns, index % columns);
  }

  /**
   * Returns the distinct cells of a cell's neighbourhood, the cell itself first, then in the
   * order of the neighbourhood's offsets (north, south, west, east, then diagonals for Moore).
   */
  public List<Cell> neighbourhoodOf(Cell cell) {
    Set<Cell> distinct = new LinkedHashSet<>();
    for (int[] offset : neighbourhood.offsets()) {
      distinct.add(shift(cell, offset[0], offset[1]));
    }
    return List.copyOf(distinct);
  }

  /**
   * Returns the distinct cells whose neighbourhood contains the given cell: the cells its center
   * migrates to. On a torus this is the neighbourhood reflected through the cell, which equals
   * the neighbourhood itself for the symmetric von Neumann and Moore shapes.
   */
  public List<Cell> cellsReceivingCenterOf(Cell cell) {
    Set<Cell> distinct = new LinkedHashSet<>();
    for (int[] offset : neighbourhood.offsets()) {
      distinct.add(shift(cell, -offset[0], -offset[1]));
    }
    return List.copyOf(distinct);
  }

  private Cell shift(Cell cell, int rowOffset, int columnOffset) {
    return new Cell(
        Math.floorMod(cell.row() + rowOffset, rows),
        Math.floorMod(cell.column() + columnOffset, columns));
  }

  @Override
  public String toString() {
    return rows + "x" + columns + " " + neighbourhood.configName();
  }
}
