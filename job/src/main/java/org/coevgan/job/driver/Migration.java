package org.coevgan.job.driver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.coevgan.job.cell.CellState;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.grid.Torus;
import scala.Tuple2;

/**
 * Migration as a join on offset keys: every cell's state is keyed by the index of each cell that
 * has it in its neighbourhood. The cell itself receives its full state (with Adam moments), each
 * neighbour only the center networks. Grouping by key with {@link CellPartitioner} then gives each
 * cell's task its own state and its neighbours' centers.
 */
public final class Migration {
  private Migration() {}

  /** Returns the (receiving cell index, state) pairs a cell's state is sent as. */
  public static Iterator<Tuple2<Integer, CellState>> route(CellState state, Torus torus) {
    List<Tuple2<Integer, CellState>> messages = new ArrayList<>();
    CellState center = null;
    for (Cell receiver : torus.cellsReceivingCenterOf(state.cell())) {
      int key = receiver.index(torus.columns());
      if (receiver.equals(state.cell())) {
        messages.add(new Tuple2<>(key, state));
      } else {
        center = center == null ? state.centerForNeighbours() : center;
        messages.add(new Tuple2<>(key, center));
      }
    }
    return messages.iterator();
  }

  /** A cell's own state and its neighbours' centers in neighbourhood order. */
  public record Arrivals(CellState own, List<CellState> neighbourCenters) {}

  /**
   * Sorts what arrived at a cell into its own state and its neighbours' centers, ordered as in
   * {@link Torus#neighbourhoodOf} so the result does not depend on shuffle order.
   */
  public static Arrivals sort(Cell cell, Iterable<CellState> arrived, Torus torus) {
    CellState own = null;
    List<CellState> neighbours = new ArrayList<>();
    for (Cell expected : torus.neighbourhoodOf(cell)) {
      CellState found = find(arrived, expected);
      if (expected.equals(cell)) {
        own = found;
      } else {
        neighbours.add(found);
      }
    }
    return new Arrivals(own, neighbours);
  }

  private static CellState find(Iterable<CellState> arrived, Cell expected) {
    CellState found = null;
    for (CellState state : arrived) {
      if (state.cell().equals(expected)) {
        if (found != null) {
          throw new IllegalStateException("Cell " + expected + " arrived twice in one migration");
        }
        found = state;
      }
    }
    if (found == null) {
      throw new IllegalStateException(
          "Cannot evolve: the center of cell " + expected + " did not arrive in the migration");
    }
    return found;
  }
}
