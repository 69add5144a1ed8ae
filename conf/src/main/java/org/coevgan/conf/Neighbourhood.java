package org.coevgan.conf;

import java.util.Arrays;
import java.util.List;

/**
 * The cells whose centers a cell gathers each generation (key {@code grid.neighbourhood}).
 *
 * <p>Offsets are (row, column) steps on the toroidal grid; rows grow southwards and columns
 * eastwards. Every neighbourhood includes the cell itself, listed first.
 */
public enum Neighbourhood implements ConfigChoice {
  /** The cell and its four edge neighbours: north, south, west and east (the paper's choice). */
  VON_NEUMANN("von-neumann", new int[][] {{0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}}),

  /** The von Neumann cells plus the four diagonal neighbours, nine cells in all. */
  MOORE("moore", new int[][] {
      {0, 0}, {-1, 0}, {1, 0}, {0, -1}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}});

  private final String configName;
  private final int[][] offsets;

  Neighbourhood(String configName, int[][] offsets) {
    this.configName = configName;
    this.offsets = offsets;
  }

  /**
   * Returns the configured spelling: {@code von-neumann} or {@code moore}.
   *
   * @return the spelling used in configuration files
   */
  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns the (row, column) offsets of the neighbourhood, (0, 0) first, then north (-1, 0),
   * south (1, 0), west (0, -1) and east (0, 1), then for {@link #MOORE} the diagonals
   * (-1, -1), (-1, 1), (1, -1) and (1, 1). On small grids several offsets can reach the same
   * cell; see {@link GridConfig#distinctNeighbourCount()}.
   *
   * @return a new unmodifiable list of new two-element arrays, safe for the caller to change
   */
  public List<int[]> offsets() {
    return Arrays.stream(offsets).map(int[]::clone).toList();
  }

  /**
   * Returns the neighbourhood spelled {@code value}.
   *
   * @param key the configuration key the value was read from, for the message
   * @param value the configured spelling
   * @param source the file (and overrides) the value came from, for the message
   * @return the matching neighbourhood
   * @throws ConfigException if {@code value} is not {@code von-neumann} or {@code moore}
   */
  public static Neighbourhood parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
