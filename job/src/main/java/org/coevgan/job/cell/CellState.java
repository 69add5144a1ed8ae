package org.coevgan.job.cell;

import java.io.Serializable;
import java.util.List;
import org.coevgan.job.grid.Cell;

/**
 * One cell of the grid after a generation: its own generators and discriminators, best first, so
 * that element 0 of each list is the cell's center.
 *
 * @param cell the grid position
 * @param generation the last completed generation; 0 for the initial, untrained state
 * @param generators the cell's generators, center first
 * @param discriminators the cell's discriminators, center first
 */
public record CellState(
    Cell cell, int generation, List<IndividualState> generators,
    List<IndividualState> discriminators)
    implements Serializable {

  /** Returns the center generator. */
  public IndividualState centerGenerator() {
    return generators.get(0);
  }

  /** Returns the center discriminator. */
  public IndividualState centerDiscriminator() {
    return discriminators.get(0);
  }

  /** Returns the center alone, without optimiser state: what migrates to the neighbours. */
  public CellState centerForNeighbours() {
    return new CellState(
        cell,
        generation,
        List.of(centerGenerator().withoutOptimiserState()),
        List.of(centerDiscriminator().withoutOptimiserState()));
  }
}
