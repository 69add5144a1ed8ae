package org.coevgan.job.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running the orchestration benchmark again into the same --output replaces the runs it made
 * before, and nothing else: a job's own run or a user's folder is refused and left as it was.
 */
class TestOrchestrationBenchmarkFolders {

  @Test
  void aRunTheBenchmarkMadeIsReplacedWithoutFollowingLinks(@TempDir Path temp) throws Exception {
    Path run = Files.createDirectories(temp.resolve("orchestration-3x3"));
    Files.createDirectories(run.resolve("state/generation-0001"));
    Files.writeString(run.resolve("run.json"), "{}");
    Path kept = Files.writeString(temp.resolve("elsewhere.txt"), "keep me");
    Files.createSymbolicLink(run.resolve("link"), kept);
    OrchestrationBenchmark.markAsBenchmarkRun(run);

    OrchestrationBenchmark.replacePreviousRun(run);

    assertFalse(Files.exists(run));
    assertTrue(Files.exists(kept), "the link's target must survive");
  }

  @Test
  void aJobRunOrAUserFolderIsRefusedAndLeftAlone(@TempDir Path temp) throws Exception {
    Path jobRun = Files.createDirectories(temp.resolve("orchestration-6x6"));
    Files.writeString(jobRun.resolve("run.json"), "{}");
    Path notes = Files.writeString(jobRun.resolve("my-notes.txt"), "thesis");
    Path file = Files.writeString(temp.resolve("orchestration-12x12"), "a file");

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> OrchestrationBenchmark.replacePreviousRun(jobRun));
    assertThrows(IllegalStateException.class,
        () -> OrchestrationBenchmark.replacePreviousRun(file));

    assertTrue(refused.getMessage().contains("choose another --output or delete it"),
        refused.getMessage());
    assertTrue(Files.exists(notes));
    assertTrue(Files.exists(file));
  }
}
