package org.coevgan.job.cell;

import java.io.Serializable;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.FloatBlobs;
import org.coevgan.job.network.GeneratorObjective;

/**
 * The stored form of one generator or discriminator: raw parameters, Adam state, counters and
 * evolved settings. Neighbours' copies travel without Adam state ({@code updaterState} empty),
 * which is all a cell needs to evaluate them or train against them.
 *
 * <p>Java serialization (Spark's migration shuffle) writes the two vectors as byte blobs through
 * {@link SerializedForm}: the default form of a float array converts every value on its own,
 * which cost about a fifth of a generation's task time in a profile, a blob is copied in bulk.
 *
 * @param parameters the network's flattened parameter vector
 * @param updaterState the Adam moments, or an empty array when unknown (fresh optimiser)
 * @param iterations Adam's step counter, used for its bias correction
 * @param learningRate the evolved Adam learning rate
 * @param objective the generator's training loss; null for discriminators
 * @param origin the cell whose center this individual was when it was last migrated
 * @param fitness the individual's last fitness (a loss, lower is better)
 */
public record IndividualState(
    float[] parameters,
    float[] updaterState,
    int iterations,
    double learningRate,
    GeneratorObjective objective,
    Cell origin,
    double fitness)
    implements Serializable {

  /**
   * Returns a copy without optimiser state, the form sent to neighbours. Its step counter is
   * reset too: Adam's bias correction with zero moments and a large counter would take a first
   * step many times the learning rate.
   */
  public IndividualState withoutOptimiserState() {
    return new IndividualState(parameters, new float[0], 0, learningRate, objective, origin, fitness);
  }

  /** Returns whether the fitness and every weight and Adam moment are finite numbers. */
  public boolean isFinite() {
    return Double.isFinite(fitness) && allFinite(parameters) && allFinite(updaterState);
  }

  /**
   * Returns whether no value is infinite or NaN. The largest magnitude of each block is finite
   * exactly then (Math.max passes a NaN on); this loop has no branch per value, so the JIT
   * vectorises it, where a test of every value took a tenth of the executors' time in an 18x18
   * grid.
   */
  private static boolean allFinite(float[] values) {
    for (int start = 0; start < values.length; start += FINITE_CHECK_BLOCK) {
      int end = Math.min(values.length, start + FINITE_CHECK_BLOCK);
      float largest = 0f;
      for (int i = start; i < end; i++) {
        largest = Math.max(largest, Math.abs(values[i]));
      }
      if (!Float.isFinite(largest)) {
        return false;
      }
    }
    return true;
  }

  private static final int FINITE_CHECK_BLOCK = 4096;

  /** Returns whether Adam moments travel with this individual. */
  public boolean hasOptimiserState() {
    return updaterState.length > 0;
  }

  /** Replaces this state by its blob form when Java serialization writes it. */
  private Object writeReplace() {
    return new SerializedForm(this);
  }

  /**
   * The serialized form of an {@link IndividualState}: the same fields with both vectors as
   * little-endian float32 blobs ({@link FloatBlobs}), read back bit for bit.
   */
  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] parameters;
    private final byte[] updaterState;
    private final int iterations;
    private final double learningRate;
    private final GeneratorObjective objective;
    private final Cell origin;
    private final double fitness;

    SerializedForm(IndividualState state) {
      this.parameters = FloatBlobs.toBytes(state.parameters);
      this.updaterState = FloatBlobs.toBytes(state.updaterState);
      this.iterations = state.iterations;
      this.learningRate = state.learningRate;
      this.objective = state.objective;
      this.origin = state.origin;
      this.fitness = state.fitness;
    }

    private Object readResolve() {
      return new IndividualState(FloatBlobs.fromBytes(parameters),
          FloatBlobs.fromBytes(updaterState), iterations, learningRate, objective, origin,
          fitness);
    }
  }
}
