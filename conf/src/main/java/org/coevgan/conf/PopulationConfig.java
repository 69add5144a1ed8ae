package org.coevgan.conf;

/**
 * How many individuals each cell keeps and how many meet in a tournament (keys
 * {@code population.size} and {@code population.tournament-size}).
 *
 * <p>Whether the tournament fits a cell's sub-population depends on the grid as well, so
 * {@link RunConfig} checks that rule.
 *
 * @param size generators and discriminators each cell keeps, 1 or more
 * @param tournamentSize individuals drawn into each tournament, 1 or more
 */
public record PopulationConfig(int size, int tournamentSize) {
  private static final String SUBJECT = "population";

  /**
   * Creates a population configuration.
   *
   * @param size generators and discriminators each cell keeps, 1 or more
   * @param tournamentSize individuals drawn into each tournament, 1 or more
   * @throws ConfigException if either size is below 1
   */
  public PopulationConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.POPULATION_SIZE, size, 1);
    Checks.checkAtLeast(SUBJECT, ConfigKey.POPULATION_TOURNAMENT_SIZE, tournamentSize, 1);
  }
}
