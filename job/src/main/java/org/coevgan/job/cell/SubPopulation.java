package org.coevgan.job.cell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.coevgan.conf.FitnessMode;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.NetworkSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The generators and discriminators one cell selects from and trains against in a generation:
 * its own individuals followed by its neighbours' centers, then the offspring once trained.
 */
final class SubPopulation {
  private static final String OFFSPRING = "offspring";
  private static final String OWN = "own";

  private final List<Individual> generators = new ArrayList<>();
  private final List<Individual> discriminators = new ArrayList<>();
  private final Map<Individual, String> sources = new IdentityHashMap<>();
  private final Map<Individual, IndividualState> storedForms = new IdentityHashMap<>();

  private SubPopulation() {}

  /** Rebuilds the networks of a cell and of its neighbours' centers, in a fixed order. */
  static SubPopulation gather(NetworkSpec spec, CellState own, List<CellState> neighbourCenters) {
    SubPopulation population = new SubPopulation();
    population.addAll(spec, own, OWN);
    for (CellState neighbour : neighbourCenters) {
      population.addAll(spec, neighbour, neighbour.cell().toString());
    }
    return population;
  }

  private void addAll(NetworkSpec spec, CellState state, String source) {
    for (IndividualState generator : state.generators()) {
      Individual individual =
          Individual.restoreGenerator(spec, generator, generator.learningRate());
      generators.add(individual);
      sources.put(individual, source);
      storedForms.put(individual, generator);
    }
    for (IndividualState discriminator : state.discriminators()) {
      Individual individual =
          Individual.restoreDiscriminator(spec, discriminator, discriminator.learningRate());
      discriminators.add(individual);
      sources.put(individual, source);
      storedForms.put(individual, discriminator);
    }
  }

  /**
   * Returns the stored form a gathered individual was rebuilt from, with its current fitness:
   * the weights, Adam moments and counters its network still holds, since evaluating does not
   * change them, without copying them back out of the network. A neighbour's center has no Adam
   * moments, which a network rebuilt from it starts with as zeros, as it would from a copy.
   */
  IndividualState storedFormOf(Individual individual) {
    IndividualState stored = storedForms.get(individual);
    if (stored == null) {
      throw new IllegalStateException("Cannot copy an individual that was not gathered into the "
          + "sub-population: offspring are bred from gathered parents only");
    }
    return new IndividualState(stored.parameters(), stored.updaterState(), stored.iterations(),
        stored.learningRate(), stored.objective(), stored.origin(), individual.fitness());
  }

  List<Individual> generators() {
    return Collections.unmodifiableList(generators);
  }

  List<Individual> discriminators() {
    return Collections.unmodifiableList(discriminators);
  }

  void evaluate(INDArray real, INDArray noise, FitnessMode mode) {
    AllVersusAll.evaluate(generators, discriminators, real, noise, mode);
  }

  void addOffspring(List<Individual> generatorOffspring, List<Individual> discriminatorOffspring) {
    for (Individual generator : generatorOffspring) {
      generators.add(generator);
      sources.put(generator, OFFSPRING);
    }
    for (Individual discriminator : discriminatorOffspring) {
      discriminators.add(discriminator);
      sources.put(discriminator, OFFSPRING);
    }
  }

  /**
   * Returns the neighbour center with the lowest finite loss among the candidates, the
   * replacement for a diverged individual; fails naming the cell when none is finite.
   */
  Individual bestFiniteNeighbourCenter(List<Individual> candidates, Cell cell) {
    Individual best = null;
    for (Individual candidate : candidates) {
      String source = sources.get(candidate);
      boolean neighbour = source != null && source.startsWith("(");
      if (neighbour && Double.isFinite(candidate.fitness()) && candidate.toState().isFinite()
          && (best == null || candidate.fitness() < best.fitness())) {
        best = candidate;
      }
    }
    if (best == null) {
      throw new IllegalStateException("Cannot reset cell " + cell + ": it diverged and no "
          + "neighbour center has finite weights and loss to reset it from");
    }
    return best;
  }

  /** Returns offspring, own, or the neighbour cell an individual came from. */
  String sourceOf(Individual individual, Cell cell) {
    return sources.getOrDefault(individual, cell.toString());
  }
}
