package org.coevgan.job.cell;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.coevgan.conf.LossFunction;
import org.coevgan.job.cell.CellRandom.Purpose;
import org.coevgan.job.data.CellData;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.AdversarialTraining;
import org.coevgan.job.network.GeneratorObjective;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.LatentNoise;
import org.coevgan.job.network.NativeMatrices;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One generation of one cell (Algorithm 2 of the Lipizzaner paper), run inside the Spark task
 * of that cell.
 *
 * <ol>
 *   <li>Gather the sub-population: the cell's own individuals (with their Adam state) and its
 *       neighbours' centers (without it), in neighbourhood order.
 *   <li>Evaluate all generators against all discriminators on one random real batch.
 *   <li>Select as many generators and discriminators as the cell keeps (population.size) by
 *       tournaments; copy them as offspring, mutating each copy's learning rate (the mutated
 *       rate is the one Adam then uses, and the Adam moments carry over from the parent).
 *   <li>Train the offspring over the cell's batches, each batch against an adversary drawn at
 *       random among the selected, training offspring of the other kind.
 *   <li>Add the offspring, re-evaluate, drop the weakest and keep the best as the new center.
 * </ol>
 *
 * <p>Every random draw comes from streams derived from (run seed, cell, generation), so a
 * re-executed task reproduces its first attempt exactly.
 */
public final class CellEvolution {
  private final CellSettings settings;
  private final TrainingImages images;
  private final LearningRateMutation mutation;

  /** Creates the evolution of cells that train on the given images. */
  public CellEvolution(CellSettings settings, TrainingImages images) {
    this.settings = settings;
    this.images = images;
    this.mutation =
        new LearningRateMutation(settings.mutationRate(), settings.mutationProbability());
  }

  /** The new state of a cell and what happened on the way. */
  public record Outcome(CellState state, GenerationReport report) {}

  /** Returns the untrained generation-0 state of a cell, its weights drawn from the run seed. */
  public static CellState initialState(Cell cell, CellSettings settings) {
    SplittableRandom random = CellRandom.stream(settings.seed(), cell, 0, Purpose.INITIAL_WEIGHTS);
    List<IndividualState> generators = new ArrayList<>();
    List<IndividualState> discriminators = new ArrayList<>();
    for (int i = 0; i < settings.populationSize(); i++) {
      GeneratorObjective objective = drawObjective(settings.loss(), random);
      double rate = settings.initialLearningRate();
      generators.add(
          Individual.newGenerator(settings.network(), rate, objective, cell, random.nextLong())
              .toState());
      discriminators.add(
          Individual.newDiscriminator(settings.network(), rate, cell, random.nextLong())
              .toState());
    }
    return new CellState(cell, 0, generators, discriminators);
  }

  /** Runs one generation of the cell given its own state and its neighbours' centers. */
  public Outcome evolve(CellState own, List<CellState> neighbourCenters) {
    long start = System.nanoTime();
    Cell cell = own.cell();
    int generation = own.generation() + 1;
    SplittableRandom random = CellRandom.stream(settings.seed(), cell, generation, Purpose.GENERATION);
    CellData data = cellData(cell);

    SubPopulation population = SubPopulation.gather(settings.network(), own, neighbourCenters);
    INDArray real = images.batch(data.randomBatch(settings.fitnessSampleSize(), random));
    INDArray noise =
        LatentNoise.sample(settings.fitnessSampleSize(), settings.network().latentSize(), random);
    long fitnessStart = System.nanoTime();
    population.evaluate(real, noise, settings.fitnessMode());
    long fitnessNanos = System.nanoTime() - fitnessStart;

    List<Individual> generatorChildren = new ArrayList<>();
    List<Individual> discriminatorChildren = new ArrayList<>();
    for (int i = 0; i < settings.populationSize(); i++) {
      generatorChildren.add(generatorOffspring(population, random));
    }
    for (int i = 0; i < settings.populationSize(); i++) {
      discriminatorChildren.add(discriminatorOffspring(population, random));
    }
    long trainingStart = System.nanoTime();
    int batches = train(generatorChildren, discriminatorChildren, data, random);
    long trainingNanos = System.nanoTime() - trainingStart;
    if (FaultInjection.divergeAsked(cell, generation)) {
      generatorChildren.forEach(child -> child.network().params().assign(Float.NaN));
      discriminatorChildren.forEach(child -> child.network().params().assign(Float.NaN));
    }

    fitnessStart = System.nanoTime();
    population.addOffspring(generatorChildren, discriminatorChildren);
    population.evaluate(real, noise, settings.fitnessMode());
    fitnessNanos += System.nanoTime() - fitnessStart;

    StoredForms stored = new StoredForms();
    Survivors generators =
        survivors(population.generators(), population, generatorChildren, cell, stored);
    Survivors discriminators =
        survivors(population.discriminators(), population, discriminatorChildren, cell, stored);
    CellState next = new CellState(cell, generation, generators.states(), discriminators.states());
    GenerationReport report =
        report(next, generators.center(), discriminators.center(), population, batches, data,
            generators.resets() + discriminators.resets(),
            fitnessNanos, trainingNanos, System.nanoTime() - start);
    return new Outcome(next, report);
  }

  /** The individuals a cell keeps, best first, and how many diverged ones were replaced. */
  private record Survivors(List<IndividualState> states, Individual center, int resets) {}

  /**
   * Keeps the best individuals. Diverged ones (a NaN or infinite loss or weight) never survive:
   * ranking puts them last, and any that would still be kept is replaced by the best finite
   * neighbour center, so NaN never reaches a neighbour or a checkpoint. A diverged offspring
   * counts as one reset.
   */
  private Survivors survivors(
      List<Individual> candidates, SubPopulation population, List<Individual> offspring,
      Cell cell, StoredForms stored) {
    List<Individual> kept = best(candidates);
    int resets = (int) offspring.stream().filter(child -> diverged(child, stored)).count();
    List<IndividualState> states = new ArrayList<>(kept.size());
    for (Individual individual : kept) {
      IndividualState state = keep(stored.of(individual), cell);
      if (!state.isFinite()) {
        state = keep(population.bestFiniteNeighbourCenter(candidates, cell).toState(), cell);
        resets += offspring.contains(individual) ? 0 : 1;
      }
      states.add(state);
    }
    return new Survivors(states, kept.get(0), resets);
  }

  private static boolean diverged(Individual individual, StoredForms stored) {
    return !Double.isFinite(individual.fitness()) || !stored.of(individual).isFinite();
  }

  /**
   * The stored forms of the individuals once training is over, each copied out of its network
   * once: the divergence check and the survivors read the same offspring's vectors, and each
   * copy of a cell's weights and Adam moments costs megabytes.
   */
  private static final class StoredForms {
    private final Map<Individual, IndividualState> forms = new IdentityHashMap<>();

    IndividualState of(Individual individual) {
      return forms.computeIfAbsent(individual, Individual::toState);
    }
  }

  private CellData cellData(Cell cell) {
    SplittableRandom subsetRandom =
        CellRandom.stream(settings.seed(), cell, 0, Purpose.DATA_SUBSET);
    return CellData.sample(images.count(), settings.samplingRatio(), subsetRandom);
  }

  private Individual generatorOffspring(SubPopulation population, SplittableRandom random) {
    Individual parent =
        Tournament.select(
            population.generators(), settings.tournamentSize(), Individual::fitness, random);
    double rate = mutation.mutate(parent.learningRate(), random);
    GeneratorObjective objective =
        settings.loss() == LossFunction.MUSTANGS
            ? drawObjective(settings.loss(), random)
            : parent.objective();
    IndividualState state = population.storedFormOf(parent);
    IndividualState relabelled =
        new IndividualState(state.parameters(), state.updaterState(), state.iterations(), rate,
            objective, state.origin(), state.fitness());
    return Individual.restoreGenerator(settings.network(), relabelled, rate);
  }

  private Individual discriminatorOffspring(SubPopulation population, SplittableRandom random) {
    Individual parent =
        Tournament.select(
            population.discriminators(), settings.tournamentSize(), Individual::fitness, random);
    double rate = mutation.mutate(parent.learningRate(), random);
    return Individual.restoreDiscriminator(settings.network(), population.storedFormOf(parent),
        rate);
  }

  /**
   * Trains the offspring over the cell's batches like one GAN per pair: in every batch each
   * generator offspring takes a step against a discriminator offspring drawn at random, then
   * (unless the discriminator skips this batch) each discriminator offspring takes a step on the
   * real batch and the fakes of a generator offspring drawn at random. The adversaries train
   * alongside, as in the reference implementation; with one individual per cell this is plain
   * alternating GAN training of the selected pair.
   */
  private int train(
      List<Individual> generators,
      List<Individual> discriminators,
      CellData data,
      SplittableRandom random) {
    int[][] batches =
        data.epochBatches(settings.batchSize(), settings.batchesPerGeneration(), random);
    INDArray noise = NativeMatrices.matrix(settings.batchSize(), settings.network().latentSize());
    INDArray real = NativeMatrices.matrix(settings.batchSize(), images.pixelCount());
    for (int b = 0; b < batches.length; b++) {
      for (Individual generator : generators) {
        LatentNoise.sampleInto(noise, random);
        AdversarialTraining.trainGenerator(generator, pick(discriminators, random), noise);
      }
      if (b % (settings.discriminatorSkip() + 1) != 0) {
        continue;
      }
      images.batchInto(batches[b], real);
      for (Individual discriminator : discriminators) {
        LatentNoise.sampleInto(noise, random);
        AdversarialTraining.trainDiscriminator(
            discriminator, real, pick(generators, random), noise);
      }
    }
    return batches.length;
  }

  private static Individual pick(List<Individual> individuals, SplittableRandom random) {
    return individuals.get(random.nextInt(individuals.size()));
  }

  private List<Individual> best(List<Individual> individuals) {
    List<Individual> sorted = new ArrayList<>(individuals);
    // List.sort is stable: among equal losses the earlier individual (own before neighbour
    // before offspring) wins, which keeps replacement deterministic.
    sorted.sort((a, b) -> Fitness.compare(a.fitness(), b.fitness()));
    return sorted.subList(0, settings.populationSize());
  }

  private static IndividualState keep(IndividualState state, Cell cell) {
    return new IndividualState(state.parameters(), state.updaterState(), state.iterations(),
        state.learningRate(), state.objective(), cell, state.fitness());
  }

  private GenerationReport report(
      CellState next,
      Individual centerGenerator,
      Individual centerDiscriminator,
      SubPopulation population,
      int batches,
      CellData data,
      int resets,
      long fitnessNanos,
      long trainingNanos,
      long totalNanos) {
    IndividualState generator = next.centerGenerator();
    IndividualState discriminator = next.centerDiscriminator();
    return new GenerationReport(
        next.cell(),
        next.generation(),
        generator.fitness(),
        discriminator.fitness(),
        generator.learningRate(),
        discriminator.learningRate(),
        generator.objective().configName(),
        population.sourceOf(centerGenerator, next.cell()),
        population.sourceOf(centerDiscriminator, next.cell()),
        batches,
        data.size(),
        resets,
        fitnessNanos / 1_000_000,
        trainingNanos / 1_000_000,
        totalNanos / 1_000_000);
  }

  /**
   * Returns the training objective of a new generator: the configured one, or for Mustangs one
   * drawn uniformly among bce, mse and heuristic.
   */
  static GeneratorObjective drawObjective(LossFunction loss, SplittableRandom random) {
    return switch (loss) {
      case BCE -> GeneratorObjective.MINIMAX;
      case MSE -> GeneratorObjective.LEAST_SQUARES;
      case HEURISTIC -> GeneratorObjective.NON_SATURATING;
      case MUSTANGS -> GeneratorObjective.values()[random.nextInt(GeneratorObjective.values().length)];
    };
  }
}
