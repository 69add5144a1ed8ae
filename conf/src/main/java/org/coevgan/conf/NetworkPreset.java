package org.coevgan.conf;

/**
 * The architecture of every generator and discriminator in the grid (key {@code network.preset}).
 * The job module builds the layers; this enum only names them and says which images they fit.
 *
 * <p>The perceptrons adapt their first and last layers to any image size. The convolutional
 * presets are built for one square size, so the job checks the prepared images against
 * {@link #accepts(int, int)} as soon as it knows their size, before any training. Every preset
 * sizes the generator's first layer from {@code network.latent-size}; the paper's parameter
 * counts (its Table 1) hold at latent size 64 for {@code 4lp} and 100 for the convolutional
 * presets.
 */
public enum NetworkPreset implements ConfigChoice {
  /** The paper's four-layer perceptron (its Table 1, "4LP") with tanh activations (Table 2). */
  FOUR_LAYER_PERCEPTRON("4lp", 0),

  /**
   * The four-layer perceptron as the reference Lipizzaner implementation builds it; the
   * quickstart and smoke-test presets use it.
   */
  REFERENCE_PERCEPTRON("reference-4lp", 0),

  /**
   * The reference perceptron's layout with hidden layers of 16 units: a few kilobytes of state
   * per cell, for smoke tests and for measuring orchestration, where the networks' own cost
   * should vanish. It does not learn useful images.
   */
  TINY_PERCEPTRON("tiny-4lp", 0),

  /** A DCGAN-style convolutional pair for 28x28 grey images, sized like the paper's "CNN28". */
  CNN28("cnn28", 28),

  /** The standard DCGAN layout for 64x64 grey images, the paper's "CNN64". */
  CNN64("cnn64", 64);

  private final String configName;

  /** Side of the square images the layers are built for; 0 when any size fits. */
  private final int imageSide;

  NetworkPreset(String configName, int imageSide) {
    this.configName = configName;
    this.imageSide = imageSide;
  }

  /**
   * Returns the configured spelling: {@code 4lp}, {@code reference-4lp}, {@code tiny-4lp},
   * {@code cnn28} or {@code cnn64}.
   *
   * @return the spelling used in configuration files
   */
  @Override
  public String configName() {
    return configName;
  }

  /**
   * Returns whether this preset can be built for images of the given size: any size for the
   * perceptrons, exactly 28x28 for {@code cnn28} and 64x64 for {@code cnn64}.
   *
   * @param height image height in pixels
   * @param width image width in pixels
   * @return true when the networks can be built for such images
   */
  public boolean accepts(int height, int width) {
    if (imageSide == 0) {
      return height > 0 && width > 0;
    }

    return height == imageSide && width == imageSide;
  }

  /**
   * Returns the images this preset needs, for messages: "64x64 images" or "images of any size".
   *
   * @return a short noun phrase
   */
  public String imageRule() {
    return imageSide == 0 ? "images of any size" : imageSide + "x" + imageSide + " images";
  }

  /**
   * Returns the side of the square images this preset is built for.
   *
   * @return the side in pixels, or 0 when the preset fits any image size
   */
  public int imageSide() {
    return imageSide;
  }

  /**
   * Returns the network preset spelled {@code value}.
   *
   * @param key the configuration key the value was read from, for the message
   * @param value the configured spelling
   * @param source the file (and overrides) the value came from, for the message
   * @return the matching preset
   * @throws ConfigException if {@code value} is not one of the configured spellings
   */
  public static NetworkPreset parse(String key, String value, String source) {
    return Choices.parse(values(), key, value, source);
  }
}
