package org.coevgan.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests loading run configurations: defaults, nested and dotted keys, overrides, and a message
 * naming file, key, value and fix for every kind of bad input.
 */
class TestConfigLoader {
  private static final String DATA = "data.path: target/data/mnist-test\n";

  @TempDir
  Path folder;

  @Nested
  class Defaults {
    @Test
    void fillsEveryKeyButDataPathWithItsDefault() throws IOException {
      Path file = write("a.yaml", DATA);

      RunConfig config = ConfigLoader.load(file, List.of());

      assertEquals(new GridConfig(2, 2, Neighbourhood.VON_NEUMANN), config.grid());
      assertEquals(10, config.generations());
      assertEquals(42L, config.seed());
      assertEquals(new DataConfig("target/data/mnist-test", 1.0), config.data());
      assertEquals(new PopulationConfig(1, 2), config.population());
      assertEquals(new FitnessConfig(100, FitnessMode.AVERAGE), config.fitness());
      assertEquals(new TrainingConfig(100, 0, 0), config.training());
      assertEquals(new NetworkConfig(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, LossFunction.BCE),
          config.network());
      assertEquals(new OptimizerConfig(0.0002, 0.5, 0.999, 1e-8), config.optimizer());
      assertEquals(new MutationConfig(0.0001, 0.5), config.mutation());
      assertEquals(new SamplesConfig(16), config.samples());
      assertEquals(file.toString(), config.sourceFile());
    }

    @Test
    void resolvesEveryKeyToTheSameTextUnderAGermanLocale() throws IOException {
      Path file = write("a.yaml", DATA + "optimizer.learning-rate: 2.5e-4\n");
      Locale machineLocale = Locale.getDefault();
      Locale.setDefault(Locale.GERMANY);

      Map<String, String> resolved;
      try {
        resolved = ConfigLoader.load(file, List.of()).resolvedValues();
      } finally {
        Locale.setDefault(machineLocale);
      }

      assertEquals(ConfigKey.values().length, resolved.size());
      assertEquals("0.00025", resolved.get("optimizer.learning-rate"));
      assertEquals("0.00000001", resolved.get("optimizer.epsilon"));
      assertEquals("1", resolved.get("data.sampling-ratio"));
      assertEquals("von-neumann", resolved.get("grid.neighbourhood"));
      assertEquals("checkpoint.every-generations", resolved.keySet().iterator().next(),
          "sorted by key");
    }

    @Test
    void describesEveryKeyWithTypeAndDefault() {
      Map<String, String> descriptions = ConfigLoader.describeKeys();

      assertEquals(ConfigKey.values().length, descriptions.size());
      assertEquals("Rows of the toroidal grid of cells, 1 or more. (whole number, default 2)",
          descriptions.get("grid.rows"));
      assertTrue(descriptions.get("data.path").endsWith("(text, required)"));
      assertTrue(descriptions.get("network.loss")
          .endsWith("(one of bce, mse, heuristic, mustangs, default bce)"));
    }
  }

  @Nested
  class KeyStyles {
    @Test
    void readsNestedAndDottedKeysAlike() throws IOException {
      Path nested = write("nested.yaml",
          "data:\n  path: d\ngrid:\n  rows: 3\n  columns: 4\n  neighbourhood: moore\n");
      Path dotted = write("dotted.yaml",
          "data.path: d\ngrid.rows: 3\ngrid.columns: 4\ngrid.neighbourhood: moore\n");

      RunConfig fromNested = ConfigLoader.load(nested, List.of());
      RunConfig fromDotted = ConfigLoader.load(dotted, List.of());

      assertEquals(new GridConfig(3, 4, Neighbourhood.MOORE), fromNested.grid());
      assertEquals(fromNested.grid(), fromDotted.grid());
      assertEquals(fromNested.resolvedValues(), fromDotted.resolvedValues());
    }

    @Test
    void acceptsBothStylesMixedInOneFile() throws IOException {
      Path file = write("a.yaml", "data:\n  path: d\ngrid.rows: 3\ngrid:\n  columns: 5\n");

      RunConfig config = ConfigLoader.load(file, List.of());

      assertEquals(3, config.grid().rows());
      assertEquals(5, config.grid().columns());
    }

    @Test
    void rejectsAKeyGivenInBothStyles() throws IOException {
      Path file = write("a.yaml", DATA + "grid.rows: 3\ngrid:\n  rows: 4\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": grid.rows is set twice, once as a dotted key and "
          + "once inside a map; keep one of them.", error.getMessage());
    }
  }

  @Nested
  class Overrides {
    @Test
    void appliesOverridesAfterTheFile() throws IOException {
      Path file = write("a.yaml", DATA + "grid:\n  rows: 3\n");

      RunConfig config = ConfigLoader.load(file,
          List.of("grid.rows=5", "network.loss = mustangs", "data.path=other/folder"));

      assertEquals(5, config.grid().rows());
      assertEquals(LossFunction.MUSTANGS, config.network().loss());
      assertEquals("other/folder", config.data().path());
      assertEquals("5", config.resolvedValues().get("grid.rows"));
    }

    @Test
    void trainsTheFeatureClassifierOnDataPathUnlessItsOwnTableIsGiven() throws IOException {
      Path file = write("a.yaml", DATA);

      RunConfig plain = ConfigLoader.load(file, List.of());
      RunConfig separate =
          ConfigLoader.load(file, List.of("feature-network.data-path=target/data/labelled"));

      assertEquals("target/data/mnist-test",
          plain.featureNetwork().labelledDataPath(plain.data().path()));
      assertEquals("target/data/labelled",
          separate.featureNetwork().labelledDataPath(separate.data().path()));
    }

    @Test
    void rejectsAFeatureNetworkDataPathBesideAModelFile() throws IOException {
      Path file = write("a.yaml", DATA + "feature-network.model-file: model.zip\n");

      ConfigException error = load(file, "feature-network.data-path=target/data/labelled");

      assertEquals("Cannot load " + file + " with --set feature-network.data-path="
          + "target/data/labelled: feature-network.data-path is 'target/data/labelled' but must"
          + " be empty when feature-network.model-file names a trained model, which is used as"
          + " it is; remove one of the two keys.", error.getMessage());
    }

    @Test
    void letsTheLastOverrideOfAKeyWin() throws IOException {
      Path file = write("a.yaml", DATA);

      RunConfig config = ConfigLoader.load(file, List.of("generations=3", "generations=7"));

      assertEquals(7, config.generations());
    }

    @Test
    void suppliesARequiredKeyMissingFromTheFile() throws IOException {
      Path file = write("a.yaml", "grid.rows: 3\n");

      RunConfig config = ConfigLoader.load(file, List.of("data.path=d"));

      assertEquals("d", config.data().path());
    }

    @Test
    void keepsAnEqualsSignInsideTheValue() throws IOException {
      Path file = write("a.yaml", DATA);

      RunConfig config = ConfigLoader.load(file, List.of("data.path=runs/a=b"));

      assertEquals("runs/a=b", config.data().path());
    }

    @Test
    void rejectsAnOverrideWithoutEquals() throws IOException {
      Path file = write("a.yaml", DATA);

      ConfigException error = load(file, "grid.rows");

      assertEquals("Cannot apply --set grid.rows to " + file + ": it has no '='; write it as "
          + "--set key=value, such as --set grid.rows=3.", error.getMessage());
    }

    @Test
    void rejectsAnOverrideOfAnUnknownKey() throws IOException {
      Path file = write("a.yaml", DATA);

      ConfigException error = load(file, "grid.row=3");

      assertEquals("Cannot apply --set grid.row=3 to " + file + ": unknown key grid.row; "
          + "did you mean grid.rows?", error.getMessage());
      assertEquals("grid.row", error.key().orElseThrow());
    }

    @Test
    void namesTheOverrideBehindAnOutOfRangeValue() throws IOException {
      Path file = write("a.yaml", DATA);

      ConfigException error = load(file, "mutation.probability=1.5");

      assertEquals("Cannot load " + file + " with --set mutation.probability=1.5: "
          + "mutation.probability is 1.5 but must be between 0 and 1; "
          + "set mutation.probability to a value such as 0.5.", error.getMessage());
    }

    @Test
    void namesTheOverrideBehindAWrongType() throws IOException {
      Path file = write("a.yaml", DATA);

      ConfigException error = load(file, "seed=soon");

      assertTrue(error.getMessage().startsWith("Cannot load " + file + " with --set seed=soon: "
          + "seed must be a whole number but is 'soon'"), error.getMessage());
    }
  }

  @Nested
  class Errors {
    @Test
    void rejectsAnUnknownKeySuggestingTheClosestKnownKey() throws IOException {
      Path file = write("a.yaml", DATA + "grid.row: 3\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": unknown key grid.row; did you mean grid.rows?",
          error.getMessage());
    }

    @Test
    void suggestsAKeyForANestedMisspelling() throws IOException {
      Path file = write("a.yaml", DATA + "optimiser:\n  learning-rate: 0.001\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().endsWith("unknown key optimiser.learning-rate; "
          + "did you mean optimizer.learning-rate?"), error.getMessage());
    }

    @Test
    void listsTheKnownKeysWhenNoneIsClose() throws IOException {
      Path file = write("a.yaml", DATA + "colour: blue\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("unknown key colour; use one of the known keys "
          + "grid.rows, grid.columns,"), error.getMessage());
    }

    @Test
    void rejectsAGroupWrittenAsAKey() throws IOException {
      Path file = write("a.yaml", DATA + "grid: 3\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": grid is a group of keys, not a key; write one of "
          + "grid.rows, grid.columns, grid.neighbourhood, grid.min-cells, grid.max-cells instead, "
          + "such as grid.rows.",
          error.getMessage());
    }

    @Test
    void rejectsAnEmptyMapUnderAnUnknownGroup() throws IOException {
      Path file = write("a.yaml", DATA + "checkpoints: {}\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("unknown key checkpoints"), error.getMessage());
    }

    @Test
    void rejectsTextWhereAWholeNumberBelongs() throws IOException {
      Path file = write("a.yaml", DATA + "grid.rows: three\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": grid.rows must be a whole number but is 'three'; "
          + "set grid.rows to a whole number such as 2.", error.getMessage());
    }

    @Test
    void rejectsAFractionWhereAWholeNumberBelongs() throws IOException {
      Path file = write("a.yaml", DATA + "training.batch-size: 2.5\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("training.batch-size must be a whole number but is "
          + "'2.5'"), error.getMessage());
    }

    @Test
    void rejectsAWholeNumberTooLargeForItsKey() throws IOException {
      Path file = write("a.yaml", DATA + "generations: 3000000000\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("generations must be a whole number from "
          + "-2147483648 to 2147483647 but is '3000000000'"), error.getMessage());
    }

    @Test
    void rejectsTextWhereANumberBelongs() throws IOException {
      Path file = write("a.yaml", DATA + "optimizer:\n  learning-rate: fast\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": optimizer.learning-rate must be a number but is "
          + "'fast'; set optimizer.learning-rate to a number such as 0.0002.",
          error.getMessage());
    }

    @Test
    void rejectsAGermanDecimalComma() throws IOException {
      Path file = write("a.yaml", DATA + "mutation.probability: '0,5'\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("mutation.probability must be a number but is "
          + "'0,5'"), error.getMessage());
    }

    @Test
    void rejectsAnEmptyGrid() throws IOException {
      Path file = write("a.yaml", DATA + "grid:\n  rows: 0\n  columns: 3\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": grid.rows is 0 but must be at least 1; "
          + "set grid.rows to 1 or more.", error.getMessage());
      assertEquals("grid.rows", error.key().orElseThrow());
    }

    @Test
    void rejectsANegativeLearningRate() throws IOException {
      Path file = write("a.yaml", DATA + "optimizer.learning-rate: -0.001\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": optimizer.learning-rate is -0.001 but must be a "
          + "finite number above 0; set optimizer.learning-rate to a value such as 0.0002.",
          error.getMessage());
    }

    @Test
    void rejectsAProbabilityAboveOne() throws IOException {
      Path file = write("a.yaml", DATA + "mutation.probability: 1.5\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("mutation.probability is 1.5 but must be between "
          + "0 and 1"), error.getMessage());
    }

    @Test
    void rejectsASamplingRatioOfZero() throws IOException {
      Path file = write("a.yaml", DATA + "data.sampling-ratio: 0\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("data.sampling-ratio is 0 but must be above 0 and "
          + "at most 1"), error.getMessage());
    }

    @Test
    void rejectsTooManySamplesPerCell() throws IOException {
      Path file = write("a.yaml", DATA + "samples.per-cell: 300\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("samples.per-cell is 300 but must be between 1 and "
          + "256; set samples.per-cell to a value in that range."), error.getMessage());
    }

    @Test
    void rejectsAnUnknownMode() throws IOException {
      Path file = write("a.yaml", DATA + "fitness.mode: median\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": fitness.mode must be one of average, best, worst "
          + "but is 'median'; set fitness.mode to one of those.", error.getMessage());
    }

    @Test
    void rejectsATournamentLargerThanTheNeighbourhood() throws IOException {
      Path file = write("a.yaml", DATA + "grid: {rows: 1, columns: 2}\n"
          + "population.tournament-size: 5\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": population.tournament-size is 5 but a "
          + "neighbourhood on a 1x2 von-neumann grid holds only 2 individuals; lower "
          + "population.tournament-size or raise population.size.", error.getMessage());
    }

    @Test
    void rejectsAMissingDataPath() throws IOException {
      Path file = write("a.yaml", "grid.rows: 3\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": data.path is missing and has no default; add "
          + "data.path: <value> to the file or pass --set data.path=<value>.",
          error.getMessage());
    }

    @Test
    void rejectsABlankDataPath() throws IOException {
      Path file = write("a.yaml", "data.path: '  '\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("data.path is '  ' but must be a folder of prepared "
          + "images"), error.getMessage());
    }

    @Test
    void rejectsAKeyWithoutAValue() throws IOException {
      Path file = write("a.yaml", DATA + "grid:\n  rows:\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": grid.rows has no value; give it one or delete "
          + "the line to use the default 2.", error.getMessage());
    }

    @Test
    void rejectsAListWhereASingleValueBelongs() throws IOException {
      Path file = write("a.yaml", DATA + "grid:\n  rows: [2, 3]\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": grid.rows must be a single value but is a list; "
          + "write it as grid.rows: <value> on one line.", error.getMessage());
    }

    @Test
    void rejectsAMapWhereASingleValueBelongs() throws IOException {
      Path file = write("a.yaml", DATA + "generations:\n  count: 3\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("generations must be a single value but is a map"),
          error.getMessage());
    }

    @Test
    void reportsTheLineOfAYamlSyntaxError() throws IOException {
      Path file = write("a.yaml", DATA + "grid:\n  rows: 3\n columns: 4\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().startsWith("Cannot load " + file + ": it is not valid YAML "
          + "at line 4"), error.getMessage());
      assertTrue(error.getMessage().endsWith("check the indentation, colons and quotes near "
          + "that line, and that no key appears twice."), error.getMessage());
    }

    @Test
    void reportsTheLineOfADuplicateKey() throws IOException {
      Path file = write("a.yaml", DATA + "seed: 1\nseed: 2\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("it is not valid YAML at line 3"),
          error.getMessage());
      assertTrue(error.getMessage().contains("seed"), error.getMessage());
    }

    @Test
    void rejectsAMissingFile() {
      Path file = folder.resolve("absent.yaml");

      ConfigException error = load(file);

      assertTrue(error.getMessage().startsWith("Cannot load " + file + ": the file does not "
          + "exist"), error.getMessage());
      assertTrue(error.getMessage().endsWith("check the path or copy a preset from conf/."),
          error.getMessage());
    }

    @Test
    void rejectsADirectory() {
      ConfigException error = load(folder);

      assertTrue(error.getMessage().contains("it is a directory, not a file"),
          error.getMessage());
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
      Path file = write("a.yaml", "");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": the file is empty; copy a preset from conf/, "
          + "such as conf/quickstart-fashion-mnist.yaml, and set at least data.path.",
          error.getMessage());
    }

    @Test
    void rejectsAFileOfOnlyComments() throws IOException {
      Path file = write("a.yaml", "# grid.rows: 3\n");

      ConfigException error = load(file);

      assertTrue(error.getMessage().contains("the file is empty"), error.getMessage());
    }

    @Test
    void rejectsAFileHoldingAList() throws IOException {
      Path file = write("a.yaml", "- grid.rows\n- 3\n");

      ConfigException error = load(file);

      assertEquals("Cannot load " + file + ": the file must hold keys with values, such as "
          + "grid.rows: 2, but holds a list; write one key per line.", error.getMessage());
    }
  }

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(folder.resolve(name), yaml, StandardCharsets.UTF_8);
  }

  private static ConfigException load(Path file, String... overrides) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(overrides)));
  }
}
