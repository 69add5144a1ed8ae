package org.coevgan.job.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.coevgan.conf.FitnessMode;
import org.coevgan.conf.LossFunction;
import org.coevgan.conf.Neighbourhood;
import org.coevgan.conf.NetworkPreset;
import org.coevgan.job.data.TrainingImages;
import org.coevgan.job.grid.Cell;
import org.coevgan.job.grid.Torus;
import org.coevgan.job.network.GeneratorObjective;
import org.coevgan.job.network.Individual;
import org.coevgan.job.network.NetworkSpec;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;

class TestCellEvolution {
  private static final NetworkSpec SPEC =
      new NetworkSpec(NetworkPreset.REFERENCE_PERCEPTRON, 4, 4, 4, 0.5, 0.999, 1e-8);
  private static final Cell HOME = new Cell(1, 1);

  @Test
  void replacementKeepsThePopulationSizeWithTheBestAsCenter() {
    CellSettings settings = settings(2, LossFunction.BCE, 1.0);
    CellEvolution evolution = new CellEvolution(settings, images(64));

    CellEvolution.Outcome outcome = evolution.evolve(initial(HOME, settings), neighbours(settings));

    CellState next = outcome.state();
    assertEquals(1, next.generation());
    assertEquals(2, next.generators().size());
    assertEquals(2, next.discriminators().size());
    assertTrue(next.generators().get(0).fitness() <= next.generators().get(1).fitness());
    assertTrue(next.discriminators().get(0).fitness() <= next.discriminators().get(1).fitness());
    assertEquals(HOME, next.centerGenerator().origin());
    assertEquals(next.centerGenerator().fitness(), outcome.report().generatorLoss());
    assertEquals(4, outcome.report().batchesTrained());
  }

  @Test
  void sameInputsGiveIdenticalBytesAndAnotherCellDiffers() {
    CellSettings settings = settings(1, LossFunction.HEURISTIC, 1.0);
    TrainingImages images = images(64);

    CellState first = new CellEvolution(settings, images)
        .evolve(initial(HOME, settings), neighbours(settings)).state();
    CellState again = new CellEvolution(settings, images)
        .evolve(initial(HOME, settings), neighbours(settings)).state();
    CellState elsewhere = new CellEvolution(settings, images)
        .evolve(moved(initial(HOME, settings), new Cell(0, 1)), neighbours(settings)).state();

    assertArrayEquals(first.centerGenerator().parameters(), again.centerGenerator().parameters());
    assertArrayEquals(first.centerDiscriminator().updaterState(),
        again.centerDiscriminator().updaterState());
    assertFalse(Arrays.equals(first.centerGenerator().parameters(),
        elsewhere.centerGenerator().parameters()));
  }

  @Test
  void mustangsDrawsEveryObjectiveAndOtherLossesKeepTheirs() {
    CellSettings mustangs = settings(1, LossFunction.MUSTANGS, 1.0);
    SplittableRandom random = new SplittableRandom(9);
    Set<GeneratorObjective> drawn = EnumSet.noneOf(GeneratorObjective.class);
    for (int i = 0; i < 60; i++) {
      drawn.add(CellEvolution.drawObjective(mustangs.loss(), random));
    }

    assertEquals(EnumSet.allOf(GeneratorObjective.class), drawn);
    assertEquals(GeneratorObjective.LEAST_SQUARES,
        CellEvolution.drawObjective(LossFunction.MSE, random));
  }

  @Test
  void restoredNetworkTrainsWithTheMutatedRateAndKeepsItsAdamMoments() {
    CellSettings settings = settings(1, LossFunction.BCE, 1.0);
    CellState trained = new CellEvolution(settings, images(64))
        .evolve(initial(HOME, settings), neighbours(settings)).state();
    IndividualState parent = trained.centerGenerator();

    Individual child = Individual.restoreGenerator(SPEC, parent, 0.0123);

    BaseLayer first = (BaseLayer) child.network().getLayer(0).conf().getLayer();
    assertEquals(0.0123, first.getIUpdater().getLearningRate(0, 0), 1e-12);
    assertTrue(parent.hasOptimiserState());
    assertArrayEquals(parent.updaterState(), child.toState().updaterState());
    assertEquals(parent.iterations(), child.network().getIterationCount());
  }

  @Test
  void dataDietGivesEachCellItsOwnSubsetOfTheConfiguredSize() {
    CellSettings settings = settings(1, LossFunction.BCE, 0.25);

    CellEvolution.Outcome outcome = new CellEvolution(settings, images(64))
        .evolve(initial(HOME, settings), neighbours(settings));

    assertEquals(16, outcome.report().cellImages());
  }

  private static CellSettings settings(int population, LossFunction loss, double ratio) {
    Torus torus = new Torus(3, 3, Neighbourhood.VON_NEUMANN);
    return new CellSettings(torus, SPEC, 42, population, 2, FitnessMode.AVERAGE, 8, 8, 4, 0,
        ratio, loss, 0.001, 0.0001, 0.5, 4, 1);
  }

  private static CellState initial(Cell cell, CellSettings settings) {
    return CellEvolution.initialState(cell, settings);
  }

  private static CellState moved(CellState state, Cell cell) {
    return new CellState(cell, state.generation(), state.generators(), state.discriminators());
  }

  private static List<CellState> neighbours(CellSettings settings) {
    return settings.torus().neighbourhoodOf(HOME).stream()
        .filter(cell -> !cell.equals(HOME))
        .map(cell -> initial(cell, settings).centerForNeighbours())
        .toList();
  }

  /** Random images in [-1, 1]; the semantics checked here do not depend on their content. */
  private static TrainingImages images(int count) {
    SplittableRandom random = new SplittableRandom(1);
    float[] pixels = new float[count * 16];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return new TrainingImages(pixels, count, 4, 4);
  }
}
