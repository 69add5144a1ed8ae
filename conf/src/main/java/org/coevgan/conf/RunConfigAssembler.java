package org.coevgan.conf;

import java.util.Map;

/**
 * Builds the {@link RunConfig} records from checked text values, one record per concern.
 *
 * <p>Each method first reads its keys, which checks their types, and then builds its record,
 * which checks their ranges; {@link ConfigValues#build} rewords a range failure to name the file.
 */
final class RunConfigAssembler {
  private RunConfigAssembler() {}

  static RunConfig assemble(ConfigValues values) {
    GridConfig grid = grid(values);
    int generations = values.wholeNumber(ConfigKey.GENERATIONS);
    long seed = values.largeWholeNumber(ConfigKey.SEED);
    DataConfig data = data(values);
    PopulationConfig population = population(values);
    FitnessConfig fitness = fitness(values);
    TrainingConfig training = training(values);
    NetworkConfig network = network(values);
    OptimizerConfig optimizer = optimizer(values);
    MutationConfig mutation = mutation(values);
    SamplesConfig samples = samples(values);
    ScoringConfig scoring = scoring(values);
    MixtureConfig mixture = mixture(values);
    FeatureNetworkConfig featureNetwork = featureNetwork(values);
    GridSizingConfig gridSizing = gridSizing(values);
    CheckpointConfig checkpoint = checkpoint(values);
    ResilienceConfig resilience = resilience(values);

    Map<String, String> resolved = values.resolved();
    return values.build(() -> new RunConfig(grid, generations, seed, data, population, fitness,
        training, network, optimizer, mutation, samples, scoring, mixture, featureNetwork,
        gridSizing, checkpoint, resilience, values.file(), resolved));
  }

  private static GridConfig grid(ConfigValues values) {
    int rows = values.wholeNumber(ConfigKey.GRID_ROWS);
    int columns = values.wholeNumber(ConfigKey.GRID_COLUMNS);
    Neighbourhood neighbourhood =
        values.choice(ConfigKey.GRID_NEIGHBOURHOOD, Neighbourhood::parse);
    return values.build(() -> new GridConfig(rows, columns, neighbourhood));
  }

  private static DataConfig data(ConfigValues values) {
    String path = values.text(ConfigKey.DATA_PATH);
    double samplingRatio = values.number(ConfigKey.DATA_SAMPLING_RATIO);
    SyntheticImages synthetic = values.choice(ConfigKey.DATA_SYNTHETIC_IMAGES, SyntheticImages::parse);
    return values.build(() -> new DataConfig(path, samplingRatio, synthetic));
  }

  private static PopulationConfig population(ConfigValues values) {
    int size = values.wholeNumber(ConfigKey.POPULATION_SIZE);
    int tournamentSize = values.wholeNumber(ConfigKey.POPULATION_TOURNAMENT_SIZE);
    return values.build(() -> new PopulationConfig(size, tournamentSize));
  }

  private static FitnessConfig fitness(ConfigValues values) {
    int sampleSize = values.wholeNumber(ConfigKey.FITNESS_SAMPLE_SIZE);
    FitnessMode mode = values.choice(ConfigKey.FITNESS_MODE, FitnessMode::parse);
    return values.build(() -> new FitnessConfig(sampleSize, mode));
  }

  private static TrainingConfig training(ConfigValues values) {
    int batchSize = values.wholeNumber(ConfigKey.TRAINING_BATCH_SIZE);
    int batches = values.wholeNumber(ConfigKey.TRAINING_BATCHES_PER_GENERATION);
    int discriminatorSkip = values.wholeNumber(ConfigKey.TRAINING_DISCRIMINATOR_SKIP);
    return values.build(() -> new TrainingConfig(batchSize, batches, discriminatorSkip));
  }

  private static NetworkConfig network(ConfigValues values) {
    NetworkPreset preset = values.choice(ConfigKey.NETWORK_PRESET, NetworkPreset::parse);
    int latentSize = values.wholeNumber(ConfigKey.NETWORK_LATENT_SIZE);
    LossFunction loss = values.choice(ConfigKey.NETWORK_LOSS, LossFunction::parse);
    return values.build(() -> new NetworkConfig(preset, latentSize, loss));
  }

  private static OptimizerConfig optimizer(ConfigValues values) {
    double learningRate = values.number(ConfigKey.OPTIMIZER_LEARNING_RATE);
    double beta1 = values.number(ConfigKey.OPTIMIZER_BETA1);
    double beta2 = values.number(ConfigKey.OPTIMIZER_BETA2);
    double epsilon = values.number(ConfigKey.OPTIMIZER_EPSILON);
    return values.build(() -> new OptimizerConfig(learningRate, beta1, beta2, epsilon));
  }

  private static MutationConfig mutation(ConfigValues values) {
    double rate = values.number(ConfigKey.MUTATION_RATE);
    double probability = values.number(ConfigKey.MUTATION_PROBABILITY);
    return values.build(() -> new MutationConfig(rate, probability));
  }

  private static SamplesConfig samples(ConfigValues values) {
    int perCell = values.wholeNumber(ConfigKey.SAMPLES_PER_CELL);
    return values.build(() -> new SamplesConfig(perCell));
  }

  private static ScoringConfig scoring(ConfigValues values) {
    ScoreKind kind = values.choice(ConfigKey.SCORING_KIND, ScoreKind::parse);
    int sampleSize = values.wholeNumber(ConfigKey.SCORING_SAMPLE_SIZE);
    int everyGenerations = values.wholeNumber(ConfigKey.SCORING_EVERY_GENERATIONS);
    return values.build(() -> new ScoringConfig(kind, sampleSize, everyGenerations));
  }

  private static MixtureConfig mixture(ConfigValues values) {
    int steps = values.wholeNumber(ConfigKey.MIXTURE_STEPS);
    double sigma = values.number(ConfigKey.MIXTURE_SIGMA);
    MixtureSchedule schedule = values.choice(ConfigKey.MIXTURE_SCHEDULE, MixtureSchedule::parse);
    return values.build(() -> new MixtureConfig(steps, sigma, schedule));
  }

  private static FeatureNetworkConfig featureNetwork(ConfigValues values) {
    String modelFile = values.text(ConfigKey.FEATURE_NETWORK_MODEL_FILE);
    int layer = values.wholeNumber(ConfigKey.FEATURE_NETWORK_LAYER);
    int epochs = values.wholeNumber(ConfigKey.FEATURE_NETWORK_EPOCHS);
    FeatureNetworkTrainer trainer =
        values.choice(ConfigKey.FEATURE_NETWORK_TRAINER, FeatureNetworkTrainer::parse);
    int maxImages = values.wholeNumber(ConfigKey.FEATURE_NETWORK_MAX_IMAGES);
    String dataPath = values.text(ConfigKey.FEATURE_NETWORK_DATA_PATH);
    return values.build(() -> new FeatureNetworkConfig(
        modelFile, layer, epochs, trainer, maxImages, dataPath));
  }

  private static GridSizingConfig gridSizing(ConfigValues values) {
    int minCells = values.wholeNumber(ConfigKey.GRID_MIN_CELLS);
    int maxCells = values.wholeNumber(ConfigKey.GRID_MAX_CELLS);
    return values.build(() -> new GridSizingConfig(minCells, maxCells));
  }

  private static CheckpointConfig checkpoint(ConfigValues values) {
    int everyGenerations = values.wholeNumber(ConfigKey.CHECKPOINT_EVERY_GENERATIONS);
    int keep = values.wholeNumber(ConfigKey.CHECKPOINT_KEEP);
    return values.build(() -> new CheckpointConfig(everyGenerations, keep));
  }

  private static ResilienceConfig resilience(ConfigValues values) {
    int maxResets = values.wholeNumber(ConfigKey.RESILIENCE_MAX_RESETS);
    return values.build(() -> new ResilienceConfig(maxResets));
  }
}
