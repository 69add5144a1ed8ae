package org.coevgan.job.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.coevgan.job.CoevGanMain;
import org.coevgan.job.JobFailure;
import org.coevgan.job.TestData;
import org.coevgan.job.driver.OutputFolder;
import org.coevgan.job.grid.Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The every-generation mixture schedule on the tiny preset: one mixture step per generation,
 * its weights saved beside every checkpoint, and a run stopped after generation 2 and resumed
 * ending with exactly the weights of an uninterrupted run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestEveryGenerationMixtures {
  private static final int GENERATIONS = 4;

  @TempDir static Path folder;
  private Path uninterrupted;
  private Path resumed;

  @BeforeAll
  void runUninterruptedAndStoppedThenResumed() {
    String data = TestData.mnistTable(folder, 400);
    uninterrupted = folder.resolve("uninterrupted");
    resumed = folder.resolve("resumed");

    assertEquals(0, CoevGanMain.run(arguments(data, uninterrupted, GENERATIONS)));
    assertEquals(0, CoevGanMain.run(arguments(data, resumed, 2)));
    assertEquals(0, CoevGanMain.run(new String[] {"--resume", resumed.toString(),
        "--set", "generations=" + GENERATIONS}));
  }

  private static String[] arguments(String data, Path output, int generations) {
    return new String[] {"--config", "../conf/test-tiny.yaml", "--output", output.toString(),
        "--set", "data.path=" + data, "--set", "generations=" + generations,
        "--set", "mixture.schedule=every-generation", "--set", "mixture.steps=0",
        "--set", "mixture.sigma=0.2", "--set", "checkpoint.keep=" + GENERATIONS};
  }

  @Test
  void everyGenerationSavesADistributionPerCell() {
    for (int generation = 1; generation <= GENERATIONS; generation++) {
      Map<Cell, double[]> weights = saved(uninterrupted, generation);

      assertEquals(4, weights.size(), "cells at generation " + generation);
      weights.values().forEach(TestEveryGenerationMixtures::assertDistribution);
    }
  }

  @Test
  void mixtureStepsMoveTheWeightsBeforeTheStop() {
    long moved = saved(uninterrupted, 2).values().stream()
        .filter(weights -> weights[0] != 1.0 / weights.length)
        .count();

    assertTrue(moved > 0, "no cell accepted a mixture step in two generations, so the resume "
        + "check below would compare equal weights only");
  }

  @Test
  void resumedRunContinuesTheWeightsIdentically() {
    for (int generation = 2; generation <= GENERATIONS; generation++) {
      Map<Cell, double[]> expected = saved(uninterrupted, generation);
      Map<Cell, double[]> actual = saved(resumed, generation);

      assertEquals(expected.keySet(), actual.keySet());
      for (Cell cell : expected.keySet()) {
        assertArrayEquals(expected.get(cell), actual.get(cell),
            "weights of cell " + cell + " after generation " + generation);
      }
    }
  }

  @Test
  void invalidSavedWeightsFailNamingTheCellAndTheFile() throws Exception {
    Path run = folder.resolve("tampered");
    Path file = run.resolve(MixtureCheckpoint.pathOf(3));
    Files.createDirectories(file.getParent());
    Files.writeString(run.resolve("run.json"), "{}");
    Files.writeString(file, "{\"generation\": 3, \"cells\": "
        + "[{\"row\": 0, \"column\": 1, \"weights\": [1.2, -0.2]}]}");
    OutputFolder output = OutputFolder.existing(run.toString(), new Configuration());

    JobFailure failure =
        assertThrows(JobFailure.class, () -> MixtureCheckpoint.read(output, 3));

    assertTrue(failure.getMessage().startsWith("Cannot resume the mixture weights of cell (0,1)"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains(MixtureCheckpoint.FILE), failure.getMessage());
    assertTrue(failure.getMessage().contains("weight 1 is -0.2"), failure.getMessage());
  }

  private static Map<Cell, double[]> saved(Path run, int generation) {
    OutputFolder output = OutputFolder.existing(run.toString(), new Configuration());
    return MixtureCheckpoint.read(output, generation).orElseThrow(() -> new AssertionError(
        "no mixture weights saved after generation " + generation + " in " + run));
  }

  private static void assertDistribution(double[] weights) {
    List<String> problems = new ArrayList<>();
    double sum = 0;
    for (double weight : weights) {
      sum += weight;
      if (!Double.isFinite(weight) || weight < 0) {
        problems.add(String.valueOf(weight));
      }
    }

    assertTrue(problems.isEmpty(), "weights not finite or negative: " + problems);
    assertEquals(1.0, sum, 1e-9);
  }
}
