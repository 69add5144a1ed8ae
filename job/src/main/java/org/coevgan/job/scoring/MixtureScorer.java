package org.coevgan.job.scoring;

import java.util.List;
import org.coevgan.conf.ScoreKind;
import org.coevgan.job.features.FeatureNetwork.Activations;
import org.coevgan.job.mixture.MixtureWeights;

/**
 * Scores mixtures of generators whose samples were drawn once: every generator draws the full
 * sample size up front, and a mixture with weights w takes the first counts(w) samples of each.
 * All weight vectors of a cell are thus scored on the same noise, so the (1+1) strategy compares
 * weights, not luck.
 */
public final class MixtureScorer {
  private final ScoreKind kind;
  private final FeatureStatistics real;
  private final List<Activations> generators;
  private final int sampleSize;

  /**
   * Creates a scorer over each generator's activations of sampleSize images; real statistics
   * are needed for FID only and may be null for the Inception Score.
   */
  public MixtureScorer(ScoreKind kind, FeatureStatistics real, List<Activations> generators,
      int sampleSize) {
    this.kind = kind;
    this.real = real;
    this.generators = generators;
    this.sampleSize = sampleSize;
  }

  /** Returns the score of the mixture with the given weights. */
  public double score(double[] weights) {
    int[] counts = MixtureWeights.counts(weights, sampleSize);
    return switch (kind) {
      case FID -> FrechetDistance.between(FeatureStatistics.of(rows(counts, true)), real);
      case INCEPTION_SCORE -> InceptionScore.of(rows(counts, false));
    };
  }

  private double[][] rows(int[] counts, boolean features) {
    double[][] rows = new double[sampleSize][];
    int next = 0;
    for (int g = 0; g < counts.length; g++) {
      Activations activations = generators.get(g);
      double[][] source = features ? activations.features() : activations.probabilities();
      System.arraycopy(source, 0, rows, next, counts[g]);
      next += counts[g];
    }
    return rows;
  }
}
