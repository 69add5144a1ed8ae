package org.coevgan.conf;

import java.util.Objects;

/**
 * How generators and mixtures are scored (keys {@code scoring.*}).
 *
 * @param kind the score that ranks mixtures and picks the best cell
 * @param sampleSize generated images per score, and at most as many real images; for FID more
 *     than the feature dimension
 * @param everyGenerations period in generations of scoring every cell's center generator into
 *     {@code center-scores/}; 0 turns it off
 */
public record ScoringConfig(ScoreKind kind, int sampleSize, int everyGenerations) {
  private static final String SUBJECT = "scoring";

  /**
   * Creates a scoring configuration.
   *
   * @param kind the score that ranks mixtures and picks the best cell
   * @param sampleSize generated images per score, 10 or more (the Inception Score's splits)
   * @param everyGenerations period of per-generation center scores, 0 (off) or more
   * @throws ConfigException if a number is out of range
   */
  public ScoringConfig {
    Objects.requireNonNull(kind, "kind");
    Checks.checkAtLeast(SUBJECT, ConfigKey.SCORING_SAMPLE_SIZE, sampleSize, 10);
    Checks.checkAtLeast(SUBJECT, ConfigKey.SCORING_EVERY_GENERATIONS, everyGenerations, 0);
  }

  /**
   * Returns whether the centers are scored after the given generation.
   *
   * @param generation a completed generation, 1 or more
   * @return true when the period is on and divides the generation
   */
  public boolean scoresCentersAfter(int generation) {
    return everyGenerations > 0 && generation % everyGenerations == 0;
  }
}
