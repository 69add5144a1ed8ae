package org.coevgan.job.scoring;

import java.io.Serializable;
import org.coevgan.conf.ScoreKind;

/**
 * One score with what is needed to compare it with another: the kind, the value, the number of
 * generated samples behind it, the fingerprint of the feature network that made it, and the
 * seed of the samples.
 */
public record Score(
    ScoreKind kind, double value, int sampleCount, String featureNetworkFingerprint, long seed)
    implements Serializable {

  /** Returns whether this score is better than other, by its kind's order. */
  public boolean isBetterThan(Score other) {
    return kind.isBetter(value, other.value);
  }
}
