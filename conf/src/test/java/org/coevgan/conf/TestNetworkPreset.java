package org.coevgan.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests which image sizes each network preset accepts, and the message for the others. */
class TestNetworkPreset {
  /** Surefire runs in the module folder, which is also where the presets live. */
  private static final Path PRESETS = Path.of(System.getProperty("basedir", "."));

  @Test
  void perceptronsAcceptAnyImageSize() {
    NetworkPreset perceptron = NetworkPreset.FOUR_LAYER_PERCEPTRON;

    boolean square = perceptron.accepts(28, 28);
    boolean oblong = NetworkPreset.REFERENCE_PERCEPTRON.accepts(3, 5);

    assertTrue(square);
    assertTrue(oblong);
    assertEquals("images of any size", perceptron.imageRule());
  }

  @Test
  void convolutionalPresetsAcceptOnlyTheirOwnSquare() {
    NetworkPreset small = NetworkPreset.CNN28;
    NetworkPreset large = NetworkPreset.CNN64;

    boolean smallOnOwn = small.accepts(28, 28);
    boolean smallOnLarge = small.accepts(64, 64);
    boolean largeOnOblong = large.accepts(64, 28);

    assertTrue(smallOnOwn);
    assertFalse(smallOnLarge);
    assertFalse(largeOnOblong);
    assertEquals("64x64 images", large.imageRule());
  }

  @Test
  void acceptsImagesOfThePresetsSize() {
    RunConfig config = load("covid-cnn28-3x3.yaml");

    config.checkImageSize(28, 28);

    assertEquals(NetworkPreset.CNN28, config.network().preset());
  }

  @Test
  void rejectsImagesOfAnotherSizeNamingPresetSizeAndFix() {
    RunConfig config = load("covid-cnn64-small.yaml");

    ConfigException error =
        assertThrows(ConfigException.class, () -> config.checkImageSize(28, 28));

    assertEquals("Cannot train on target/data/covid-64 (data.path in "
        + PRESETS.resolve("covid-cnn64-small.yaml") + "): network.preset is cnn64, which needs "
        + "64x64 images, but the images in data.path are 28x28; prepare the data again with "
        + "--size 64 and point data.path at it, or set network.preset to 4lp or reference-4lp "
        + "or cnn28.", error.getMessage());
    assertEquals("network.preset", error.key().orElseThrow());
  }

  private static RunConfig load(String preset) {
    return ConfigLoader.load(PRESETS.resolve(preset), List.of());
  }
}
