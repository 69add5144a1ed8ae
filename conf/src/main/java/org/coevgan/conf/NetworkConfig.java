package org.coevgan.conf;

import java.util.Objects;

/**
 * The networks every cell trains (keys {@code network.preset}, {@code network.latent-size} and
 * {@code network.loss}).
 *
 * @param preset the architecture of generators and discriminators
 * @param latentSize length of the noise vector a generator turns into an image, 1 or more
 * @param loss the loss networks are trained and evaluated with
 */
public record NetworkConfig(NetworkPreset preset, int latentSize, LossFunction loss) {
  private static final String SUBJECT = "network";

  /**
   * Creates a network configuration.
   *
   * @param preset the architecture of generators and discriminators
   * @param latentSize length of the noise vector a generator turns into an image, 1 or more
   * @param loss the loss networks are trained and evaluated with
   * @throws ConfigException if the latent size is below 1
   */
  public NetworkConfig {
    Objects.requireNonNull(preset, "preset");
    Checks.checkAtLeast(SUBJECT, ConfigKey.NETWORK_LATENT_SIZE, latentSize, 1);
    Objects.requireNonNull(loss, "loss");
  }
}
