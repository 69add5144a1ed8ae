package org.coevgan.job.driver;

import org.coevgan.job.ExitStatus;
import org.coevgan.job.JobFailure;

/**
 * Chooses the grid shape from the task slots a cluster offers: the largest number of cells
 * between the configured minimum and maximum that the slots can run at once, arranged as the
 * rectangle closest to square. Example: 14 slots with bounds 4 and 20 give 14 cells as 2x7;
 * 12 slots give 3x4.
 */
public final class GridSizing {
  private GridSizing() {}

  /** The chosen shape. */
  public record Shape(int rows, int columns) {
    /** Returns rows times columns. */
    public int cells() {
      return rows * columns;
    }
  }

  /**
   * Returns the shape for the given slots, or fails when fewer than minCells slots are there.
   *
   * @param slots task slots Spark reports (cores divided by spark.task.cpus)
   * @param minCells fewest cells accepted, 1 or more
   * @param maxCells most cells wanted
   */
  public static Shape choose(int slots, int minCells, int maxCells) {
    if (slots < minCells) {
      throw new JobFailure(ExitStatus.ENVIRONMENT,
          "Cannot size the grid: Spark offers " + slots + " task slots but grid.min-cells is "
              + minCells + "; add executors or cores, or lower grid.min-cells");
    }
    int cells = Math.min(slots, maxCells);
    return new Shape(closestToSquareDivisor(cells), cells / closestToSquareDivisor(cells));
  }

  /** Returns the largest divisor of n that is at most its square root (the rows). */
  private static int closestToSquareDivisor(int n) {
    int rows = (int) Math.floor(Math.sqrt(n));
    while (n % rows != 0) {
      rows--;
    }
    return rows;
  }
}
