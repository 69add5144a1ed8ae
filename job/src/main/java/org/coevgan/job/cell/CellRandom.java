package org.coevgan.job.cell;

import java.util.SplittableRandom;
import org.coevgan.job.grid.Cell;

/**
 * Derives every random stream of the run from (run seed, cell, generation, purpose), so that a
 * re-executed task draws exactly the numbers its first attempt drew, and different cells and
 * generations draw different ones.
 *
 * <p>Mixing uses the SplitMix64 finaliser over the combined fields; a stream is then a
 * {@link SplittableRandom} seeded with that value.
 */
public final class CellRandom {
  /** What a stream is used for; each purpose gets an independent stream. */
  public enum Purpose {
    INITIAL_WEIGHTS,
    DATA_SUBSET,
    GENERATION,
    SAMPLES,
    /** Noise of the images a cell's generators draw to score mixtures. */
    MIXTURE_SAMPLES,
    /** Gaussian steps of a cell's mixture weights. */
    MIXTURE_STEPS
  }

  private CellRandom() {}

  /** Returns a stream for the purpose in the given cell and generation. */
  public static SplittableRandom stream(long runSeed, Cell cell, int generation, Purpose purpose) {
    return new SplittableRandom(seed(runSeed, cell, generation, purpose));
  }

  /** Returns the 64-bit seed of that stream, for libraries that take a seed. */
  public static long seed(long runSeed, Cell cell, int generation, Purpose purpose) {
    long value = mix(runSeed);
    value = mix(value ^ cell.row());
    value = mix(value ^ ((long) cell.column() << 20));
    value = mix(value ^ ((long) generation << 40));
    return mix(value ^ purpose.ordinal());
  }

  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
