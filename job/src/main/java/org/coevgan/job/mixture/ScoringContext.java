package org.coevgan.job.mixture;

import java.io.Serializable;
import java.util.Map;
import org.coevgan.conf.ScoreKind;
import org.coevgan.job.features.FeatureNetwork;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.scoring.FeatureStatistics;

/**
 * What executors need to score generators, broadcast once per scoring stage: the score kind,
 * the sample size, the feature network as model bytes, the real images' feature statistics
 * (FID only), the run seed and the mixture strategy's settings.
 */
public record ScoringContext(
    ScoreKind kind,
    int sampleSize,
    byte[] featureModel,
    int featureLayer,
    String fingerprint,
    FeatureStatistics real,
    long seed,
    double sigma,
    Map<Cell, double[]> startWeights)
    implements Serializable {

  private static final Object LOCK = new Object();
  private static FeatureNetwork cached;

  /** Returns the feature network, deserialised once per executor JVM and fingerprint. */
  public FeatureNetwork featureNetwork() {
    synchronized (LOCK) {
      if (cached == null || !cached.fingerprint().equals(fingerprint)) {
        cached = FeatureNetwork.fromBytes(featureModel, featureLayer, fingerprint);
      }
      return cached;
    }
  }
}
