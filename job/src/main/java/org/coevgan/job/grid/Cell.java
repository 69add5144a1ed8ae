package org.coevgan.job.grid;

import java.io.Serializable;

/** One position of the grid, identified by its row and column, both counted from 0. */
public record Cell(int row, int column) implements Serializable, Comparable<Cell> {

  /** Returns the cell's position in row-major order on a grid with the given column count. */
  public int index(int columns) {
    return row * columns + column;
  }

  @Override
  public int compareTo(Cell other) {
    return row != other.row ? Integer.compare(row, other.row) : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return "(" + row + "," + column + ")";
  }
}
