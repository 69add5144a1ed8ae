package org.coevgan.conf;

/**
 * Sizing the grid from the cluster (keys {@code grid.min-cells} and {@code grid.max-cells}).
 * When {@code grid.max-cells} is above 0 the driver ignores {@code grid.rows} and
 * {@code grid.columns} and picks the largest rectangle, closest to square, of at most as many
 * cells as Spark has task slots, between the two bounds; with fewer slots than
 * {@code grid.min-cells} the run fails before training.
 *
 * @param minCells fewest cells accepted, 1 or more when sizing is on
 * @param maxCells most cells wanted; 0 turns sizing off
 */
public record GridSizingConfig(int minCells, int maxCells) {
  private static final String SUBJECT = "grid sizing";

  /**
   * Creates a grid sizing configuration.
   *
   * @param minCells fewest cells accepted
   * @param maxCells most cells wanted; 0 turns sizing off
   * @throws ConfigException if the bounds are negative or the minimum exceeds the maximum
   */
  public GridSizingConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.GRID_MIN_CELLS, minCells, 0);
    Checks.checkAtLeast(SUBJECT, ConfigKey.GRID_MAX_CELLS, maxCells, 0);
    if (maxCells > 0 && (minCells < 1 || minCells > maxCells)) {
      throw ConfigException.building(SUBJECT, ConfigKey.GRID_MIN_CELLS.configName(),
          "grid.min-cells is " + minCells + " but must be between 1 and grid.max-cells ("
              + maxCells + "); set grid.min-cells to the fewest cells the run may use.");
    }
  }

  /**
   * Returns whether the grid is sized from the cluster's task slots.
   *
   * @return true when {@code grid.max-cells} is above 0
   */
  public boolean enabled() {
    return maxCells > 0;
  }
}
