package org.coevgan.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests the rules a run configuration checks across records and against the data. */
class TestRunConfig {
  private static final ScoringConfig SCORING = new ScoringConfig(ScoreKind.FID, 2000, 0);
  private static final MixtureConfig MIXTURE =
      new MixtureConfig(10, 0.05, MixtureSchedule.END_OF_RUN);
  private static final FeatureNetworkConfig FEATURES =
      new FeatureNetworkConfig("", -1, 3, FeatureNetworkTrainer.DRIVER);
  private static final GridSizingConfig SIZING = new GridSizingConfig(0, 0);
  private static final CheckpointConfig CHECKPOINTS = new CheckpointConfig(1, 2);
  private static final ResilienceConfig RESILIENCE = new ResilienceConfig(2);

  @Test
  void rejectsATournamentLargerThanTheSubPopulation() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> run(new GridConfig(1, 2, Neighbourhood.VON_NEUMANN), new PopulationConfig(1, 5),
            new DataConfig("d", 1.0)));

    assertEquals("Cannot build the grid from conf/x.yaml: population.tournament-size is 5 but a "
        + "neighbourhood on a 1x2 von-neumann grid holds only 2 individuals; lower "
        + "population.tournament-size or raise population.size.", error.getMessage());
  }

  @Test
  void countsOwnIndividualsAndDistinctNeighbourCenters() {
    RunConfig config = run(new GridConfig(3, 3, Neighbourhood.VON_NEUMANN),
        new PopulationConfig(3, 7), new DataConfig("d", 1.0));

    long individuals = config.subPopulationSize();

    assertEquals(7, individuals);
  }

  @Test
  void rejectsFidOnFewerSamplesThanBuiltInFeatures() {
    ScoringConfig scoring = new ScoringConfig(ScoreKind.FID, 64, 0);

    ConfigException error = assertThrows(ConfigException.class, () -> new RunConfig(
        new GridConfig(2, 2, Neighbourhood.VON_NEUMANN), 10, 42, new DataConfig("d", 1.0),
        new PopulationConfig(1, 2), new FitnessConfig(100, FitnessMode.AVERAGE),
        new TrainingConfig(100, 0, 0),
        new NetworkConfig(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, LossFunction.BCE),
        new OptimizerConfig(0.0002, 0.5, 0.999, 1e-8), new MutationConfig(0.0001, 0.5),
        new SamplesConfig(16), scoring, MIXTURE, FEATURES, SIZING, CHECKPOINTS, RESILIENCE,
        "conf/x.yaml", Map.of()));

    assertEquals("Cannot build the scoring from conf/x.yaml: scoring.sample-size is 64 but FID "
        + "needs more samples than the feature network's 64 features; raise "
        + "scoring.sample-size to 65 or more.", error.getMessage());
  }

  @Test
  void rejectsNoGenerations() {
    ConfigException error = assertThrows(ConfigException.class, () -> new RunConfig(
        new GridConfig(2, 2, Neighbourhood.VON_NEUMANN), 0, 42, new DataConfig("d", 1.0),
        new PopulationConfig(1, 2), new FitnessConfig(100, FitnessMode.AVERAGE),
        new TrainingConfig(100, 0, 0),
        new NetworkConfig(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, LossFunction.BCE),
        new OptimizerConfig(0.0002, 0.5, 0.999, 1e-8), new MutationConfig(0.0001, 0.5),
        new SamplesConfig(16), SCORING, MIXTURE, FEATURES, SIZING, CHECKPOINTS, RESILIENCE,
        "conf/x.yaml", Map.of()));

    assertEquals("Cannot build the run from conf/x.yaml: generations is 0 but must be at least "
        + "1; set generations to 1 or more.", error.getMessage());
  }

  @Test
  void acceptsDataThatHoldsABatchAndAFitnessSamplePerCell() {
    RunConfig config = run(new DataConfig("target/data/mnist-test", 0.02));

    config.checkAgainstData(10_000);

    assertEquals(200, config.data().imagesPerCell(10_000));
  }

  @Test
  void rejectsABatchLargerThanACellsShareOfTheData() {
    RunConfig config = run(new DataConfig("target/data/mnist-test", 0.5));

    ConfigException error = assertThrows(ConfigException.class,
        () -> config.checkAgainstData(150));

    assertEquals("Cannot train on target/data/mnist-test (data.path in conf/x.yaml): "
        + "training.batch-size is 100 but each cell gets only 75 of the 150 images "
        + "(data.sampling-ratio 0.5); lower training.batch-size to 75 or less, or raise "
        + "data.sampling-ratio.", error.getMessage());
    assertEquals("training.batch-size", error.key().orElseThrow());
  }

  @Test
  void rejectsAFitnessSampleLargerThanACellsShareOfTheData() {
    RunConfig config = run(new DataConfig("d", 1.0), new FitnessConfig(500, FitnessMode.BEST));

    ConfigException error = assertThrows(ConfigException.class,
        () -> config.checkAgainstData(300));

    assertTrue(error.getMessage().contains("fitness.sample-size is 500 but each cell gets only "
        + "300 of the 300 images"), error.getMessage());
    assertEquals("fitness.sample-size", error.key().orElseThrow());
  }

  @Test
  void asksForMoreImagesWhenACellGetsNone() {
    RunConfig config = run(new DataConfig("d", 0.1));

    ConfigException error = assertThrows(ConfigException.class, () -> config.checkAgainstData(9));

    assertTrue(error.getMessage().endsWith("raise data.sampling-ratio or point data.path at "
        + "more images."), error.getMessage());
  }

  @Test
  void rejectsANegativeImageCount() {
    RunConfig config = run(new DataConfig("d", 1.0));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> config.checkAgainstData(-1));

    assertTrue(error.getMessage().contains("imageCount is -1"), error.getMessage());
  }

  @Test
  void keepsResolvedValuesSortedAndUnmodifiable() {
    Map<String, String> values = new HashMap<>(Map.of("seed", "42", "grid.rows", "2"));
    RunConfig config = run(new DataConfig("d", 1.0), values);

    values.put("generations", "9");

    assertEquals(List.of("grid.rows", "seed"), List.copyOf(config.resolvedValues().keySet()));
    assertThrows(UnsupportedOperationException.class,
        () -> config.resolvedValues().put("seed", "1"));
  }

  @Test
  void rejectsOutOfRangeOptimizerValues() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> new OptimizerConfig(0.0002, 1.0, 0.999, 1e-8));

    assertEquals("Cannot build the optimizer: optimizer.beta1 is 1 but must be at least 0 and "
        + "below 1; set optimizer.beta1 to a value such as 0.5.", error.getMessage());
  }

  @Test
  void rejectsANonFiniteMutationRate() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> new MutationConfig(Double.POSITIVE_INFINITY, 0.5));

    assertTrue(error.getMessage().contains("mutation.rate is Infinity but must be a finite "
        + "number, 0 or more"), error.getMessage());
  }

  @Test
  void rejectsNegativeTrainingCounts() {
    ConfigException error = assertThrows(ConfigException.class,
        () -> new TrainingConfig(100, -1, 0));

    assertEquals("Cannot build the training settings: training.batches-per-generation is -1 "
        + "but must be at least 0; set training.batches-per-generation to 0 or more.",
        error.getMessage());
  }

  @Test
  void gridSizingNeedsAMinimumBetweenOneAndTheMaximum() {
    ConfigException error = assertThrows(ConfigException.class, () -> new GridSizingConfig(0, 9));

    assertTrue(error.getMessage().contains("grid.min-cells is 0"), error.getMessage());
  }

  @Test
  void withGridChecksTheTournamentAgainstTheNewShape() {
    RunConfig config = run(new DataConfig("data", 1.0));

    RunConfig resized = config.withGrid(3, 3);

    assertEquals(9, resized.grid().cellCount());
    assertEquals("3", resized.resolvedValues().get("grid.rows"));
  }

  private static RunConfig run(DataConfig data) {
    return run(data, new FitnessConfig(100, FitnessMode.AVERAGE));
  }

  private static RunConfig run(DataConfig data, FitnessConfig fitness) {
    return new RunConfig(new GridConfig(2, 2, Neighbourhood.VON_NEUMANN), 10, 42, data,
        new PopulationConfig(1, 2), fitness, new TrainingConfig(100, 0, 0),
        new NetworkConfig(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, LossFunction.BCE),
        new OptimizerConfig(0.0002, 0.5, 0.999, 1e-8), new MutationConfig(0.0001, 0.5),
        new SamplesConfig(16), SCORING, MIXTURE, FEATURES, SIZING, CHECKPOINTS, RESILIENCE,
        "conf/x.yaml", Map.of());
  }

  private static RunConfig run(DataConfig data, Map<String, String> resolvedValues) {
    return new RunConfig(new GridConfig(2, 2, Neighbourhood.VON_NEUMANN), 10, 42, data,
        new PopulationConfig(1, 2), new FitnessConfig(100, FitnessMode.AVERAGE),
        new TrainingConfig(100, 0, 0),
        new NetworkConfig(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, LossFunction.BCE),
        new OptimizerConfig(0.0002, 0.5, 0.999, 1e-8), new MutationConfig(0.0001, 0.5),
        new SamplesConfig(16), SCORING, MIXTURE, FEATURES, SIZING, CHECKPOINTS, RESILIENCE,
        "conf/x.yaml", resolvedValues);
  }

  private static RunConfig run(GridConfig grid, PopulationConfig population, DataConfig data) {
    return new RunConfig(grid, 10, 42, data, population,
        new FitnessConfig(100, FitnessMode.AVERAGE), new TrainingConfig(100, 0, 0),
        new NetworkConfig(NetworkPreset.FOUR_LAYER_PERCEPTRON, 64, LossFunction.BCE),
        new OptimizerConfig(0.0002, 0.5, 0.999, 1e-8), new MutationConfig(0.0001, 0.5),
        new SamplesConfig(16), SCORING, MIXTURE, FEATURES, SIZING, CHECKPOINTS, RESILIENCE,
        "conf/x.yaml", Map.of());
  }
}
