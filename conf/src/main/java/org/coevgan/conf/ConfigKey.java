package org.coevgan.conf;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The table of every configuration key: its name, type, default and a one-line description.
 *
 * <p>This table is the single source of truth for which keys exist. The loader rejects any other
 * key, fills in the defaults listed here, and {@link ConfigLoader#describeKeys()} documents it.
 * The rules on each value live in the record that holds it, such as {@link GridConfig}.
 */
public enum ConfigKey {
  /** Rows of the toroidal grid of cells. */
  GRID_ROWS("grid.rows", ValueType.WHOLE_NUMBER, "2",
      "Rows of the toroidal grid of cells, 1 or more."),

  /** Columns of the toroidal grid of cells. */
  GRID_COLUMNS("grid.columns", ValueType.WHOLE_NUMBER, "2",
      "Columns of the toroidal grid of cells, 1 or more."),

  /** The cells whose centers a cell gathers each generation. */
  GRID_NEIGHBOURHOOD("grid.neighbourhood", Choices.names(Neighbourhood.values()), "von-neumann",
      "Cells whose centers a cell gathers each generation."),

  /** Generations the run trains for. */
  GENERATIONS("generations", ValueType.WHOLE_NUMBER, "10", "Generations to train, 1 or more."),

  /** Seed of every random choice in the run. */
  SEED("seed", ValueType.LARGE_WHOLE_NUMBER, "42",
      "Seed of every random choice; the same seed and settings repeat a run."),

  /** Folder of prepared images, resolved against the working directory when relative. */
  DATA_PATH("data.path", ValueType.TEXT, null,
      "Folder of prepared training images; relative paths start at the working directory."),

  /** Fraction of the images each cell trains on. */
  DATA_SAMPLING_RATIO("data.sampling-ratio", ValueType.NUMBER, "1.0",
      "Fraction of the images each cell trains on, a random subset per cell, in (0, 1]."),

  /** Individuals of each kind a cell keeps. */
  DATA_SYNTHETIC_IMAGES("data.synthetic-images", Choices.names(SyntheticImages.values()), "train",
      "Whether cells also train on synthetic rows (SMOTE); scores always use real images only."),
  POPULATION_SIZE("population.size", ValueType.WHOLE_NUMBER, "1",
      "Generators and discriminators each cell keeps, 1 or more."),

  /** Individuals drawn into each tournament. */
  POPULATION_TOURNAMENT_SIZE("population.tournament-size", ValueType.WHOLE_NUMBER, "2",
      "Individuals drawn into each tournament, at most the cell's sub-population."),

  /** Real images used to evaluate every generator and discriminator pair. */
  FITNESS_SAMPLE_SIZE("fitness.sample-size", ValueType.WHOLE_NUMBER, "100",
      "Real images in the batch that evaluates every generator and discriminator pair."),

  /** How the losses against all opponents become one fitness. */
  FITNESS_MODE("fitness.mode", Choices.names(FitnessMode.values()), "average",
      "How an individual's losses against all opponents become one fitness."),

  /** Images in each training batch. */
  TRAINING_BATCH_SIZE("training.batch-size", ValueType.WHOLE_NUMBER, "100",
      "Images in each training batch, 1 or more."),

  /** Batches each cell trains on per generation; 0 means all of its data. */
  TRAINING_BATCHES_PER_GENERATION("training.batches-per-generation", ValueType.WHOLE_NUMBER, "0",
      "Batches each cell trains on per generation; 0 means all of the cell's data."),

  /** Batches skipped between discriminator updates. */
  TRAINING_DISCRIMINATOR_SKIP("training.discriminator-skip", ValueType.WHOLE_NUMBER, "0",
      "Batches skipped between discriminator updates; 1 updates it every second batch."),

  /** The architecture of every generator and discriminator. */
  NETWORK_PRESET("network.preset", Choices.names(NetworkPreset.values()), "4lp",
      "Architecture of every generator and discriminator."),

  /** Length of the noise vector a generator turns into an image. */
  NETWORK_LATENT_SIZE("network.latent-size", ValueType.WHOLE_NUMBER, "64",
      "Length of the noise vector a generator turns into an image, 1 or more."),

  /** The loss networks are trained and evaluated with. */
  NETWORK_LOSS("network.loss", Choices.names(LossFunction.values()), "bce",
      "Loss that networks are trained and evaluated with."),

  /** Initial Adam learning rate. */
  OPTIMIZER_LEARNING_RATE("optimizer.learning-rate", ValueType.NUMBER, "0.0002",
      "Initial Adam learning rate of every network, above 0."),

  /** Adam's decay rate of the first moment. */
  OPTIMIZER_BETA1("optimizer.beta1", ValueType.NUMBER, "0.5",
      "Adam's decay rate of the gradient mean, in [0, 1)."),

  /** Adam's decay rate of the second moment. */
  OPTIMIZER_BETA2("optimizer.beta2", ValueType.NUMBER, "0.999",
      "Adam's decay rate of the squared gradient mean, in [0, 1)."),

  /** Adam's term that keeps divisions finite. */
  OPTIMIZER_EPSILON("optimizer.epsilon", ValueType.NUMBER, "1e-8",
      "Adam's small term that keeps its division finite, above 0."),

  /** Standard deviation of the Gaussian step added to a learning rate. */
  MUTATION_RATE("mutation.rate", ValueType.NUMBER, "0.0001",
      "Standard deviation of the Gaussian step added to a learning rate, 0 or more."),

  /** Probability that a learning rate is mutated in a generation. */
  MUTATION_PROBABILITY("mutation.probability", ValueType.NUMBER, "0.5",
      "Probability that a learning rate is mutated in a generation, in [0, 1]."),

  /** Images each cell's center generator draws for the final sample grid. */
  SAMPLES_PER_CELL("samples.per-cell", ValueType.WHOLE_NUMBER, "16",
      "Images each cell's center generator draws for the final sample grid, 1 to 256."),

  /** The score that ranks mixtures and picks the best cell. */
  SCORING_KIND("scoring.kind", Choices.names(ScoreKind.values()), "fid",
      "Score that ranks mixtures and picks the best cell: fid (lower wins) or inception-score."),

  /** Generated images behind every score. */
  SCORING_SAMPLE_SIZE("scoring.sample-size", ValueType.WHOLE_NUMBER, "2000",
      "Generated images per score; for fid more than the feature network's feature size."),

  /** Period of per-generation scores of every center generator; 0 turns them off. */
  SCORING_EVERY_GENERATIONS("scoring.every-generations", ValueType.WHOLE_NUMBER, "0",
      "Score every center generator into center-scores/ every this many generations; 0 is off."),

  /** Steps of the (1+1) evolution strategy over mixture weights at the end of the run. */
  MIXTURE_STEPS("mixture.steps", ValueType.WHOLE_NUMBER, "10",
      "Steps of the (1+1) evolution strategy over each cell's mixture weights, 0 or more."),

  /** Standard deviation of the Gaussian step added to mixture weights. */
  MIXTURE_SIGMA("mixture.sigma", ValueType.NUMBER, "0.05",
      "Standard deviation of the Gaussian step added to every mixture weight, above 0."),

  /** Whether a mixture step is also taken after every generation. */
  MIXTURE_SCHEDULE("mixture.schedule", Choices.names(MixtureSchedule.values()), "end-of-run",
      "When mixtures evolve: end-of-run, or also one step after every generation."),

  /** A user's DL4J model file to use as the feature network. */
  FEATURE_NETWORK_MODEL_FILE("feature-network.model-file", ValueType.TEXT, "",
      "A DL4J MultiLayerNetwork zip to score with; empty trains and caches a classifier."),

  /** The feature layer of the user's model. */
  FEATURE_NETWORK_LAYER("feature-network.layer", ValueType.WHOLE_NUMBER, "-1",
      "Index of the layer whose activations are the FID features; -1 is the penultimate one."),

  /** Training passes of the built-in feature classifier. */
  FEATURE_NETWORK_EPOCHS("feature-network.epochs", ValueType.WHOLE_NUMBER, "3",
      "Training passes of the built-in feature classifier over the labelled images, 1 or more."),

  /** How the built-in feature classifier is trained. */
  /** Cap on the labelled images the built-in feature classifier trains on. */
  FEATURE_NETWORK_MAX_IMAGES("feature-network.max-images", ValueType.WHOLE_NUMBER, "0",
      "Train the built-in classifier on at most this many images (an even spread); 0 is all."),

  FEATURE_NETWORK_TRAINER("feature-network.trainer",
      Choices.names(FeatureNetworkTrainer.values()), "parameter-averaging",
      "Trainer of the built-in feature classifier: parameter-averaging (Spark) or driver."),

  /** The labelled image table the built-in feature classifier trains on. */
  FEATURE_NETWORK_DATA_PATH("feature-network.data-path", ValueType.TEXT, "",
      "Labelled image table the built-in classifier trains on; empty uses data.path."),

  GRID_MIN_CELLS("grid.min-cells", ValueType.WHOLE_NUMBER, "0",
      "With grid.max-cells: fewest cells a grid sized from the cluster may have."),
  GRID_MAX_CELLS("grid.max-cells", ValueType.WHOLE_NUMBER, "0",
      "Above 0: size the grid from Spark's task slots, at most this many cells; 0 is off."),
  CHECKPOINT_EVERY_GENERATIONS("checkpoint.every-generations", ValueType.WHOLE_NUMBER, "1",
      "Keep the grid state as a resumable checkpoint every this many generations."),
  CHECKPOINT_KEEP("checkpoint.keep", ValueType.WHOLE_NUMBER, "2",
      "Newest checkpoints kept; older ones are deleted, 1 or more."),
  RESILIENCE_MAX_RESETS("resilience.max-resets-per-generation", ValueType.WHOLE_NUMBER, "2",
      "Diverged cells reset in one generation before the run fails, 0 or more.");

  private final String configName;
  private final ValueType type;
  private final List<String> choices;
  private final String defaultValue;
  private final String description;

  ConfigKey(String configName, ValueType type, String defaultValue, String description) {
    this(configName, type, List.of(), defaultValue, description);
  }

  ConfigKey(String configName, List<String> choices, String defaultValue, String description) {
    this(configName, ValueType.CHOICE, choices, defaultValue, description);
  }

  ConfigKey(String configName, ValueType type, List<String> choices, String defaultValue,
      String description) {
    this.configName = configName;
    this.type = type;
    this.choices = choices;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /**
   * Returns the key as written in files and messages, such as {@code grid.rows}.
   *
   * @return lower-case words joined by hyphens and grouped by dots
   */
  public String configName() {
    return configName;
  }

  /**
   * Returns the kind of value the key holds.
   *
   * @return the value type
   */
  public ValueType type() {
    return type;
  }

  /**
   * Returns the allowed spellings of a {@link ValueType#CHOICE} key, in declaration order.
   *
   * @return the spellings, or an empty list for keys of other types
   */
  public List<String> choices() {
    return choices;
  }

  /**
   * Returns the default value as text, or empty for a required key such as {@code data.path}.
   *
   * @return the default, written as it would be in a file
   */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /**
   * Returns a one-line description of what the key controls.
   *
   * @return one sentence, ending with a full stop
   */
  public String description() {
    return description;
  }

  /**
   * Returns the key spelled {@code configName}, such as {@link #GRID_ROWS} for
   * {@code grid.rows}.
   *
   * @param configName a key as written in a file
   * @return the key, or empty when no key is spelled that way
   */
  public static Optional<ConfigKey> find(String configName) {
    return Arrays.stream(values()).filter(key -> key.configName.equals(configName)).findFirst();
  }
}
