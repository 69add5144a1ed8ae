package org.coevgan.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests that every preset a user may copy from conf/ loads and validates. */
class TestPresets {
  /** Surefire runs in the module folder, which is also where the presets live. */
  private static final Path PRESETS = Path.of(System.getProperty("basedir", "."));

  static Stream<Path> presets() throws IOException {
    try (Stream<Path> files = Files.list(PRESETS)) {
      return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presets")
  void loadsPreset(Path preset) {
    RunConfig config = ConfigLoader.load(preset, List.of());

    assertEquals(ConfigKey.values().length, config.resolvedValues().size());
  }

  @Test
  void findsEveryPresetTheReadmePromises() throws IOException {
    List<String> names = presets().map(file -> file.getFileName().toString()).toList();

    assertTrue(names.containsAll(List.of("quickstart-fashion-mnist.yaml", "mnist-4lp-3x3.yaml",
        "mnist-4lp-6x6.yaml", "mnist-4lp-12x12.yaml", "mnist-4lp-18x18.yaml", "test-tiny.yaml",
        "covid-4lp-3x3.yaml", "covid-4lp-6x6.yaml", "covid-4lp-12x12.yaml",
        "covid-cnn28-3x3.yaml", "covid-cnn28-6x6.yaml", "covid-cnn28-12x12.yaml",
        "covid-cnn64-3x3.yaml", "covid-cnn64-6x6.yaml", "covid-cnn64-12x12.yaml",
        "covid-cnn64-small.yaml")), names.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("covidExperiments")
  void keepsTheChestXrayPresetsOnThePapersSettings(String preset, int side) {
    NetworkPreset network = NetworkPreset.parse("network.preset", preset, "test");
    Path file = PRESETS.resolve("covid-" + preset + "-" + side + "x" + side + ".yaml");

    RunConfig config = ConfigLoader.load(file, List.of());

    assertEquals(new GridConfig(side, side, Neighbourhood.VON_NEUMANN), config.grid());
    assertEquals(200, config.generations());
    assertEquals(new PopulationConfig(1, 2), config.population());
    assertEquals(new NetworkConfig(network, network == NetworkPreset.FOUR_LAYER_PERCEPTRON
        ? 64 : 100, LossFunction.BCE), config.network());
    assertEquals(new TrainingConfig(70, 0, 0), config.training());
    assertEquals(70, config.fitness().sampleSize());
    assertEquals(0.0002, config.optimizer().learningRate());
    assertEquals(new MutationConfig(0.0001, 0.5), config.mutation());
    assertEquals("target/data/covid-" + (network == NetworkPreset.CNN28 ? 28 : 64),
        config.data().path());
  }

  static Stream<Arguments> covidExperiments() {
    return Stream.of("4lp", "cnn28", "cnn64")
        .flatMap(preset -> Stream.of(3, 6, 12).map(side -> Arguments.of(preset, side)));
  }

  @Test
  void keepsTheSmallChestXrayPresetSmall() {
    RunConfig config = ConfigLoader.load(PRESETS.resolve("covid-cnn64-small.yaml"), List.of());

    assertEquals(new GridConfig(2, 2, Neighbourhood.VON_NEUMANN), config.grid());
    assertEquals(3, config.generations());
    assertEquals(new NetworkConfig(NetworkPreset.CNN64, 100, LossFunction.BCE),
        config.network());
    assertEquals(new TrainingConfig(70, 1, 0), config.training());
    assertEquals("target/data/covid-64", config.data().path());
    assertEquals("target/data/covid-64-findings",
        config.featureNetwork().labelledDataPath(config.data().path()));
  }

  @Test
  void keepsTheMnistPresetsOnThePapersSettings() {
    for (int side : new int[] {3, 6, 12, 18}) {
      Path preset = PRESETS.resolve("mnist-4lp-" + side + "x" + side + ".yaml");

      RunConfig config = ConfigLoader.load(preset, List.of());

      assertEquals(new GridConfig(side, side, Neighbourhood.VON_NEUMANN), config.grid());
      assertEquals(200, config.generations());
      assertEquals(new PopulationConfig(1, 2), config.population());
      assertEquals(new NetworkConfig(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, LossFunction.BCE),
          config.network());
      assertEquals(new TrainingConfig(100, 0, 0), config.training());
      assertEquals(0.0002, config.optimizer().learningRate());
      assertEquals(new MutationConfig(0.0001, 0.5), config.mutation());
      assertEquals("target/data/mnist-test", config.data().path());
    }
  }

  @Test
  void keepsTheSmokePresetSmall() {
    RunConfig config = ConfigLoader.load(PRESETS.resolve("test-tiny.yaml"), List.of());

    assertEquals(new GridConfig(2, 2, Neighbourhood.VON_NEUMANN), config.grid());
    assertEquals(2, config.generations());
    assertEquals(new NetworkConfig(NetworkPreset.REFERENCE_PERCEPTRON, 16, LossFunction.BCE),
        config.network());
    assertEquals(new TrainingConfig(20, 3, 0), config.training());
    assertEquals(20, config.fitness().sampleSize());
  }
}
