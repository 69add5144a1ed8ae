package org.coevgan.conf;

/**
 * The images drawn at the end of a run (key {@code samples.per-cell}).
 *
 * @param perCell images each cell's center generator draws for the final sample grid, 1 to 256
 */
public record SamplesConfig(int perCell) {
  /** The most images a cell may draw, which keeps the sample grid small enough to view. */
  public static final int MAX_PER_CELL = 256;

  /**
   * Creates a samples configuration.
   *
   * @param perCell images each cell's center generator draws for the final sample grid, 1 to 256
   * @throws ConfigException if {@code perCell} lies outside 1 to {@value #MAX_PER_CELL}
   */
  public SamplesConfig {
    Checks.checkBetween("sample grid", ConfigKey.SAMPLES_PER_CELL, perCell, 1, MAX_PER_CELL);
  }
}
