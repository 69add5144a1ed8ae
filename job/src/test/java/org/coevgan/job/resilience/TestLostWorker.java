package org.coevgan.job.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.coevgan.job.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM (and its executor) killed in the middle of a run on a real standalone cluster on
 * 127.0.0.1: the run completes on the other worker with the state an undisturbed run reaches.
 * Speculation is on, as the README recommends for stragglers, so this also shows that
 * speculative copies of a cell's task change nothing.
 */
class TestLostWorker {
  private static final long DRIVER_TIME_LIMIT_MINUTES = 8;

  @TempDir Path folder;

  @Test
  void runSurvivesAKilledWorkerWithTheSameResult() throws Exception {
    String data = TestData.mnistTable(folder, 400);
    Path reference = folder.resolve("reference");
    assertEquals(0, RunFixture.run(RunFixture.arguments(data, reference,
        "training.batches-per-generation=12")));
    Path run = runOnClusterKillingAWorker(data, 1);
    if (run == null) {
      // The cluster itself failed to start the run (not the behaviour under test); try once more.
      run = runOnClusterKillingAWorker(data, 2);
    }

    JsonNode record = RunFixture.record(run);
    assertEquals("SUCCEEDED", record.get("status").asText());
    RunFixture.assertSameState(reference, run, 4);
  }

  /**
   * Runs the job on a fresh cluster and kills a worker after generation 1; returns the run
   * folder, or null when the driver died before generation 1 for reasons of its own.
   */
  private Path runOnClusterKillingAWorker(String data, int attempt) throws Exception {
    Path run = folder.resolve("clustered-" + attempt);
    Path attemptFolder = java.nio.file.Files.createDirectories(folder.resolve("cluster-" + attempt));
    Path log = attemptFolder.resolve("driver.log");
    try (StandaloneCluster cluster = StandaloneCluster.start(attemptFolder)) {
      Process driver = startDriver(cluster, RunFixture.arguments(data, run,
          "training.batches-per-generation=12"), log);
      try {
        if (!awaitGeneration(run, driver, 1)) {
          if (attempt == 1) {
            System.err.println("driver died before generation 1; its log:\n" + tail(log, 40));
            return null;
          }
          throw new IllegalStateException("driver died before generation 1 twice:\n"
              + tail(log, 40));
        }
        long killed = System.nanoTime();
        cluster.killWorker(0);
        boolean finished = driver.waitFor(DRIVER_TIME_LIMIT_MINUTES, TimeUnit.MINUTES);

        assertTrue(finished, "driver did not finish within the time limit");
        assertEquals(0, driver.exitValue(), tail(log, 40));
        System.err.printf(java.util.Locale.ROOT,
            "lost worker: seconds from kill to end of run=%.1f, generations=%s%n",
            (System.nanoTime() - killed) / 1e9, RunFixture.record(run).get("generation_seconds"));
      } finally {
        driver.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
    return run;
  }

  private static Process startDriver(StandaloneCluster cluster, List<String> arguments, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx3g");
    command.addAll(JvmFlags.sparkOpens());
    command.add("-Dspark.master=" + cluster.masterUrl());
    command.add("-Dspark.driver.host=127.0.0.1");
    command.add("-Dspark.driver.bindAddress=127.0.0.1");
    command.add("-Dspark.ui.enabled=false");
    command.add("-Dspark.executor.cores=1");
    command.add("-Dspark.executor.memory=2g");
    command.add("-Dspark.task.maxFailures=8");
    command.add("-Dspark.speculation=true");
    command.add("-Dspark.speculation.multiplier=3");
    command.add("-Dspark.executor.extraClassPath=" + StandaloneCluster.classFolders());
    command.add("-Dspark.executor.extraJavaOptions=" + String.join(" ", JvmFlags.sparkOpens()));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("CoevGanJob");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("SPARK_HOME", cluster.home().toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.12");
    return builder.start();
  }

  /** Waits until the generation is done; false when the driver died first. */
  private static boolean awaitGeneration(Path run, Process driver, int generation)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline && driver.isAlive()) {
      try {
        if (RunFixture.record(run).get("generations_completed").asInt() >= generation) {
          return true;
        }
      } catch (RuntimeException notWrittenYet) {
        // run.json appears once the driver has started.
      }
      Thread.sleep(100);
    }
    if (driver.isAlive()) {
      throw new IllegalStateException("driver did not complete generation " + generation
          + " within 5 minutes");
    }
    return false;
  }

  private static String tail(Path log, int lines) throws IOException {
    List<String> all = java.nio.file.Files.readAllLines(log);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
