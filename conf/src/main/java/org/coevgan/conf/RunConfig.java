package org.coevgan.conf;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A complete, validated run configuration: one record per concern plus the run-wide keys
 * {@code generations} and {@code seed}. {@link ConfigLoader#load} builds it from a YAML file
 * and {@code --set} overrides; everything is checked before a Spark session starts.
 *
 * <p>Besides each record's own rules, this record checks that a tournament fits the
 * sub-population a cell selects from. {@link #checkAgainstData(long)} adds the rules that need
 * the number of images, once data preparation has counted them, and
 * {@link #checkImageSize(int, int)} those that need the size of the images, once the job has
 * read them and before any training.
 *
 * @param grid the grid shape and neighbourhood
 * @param generations generations to train, 1 or more
 * @param seed seed of every random choice in the run
 * @param data where the images are and how much of them each cell sees
 * @param population individuals per cell and tournament size
 * @param fitness how individuals are scored
 * @param training how a cell trains within a generation
 * @param network the networks' architecture, latent size and loss
 * @param optimizer the initial Adam settings
 * @param mutation how learning rates evolve
 * @param samples the images drawn at the end of the run
 * @param scoring how generators and mixtures are scored
 * @param mixture how cells evolve their mixture weights
 * @param featureNetwork the network behind the scores
 * @param gridSizing whether and how the grid is sized from the cluster
 * @param checkpoint how often checkpoints are kept and how many
 * @param resilience how many diverged cells a generation tolerates
 * @param sourceFile the configuration file, as given to the loader, for messages
 * @param resolvedValues every key with its final value as text, sorted by key, for run.json;
 *     stored as an unmodifiable copy
 */
public record RunConfig(
    GridConfig grid,
    int generations,
    long seed,
    DataConfig data,
    PopulationConfig population,
    FitnessConfig fitness,
    TrainingConfig training,
    NetworkConfig network,
    OptimizerConfig optimizer,
    MutationConfig mutation,
    SamplesConfig samples,
    ScoringConfig scoring,
    MixtureConfig mixture,
    FeatureNetworkConfig featureNetwork,
    GridSizingConfig gridSizing,
    CheckpointConfig checkpoint,
    ResilienceConfig resilience,
    String sourceFile,
    Map<String, String> resolvedValues) {
  /**
   * Creates a run configuration.
   *
   * @param grid the grid shape and neighbourhood
   * @param generations generations to train, 1 or more
   * @param seed seed of every random choice in the run
   * @param data where the images are and how much of them each cell sees
   * @param population individuals per cell and tournament size
   * @param fitness how individuals are scored
   * @param training how a cell trains within a generation
   * @param network the networks' architecture, latent size and loss
   * @param optimizer the initial Adam settings
   * @param mutation how learning rates evolve
   * @param samples the images drawn at the end of the run
   * @param scoring how generators and mixtures are scored
   * @param mixture how cells evolve their mixture weights
   * @param featureNetwork the network behind the scores
   * @param gridSizing whether and how the grid is sized from the cluster
   * @param checkpoint how often checkpoints are kept and how many
   * @param resilience how many diverged cells a generation tolerates
   * @param sourceFile the configuration file, as given to the loader, for messages
   * @param resolvedValues every key with its final value as text, sorted by key, for run.json;
   *     stored as an unmodifiable copy
   * @throws ConfigException if generations is below 1 or the tournament is larger than the
   *     sub-population a cell selects from, or FID would be computed on fewer samples than
   *     the built-in feature network's feature size
   */
  public RunConfig {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(fitness, "fitness");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(mutation, "mutation");
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(mixture, "mixture");
    Objects.requireNonNull(featureNetwork, "featureNetwork");
    Objects.requireNonNull(gridSizing, "gridSizing");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(resolvedValues, "resolvedValues");

    Checks.checkAtLeast("run from " + sourceFile, ConfigKey.GENERATIONS, generations, 1);
    checkTournamentFits(grid, population, sourceFile);
    checkFidSampleSize(scoring, featureNetwork, sourceFile);
    resolvedValues = sortedCopy(resolvedValues);
  }

  /**
   * Returns how many individuals of each kind a cell selects from: its own population plus the
   * centers of its distinct neighbours, its own center counted once. With population 1 on a 3x3
   * von Neumann grid that is 1 - 1 + 5 = 5.
   *
   * @return 1 or more; a {@code long} because population.size may be as large as an int holds
   */
  public long subPopulationSize() {
    return subPopulationSize(grid, population);
  }

  /**
   * Checks the rules that need the number of images under {@code data.path}: a training batch
   * and the fitness sample must each fit in the images one cell gets, floor(imageCount *
   * data.sampling-ratio).
   *
   * @param imageCount the number of images data preparation found, 0 or more
   * @throws ConfigException naming {@code training.batch-size} or {@code fitness.sample-size}
   *     when it exceeds the images a cell gets
   * @throws IllegalArgumentException if {@code imageCount} is negative
   */
  public void checkAgainstData(long imageCount) {
    long imagesPerCell = data.imagesPerCell(imageCount);

    checkFitsCell(ConfigKey.TRAINING_BATCH_SIZE, training.batchSize(), imageCount, imagesPerCell);
    checkFitsCell(ConfigKey.FITNESS_SAMPLE_SIZE, fitness.sampleSize(), imageCount, imagesPerCell);
  }

  /**
   * Checks that {@code network.preset} can be built for the images under {@code data.path}:
   * {@code cnn28} needs 28x28 images, {@code cnn64} needs 64x64 images, and the perceptrons take
   * any size.
   *
   * @param imageHeight the height in pixels of the prepared images
   * @param imageWidth the width in pixels of the prepared images
   * @throws ConfigException naming {@code network.preset}, the size found and the size needed,
   *     with the {@code --size} to prepare the data with
   */
  public void checkImageSize(int imageHeight, int imageWidth) {
    NetworkPreset preset = network.preset();
    if (preset.accepts(imageHeight, imageWidth)) {
      return;
    }

    String name = ConfigKey.NETWORK_PRESET.configName();
    String found = imageHeight + "x" + imageWidth;
    throw ConfigException.cannot("train on " + data.path() + " (data.path in " + sourceFile
        + ")", name, name + " is " + preset.configName() + ", which needs "
        + preset.imageRule() + ", but the images in data.path are " + found + "; prepare the "
        + "data again with --size " + preset.imageSide() + " and point data.path at it, or set "
        + name + " to " + presetsAccepting(imageHeight, imageWidth) + ".");
  }

  /** Names the presets worth suggesting for the images: tiny-4lp learns nothing useful. */
  private static String presetsAccepting(int imageHeight, int imageWidth) {
    return String.join(" or ", Arrays.stream(NetworkPreset.values())
        .filter(preset -> preset != NetworkPreset.TINY_PERCEPTRON)
        .filter(preset -> preset.accepts(imageHeight, imageWidth))
        .map(NetworkPreset::configName)
        .toList());
  }

  private void checkFitsCell(ConfigKey key, int size, long imageCount, long imagesPerCell) {
    if (size <= imagesPerCell) {
      return;
    }

    String name = key.configName();
    String fix = imagesPerCell > 0
        ? "lower " + name + " to " + imagesPerCell + " or less, or raise data.sampling-ratio"
        : "raise data.sampling-ratio or point data.path at more images";
    throw ConfigException.cannot("train on " + data.path() + " (data.path in " + sourceFile
        + ")", name, name + " is " + size + " but each cell gets only "
        + imagesPerCell + " of the " + imageCount + " images (data.sampling-ratio "
        + Decimals.text(data.samplingRatio()) + "); " + fix + ".");
  }

  private static void checkTournamentFits(GridConfig grid, PopulationConfig population,
      String sourceFile) {
    long individuals = subPopulationSize(grid, population);
    if (population.tournamentSize() <= individuals) {
      return;
    }

    String key = ConfigKey.POPULATION_TOURNAMENT_SIZE.configName();
    throw ConfigException.building("grid from " + sourceFile, key, key + " is "
        + population.tournamentSize() + " but a neighbourhood on a " + grid.rows() + "x"
        + grid.columns() + " " + grid.neighbourhood().configName() + " grid holds only "
        + individuals + " individuals; lower " + key + " or raise population.size.");
  }

  /**
   * FID needs a full-rank covariance, hence more samples than features. The built-in network's
   * feature size is known now; a user's model is checked when it is loaded.
   */
  private static void checkFidSampleSize(ScoringConfig scoring,
      FeatureNetworkConfig featureNetwork, String sourceFile) {
    int features = FeatureNetworkConfig.BUILT_IN_FEATURE_SIZE;
    if (scoring.kind() != ScoreKind.FID || featureNetwork.userModel().isPresent()
        || scoring.sampleSize() > features) {
      return;
    }

    String key = ConfigKey.SCORING_SAMPLE_SIZE.configName();
    throw ConfigException.building("scoring from " + sourceFile, key, key + " is "
        + scoring.sampleSize() + " but FID needs more samples than the feature network's "
        + features + " features; raise " + key + " to " + (features + 1) + " or more.");
  }

  private static long subPopulationSize(GridConfig grid, PopulationConfig population) {
    return population.size() - 1L + grid.distinctNeighbourCount();
  }

  private static SortedMap<String, String> sortedCopy(Map<String, String> values) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /**
   * Returns this configuration with another grid shape, as chosen from the cluster's task slots;
   * the tournament rule is checked again for the new shape.
   *
   * @param rows rows of the new grid, 1 or more
   * @param columns columns of the new grid, 1 or more
   * @return a copy whose grid and resolved values name the new shape
   * @throws ConfigException if the tournament does not fit the new neighbourhoods
   */
  public RunConfig withGrid(int rows, int columns) {
    Map<String, String> values = new TreeMap<>(resolvedValues);
    values.put(ConfigKey.GRID_ROWS.configName(), Integer.toString(rows));
    values.put(ConfigKey.GRID_COLUMNS.configName(), Integer.toString(columns));
    return new RunConfig(new GridConfig(rows, columns, grid.neighbourhood()), generations, seed,
        data, population, fitness, training, network, optimizer, mutation, samples, scoring,
        mixture, featureNetwork, gridSizing, checkpoint, resilience, sourceFile, values);
  }
}
