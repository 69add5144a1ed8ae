package org.coevgan.job.mixture;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.coevgan.conf.ScoreKind;

/**
 * The (1+1) evolution strategy over mixture weights of Algorithm 1 (lines 8-12 of the paper):
 * one parent, one Gaussian child per step, and the child replaces the parent only when its
 * score is strictly better (lower FID, higher Inception Score).
 */
public final class MixtureEvolution {
  private final ScoreKind kind;
  private final double sigma;
  private final ToDoubleFunction<double[]> score;

  /** Creates a strategy that scores weights with the given function. */
  public MixtureEvolution(ScoreKind kind, double sigma, ToDoubleFunction<double[]> score) {
    this.kind = kind;
    this.sigma = sigma;
    this.score = score;
  }

  /** The final weights, their score and how many steps improved them. */
  public record Outcome(double[] weights, double score, int acceptedSteps) {}

  /** Runs steps steps from start and returns the best weights found. */
  public Outcome evolve(double[] start, int steps, SplittableRandom random) {
    double[] parent = start.clone();
    double parentScore = score.applyAsDouble(parent);
    int accepted = 0;
    for (int step = 0; step < steps; step++) {
      double[] child = MixtureWeights.mutate(parent, sigma, random);
      double childScore = score.applyAsDouble(child);
      if (kind.isBetter(childScore, parentScore)) {
        parent = child;
        parentScore = childScore;
        accepted++;
      }
    }
    return new Outcome(parent, parentScore, accepted);
  }
}
