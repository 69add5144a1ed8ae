package org.coevgan.conf;

/**
 * How a cell trains its selected individuals within one generation (keys
 * {@code training.batch-size}, {@code training.batches-per-generation} and
 * {@code training.discriminator-skip}).
 *
 * @param batchSize images in each training batch, 1 or more
 * @param batchesPerGeneration batches each cell trains on per generation, 0 or more; 0 means
 *     every batch of the cell's data
 * @param discriminatorSkip batches skipped between discriminator updates, 0 or more; 0 updates
 *     the discriminator on every batch, 1 on every second batch
 */
public record TrainingConfig(int batchSize, int batchesPerGeneration, int discriminatorSkip) {
  private static final String SUBJECT = "training settings";

  /**
   * Creates a training configuration.
   *
   * @param batchSize images in each training batch, 1 or more
   * @param batchesPerGeneration batches each cell trains on per generation, 0 or more; 0 means
   *     every batch of the cell's data
   * @param discriminatorSkip batches skipped between discriminator updates, 0 or more; 0 updates
   *     the discriminator on every batch, 1 on every second batch
   * @throws ConfigException if the batch size is below 1 or either count is negative
   */
  public TrainingConfig {
    Checks.checkAtLeast(SUBJECT, ConfigKey.TRAINING_BATCH_SIZE, batchSize, 1);
    Checks.checkAtLeast(SUBJECT, ConfigKey.TRAINING_BATCHES_PER_GENERATION,
        batchesPerGeneration, 0);
    Checks.checkAtLeast(SUBJECT, ConfigKey.TRAINING_DISCRIMINATOR_SKIP, discriminatorSkip, 0);
  }

  /**
   * Returns whether a cell trains on every batch of its data each generation, which
   * {@code training.batches-per-generation: 0} asks for.
   *
   * @return true when {@link #batchesPerGeneration()} is 0
   */
  public boolean usesAllBatches() {
    return batchesPerGeneration == 0;
  }
}
