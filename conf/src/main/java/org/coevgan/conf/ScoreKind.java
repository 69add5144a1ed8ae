package org.coevgan.conf;

/**
 * The score that ranks generator mixtures and picks the best cell (key {@code scoring.kind}).
 * Fréchet Inception Distance compares feature statistics of generated and real images, lower
 * is better; Inception Score rewards confident and diverse class predictions, higher is better.
 */
public enum ScoreKind implements ConfigChoice {
  /** Fréchet distance between feature statistics of generated and real images. */
  FID("fid"),

  /** Exponentiated mean KL divergence of class predictions from their marginal. */
  INCEPTION_SCORE("inception-score");

  private final String configName;

  ScoreKind(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns whether score {@code candidate} is better than score {@code incumbent}: lower for
   * FID, higher for the Inception Score. A NaN candidate is never better.
   *
   * @param candidate the new score
   * @param incumbent the score to beat
   * @return true when candidate is strictly better
   */
  public boolean isBetter(double candidate, double incumbent) {
    if (Double.isNaN(candidate)) {
      return false;
    }
    if (Double.isNaN(incumbent)) {
      return true;
    }
    return this == FID ? candidate < incumbent : candidate > incumbent;
  }

  /**
   * Returns the kind spelled {@code value}, or fails naming the key, the value and the choices.
   *
   * @param key the configuration key, for the message
   * @param value the configured spelling
   * @param source where the value came from, for the message
   * @return the kind
   */
  public static ScoreKind parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
