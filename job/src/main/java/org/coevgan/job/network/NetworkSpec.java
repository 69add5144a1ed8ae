package org.coevgan.job.network;

import java.io.Serializable;
import java.util.Objects;
import org.coevgan.conf.NetworkPreset;

/**
 * Everything needed to rebuild a cell's networks on an executor from raw parameter arrays:
 * architecture preset, latent and image sizes, and the Adam settings shared by all individuals.
 */
public record NetworkSpec(
    NetworkPreset preset,
    int latentSize,
    int imageHeight,
    int imageWidth,
    double adamBeta1,
    double adamBeta2,
    double adamEpsilon)
    implements Serializable {

  /**
   * Validates that the sizes are positive and that the preset is built for this image size.
   * {@code RunConfig.checkImageSize} reports a wrong size earlier, naming the data and the
   * configuration file; this check keeps an executor from building a network that cannot work.
   */
  public NetworkSpec {
    Objects.requireNonNull(preset, "preset");
    if (latentSize < 1 || imageHeight < 1 || imageWidth < 1) {
      throw new IllegalArgumentException(
          "Cannot build networks with latent size " + latentSize + " for "
              + imageHeight + "x" + imageWidth + " images: every size must be at least 1");
    }

    if (!preset.accepts(imageHeight, imageWidth)) {
      throw new IllegalArgumentException(
          "Cannot build network.preset " + preset.configName() + " for " + imageHeight + "x"
              + imageWidth + " images: it needs " + preset.imageRule() + "; prepare the data"
              + " with --size " + preset.imageSide() + " or choose another network.preset");
    }
  }

  /** Returns the number of pixels of one image, the generator's output width. */
  public int pixelCount() {
    return imageHeight * imageWidth;
  }
}
