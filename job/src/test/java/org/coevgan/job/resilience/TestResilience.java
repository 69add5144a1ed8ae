package org.coevgan.job.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.coevgan.job.ExitStatus;
import org.coevgan.dataprep.SparkSessions;
import org.coevgan.job.TestData;
import org.coevgan.job.driver.Checkpoints;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints, resume, re-executed tasks and diverging cells, on real Spark in local mode. The
 * reference for every comparison is one uninterrupted run with the same seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestResilience {
  @TempDir static Path folder;
  private String data;
  private Path reference;

  @BeforeAll
  void runOnceUninterrupted() {
    data = TestData.mnistTable(folder, 400);
    reference = folder.resolve("reference");
    assertEquals(0, RunFixture.run(RunFixture.arguments(data, reference)));
  }

  @Test
  void driverKilledAfterGenerationTwoResumesToTheSameState() throws Exception {
    Path run = folder.resolve("killed");
    Process driver = startDriver(RunFixture.arguments(data, run), folder.resolve("killed.log"));

    int completed = waitForGenerations(run, driver, 2);
    driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    int exit = RunFixture.run(List.of("--resume", run.toString()));

    assertTrue(completed >= 2 && completed < 4, "killed after generation " + completed);
    assertEquals(0, exit);
    JsonNode record = RunFixture.record(run);
    assertEquals("SUCCEEDED", record.get("status").asText());
    assertTrue(record.get("resumed_from_generation").asInt() >= 2);
    RunFixture.assertSameState(reference, run, 4);
  }

  @Test
  void taskFailureInOneCellIsReRunToTheSameState() {
    Path run = folder.resolve("task-failure");
    int exit =
        RunFixture.runWithFailingTask("local[2,4]", "0,1,2", RunFixture.arguments(data, run));

    assertEquals(0, exit);
    assertEquals(4, metricsRows(run, "generation = 2"), "one report per cell despite the retry");
    RunFixture.assertSameState(reference, run, 4);
  }

  @Test
  void divergingCellIsResetFromANeighbourAndCounted() {
    Path run = folder.resolve("diverged");
    System.setProperty("coevgan.fault.diverge", "1,0,1");
    int exit;
    try {
      exit = RunFixture.run(RunFixture.arguments(data, run));
    } finally {
      System.clearProperty("coevgan.fault.diverge");
    }

    assertEquals(0, exit);
    assertEquals(1, metricsRows(run, "generation = 1 AND resets > 0"));
    // Both trained offspring of the cell diverged: two individuals discarded.
    assertEquals(1, metricsRows(run, "generation = 1 AND cell_row = 1 AND cell_col = 0 "
        + "AND resets = 2"));
    assertEquals(0, nonFiniteStates(run));
  }

  @Test
  void tooManyDivergedCellsFailTheRunWithTheLimitNamed() {
    Path run = folder.resolve("diverged-limit");
    System.setProperty("coevgan.fault.diverge", "0,0,1");
    int exit;
    try {
      exit = RunFixture.run(RunFixture.arguments(data, run,
          "resilience.max-resets-per-generation=0"));
    } finally {
      System.clearProperty("coevgan.fault.diverge");
    }

    assertEquals(ExitStatus.BAD_INPUT.code(), exit);
    JsonNode record = RunFixture.record(run);
    assertEquals("FAILED", record.get("status").asText());
    assertTrue(record.get("reason").asText().contains("resilience.max-resets-per-generation=0"),
        record.get("reason").asText());
  }

  @Test
  void resumeRefusesAChangedGridOrPresetNamingTheKey() throws IOException {
    Path run = stoppedRunAfterTwoGenerations("changed");

    List<String> grid = List.of("--resume", run.toString(), "--set", "grid.rows=3",
        "--set", "generations=4");
    List<String> preset = List.of("--resume", run.toString(), "--set", "network.preset=4lp",
        "--set", "generations=4");

    assertEquals(ExitStatus.BAD_INPUT.code(), RunFixture.run(grid));
    assertEquals(ExitStatus.BAD_INPUT.code(), RunFixture.run(preset));
    String log = RunFixture.record(run).get("status").asText();
    assertEquals("SUCCEEDED", log, "a refused resume leaves the stopped run untouched");
  }

  @Test
  void resumeRefusesImagesOfAnotherSize() throws IOException {
    Path run = stoppedRunAfterTwoGenerations("resized");
    String small = TestData.syntheticTable(folder.resolve("small-images"), 400, 14, 14);

    int exit = RunFixture.run(List.of("--resume", run.toString(), "--set", "data.path=" + small,
        "--set", "generations=4"));

    assertEquals(ExitStatus.BAD_INPUT.code(), exit);
    assertEquals("FAILED", RunFixture.record(run).get("status").asText());
    assertTrue(RunFixture.record(run).get("reason").asText()
        .contains("trained on 28x28 images but data.path"));
  }

  @Test
  void halfWrittenCheckpointIsIgnoredOnResume() throws IOException {
    Path run = stoppedRunAfterTwoGenerations("half-written");
    Path marker = run.resolve("state/generation-0002/" + Checkpoints.MARKER);
    Files.writeString(marker, "{\"generation\": 2, \"ima");

    int exit = RunFixture.run(List.of("--resume", run.toString(), "--set", "generations=4"));

    assertEquals(0, exit);
    JsonNode record = RunFixture.record(run);
    assertEquals(1, record.get("resumed_from_generation").asInt());
    assertEquals(4, record.get("generations_completed").asInt(), "1 from the checkpoint, 3 run");
    assertEquals(4, record.get("generation_seconds").size());
    RunFixture.assertSameState(reference, run, 4);
  }

  @Test
  void runKilledWhileReplacingRunJsonResumesFromItsCheckpoint() throws IOException {
    Path run = stoppedRunAfterTwoGenerations("no-run-json");
    Files.delete(run.resolve("run.json"));

    int exit = RunFixture.run(List.of("--resume", run.toString(), "--set", "generations=4"));

    assertEquals(0, exit);
    JsonNode record = RunFixture.record(run);
    assertEquals(4, record.get("generations_completed").asInt());
    assertTrue(record.get("generation_seconds").get(0).isNull(), "time of a lost record");
    RunFixture.assertSameState(reference, run, 4);
  }

  private Path stoppedRunAfterTwoGenerations(String name) {
    Path run = folder.resolve(name);
    assertEquals(0, RunFixture.run(RunFixture.arguments(data, run, "generations=2")));
    return run;
  }

  private long metricsRows(Path run, String condition) {
    SparkSession spark = SparkSessions.forJob("read metrics");
    try {
      return spark.read().parquet(run.resolve("metrics").toString()).where(condition).count();
    } finally {
      spark.stop();
    }
  }

  private long nonFiniteStates(Path run) {
    long count = 0;
    for (byte[] blob : RunFixture.stateBlobs(run, 4)) {
      java.nio.FloatBuffer values = java.nio.ByteBuffer.wrap(blob)
          .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
      while (values.hasRemaining()) {
        count += Float.isFinite(values.get()) ? 0 : 1;
      }
    }
    return count;
  }

  private static Process startDriver(List<String> arguments, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JvmFlags.sparkOpens());
    command.add("-Dspark.master=local[2]");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("CoevGanJob");
    command.addAll(arguments);
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  /** Polls run.json until the given generations are done; returns how many were done. */
  private static int waitForGenerations(Path run, Process driver, int generations)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline && driver.isAlive()) {
      File record = run.resolve("run.json").toFile();
      if (record.exists()) {
        try {
          int completed = RunFixture.record(run).get("generations_completed").asInt();
          if (completed >= generations) {
            return completed;
          }
        } catch (RuntimeException partial) {
          // run.json is replaced by a rename, but a reader may still race the first write.
        }
      }
      Thread.sleep(50);
    }
    assertFalse(driver.isAlive(), "driver did not reach generation " + generations + " in time");
    return RunFixture.record(run).get("generations_completed").asInt();
  }
}
