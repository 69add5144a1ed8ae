package org.coevgan.job.cell;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Size-k tournament selection: draws k distinct contestants uniformly at random and returns the
 * one with the lowest loss. A NaN loss counts as the worst possible, so a diverged individual
 * never wins while a finite one takes part.
 */
public final class Tournament {
  private Tournament() {}

  /** Returns the winner of a tournament of the given size among the candidates. */
  public static <T> T select(
      List<T> candidates, int size, ToDoubleFunction<T> loss, SplittableRandom random) {
    if (size < 1 || size > candidates.size()) {
      throw new IllegalArgumentException(
          "Cannot hold a tournament of size " + size + " among " + candidates.size()
              + " individuals; population.tournament-size must be between 1 and that count");
    }
    int[] indices = shuffledIndices(candidates.size(), random);
    T best = candidates.get(indices[0]);
    for (int i = 1; i < size; i++) {
      T contestant = candidates.get(indices[i]);
      if (Fitness.compare(loss.applyAsDouble(contestant), loss.applyAsDouble(best)) < 0) {
        best = contestant;
      }
    }
    return best;
  }

  /** Returns 0..n-1 in a random order (Fisher-Yates). */
  static int[] shuffledIndices(int n, SplittableRandom random) {
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
    return indices;
  }
}
