package org.coevgan.conf;

/**
 * How many diverged cells a generation tolerates (key
 * {@code resilience.max-resets-per-generation}). A cell whose weights or losses turn NaN or
 * infinite is reset from its best neighbouring center; more resets than this in one generation
 * fail the run, since the grid is then training on nothing useful.
 *
 * @param maxResetsPerGeneration resets allowed per generation, 0 or more
 */
public record ResilienceConfig(int maxResetsPerGeneration) {
  private static final String SUBJECT = "resilience settings";

  /**
   * Creates a resilience configuration.
   *
   * @param maxResetsPerGeneration resets allowed per generation, 0 or more
   * @throws ConfigException if the number is negative
   */
  public ResilienceConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.RESILIENCE_MAX_RESETS, maxResetsPerGeneration, 0);
  }
}
