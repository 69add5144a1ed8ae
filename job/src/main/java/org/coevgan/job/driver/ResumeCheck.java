package org.coevgan.job.driver;

import java.util.List;
import java.util.Map;
import org.coevgan.conf.RunConfig;

/**
 * Decides whether a checkpoint can continue under the configuration given on resume. Keys that
 * shape the saved state (the grid, the networks, the population) must not change; anything
 * else (more generations, logging, checkpoint period, scoring) may.
 */
public final class ResumeCheck {
  /** Keys whose change makes a checkpoint's cells unusable. */
  static final List<String> STATE_SHAPING_KEYS = List.of(
      "grid.rows", "grid.columns", "network.preset", "network.latent-size", "population.size");

  private ResumeCheck() {}

  /** Fails naming the first key that changed in a way the saved state cannot follow. */
  public static void check(Checkpoints.Manifest checkpoint, RunConfig config, String folder) {
    Map<String, String> saved = checkpoint.config();
    for (String key : STATE_SHAPING_KEYS) {
      String before = saved.get(key);
      String now = config.resolvedValues().get(key);
      if (before != null && !before.equals(now)) {
        throw new IllegalArgumentException(
            "Cannot resume " + folder + " from generation " + checkpoint.generation() + ": "
                + key + " was " + before + " in the checkpoint but is " + now + " now, and the "
                + "saved cells do not fit it; set " + key + " back to " + before
                + " or start a new run");
      }
    }
    if (checkpoint.generation() >= config.generations()) {
      throw new IllegalArgumentException(
          "Cannot resume " + folder + ": its checkpoint is already at generation "
              + checkpoint.generation() + " of generations=" + config.generations()
              + "; raise generations (for example --set generations="
              + (checkpoint.generation() + 10) + ") to train further");
    }
  }

  /** Fails when the training images are not the size the checkpoint was trained on. */
  public static void checkImageSize(Checkpoints.Manifest checkpoint, int height, int width,
      String dataPath) {
    if (checkpoint.imageHeight() != height || checkpoint.imageWidth() != width) {
      throw new IllegalArgumentException(
          "Cannot resume from generation " + checkpoint.generation() + ": its networks were "
              + "trained on " + checkpoint.imageHeight() + "x" + checkpoint.imageWidth()
              + " images but data.path " + dataPath + " holds " + height + "x" + width
              + " images; point data.path at images of the checkpoint's size");
    }
  }
}
