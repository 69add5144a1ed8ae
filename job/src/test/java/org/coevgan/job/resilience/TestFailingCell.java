package org.coevgan.job.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.coevgan.job.ExitStatus;
import org.coevgan.job.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell whose task fails more often than Spark retries fails the generation's state write, a
 * Spark job: the run must end with the environment exit status, a FAILED run.json naming the
 * cell, and no temporary state folder left behind.
 */
class TestFailingCell {
  @TempDir Path folder;

  @Test
  void aCellFailingBeyondSparksRetriesFailsTheRunCleanly() throws IOException {
    String data = TestData.mnistTable(folder, 400);
    Path run = folder.resolve("failing");
    // local[2]: one attempt per task, so the injected first-attempt failure is final.
    int exit =
        RunFixture.runWithFailingTask("local[2]", "1,0,2", RunFixture.arguments(data, run));

    assertEquals(ExitStatus.ENVIRONMENT.code(), exit);
    JsonNode record = RunFixture.record(run);
    assertEquals("FAILED", record.get("status").asText());
    assertTrue(record.toString().contains("injected task failure"), record.toString());
    try (Stream<Path> entries = Files.list(run.resolve("state"))) {
      assertEquals(List.of(), entries.map(p -> p.getFileName().toString())
          .filter(name -> name.startsWith(".")).toList(), "hidden leftovers in state/");
    }
  }
}
