package org.coevgan.conf;

import java.util.Objects;

/**
 * Where the training images are and how much of them each cell sees (keys {@code data.path} and
 * {@code data.sampling-ratio}).
 *
 * <p>The path is kept as written. A relative path is resolved by the job against the working
 * directory it was started from, not against the folder of the configuration file.
 *
 * @param path folder of prepared images, as written in the configuration; not blank
 * @param samplingRatio fraction of the images each cell trains on, in (0, 1]; each cell draws
 *     its own random subset of that size ("data dieting")
 * @param syntheticImages whether cells also train on the table's synthetic rows
 */
public record DataConfig(String path, double samplingRatio, SyntheticImages syntheticImages) {
  private static final String SUBJECT = "data settings";

  /**
   * Creates a data configuration.
   *
   * @param path folder of prepared images, as written in the configuration; not blank
   * @param samplingRatio fraction of the images each cell trains on, in (0, 1]; each cell draws
   *     its own random subset of that size ("data dieting")
   * @throws ConfigException if the path is blank or the sampling ratio lies outside (0, 1]
   */
  public DataConfig {
    Objects.requireNonNull(path, "path");
    Checks.checkNotBlank(SUBJECT, ConfigKey.DATA_PATH, path, "a folder of prepared images");
    Checks.checkFraction(SUBJECT, ConfigKey.DATA_SAMPLING_RATIO, samplingRatio);
    Objects.requireNonNull(syntheticImages, "syntheticImages");
  }

  /**
   * Creates a data configuration whose cells train on synthetic rows too (the default).
   *
   * @param path folder of prepared images; not blank
   * @param samplingRatio fraction of the images each cell trains on, in (0, 1]
   */
  public DataConfig(String path, double samplingRatio) {
    this(path, samplingRatio, SyntheticImages.TRAIN);
  }

  /**
   * Returns how many images each cell trains on when {@code data.path} holds
   * {@code imageCount} images: floor(imageCount * samplingRatio). With 10,000 images and a ratio
   * of 0.25 each cell gets 2,500.
   *
   * @param imageCount the number of images under {@code data.path}, 0 or more
   * @return the number of images in each cell's subset
   * @throws IllegalArgumentException if {@code imageCount} is negative
   */
  public long imagesPerCell(long imageCount) {
    if (imageCount < 0) {
      throw new IllegalArgumentException("Cannot count the images per cell: imageCount is "
          + imageCount + " but must be 0 or more; pass the number of images under data.path.");
    }

    return (long) Math.floor(imageCount * samplingRatio);
  }
}
