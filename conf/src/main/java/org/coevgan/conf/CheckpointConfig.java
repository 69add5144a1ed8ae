package org.coevgan.conf;

/**
 * How often the grid state is kept as a checkpoint a stopped run can resume from, and how many
 * are kept (keys {@code checkpoint.every-generations} and {@code checkpoint.keep}).
 *
 * <p>The state of every generation is written anyway (it truncates Spark's lineage); a
 * checkpoint is a state marked complete and kept past the next generations.
 *
 * @param everyGenerations period in generations, 1 or more; the last generation always counts
 * @param keep newest checkpoints kept, 1 or more; older ones are deleted
 */
public record CheckpointConfig(int everyGenerations, int keep) {
  private static final String SUBJECT = "checkpoints";

  /**
   * Creates a checkpoint configuration.
   *
   * @param everyGenerations period in generations, 1 or more
   * @param keep newest checkpoints kept, 1 or more
   * @throws ConfigException if a number is below 1
   */
  public CheckpointConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.CHECKPOINT_EVERY_GENERATIONS, everyGenerations, 1);
    Checks.checkAtLeast(SUBJECT, ConfigKey.CHECKPOINT_KEEP, keep, 1);
  }

  /**
   * Returns whether the state after a generation is a checkpoint.
   *
   * @param generation a completed generation, 1 or more
   * @param lastGeneration the run's final generation
   * @return true on every period and on the last generation
   */
  public boolean checkpointsAfter(int generation, int lastGeneration) {
    return generation % everyGenerations == 0 || generation == lastGeneration;
  }
}
